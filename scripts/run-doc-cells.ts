/**
 * Runs a page's live cells in Node, in page order, the way the browser's worker runs them: compiled by the same
 * esbuild options, `kubesim` from src/sim, `display` recorded as text, session cells sharing their names.
 *
 *   node --import tsx scripts/run-doc-cells.ts docs/statefulset/ordered-creation.mdx [--json]
 *
 * Prints each cell's output (or, with --json, a JSON array of { id, session, ok, output, error }).
 */
import { transform } from 'esbuild';
import { readFileSync } from 'node:fs';
import * as kubesim from '../src/sim/index';
import { formatArgs } from '../src/cells/format';
import { KUBESIM_GLOBAL, PUBLISH_GLOBAL, cellRequire, compileCellWith } from '../src/cells/transpile-options';
import { createDisplay } from '../src/cells/worker-display';
import { liveCellsOf } from './live-cells-of';

export interface CellRun {
  id: string;
  session?: string;
  ok: boolean;
  output: string;
  error?: string;
}

async function runPage(file: string): Promise<CellRun[]> {
  const globals = globalThis as unknown as Record<string, unknown>;
  globals[KUBESIM_GLOBAL] = kubesim;
  globals.require = cellRequire(kubesim);
  globals[PUBLISH_GLOBAL] = (names: Record<string, unknown>) => Object.assign(globals, names);
  const runs: CellRun[] = [];
  for (const cell of liveCellsOf(readFileSync(file, 'utf8'))) {
    let output = '';
    const write = (...args: unknown[]) => {
      output += `${formatArgs(args)}\n`;
    };
    const saved = { log: console.log, info: console.info, warn: console.warn, error: console.error };
    console.log = console.info = console.warn = console.error = write;
    // Rich output as the page's text shows it: tables as tab-separated rows, pictures without text.
    globals.display = createDisplay((o) => {
      if (o.kind === 'text') output += `${o.text}\n`;
      else if (o.kind === 'table') output += [o.columns, ...o.rows].map((r) => r.join('\t')).join('\n') + '\n';
    });
    try {
      const js = await compileCellWith({ transform }, cell.code, cell.session !== undefined);
      await import(`data:text/javascript;base64,${Buffer.from(js).toString('base64')}`);
      runs.push({ id: cell.id, session: cell.session, ok: true, output });
    } catch (err) {
      runs.push({
        id: cell.id,
        session: cell.session,
        ok: false,
        output,
        error: err instanceof Error ? `${err.name}: ${err.message}` : String(err),
      });
    } finally {
      Object.assign(console, saved);
    }
  }
  return runs;
}

async function main(): Promise<void> {
  const [file, flag] = process.argv.slice(2);
  if (!file) {
    console.error('usage: node --import tsx scripts/run-doc-cells.ts <page.mdx> [--json]');
    process.exit(2);
  }
  const runs = await runPage(file);
  if (flag === '--json') {
    process.stdout.write(JSON.stringify(runs));
  } else {
    for (const run of runs) {
      console.log(`\n===== ${run.id}${run.session ? ` (session ${run.session})` : ''}: ${run.ok ? 'ok' : 'FAILED'}`);
      process.stdout.write(run.output);
      if (run.error) console.log(`!! ${run.error}`);
    }
  }
  process.exit(runs.every((r) => r.ok) ? 0 : 1);
}

void main();
