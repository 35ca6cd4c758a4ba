/// <reference lib="webworker" />
/**
 * The worker cells run in: the simulator core on globalThis, the console captured and capped, `display()` for
 * rich output, and each cell's compiled module imported from a blob URL. A session keeps one worker for all its
 * cells, whose top-level names are published on the worker's global object. The worker never touches the page:
 * it has no DOM and no access to the page's storage, and the page terminates it when a run takes too long.
 */
import * as kubesim from '../sim/index';
import { cellPosition, describeAt, framePosition, type CellPosition } from './error-position';
import { formatArgs } from './format';
import { OutputBudget } from './output-budget';
import type { FromWorker, OutputStream, ToWorker } from './protocol';
import { cellRequire, KUBESIM_GLOBAL, PUBLISH_GLOBAL } from './transpile-options';
import { warmUpSteps } from './warm-up';
import { createDisplay, richOutputSize } from './worker-display';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const globals = scope as unknown as Record<string, unknown>;

/** The run in progress: its id tags messages, its budget caps its output, its module maps its errors. */
let current = { runId: 0, budget: new OutputBudget(), url: '', js: '' };

function post(message: FromWorker): void {
  scope.postMessage(message);
}

/** Counts output against the run's caps; the first output over a cap sends the one truncation notice. */
function admit(lines: number, bytes: number): boolean {
  const wasExhausted = current.budget.isExhausted;
  if (current.budget.admit(lines, bytes)) return true;
  if (!wasExhausted) post({ type: 'truncated', runId: current.runId });
  return false;
}

function emit(stream: OutputStream, args: unknown[]): void {
  if (current.budget.isExhausted) return;
  const text = formatArgs(args) + '\n';
  if (admit(text.split('\n').length - 1, text.length)) post({ type: 'output', runId: current.runId, stream, text });
}

for (const stream of ['log', 'info', 'warn', 'error'] as const) {
  console[stream] = (...args: unknown[]) => emit(stream, args);
}

globals[KUBESIM_GLOBAL] = kubesim;
// What a cell's `import("kubesim")` compiles to (see transpile-options.ts).
globals.require = cellRequire(kubesim);
globals.display = createDisplay((output) => {
  const size = richOutputSize(output);
  if (admit(size.lines, size.bytes)) post({ type: 'rich', runId: current.runId, output });
});

/** Names the worker itself relies on: a session cell that declares one keeps it to itself. */
const RESERVED = new Set(['self', 'globalThis', 'postMessage', 'onmessage', 'close', 'console', 'display', 'require']);
globals[PUBLISH_GLOBAL] = (names: Record<string, unknown>) => {
  for (const [name, value] of Object.entries(names)) {
    if (RESERVED.has(name) || name === KUBESIM_GLOBAL || name === PUBLISH_GLOBAL) continue;
    try {
      Object.defineProperty(scope, name, { value, writable: true, configurable: true, enumerable: false });
    } catch {
      // a non-configurable built-in of the worker: the name stays the built-in for later cells
    }
  }
};

// Storage APIs are not for cells; removing them keeps cell code from reading anything the page stored.
for (const name of ['indexedDB', 'caches']) {
  try {
    Object.defineProperty(scope, name, { value: undefined });
  } catch {
    // not configurable in this browser: nothing to hide
  }
}

function reportError(err: unknown, fallback?: CellPosition): void {
  const message = err instanceof Error ? `${err.name}: ${err.message}` : `Uncaught ${formatArgs([err])}`;
  const stack = err instanceof Error ? (err.stack ?? '') : '';
  const generated = framePosition(stack, current.url) ?? fallback;
  const position = generated ? cellPosition(current.js, generated) : undefined;
  post({ type: 'error', runId: current.runId, message: describeAt(position, message), line: position?.line });
}

// An error thrown later from a timer or a promise the cell did not await still belongs to the cell.
scope.addEventListener('error', (event) => {
  event.preventDefault();
  const at = event.filename === current.url ? { line: event.lineno, column: event.colno } : undefined;
  reportError(event.error ?? event.message, at);
});
scope.addEventListener('unhandledrejection', (event) => {
  event.preventDefault();
  reportError(event.reason);
});

/** Loads a module from a blob URL once, so the first cell does not pay for starting the module loader. */
async function warmModuleLoader(): Promise<void> {
  const url = URL.createObjectURL(new Blob(['export {};'], { type: 'text/javascript' }));
  try {
    await import(/* webpackIgnore: true */ url);
  } catch {
    // warming is only an optimisation
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Set by the first run: a warm-up still under way stops at its next step. */
let ranACell = false;

/** Warms up one step per task, stopping as soon as a cell is to run: the cell must not wait for it. */
async function warmUp(): Promise<void> {
  await warmModuleLoader();
  const steps = warmUpSteps();
  try {
    while (!ranACell && !steps.next().done) await new Promise((resolve) => setTimeout(resolve, 0));
  } catch {
    // warming is only an optimisation
  }
}

scope.onmessage = async (event: MessageEvent<ToWorker>) => {
  if (event.data.type === 'warm') {
    await warmUp();
    return;
  }
  if (event.data.type !== 'run') return;
  ranACell = true;
  const { runId, js } = event.data;
  const url = URL.createObjectURL(new Blob([js], { type: 'text/javascript' }));
  current = { runId, budget: new OutputBudget(), url, js };
  try {
    await import(/* webpackIgnore: true */ url);
    post({ type: 'done', runId });
  } catch (err) {
    reportError(err);
  } finally {
    // Kept until the next run: a stack trace printed later still names this module.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
};
