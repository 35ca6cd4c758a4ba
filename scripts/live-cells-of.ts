/** The live cells of an MDX page, in order: ```ts live id=… [session=…] [timeout=…]``` fenced blocks. */
export interface LiveCellSource {
  id: string;
  session?: string;
  code: string;
}

export function liveCellsOf(mdx: string): LiveCellSource[] {
  const cells: LiveCellSource[] = [];
  const fence = /^```ts live\b([^\n]*)\n([\s\S]*?)^```\s*$/gm;
  for (const m of mdx.matchAll(fence)) {
    const meta = Object.fromEntries(
      m[1]
        .trim()
        .split(/\s+/)
        .filter((w) => w.includes('='))
        .map((w) => [w.slice(0, w.indexOf('=')), w.slice(w.indexOf('=') + 1).replace(/^"|"$/g, '')]),
    );
    cells.push({ id: meta.id, session: meta.session, code: m[2] });
  }
  return cells;
}
