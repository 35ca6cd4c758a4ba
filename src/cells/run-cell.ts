/**
 * Runs compiled cell code in a Web Worker, streaming its output, and stops the worker after a wall-clock limit so
 * a runaway loop can never freeze the page. A worker can serve several runs in turn (a session) or just one.
 */
import type { RichOutput } from './display-api';
import type { FromWorker, OutputStream, ToWorker } from './protocol';

export type RunOutcome =
  | { state: 'done' }
  | { state: 'error'; message: string; line?: number }
  | { state: 'timeout'; limitMs: number }
  /** The worker was terminated while the run was under way (its session restarted). */
  | { state: 'stopped' };

export interface RunHandlers {
  onOutput(stream: OutputStream, text: string): void;
  onRich(output: RichOutput): void;
  onTruncated(): void;
}

export const DEFAULT_TIMEOUT_MS = 5000;

export class CellWorker {
  private readonly worker = new Worker(new URL('./cell.worker.ts', import.meta.url));
  private nextRunId = 1;
  private terminated = false;
  private stopRun?: () => void;

  get isTerminated(): boolean {
    return this.terminated;
  }

  /** Prepares a worker that has run nothing for its first run: see warm-up.ts. Only for a spare. */
  warm(): void {
    this.worker.postMessage({ type: 'warm' } satisfies ToWorker);
  }

  terminate(): void {
    this.terminated = true;
    this.worker.terminate();
    this.stopRun?.();
  }

  /** Runs one module. On timeout the worker is terminated: its state cannot be trusted any more. */
  run(js: string, handlers: RunHandlers, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<RunOutcome> {
    const runId = this.nextRunId++;
    return new Promise((resolve) => {
      let settled = false;
      const finish = (outcome: RunOutcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.worker.onmessage = null;
        this.worker.onerror = null;
        this.stopRun = undefined;
        if (outcome.state === 'timeout') this.terminate();
        resolve(outcome);
      };
      this.stopRun = () => finish({ state: 'stopped' });
      const timer = setTimeout(() => finish({ state: 'timeout', limitMs: timeoutMs }), timeoutMs);
      this.worker.onmessage = (event: MessageEvent<FromWorker>) => {
        const msg = event.data;
        if (msg.runId !== runId) return;
        if (msg.type === 'output') handlers.onOutput(msg.stream, msg.text);
        else if (msg.type === 'rich') handlers.onRich(msg.output);
        else if (msg.type === 'truncated') handlers.onTruncated();
        else if (msg.type === 'done') finish({ state: 'done' });
        else if (msg.type === 'error') finish({ state: 'error', message: msg.message, line: msg.line });
      };
      this.worker.onerror = (event) => {
        event.preventDefault();
        this.terminate();
        finish({ state: 'error', message: event.message || 'the cell worker failed to start' });
      };
      this.worker.postMessage({ type: 'run', runId, js } satisfies ToWorker);
    });
  }
}

let spare: CellWorker | undefined;

/**
 * Starts a worker in the background for the next run, so that loading and starting the worker (and the simulator
 * in it) is not on the path from a click to the output, and warms it up while it waits. The spare has run no cell:
 * it is as fresh as a new one.
 */
export function prepareSpareWorker(): void {
  if (spare && !spare.isTerminated) return;
  spare = new CellWorker();
  spare.warm();
}

/** A worker that has run nothing yet: the spare if there is one, otherwise a new one. */
export function freshWorker(): CellWorker {
  const worker = spare && !spare.isTerminated ? spare : new CellWorker();
  spare = undefined;
  return worker;
}

/** A self-contained cell: a fresh worker for the run, terminated afterwards. */
export async function runInFreshWorker(js: string, handlers: RunHandlers, timeoutMs?: number): Promise<RunOutcome> {
  const worker = freshWorker();
  // The next spare starts booting now, beside this run, so that it is ready (and warm) by the next click.
  setTimeout(prepareSpareWorker, 0);
  try {
    return await worker.run(js, handlers, timeoutMs);
  } finally {
    worker.terminate();
  }
}
