/**
 * One set of esbuild options for a cell, shared by the build-time compiler (native esbuild, in the remark plugin)
 * and the in-browser compiler (esbuild-wasm), so both produce the same module shape: a self-contained ES module
 * with an inline source map, whose `import … from "kubesim"` reads the simulator the worker has put on globalThis.
 */
import type { BuildOptions, Message, Plugin, TransformOptions } from 'esbuild';
import { topLevelNames } from './top-level-names';

export const KUBESIM_GLOBAL = '__kubesim';
/** The worker function a session cell's footer calls to hand its top-level names to the next cells. */
export const PUBLISH_GLOBAL = '__publishCellScope';

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
    // Runtime errors are reported at the reader's line and column, mapped back through this map.
    sourcemap: 'inline',
    sourcesContent: false,
    plugins: [kubesimImportPlugin],
  };
}

/** The plain JavaScript that `topLevelNames` reads: imports kept, template literals on one line, no comments. */
const NAMES_TRANSFORM: TransformOptions = {
  loader: 'ts',
  format: 'esm',
  target: 'es2022',
  sourcefile: 'cell.ts',
  logLevel: 'silent',
  legalComments: 'none',
  supported: { 'template-literal': false },
  tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: true } },
};

/** What the cell compilers need from esbuild; native esbuild and esbuild-wasm both provide it. */
export interface EsbuildApi {
  build(options: BuildOptions): Promise<{ outputFiles?: Array<{ text: string }> }>;
  transform(code: string, options: TransformOptions): Promise<{ code: string }>;
}

/**
 * Compiles a cell. A session cell gets a footer that publishes its top-level names to the session's shared scope,
 * which is the worker's global object: later cells' free identifiers resolve there.
 */
export async function compileCellWith(esbuild: EsbuildApi, code: string, session: boolean): Promise<string> {
  let source = code;
  if (session) {
    const names = topLevelNames((await esbuild.transform(code, NAMES_TRANSFORM)).code);
    if (names.length > 0) source = `${code}\n;globalThis.${PUBLISH_GLOBAL}({ ${names.join(', ')} });\n`;
  }
  const result = await esbuild.build(cellBuildOptions(source));
  return result.outputFiles?.[0]?.text ?? '';
}

/** esbuild's errors as the reader sees them, "cell.ts:3:7: Expected …", and the first line they point at. */
export function describeBuildErrors(errors: Message[]): { text: string; line?: number } {
  const text = errors
    .map((e) => (e.location ? `cell.ts:${e.location.line}:${e.location.column + 1}: ${e.text}` : e.text))
    .join('\n');
  return { text, line: errors.find((e) => e.location)?.location?.line };
}
