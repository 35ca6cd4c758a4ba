/**
 * Where in the reader's cell.ts a runtime error happened: the first stack frame inside the cell's own module,
 * mapped back through the module's inline source map.
 */
import { inlineSourceMap, type SourcePosition } from './source-map';

export interface CellPosition {
  line: number;
  column: number;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The first "url:line:column" in a V8 or Firefox stack trace for the given module URL. */
export function framePosition(stack: string, moduleUrl: string): CellPosition | undefined {
  const match = new RegExp(`${escapeRegExp(moduleUrl)}:(\\d+):(\\d+)`).exec(stack);
  return match ? { line: Number(match[1]), column: Number(match[2]) } : undefined;
}

function isCellSource(position: SourcePosition | undefined): position is SourcePosition {
  return position !== undefined && /(^|\/)cell\.ts$/.test(position.source);
}

/** Maps a generated position in the compiled module back to cell.ts; undefined when it is not the reader's code. */
export function cellPosition(js: string, generated: CellPosition): CellPosition | undefined {
  const original = inlineSourceMap(js)?.originalPosition(generated.line, generated.column);
  return isCellSource(original) ? { line: original.line, column: original.column } : undefined;
}

/** The reader-facing form of an error: "cell.ts:3:7: Error: boom". */
export function describeAt(position: CellPosition | undefined, message: string): string {
  return position ? `cell.ts:${position.line}:${position.column}: ${message}` : message;
}
