/**
 * Runs compiled cell code in a fresh Web Worker, streaming its output, and stops it after a wall-clock limit so a
 * runaway loop can never freeze the page.
 */
import type { FromWorker, OutputStream } from './protocol';

export type RunOutcome =
  { state: 'done' } | { state: 'error'; message: string } | { state: 'timeout'; limitMs: number };

export interface RunHandlers {
  onOutput(stream: OutputStream, text: string): void;
  onTruncated(): void;
}

export const DEFAULT_TIMEOUT_MS = 5000;

export function runInWorker(js: string, handlers: RunHandlers, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<RunOutcome> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./cell.worker.ts', import.meta.url));
    let settled = false;
    const finish = (outcome: RunOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.terminate();
      resolve(outcome);
    };
    const timer = setTimeout(() => finish({ state: 'timeout', limitMs: timeoutMs }), timeoutMs);
    worker.onmessage = (event: MessageEvent<FromWorker>) => {
      const msg = event.data;
      if (msg.type === 'output') handlers.onOutput(msg.stream, msg.text);
      else if (msg.type === 'truncated') handlers.onTruncated();
      else if (msg.type === 'done') finish({ state: 'done' });
      else if (msg.type === 'error') finish({ state: 'error', message: msg.message });
    };
    worker.onerror = (event) => {
      event.preventDefault();
      finish({ state: 'error', message: event.message || 'the cell worker failed to start' });
    };
    worker.postMessage({ type: 'run', js });
  });
}
