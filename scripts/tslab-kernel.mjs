// Registers the tslab TypeScript kernel for Jupyter without IPython: writes a kernelspec into
// .jupyter-runtime/kernels/tslab and returns the JUPYTER_PATH that makes Jupyter find it.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

export function ensureTslabKernel() {
  const jupyterPath = path.join(repoRoot, '.jupyter-runtime');
  const dir = path.join(jupyterPath, 'kernels', 'tslab');
  mkdirSync(dir, { recursive: true });
  const spec = {
    argv: [path.join(repoRoot, 'node_modules', '.bin', 'tslab'), 'kernel', '--config-path', '{connection_file}'],
    display_name: 'TypeScript (tslab)',
    language: 'typescript',
  };
  writeFileSync(path.join(dir, 'kernel.json'), `${JSON.stringify(spec, null, 2)}\n`);
  return jupyterPath;
}

/** Debian's Jupyter lives under /usr/bin/python3; a pyenv python3 on PATH may not have it. */
export const SYSTEM_PYTHON = process.env.JUPYTER_PYTHON ?? '/usr/bin/python3';
