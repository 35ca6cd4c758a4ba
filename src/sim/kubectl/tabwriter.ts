/**
 * Column alignment as kubectl's printers do it: Go's text/tabwriter with minwidth 6, padding 3 and spaces
 * (printers.GetNewTabWriter). Every cell but the last in a row is padded to its column's width.
 */
const MIN_WIDTH = 6;
const PADDING = 3;

export function formatTable(rows: string[][]): string {
  const widths: number[] = [];
  for (const row of rows) {
    for (let i = 0; i < row.length - 1; i++) {
      widths[i] = Math.max(widths[i] ?? MIN_WIDTH, textWidth(row[i]) + PADDING);
    }
  }
  let out = '';
  for (const row of rows) {
    let line = '';
    for (let i = 0; i < row.length; i++) {
      const cell = row[i];
      line += i < row.length - 1 ? cell + ' '.repeat(widths[i] - textWidth(cell)) : cell;
    }
    out += line + '\n';
  }
  return out;
}

/** Display width in runes, as tabwriter counts it. */
function textWidth(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}
