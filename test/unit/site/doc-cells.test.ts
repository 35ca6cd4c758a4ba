import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { CELL_CLAIMS } from '../../claims/cell-claims';
import { liveCellsOf } from '../../../scripts/live-cells-of';

// Every live cell of every page, in both languages, runs against the simulator without error and prints what
// its chapter claims.
const ROOT = path.resolve(import.meta.dirname, '../../..');
const LOCALES = [
  { name: 'zh-Hans', dir: path.join(ROOT, 'docs') },
  { name: 'en', dir: path.join(ROOT, 'i18n/en/docusaurus-plugin-content-docs/current') },
];

function pages(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return pages(full);
    return /\.mdx?$/.test(name) ? [full] : [];
  });
}

interface CellRun {
  id: string;
  ok: boolean;
  output: string;
  error?: string;
}

for (const locale of LOCALES) {
  describe(`live cells (${locale.name})`, () => {
    for (const page of pages(locale.dir).sort()) {
      const cells = liveCellsOf(readFileSync(page, 'utf8'));
      if (cells.length === 0) continue;
      const rel = path.relative(locale.dir, page);
      it(`${rel}: every cell runs and prints its claim`, () => {
        const run = spawnSync(
          process.execPath,
          ['--import', 'tsx', path.join(ROOT, 'scripts/run-doc-cells.ts'), page, '--json'],
          {
            encoding: 'utf8',
            maxBuffer: 64 * 1024 * 1024,
          },
        );
        const runs = JSON.parse(run.stdout || '[]') as CellRun[];
        assert.equal(runs.length, cells.length, run.stderr);
        for (const cell of runs) {
          assert.ok(cell.ok, `${cell.id} failed: ${cell.error}\n${cell.output}`);
          const claims = CELL_CLAIMS[cell.id];
          assert.ok(claims && claims.length > 0, `${cell.id} has no claim in test/claims/cell-claims.ts`);
          for (const claim of claims) assert.match(cell.output, claim, `${cell.id}`);
        }
      });
    }
  });
}
