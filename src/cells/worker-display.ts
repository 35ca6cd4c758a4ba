/**
 * Builds the worker's `display` global. Every call becomes a RichOutput message; nothing here touches markup,
 * which the page sanitizes before showing it.
 */
import type { Display, RichOutput, TimelineSource } from './display-api';
import { formatValue } from './format';
import { timelineFrames } from './timeline-frames';

/** Rows of objects as a table: the columns are every key in order of first appearance. */
export function tableOutput(rows: object[]): RichOutput {
  if (!Array.isArray(rows)) throw new TypeError('display.table() needs an array of objects');
  const columns: string[] = [];
  for (const row of rows) for (const key of Object.keys(row ?? {})) if (!columns.includes(key)) columns.push(key);
  const cells = rows.map((row) =>
    columns.map((column) => {
      const value = (row as Record<string, unknown>)?.[column];
      return value === undefined ? '' : formatValue(value);
    }),
  );
  return { kind: 'table', columns, rows: cells };
}

function markup(value: unknown, what: string): string {
  if (typeof value !== 'string') throw new TypeError(`display.${what}() needs a string`);
  return value;
}

export function createDisplay(emit: (output: RichOutput) => void): Display {
  const display = ((text: unknown) => emit({ kind: 'text', text: formatValue(text) })) as Display;
  display.table = (rows) => emit(tableOutput(rows));
  display.html = (html) => emit({ kind: 'html', html: markup(html, 'html') });
  display.svg = (svg) => emit({ kind: 'svg', svg: markup(svg, 'svg') });
  display.timeline = (cluster: TimelineSource) => emit({ kind: 'timeline', frames: timelineFrames(cluster) });
  return display;
}

/** How much of the output caps a rich output uses: its lines of text and its size. */
export function richOutputSize(output: RichOutput): { lines: number; bytes: number } {
  const bytes = JSON.stringify(output).length;
  switch (output.kind) {
    case 'text':
      return { lines: output.text.split('\n').length, bytes };
    case 'table':
      return { lines: output.rows.length + 1, bytes };
    default:
      return { lines: 1, bytes };
  }
}
