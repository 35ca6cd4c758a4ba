/// <reference lib="webworker" />
/**
 * The worker a cell runs in: the simulator core on globalThis, the console captured and capped, and the cell's
 * compiled module imported from a blob URL. It never touches the page: it has no DOM and no access to the page's
 * storage, and the page terminates it when a run takes too long.
 */
import * as kubesim from '../sim/index';
import { formatArgs } from './format';
import { MAX_OUTPUT_BYTES, MAX_OUTPUT_LINES, type FromWorker, type OutputStream, type ToWorker } from './protocol';
import { KUBESIM_GLOBAL } from './transpile-options';

const scope = self as unknown as DedicatedWorkerGlobalScope;
(scope as unknown as Record<string, unknown>)[KUBESIM_GLOBAL] = kubesim;

let lines = 0;
let bytes = 0;
let truncated = false;

function post(message: FromWorker): void {
  scope.postMessage(message);
}

function emit(stream: OutputStream, args: unknown[]): void {
  if (truncated) return;
  const text = formatArgs(args) + '\n';
  const newLines = text.split('\n').length - 1;
  if (lines + newLines > MAX_OUTPUT_LINES || bytes + text.length > MAX_OUTPUT_BYTES) {
    truncated = true;
    post({ type: 'truncated', lines, bytes });
    return;
  }
  lines += newLines;
  bytes += text.length;
  post({ type: 'output', stream, text });
}

for (const stream of ['log', 'info', 'warn', 'error'] as const) {
  console[stream] = (...args: unknown[]) => emit(stream, args);
}
// Storage APIs are not for cells; removing them keeps cell code from reading anything the page stored.
for (const name of ['indexedDB', 'caches']) {
  try {
    Object.defineProperty(scope, name, { value: undefined });
  } catch {
    // not configurable in this browser: nothing to hide
  }
}

scope.onmessage = async (event: MessageEvent<ToWorker>) => {
  if (event.data.type !== 'run') return;
  const url = URL.createObjectURL(new Blob([event.data.js], { type: 'text/javascript' }));
  try {
    await import(/* webpackIgnore: true */ url);
    post({ type: 'done' });
  } catch (err) {
    const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    post({ type: 'error', message });
  } finally {
    URL.revokeObjectURL(url);
  }
};
