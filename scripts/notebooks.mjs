// `npm run notebooks`: registers the tslab kernel and starts Jupyter Notebook on notebooks/.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ensureTslabKernel, repoRoot, SYSTEM_PYTHON } from './tslab-kernel.mjs';

const jupyterPath = ensureTslabKernel();
const env = { ...process.env, JUPYTER_PATH: jupyterPath };
console.log('tslab kernel registered; starting Jupyter on notebooks/ (Ctrl+C stops it)');
const child = spawn(
  SYSTEM_PYTHON,
  ['-m', 'notebook', '--notebook-dir', path.join(repoRoot, 'notebooks'), ...process.argv.slice(2)],
  {
    stdio: 'inherit',
    env,
  },
);
child.on('exit', (code) => process.exit(code ?? 0));
child.on('error', (err) => {
  console.error(`could not start Jupyter (${err.message}). On Debian: apt-get install jupyter-notebook`);
  process.exit(1);
});
