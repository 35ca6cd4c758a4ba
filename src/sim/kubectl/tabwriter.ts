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

/**
 * Column widths that only grow, for `kubectl get -w`: kubectl's tabwriter keeps the widths of what it already
 * printed (its RememberWidths flag), so later rows line up with the header and a longer cell widens its column
 * from then on.
 */
export class RememberedWidths {
  private widths: number[] = [];

  /** Starts from a table already printed: each column is as wide as its header cell's span. */
  static fromPrinted(table: string): RememberedWidths {
    const remembered = new RememberedWidths();
    const header = table.split('\n')[0] ?? '';
    const starts = [...header.matchAll(/\S+(?: \S+)*/g)].map((m) => m.index ?? 0);
    for (let i = 0; i + 1 < starts.length; i++) remembered.widths[i] = starts[i + 1] - starts[i];
    return remembered;
  }

  format(rows: string[][]): string {
    for (const row of rows) {
      for (let i = 0; i < row.length - 1; i++) {
        this.widths[i] = Math.max(this.widths[i] ?? MIN_WIDTH, textWidth(row[i]) + PADDING);
      }
    }
    let out = '';
    for (const row of rows) {
      out += row
        .map((cell, i) => (i < row.length - 1 ? cell + ' '.repeat(this.widths[i] - textWidth(cell)) : cell))
        .join('');
      out += '\n';
    }
    return out;
  }
}
