/**
 * One way to compile a cell, shared by the build-time compiler (native esbuild, in the remark plugin) and the
 * in-browser compiler (esbuild-wasm), so both produce the same module shape: an ES module with an inline source map,
 * whose `import … from "kubesim"` reads the simulator the worker has put on globalThis.
 *
 * A cell is one file with one possible import, so it is compiled with esbuild's `transform` (one call, no plugin
 * callbacks through the page) and its `import` declarations of "kubesim" are then rewritten in place, line for line,
 * into `const` bindings of that global; any other import is an error the reader sees at its line.
 */
import type { Message, TransformOptions } from 'esbuild';
import { inlineSourceMap } from './source-map';
import { topLevelNames } from './top-level-names';

export const KUBESIM_GLOBAL = '__kubesim';
/** The worker function a session cell's footer calls to hand its top-level names to the next cells. */
export const PUBLISH_GLOBAL = '__publishCellScope';

const CELL_TRANSFORM: TransformOptions = {
  loader: 'ts',
  format: 'esm',
  target: 'es2022',
  sourcefile: 'cell.ts',
  logLevel: 'silent',
  // Runtime errors are reported at the reader's line and column, mapped back through this map.
  sourcemap: 'inline',
  sourcesContent: false,
  // `import("kubesim")` becomes `require("kubesim")`, which the worker answers (see `cellRequire`).
  supported: { 'dynamic-import': false },
};

/** The message for an import of anything but "kubesim", at compile time or (dynamically) at run time. */
export function onlyKubesimMessage(path: string): string {
  return `Only "kubesim" can be imported in a cell (found "${path}")`;
}

/** The `require` a cell's lowered `import("kubesim")` calls. */
export function cellRequire(kubesim: unknown): (path: string) => unknown {
  return (path) => {
    if (path === 'kubesim') return kubesim;
    throw new Error(onlyKubesimMessage(path));
  };
}

/** A cell that esbuild compiled but that imports something it may not; shaped like esbuild's failures. */
export class CellImportError extends Error {
  constructor(readonly errors: Message[]) {
    super(errors.map((e) => e.text).join('\n'));
  }
}

const IDENTIFIER = '[A-Za-z_$\\u00a0-\\uffff][\\w$\\u00a0-\\uffff]*';
const KUBESIM = `globalThis.${KUBESIM_GLOBAL}`;

/** `{ a, b as c }` → `{ a, b: c }`, newlines kept. */
function destructuring(braces: string): string {
  return braces.replace(new RegExp(`(${IDENTIFIER}|"[^"]*")\\s+as\\s+(${IDENTIFIER})`, 'g'), '$1: $2');
}

/**
 * One `import … from "kubesim";` declaration as esbuild prints it (possibly over several lines), rewritten with the
 * same newlines: `import { a, b as c } from "kubesim";` → `const { a, b: c } = globalThis.__kubesim;`. A default
 * import gets the whole simulator, as importing a CommonJS module does.
 */
function rewriteKubesimImport(statement: string): string {
  const match = /^import(\s*)([\s\S]*?)(\s*)from\s*"kubesim";$/.exec(statement);
  if (!match) return statement.replace(/[^\n]/g, ''); // `import "kubesim";`: nothing to bind
  const [, space, clause, beforeFrom] = match;
  const bindings: string[] = [];
  const parts = new RegExp(`^(?:(${IDENTIFIER})\\s*(?:,\\s*)?)?([\\s\\S]*)$`).exec(clause)!;
  if (parts[1]) bindings.push(`${parts[1]} = ${KUBESIM}`);
  const rest = parts[2];
  const namespace = new RegExp(`^\\*\\s*as\\s+(${IDENTIFIER})$`).exec(rest);
  if (namespace) bindings.push(`${namespace[1]} = ${KUBESIM}`);
  else if (rest.startsWith('{')) bindings.push(`${destructuring(rest)}${beforeFrom}= ${KUBESIM}`);
  return `const${space}${bindings.join(', ')};`;
}

/** The first line of an import or re-export declaration, as esbuild prints it at the top level. */
const DECLARATION_START = /^(import|export)\b/;
/** The module path of a whole import or re-export declaration. */
const MODULE_PATH = /^(?:import\b[\s\S]*?|export\s*(?:\*|\{)[\s\S]*?from\s*)"([^"]*)";$/;

/**
 * Rewrites a compiled cell's imports of "kubesim" (see `rewriteKubesimImport`) and rejects any other import,
 * pointing at the reader's line. Only lines where the reader's source has an `import`/`export` keyword count, so
 * text inside a template literal that happens to look like an import is left alone.
 */
export function linkKubesimImports(js: string, source: string): string {
  if (!/^(import|export)\b/m.test(js)) return js;
  const map = inlineSourceMap(js);
  const sourceLines = source.split('\n');
  const lines = js.split('\n');
  const errors: Message[] = [];
  for (let i = 0; i < lines.length; i++) {
    const keyword = DECLARATION_START.exec(lines[i])?.[1];
    if (!keyword) continue;
    const original = map?.originalPosition(i + 1, 1);
    if (!original || !sourceLines[original.line - 1]?.startsWith(keyword, original.column - 1)) continue;
    // esbuild ends a declaration's last line with ";", and no line before it.
    let end = i;
    while (end < lines.length - 1 && !lines[end].endsWith(';')) end++;
    const statement = lines.slice(i, end + 1).join('\n');
    const path = MODULE_PATH.exec(statement)?.[1];
    if (path === undefined) continue; // an export of the cell's own names
    const location = { line: original.line, column: original.column - 1 };
    if (path !== 'kubesim') errors.push(importError(onlyKubesimMessage(path), location));
    else if (keyword === 'export') errors.push(importError('A cell cannot re-export from "kubesim"', location));
    else lines.splice(i, end + 1 - i, ...rewriteKubesimImport(statement).split('\n'));
    i = end;
  }
  if (errors.length > 0) throw new CellImportError(errors);
  return lines.join('\n');
}

function importError(text: string, location: { line: number; column: number }): Message {
  return {
    id: '',
    pluginName: '',
    text,
    location: {
      file: 'cell.ts',
      namespace: '',
      line: location.line,
      column: location.column,
      length: 0,
      lineText: '',
      suggestion: '',
    },
    notes: [],
    detail: undefined,
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
  const { code: js } = await esbuild.transform(source, CELL_TRANSFORM);
  return linkKubesimImports(js, source);
}

/** esbuild's errors as the reader sees them, "cell.ts:3:7: Expected …", and the first line they point at. */
export function describeBuildErrors(errors: Message[]): { text: string; line?: number } {
  const text = errors
    .map((e) => (e.location ? `cell.ts:${e.location.line}:${e.location.column + 1}: ${e.text}` : e.text))
    .join('\n');
  return { text, line: errors.find((e) => e.location)?.location?.line };
}
