/** Messages between the page and a cell's Web Worker. */
export type ToWorker = { type: 'run'; js: string };

export type OutputStream = 'log' | 'info' | 'warn' | 'error';

export type FromWorker =
  | { type: 'output'; stream: OutputStream; text: string }
  | { type: 'truncated'; lines: number; bytes: number }
  | { type: 'done' }
  | { type: 'error'; message: string };

/** Output caps: past either, the worker stops sending and says so once. */
export const MAX_OUTPUT_LINES = 2000;
export const MAX_OUTPUT_BYTES = 200_000;
