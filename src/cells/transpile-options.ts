/**
 * One set of esbuild options for a cell, shared by the build-time compiler (native esbuild, in the remark plugin)
 * and the in-browser compiler (esbuild-wasm), so both produce the same module shape: a self-contained ES module
 * whose `import … from "kubesim"` reads the simulator the worker has put on globalThis.
 */
import type { BuildOptions, Plugin } from 'esbuild';

export const KUBESIM_GLOBAL = '__kubesim';

/** Resolves "kubesim" to the worker's global; any other import is an error the reader sees. */
export const kubesimImportPlugin: Plugin = {
  name: 'kubesim-import',
  setup(build) {
    build.onResolve({ filter: /^kubesim$/ }, () => ({ path: 'kubesim', namespace: 'kubesim' }));
    build.onLoad({ filter: /.*/, namespace: 'kubesim' }, () => ({
      contents: `module.exports = globalThis.${KUBESIM_GLOBAL};`,
      loader: 'js',
    }));
    build.onResolve({ filter: /.*/ }, (args) =>
      args.kind === 'entry-point'
        ? undefined
        : { errors: [{ text: `Only "kubesim" can be imported in a cell (found "${args.path}")` }] },
    );
  },
};

export function cellBuildOptions(code: string): BuildOptions {
  return {
    stdin: { contents: code, loader: 'ts', sourcefile: 'cell.ts' },
    bundle: true,
    write: false,
    format: 'esm',
    target: 'es2022',
    logLevel: 'silent',
    plugins: [kubesimImportPlugin],
  };
}
