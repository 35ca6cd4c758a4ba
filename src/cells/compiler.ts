/**
 * The in-browser TypeScript compiler for edited cells: esbuild-wasm, started once per page (one shared promise)
 * and only when a reader first needs it.
 */
import type * as Esbuild from 'esbuild-wasm';
import { compileCellWith, describeBuildErrors, type EsbuildApi } from './transpile-options';

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

/** A cell that does not compile; `line` is the first cell.ts line esbuild complained about. */
export class CompileError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

/** Compiles a cell's TypeScript to the module the worker imports. */
export async function compileCell(code: string, baseUrl: string, session: boolean): Promise<string> {
  const esbuild = await startCompiler(baseUrl);
  try {
    return await compileCellWith(esbuild as unknown as EsbuildApi, code, session);
  } catch (err) {
    const failure = err as { errors?: Esbuild.Message[] };
    if (failure.errors && failure.errors.length > 0) {
      const { text, line } = describeBuildErrors(failure.errors);
      throw new CompileError(text, line);
    }
    throw err;
  }
}
