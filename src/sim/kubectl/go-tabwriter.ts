/**
 * Go's text/tabwriter (left-aligned, space padding): cells end at '\t'; a column is aligned only across the block of
 * consecutive lines that have a cell in it, and the text after a line's last tab is never padded. kubectl describe
 * writes through tabwriter.NewWriter(out, 0, 8, 2, ' ', 0), which `tabbed()` reproduces.
 */
function runeWidth(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

export function goTabwriter(text: string, minWidth: number, padding: number): string {
  const endsWithNewline = text.endsWith('\n');
  const lines = (endsWithNewline ? text.slice(0, -1) : text).split('\n').map((l) => l.split('\t'));
  const out: string[] = [];
  const widths: number[] = [];

  const writeLines = (from: number, to: number): void => {
    for (let i = from; i < to; i++) {
      const cells = lines[i];
      let line = '';
      cells.forEach((cell, j) => {
        line += cell;
        if (j < widths.length && j < cells.length - 1) line += ' '.repeat(Math.max(0, widths[j] - runeWidth(cell)));
      });
      out.push(line);
    }
  };

  // format(): recursively find column blocks, left to right.
  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    let start = line0;
    for (let i = line0; i < line1; i++) {
      if (column >= lines[i].length - 1) continue;
      writeLines(start, i);
      let width = minWidth;
      let j = i;
      for (; j < line1 && column < lines[j].length - 1; j++) {
        width = Math.max(width, runeWidth(lines[j][column]) + padding);
      }
      widths.push(width);
      format(i, j);
      widths.pop();
      start = j;
      i = j - 1;
    }
    writeLines(start, line1);
  };
  format(0, lines.length);
  return out.join('\n') + (endsWithNewline ? '\n' : '');
}

/** tabbedString: describe's writer. `\f` (a PrefixWriter Flush) starts an independently aligned section. */
export function tabbed(text: string): string {
  return text
    .split('\f')
    .map((part) => goTabwriter(part, 0, 2))
    .join('');
}
