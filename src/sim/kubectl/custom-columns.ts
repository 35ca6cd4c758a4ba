import { JsonPathError, jsonPathValues } from './jsonpath';
import { fail, type CommandResult } from './output';
import { formatTable } from './tabwriter';

/** One user-given column: its header and the JSONPath it prints. */
interface Column {
  header: string;
  path: string;
}

/** The forms RelaxedJSONPathExpression accepts: `a.b`, `.a.b`, `{a.b}` and `{.a.b}`. */
const RELAXED_PATH = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/;

/** NewCustomColumnsPrinterFromSpec: "HEADER:path,HEADER2:path2". Returns an error message for a bad spec. */
function parseSpec(spec: string): Column[] | string {
  if (spec.length === 0) return 'error: custom-columns format specified but no custom columns given';
  const columns: Column[] = [];
  for (const part of spec.split(',')) {
    const colon = part.indexOf(':');
    if (colon < 0) return `error: unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`;
    const expression = part.slice(colon + 1);
    const match = expression.length === 0 ? undefined : RELAXED_PATH.exec(expression);
    if (expression.length > 0 && !match) {
      return "error: unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'";
    }
    columns.push({ header: part.slice(0, colon), path: match ? `.${match[1] ?? match[2]}` : '' });
  }
  return columns;
}

/** fmt.Sprint of a JSON value as Go holds it: maps as map[k:v] with sorted keys, lists as [a b], null as <nil>. */
function goSprint(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  if (Array.isArray(value)) return `[${value.map(goSprint).join(' ')}]`;
  if (typeof value === 'object') {
    const map = value as Record<string, unknown>;
    const keys = Object.keys(map).sort();
    return `map[${keys.map((k) => `${k}:${goSprint(map[k])}`).join(' ')}]`;
  }
  return String(value);
}

/**
 * `kubectl get -o custom-columns=SPEC`: one header line (unless --no-headers), then per object each column's
 * values joined with commas, or <none> when the path finds nothing; aligned as kubectl's tab writer aligns.
 */
export function printCustomColumns(spec: string, items: unknown[], noHeaders: boolean, stderr: string): CommandResult {
  const columns = parseSpec(spec);
  if (typeof columns === 'string') return fail(columns);
  // Nothing to print (every name was not found): the printer is never called, so not even the header shows.
  if (items.length === 0) return { stdout: '', stderr, exitCode: stderr ? 1 : 0 };
  const rows: string[][] = noHeaders ? [] : [columns.map((c) => c.header)];
  try {
    for (const item of items) {
      rows.push(
        columns.map((c) => {
          const values = c.path ? jsonPathValues(c.path, item) : [];
          return values.length === 0 ? '<none>' : values.map(goSprint).join(',');
        }),
      );
    }
  } catch (err) {
    if (!(err instanceof JsonPathError)) throw err;
    return fail(`${stderr}error: ${err.message}`);
  }
  return { stdout: formatTable(rows), stderr, exitCode: stderr ? 1 : 0 };
}
