import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { transform } from 'esbuild';
import * as kubesim from '../../../src/sim/index';
import { cellPosition } from '../../../src/cells/error-position';
import { cellRequire, compileCellWith, describeBuildErrors } from '../../../src/cells/transpile-options';

/** Compiles a cell and runs it as the worker would: kubesim on globalThis, its output collected. */
async function run(ts: string): Promise<unknown[]> {
  const globals = globalThis as unknown as Record<string, unknown>;
  const out: unknown[] = [];
  globals.__kubesim = kubesim;
  globals.require = cellRequire(kubesim);
  globals.__out = out;
  const js = await compileCellWith({ transform }, ts, false);
  await import(`data:text/javascript;base64,${Buffer.from(js).toString('base64')}`);
  return out;
}

async function compileError(ts: string): Promise<{ text: string; line?: number }> {
  try {
    await compileCellWith({ transform }, ts, false);
  } catch (err) {
    return describeBuildErrors((err as { errors: Parameters<typeof describeBuildErrors>[0] }).errors);
  }
  throw new Error('compiled without an error');
}

const OUT = '(globalThis as any).__out.push';

describe('importing kubesim in a cell', () => {
  it('binds named, renamed, default, namespace and type imports', async () => {
    const out = await run(
      [
        'import { Cluster, parseDuration as pd, type HistoryEntry } from "kubesim";',
        'import * as k from "kubesim";',
        'import sim, { humanDuration } from "kubesim";',
        'const entries: HistoryEntry[] = [];',
        `${OUT}(typeof Cluster, pd("1m"), k.Cluster === Cluster, sim.Cluster === Cluster, typeof humanDuration, entries.length);`,
      ].join('\n'),
    );
    assert.deepEqual(out, ['function', 60000, true, true, 'function', 0]);
  });

  it('handles an import over several lines and keeps every later line where it was', async () => {
    const ts = [
      'import {',
      '  Cluster,',
      '  CLUSTER_DOMAIN,',
      '  KUBERNETES_VERSION, NODE_MONITOR_GRACE_PERIOD_MS, humanDuration, parseDuration,',
      '} from "kubesim";',
      `${OUT}(typeof Cluster, CLUSTER_DOMAIN, typeof KUBERNETES_VERSION);`,
      'throw new RangeError("here");',
    ].join('\n');
    const js = await compileCellWith({ transform }, ts, false);
    const lines = js.split('\n');
    const line = lines.findIndex((l) => l.includes('new RangeError'));
    assert.deepEqual(cellPosition(js, { line: line + 1, column: lines[line].indexOf('new RangeError') + 1 }), {
      line: 7,
      column: 7,
    });
    await assert.rejects(run(ts), /here/);
  });

  it('runs top-level await and a dynamic import of kubesim', async () => {
    const out = await run(`const { Cluster } = await import("kubesim");\n${OUT}(typeof Cluster);`);
    assert.deepEqual(out, ['function']);
  });

  it('leaves text that only looks like an import alone', async () => {
    const out = await run(`const text = \`\nimport { Nope } from "elsewhere";\n\`;\n${OUT}(text.trim());`);
    assert.deepEqual(out, ['import { Nope } from "elsewhere";']);
  });

  it('rejects any other import at the reader’s line', async () => {
    const error = await compileError('const a = 1;\n\nimport { x } from "./other";\nconsole.log(a, x);');
    assert.equal(error.text, 'cell.ts:3:1: Only "kubesim" can be imported in a cell (found "./other")');
    assert.equal(error.line, 3);
    await assert.rejects(run('const m = "node:fs";\nawait import(m);'), /Only "kubesim" can be imported/);
  });
});
