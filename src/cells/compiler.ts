/**
 * The in-browser TypeScript compiler for edited cells: esbuild-wasm, started once per page (one shared promise)
 * and only when a reader first needs it.
 */
import type * as Esbuild from 'esbuild-wasm';
import { cellBuildOptions } from './transpile-options';

const ESBUILD_VERSION = '0.28.2';

let ready: Promise<typeof Esbuild> | undefined;

export function esbuildWasmUrl(baseUrl: string): string {
  return `${baseUrl}esbuild/esbuild-${ESBUILD_VERSION}.wasm`;
}

/** Starts esbuild-wasm if it is not started yet; later calls share the same promise. */
export function startCompiler(baseUrl: string): Promise<typeof Esbuild> {
  if (!ready) {
    ready = import('esbuild-wasm').then(async (esbuild) => {
      await esbuild.initialize({ wasmURL: esbuildWasmUrl(baseUrl), worker: true });
      return esbuild;
    });
    ready.catch(() => {
      ready = undefined; // a failed start (offline?) may be retried on the next run
    });
  }
  return ready;
}

export class CompileError extends Error {}

/** Compiles a cell's TypeScript to the module the worker imports. */
export async function compileCell(code: string, baseUrl: string): Promise<string> {
  const esbuild = await startCompiler(baseUrl);
  try {
    const result = await esbuild.build(cellBuildOptions(code) as Esbuild.BuildOptions);
    return result.outputFiles?.[0]?.text ?? '';
  } catch (err) {
    const failure = err as { errors?: Esbuild.Message[] };
    if (failure.errors && failure.errors.length > 0) {
      const text = failure.errors
        .map((e) => (e.location ? `cell.ts:${e.location.line}:${e.location.column + 1}: ${e.text}` : e.text))
        .join('\n');
      throw new CompileError(text);
    }
    throw err;
  }
}
