/**
 * Turns fenced code blocks marked `live` into live cells:
 *
 * ```ts live id=ordered-creation
 * import { Cluster } from "kubesim";
 * ```
 *
 * becomes `<LiveCell id="ordered-creation" code="…" compiled="…" />`. The code is compiled here, at build time,
 * so running an unedited cell in the browser needs no compiler download. `session=name` makes cells on a page
 * share one cluster; `timeout=ms` changes the 5-second limit of one run.
 */
import { transform } from 'esbuild';
import { compileCellWith } from '../cells/transpile-options';

interface MdNode {
  type: string;
  lang?: string | null;
  meta?: string | null;
  value?: string;
  children?: MdNode[];
  [key: string]: unknown;
}

/** Parses `live id=x session=y timeout=10000` into its key=value pairs. */
export function parseCellMeta(meta: string): Record<string, string> | undefined {
  const words = meta.trim().split(/\s+/);
  if (!words.includes('live')) return undefined;
  const out: Record<string, string> = {};
  for (const w of words) {
    const eq = w.indexOf('=');
    if (eq > 0) out[w.slice(0, eq)] = w.slice(eq + 1).replace(/^"|"$/g, '');
  }
  return out;
}

async function compile(code: string, session: boolean, where: string): Promise<string> {
  const js = await compileCellWith({ transform }, code, session);
  if (!js) throw new Error(`live cell ${where}: esbuild produced no output`);
  return js;
}

function attribute(name: string, value: string) {
  return { type: 'mdxJsxAttribute', name, value };
}

export default function liveCells() {
  return async (tree: MdNode, file: { path?: string }) => {
    const jobs: Array<Promise<void>> = [];
    const ids = new Set<string>();
    const visit = (node: MdNode) => {
      for (const child of node.children ?? []) {
        if (child.type === 'code' && (child.lang === 'ts' || child.lang === 'typescript') && child.meta) {
          const meta = parseCellMeta(child.meta);
          if (meta) {
            const id = meta.id;
            if (!id) throw new Error(`${file.path}: a live cell needs an id (\`\`\`ts live id=…)`);
            if (ids.has(id)) throw new Error(`${file.path}: duplicate live cell id "${id}"`);
            ids.add(id);
            const code = child.value ?? '';
            jobs.push(
              compile(code, Boolean(meta.session), `${file.path}#${id}`).then((compiled) => {
                const attrs = [attribute('id', id), attribute('code', code), attribute('compiled', compiled)];
                if (meta.session) attrs.push(attribute('session', meta.session));
                if (meta.timeout) attrs.push(attribute('timeout', meta.timeout));
                Object.assign(child, { type: 'mdxJsxFlowElement', name: 'LiveCell', attributes: attrs, children: [] });
                delete child.lang;
                delete child.meta;
                delete child.value;
              }),
            );
            continue;
          }
        }
        visit(child);
      }
    };
    visit(tree);
    await Promise.all(jobs);
  };
}
