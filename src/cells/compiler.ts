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

/** Whether a reader has started the compiler on this page (by focusing an editor or running an edit). */
export function compilerStarted(): boolean {
  return ready !== undefined;
}

/** The last few compilations, by source: an edit compiled while the reader reaches for Run is not compiled again. */
const recent = new Map<string, Promise<string>>();
const RECENT_LIMIT = 4;

/** Compiles a cell's TypeScript to the module the worker imports. */
export function compileCell(code: string, baseUrl: string, session: boolean): Promise<string> {
  const key = `${session ? 'session' : 'cell'}\u0000${code}`;
  let compiled = recent.get(key);
  if (!compiled) {
    compiled = compileFresh(code, baseUrl, session);
    recent.set(key, compiled);
    if (recent.size > RECENT_LIMIT) recent.delete(recent.keys().next().value as string);
    // A failed start of the compiler is not a result to keep: the next run tries again.
    compiled.catch((err: unknown) => {
      if (!(err instanceof CompileError)) recent.delete(key);
    });
  }
  return compiled;
}

/**
 * Compiles an edit in the background, once the compiler is running, so that Run finds it compiled. Errors wait for
 * Run to show them.
 */
export function precompileCell(code: string, baseUrl: string, session: boolean): void {
  if (compilerStarted()) compileCell(code, baseUrl, session).catch(() => undefined);
}

async function compileFresh(code: string, baseUrl: string, session: boolean): Promise<string> {
  const esbuild = await startCompiler(baseUrl);
  const started = performance.now();
  try {
    return await compileCellWith(esbuild as unknown as EsbuildApi, code, session);
  } catch (err) {
    const failure = err as { errors?: Esbuild.Message[] };
    if (failure.errors && failure.errors.length > 0) {
      const { text, line } = describeBuildErrors(failure.errors);
      throw new CompileError(text, line);
    }
    throw err;
  } finally {
    // The benchmark (bench/cells.ts) and the tests read this: one compile, wherever it happened.
    performance.measure('cell:esbuild', { start: started });
  }
}
