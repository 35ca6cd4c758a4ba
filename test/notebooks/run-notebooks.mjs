// Executes every notebook under notebooks/ headlessly with Jupyter and the tslab kernel, then checks its outputs.
// Also checks that notebooks are committed without outputs and that each exists in both languages with the same code.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ensureTslabKernel, repoRoot, SYSTEM_PYTHON } from '../../scripts/tslab-kernel.mjs';
import { EXPECTATIONS } from './expectations.mjs';

const LANGS = ['zh', 'en'];
let passed = 0;
let failed = 0;
const check = (ok, label, detail = '') => {
  if (ok) {
    passed++;
    console.log(`  ✔ ${label}`);
  } else {
    failed++;
    console.log(`  ✘ ${label}${detail ? `\n${detail.replace(/^/gm, '      ')}` : ''}`);
  }
};

const codeOf = (nb) => nb.cells.filter((c) => c.cell_type === 'code').map((c) => [].concat(c.source).join(''));
const textOf = (cell) =>
  (cell.outputs ?? [])
    .map((o) => (o.output_type === 'stream' ? [].concat(o.text).join('') : o.data?.['text/plain'] ? [].concat(o.data['text/plain']).join('') : ''))
    .join('');

const notebookDir = path.join(repoRoot, 'notebooks');
const names = new Set(LANGS.flatMap((lang) => (existsSync(path.join(notebookDir, lang)) ? readdirSync(path.join(notebookDir, lang)) : [])));
const notebooks = [...names].filter((n) => n.endsWith('.ipynb')).sort();
if (notebooks.length === 0) {
  console.error('no notebooks found');
  process.exit(1);
}

console.log('notebooks: stored form');
for (const name of notebooks) {
  const parsed = {};
  for (const lang of LANGS) {
    const file = path.join(notebookDir, lang, name);
    check(existsSync(file), `${lang}/${name} exists`);
    if (!existsSync(file)) continue;
    const nb = JSON.parse(readFileSync(file, 'utf8'));
    parsed[lang] = nb;
    const dirty = nb.cells.filter((c) => c.cell_type === 'code' && ((c.outputs ?? []).length > 0 || c.execution_count !== null));
    check(dirty.length === 0, `${lang}/${name} is committed without outputs`, `${dirty.length} code cell(s) have outputs`);
    check(nb.metadata?.kernelspec?.name === 'tslab', `${lang}/${name} uses the tslab kernel`);
  }
  if (parsed.zh && parsed.en) {
    check(JSON.stringify(codeOf(parsed.zh)) === JSON.stringify(codeOf(parsed.en)), `${name}: zh and en have the same code cells`);
  }
  check(Boolean(EXPECTATIONS[name]), `${name} has output expectations`);
}

const jupyterPath = ensureTslabKernel();
for (const name of notebooks) {
  for (const lang of LANGS) {
    const file = path.join(notebookDir, lang, name);
    if (!existsSync(file)) continue;
    console.log(`notebooks: executing ${lang}/${name}`);
    const started = Date.now();
    const run = spawnSync(SYSTEM_PYTHON, [path.join(repoRoot, 'test/notebooks/execute.py'), file, '120'], {
      env: { ...process.env, JUPYTER_PATH: jupyterPath },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    check(run.status === 0, `${lang}/${name} executes without errors (${seconds} s)`, (run.stderr || run.error?.message || '').trim());
    // A kernel that failed to start and was replaced is reported even when the notebook then passed.
    for (const line of (run.stderr ?? '').split('\n')) {
      if (line.startsWith('retry: ')) console.log(`notebooks: ${lang}/${name}: ${line}`);
    }
    if (!run.stdout) continue;
    const executed = JSON.parse(run.stdout);
    const cells = executed.cells.filter((c) => c.cell_type === 'code');
    for (const expectation of EXPECTATIONS[name] ?? []) {
      const out = textOf(cells[expectation.cell] ?? {});
      if (expectation.match) {
        check(expectation.match.test(out), `${lang}/${name} cell ${expectation.cell} prints ${expectation.match}`, out);
      }
      if (expectation.notMatch) {
        check(!expectation.notMatch.test(out), `${lang}/${name} cell ${expectation.cell} does not print ${expectation.notMatch}`, out);
      }
    }
  }
}

console.log(`\nnotebooks: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
