/**
 * Live-cell benchmark against the built site (run `npx docusaurus build` first):
 *
 *   node --import tsx bench/cells.ts [contexts]
 *
 * Serves build/ with scripts/serve-build.mjs on a free port and drives Debian's Chromium. Every figure is the
 * median over several fresh browser contexts (cold caches). It prints figures and their ratio to the targets and
 * never fails on timing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';

const CONTEXTS = Number(process.argv[2] ?? 5);
const LATER_RUNS = 5;
/**
 * How long (c) waits between the last keystroke and Run: a reader reaching for the button or for Ctrl+Enter takes
 * longer. The same runs clicked at once are printed too.
 */
const READER_PAUSE_MS = 150;
const DOC_PAGE = '/docs/statefulset/ordered-creation';
const CELL = 'sts-ordered-create';
const STORAGE_PREFIX = 'workload-lab:cell:';
const TARGETS = { unedited: 150, firstEdited: 1500, laterEdited: 60 };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function serve(port: number): Promise<ChildProcess> {
  // Run from the project root, where build/ and scripts/ are.
  const server = spawn(process.execPath, [path.join('scripts', 'serve-build.mjs'), String(port)], { stdio: 'ignore' });
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  server.kill();
  throw new Error('scripts/serve-build.mjs did not start; is there a build/ directory?');
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Clicks Run in the page itself and times it until the output box leaves the running state. */
interface TimedRun {
  ms: number;
  state: string;
  /**
   * The page's own measures of the run: waiting for the compiled module (0 for a build-time compiled cell, or for
   * an edit compiled in the background before the click), the worker run, and esbuild's last compile itself.
   */
  compileMs: number;
  workerMs: number;
  esbuildMs: number;
}

function timeRun(page: Page, id: string): Promise<TimedRun> {
  return page.evaluate(
    (cellId) =>
      new Promise<TimedRun>((resolve) => {
        const root = document.querySelector(`[data-cell-id="${cellId}"]`)!;
        const output = root.querySelector<HTMLElement>('[data-cell-output]')!;
        let sawRunning = false;
        const observer = new MutationObserver(() => {
          const state = output.dataset.state ?? '';
          if (state === 'running') sawRunning = true;
          else if (sawRunning && state !== 'idle') {
            observer.disconnect();
            const ms = performance.now() - started;
            const compile = performance.getEntriesByName('cell:compile').pop();
            const run = performance.getEntriesByName('cell:run').pop();
            const esbuild = performance.getEntriesByName('cell:esbuild').pop();
            resolve({
              ms,
              state,
              compileMs: compile?.duration ?? NaN,
              workerMs: run?.duration ?? NaN,
              esbuildMs: esbuild?.duration ?? NaN,
            });
          }
        });
        observer.observe(output, { attributes: true, attributeFilter: ['data-state'] });
        const started = performance.now();
        root.querySelector<HTMLButtonElement>('[data-cell-run]')!.click();
      }),
    id,
  );
}

interface PageBytes {
  initialJs: number;
  jsBeforeRun: number;
  wasm: string[];
}

/** JavaScript the page loaded (resource timing, same origin so sizes are known), split at the load event. */
function scriptBytes(page: Page): Promise<PageBytes> {
  // No named inner functions here: tsx would wrap them in a helper the page does not have.
  return page.evaluate(() => {
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const scripts = resources
      .filter((r) => new URL(r.name).pathname.endsWith('.js'))
      .map((r) => ({ start: r.startTime, bytes: r.transferSize || r.encodedBodySize }));
    return {
      initialJs: scripts.filter((r) => r.start <= navigation.loadEventStart).reduce((n, r) => n + r.bytes, 0),
      jsBeforeRun: scripts.reduce((n, r) => n + r.bytes, 0),
      wasm: resources.map((r) => r.name).filter((name) => new URL(name).pathname.endsWith('.wasm')),
    };
  });
}

async function measureContext(browser: Browser, base: string, sucraseBundle?: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(base + DOC_PAGE, { waitUntil: 'load' });
  await page.locator(`[data-cell-id="${CELL}"] [data-cell-editor="codemirror"]`).waitFor();
  await page.waitForLoadState('networkidle');
  const bytes = await scriptBytes(page);

  const unedited = await timeRun(page, CELL);

  // An edit saved before the page loads: the first run has to start esbuild-wasm, nothing prefetched it.
  const original = await page.locator(`[data-cell-id="${CELL}"] .cm-content .cm-line`).allTextContents();
  const edited = original.join('\n').replace('replicas: 3', 'replicas: 4');
  await page.evaluate(([key, code]) => localStorage.setItem(key, code), [STORAGE_PREFIX + CELL, edited]);
  await page.reload({ waitUntil: 'load' });
  await page.locator(`[data-cell-id="${CELL}"] [data-cell-modified]`).waitFor();
  const firstEdited = await timeRun(page, CELL);

  const later: TimedRun[] = [];
  const laterAtOnce: TimedRun[] = [];
  const editor = page.locator(`[data-cell-id="${CELL}"] .cm-content`);
  for (let i = 0; i < 2 * LATER_RUNS; i++) {
    await editor.click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.insertText(`\n// edit ${i}`);
    const atOnce = i >= LATER_RUNS;
    if (!atOnce) await page.waitForTimeout(READER_PAUSE_MS);
    const run = await timeRun(page, CELL);
    if (run.state === 'done') (atOnce ? laterAtOnce : later).push(run);
  }
  const sucrase = sucraseBundle ? await timeSucrase(page, sucraseBundle, edited) : undefined;
  await context.close();
  const states = [unedited.state, firstEdited.state];
  return { bytes, unedited, firstEdited, later, laterAtOnce, states, edited, sucrase };
}

/**
 * sucrase bundled for the browser (an IIFE defining `sucrase`), built here with the esbuild npm package, so that the
 * anchor for (c) runs in the same Chromium page as the cells. Undefined if sucrase is not installed.
 */
async function sucraseForBrowser(): Promise<string | undefined> {
  try {
    const { build } = await import('esbuild');
    const result = await build({
      stdin: { contents: "export { transform } from 'sucrase';", resolveDir: process.cwd(), loader: 'js' },
      bundle: true,
      write: false,
      format: 'iife',
      globalName: 'sucrase',
      platform: 'browser',
      target: 'es2022',
      logLevel: 'silent',
    });
    return result.outputFiles[0].text;
  } catch {
    return undefined;
  }
}

interface SucraseTimes {
  first: number;
  later: number[];
}

/** Transforms the edited snippet with sucrase in the page, the same kind of edit each time as (c). */
async function timeSucrase(page: Page, bundle: string, snippet: string): Promise<SucraseTimes> {
  await page.addScriptTag({ content: bundle });
  return page.evaluate(
    ([code, runs]) => {
      const { transform } = (window as unknown as { sucrase: { transform(c: string, o: object): unknown } }).sucrase;
      const times: number[] = [];
      for (let i = 0; i <= runs; i++) {
        const started = performance.now();
        transform(`${code}\n// edit ${i}`, { transforms: ['typescript'] });
        times.push(performance.now() - started);
      }
      return { first: times[0], later: times.slice(1) };
    },
    [snippet, 20] as const,
  );
}

function report(label: string, values: number[], target?: number): void {
  const m = median(values);
  const ratio = target ? `  target ≤ ${target} ms, ratio ${(m / target).toFixed(2)}` : '';
  const all = values.map((v) => v.toFixed(0)).join(', ');
  console.log(`${label}: median ${m.toFixed(0)} ms${ratio}  [${all}]`);
}

async function main(): Promise<void> {
  const port = await freePort();
  const server = await serve(port);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    const sucraseBundle = await sucraseForBrowser();
    const results = [];
    for (let i = 0; i < CONTEXTS; i++) results.push(await measureContext(browser, base, sucraseBundle));
    const failed = results.flatMap((r) => r.states).filter((s) => s !== 'done');
    console.log(`live cells on ${DOC_PAGE}, cell ${CELL}, ${CONTEXTS} fresh browser contexts`);
    if (failed.length > 0) console.log(`warning: some runs did not finish: ${failed.join(', ')}`);
    const runs: Array<[string, TimedRun[], number]> = [
      ['(a) unedited cell, click → output', results.map((r) => r.unedited), TARGETS.unedited],
      ['(b) first edited run, incl. esbuild-wasm start', results.map((r) => r.firstEdited), TARGETS.firstEdited],
      [
        `(c) later edited runs, Run ${READER_PAUSE_MS} ms after the last keystroke`,
        results.flatMap((r) => r.later),
        TARGETS.laterEdited,
      ],
      ['    the same, Run at once after the keystroke', results.flatMap((r) => r.laterAtOnce), TARGETS.laterEdited],
    ];
    for (const [label, timed, target] of runs) {
      report(
        label,
        timed.map((t) => t.ms),
        target,
      );
      const compile = median(timed.map((t) => t.compileMs)).toFixed(0);
      console.log(
        `    of which waiting for the compile ${compile} ms, worker run ${median(timed.map((t) => t.workerMs)).toFixed(0)} ms`,
      );
    }
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    console.log(
      `(d) JavaScript for the page before any run: ${kb(median(results.map((r) => r.bytes.initialJs)))} until the load ` +
        `event, ${kb(median(results.map((r) => r.bytes.jsBeforeRun)))} once idle (with the editor loaded)`,
    );
    const wasm = results.flatMap((r) => r.bytes.wasm);
    console.log(`    .wasm among them: ${wasm.length === 0 ? 'none' : wasm.join(', ')}`);
    const sucrase = results.flatMap((r) => (r.sucrase ? [r.sucrase] : []));
    if (sucrase.length === 0) console.log('sucrase: not installed');
    else {
      const compile = median(results.flatMap((r) => [...r.later, ...r.laterAtOnce].map((t) => t.esbuildMs)));
      const anchor = median(sucrase.flatMap((t) => t.later));
      console.log(
        `anchor for (c), the same edited snippet in the same Chromium page: sucrase ${anchor.toFixed(2)} ms median ` +
          `(first call ${median(sucrase.map((t) => t.first)).toFixed(1)} ms), esbuild-wasm compile ${compile.toFixed(1)} ms ` +
          `median, ratio ${(compile / anchor).toFixed(1)}`,
      );
    }
  } finally {
    await browser.close();
    server.kill();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
