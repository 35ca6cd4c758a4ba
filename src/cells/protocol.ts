/** Messages between the page and a cell's Web Worker. */
import type { RichOutput } from './display-api';

/**
 * `run`: runs one compiled module; `runId` tags every message the run sends back. `warm`: a spare worker that has
 * run nothing yet prepares for its first run (it sends nothing back).
 */
export type ToWorker = { type: 'run'; runId: number; js: string } | { type: 'warm' };

export type OutputStream = 'log' | 'info' | 'warn' | 'error';

export type FromWorker =
  | { type: 'output'; runId: number; stream: OutputStream; text: string }
  | { type: 'rich'; runId: number; output: RichOutput }
  | { type: 'truncated'; runId: number }
  | { type: 'done'; runId: number }
  /** `line` is the reader's cell.ts line the error points at, when it could be mapped. */
  | { type: 'error'; runId: number; message: string; line?: number };

/** Output caps: past either, the worker stops sending and says so once. */
export const MAX_OUTPUT_LINES = 2000;
export const MAX_OUTPUT_BYTES = 200_000;
