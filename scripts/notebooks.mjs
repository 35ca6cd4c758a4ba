// `npm run notebooks`: registers the tslab kernel and starts Jupyter Notebook on notebooks/.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ensureTslabKernel, repoRoot, SYSTEM_PYTHON } from './tslab-kernel.mjs';

const jupyterPath = ensureTslabKernel();
const env = { ...process.env, JUPYTER_PATH: jupyterPath };
// Jupyter refuses to run as root unless told it may (containers and CI machines often run as root).
const asRoot = typeof process.getuid === 'function' && process.getuid() === 0 ? ['--allow-root'] : [];
const args = [
  '-m',
  'notebook',
  '--notebook-dir',
  path.join(repoRoot, 'notebooks'),
  ...asRoot,
  ...process.argv.slice(2),
];
console.log('tslab kernel registered; starting Jupyter on notebooks/ (Ctrl+C stops it)');
const child = spawn(SYSTEM_PYTHON, args, { stdio: 'inherit', env });
child.on('exit', (code) => process.exit(code ?? 0));
child.on('error', (err) => {
  console.error(`could not start Jupyter (${err.message}). On Debian: apt-get install jupyter-notebook`);
  process.exit(1);
});
