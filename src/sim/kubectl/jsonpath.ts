/**
 * kubectl's JSONPath templates (k8s.io/client-go/util/jsonpath): text with `{...}` actions — field paths
 * (`.a.b`, `['a']`, `[0]`, `[*]`, `[1:3]`, `..name`, `[?(@.a=="x")]`), `{range …}…{end}`, and quoted literals such
 * as `{"\n"}`. Several results of one action print separated by spaces; missing keys print nothing, as with
 * kubectl's default --allow-missing-template-keys, while a key holding null prints `<nil>`.
 */
import { goJson } from './go-json';

export class JsonPathError extends Error {}

type Node =
  { kind: 'text'; text: string } | { kind: 'path'; path: string } | { kind: 'range'; path: string; body: Node[] };

function unquote(s: string): string {
  if (s.startsWith('"')) return JSON.parse(s) as string;
  return s.slice(1, -1);
}

/** Splits the template into text and actions, nesting range bodies. */
function parseTemplate(template: string): Node[] {
  const root: Node[] = [];
  const stack: Node[][] = [root];
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) {
      stack[stack.length - 1].push({ kind: 'text', text: template.slice(i) });
      break;
    }
    if (open > i) stack[stack.length - 1].push({ kind: 'text', text: template.slice(i, open) });
    let depth = 0;
    let quote = '';
    let close = -1;
    for (let j = open; j < template.length; j++) {
      const ch = template[j];
      if (quote) {
        if (ch === '\\') j++;
        else if (ch === quote) quote = '';
      } else if (ch === '"' || ch === "'") quote = ch;
      else if (ch === '{') depth++;
      else if (ch === '}' && --depth === 0) {
        close = j;
        break;
      }
    }
    if (close < 0) throw new JsonPathError(`unclosed action`);
    const action = template.slice(open + 1, close).trim();
    const body = stack[stack.length - 1];
    if (action.startsWith('range ')) {
      const node: Node = { kind: 'range', path: action.slice(6).trim(), body: [] };
      body.push(node);
      stack.push(node.body);
    } else if (action === 'end') {
      if (stack.length === 1) throw new JsonPathError('not in range, nothing to end');
      stack.pop();
    } else if (/^(".*"|'.*')$/s.test(action)) {
      body.push({ kind: 'text', text: unquote(action) });
    } else {
      body.push({ kind: 'path', path: action });
    }
    i = close + 1;
  }
  if (stack.length > 1) throw new JsonPathError('unclosed range');
  return root;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function descendants(v: unknown): unknown[] {
  const out: unknown[] = [v];
  if (Array.isArray(v)) for (const x of v) out.push(...descendants(x));
  else if (isObject(v)) for (const x of Object.values(v)) out.push(...descendants(x));
  return out;
}

function compare(a: unknown, op: string, b: unknown): boolean {
  switch (op) {
    case '==':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
      return (a as number) < (b as number);
    case '>':
      return (a as number) > (b as number);
    case '<=':
      return (a as number) <= (b as number);
    case '>=':
      return (a as number) >= (b as number);
    default:
      throw new JsonPathError(`unrecognized filter operator ${op}`);
  }
}

function literal(s: string): unknown {
  const t = s.trim();
  if (/^(".*"|'.*')$/.test(t)) return unquote(t);
  if (t === 'true' || t === 'false') return t === 'true';
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  throw new JsonPathError(`unrecognized filter value ${t}`);
}

/** Evaluates one field path against the current values. */
function evalPath(path: string, current: unknown[], root: unknown): unknown[] {
  let values = current;
  let p = path.trim();
  if (p.startsWith('$')) {
    values = [root];
    p = p.slice(1);
  } else if (p.startsWith('@')) p = p.slice(1);
  let i = 0;
  while (i < p.length) {
    if (p.startsWith('..', i)) {
      values = values.flatMap(descendants);
      i += 1;
      continue;
    }
    if (p[i] === '.') {
      // A field name runs to the next unescaped `.` or `[`; `\.` keeps a dot in it (`deployment\.kubernetes\.io/revision`).
      const raw = /^(?:\\.|[^.[\s\\])*/.exec(p.slice(i + 1))![0];
      const m = raw.replace(/\\(.)/g, '$1');
      i += 1 + raw.length;
      if (m === '') continue;
      if (m === '*') values = values.flatMap((v) => (Array.isArray(v) ? v : isObject(v) ? Object.values(v) : []));
      else values = values.flatMap((v) => (isObject(v) && m in v ? [v[m]] : []));
      continue;
    }
    if (p[i] === '[') {
      let depth = 0;
      let j = i;
      for (; j < p.length; j++) {
        if (p[j] === '[') depth++;
        else if (p[j] === ']' && --depth === 0) break;
      }
      const inner = p.slice(i + 1, j).trim();
      i = j + 1;
      if (inner === '*') {
        values = values.flatMap((v) => (Array.isArray(v) ? v : isObject(v) ? Object.values(v) : []));
      } else if (inner.startsWith('?(') && inner.endsWith(')')) {
        const cond = /^(@[^!=<>]*)\s*(==|!=|<=|>=|<|>)\s*(.+)$/.exec(inner.slice(2, -1).trim());
        const items = values.flatMap((v) => (Array.isArray(v) ? v : [v]));
        if (!cond) {
          const exists = inner.slice(2, -1).trim();
          values = items.filter((item) => evalPath(exists, [item], root).length > 0);
        } else {
          const want = literal(cond[3]);
          values = items.filter((item) => evalPath(cond[1], [item], root).some((got) => compare(got, cond[2], want)));
        }
      } else if (/^(".*"|'.*')$/.test(inner)) {
        const key = unquote(inner);
        values = values.flatMap((v) => (isObject(v) && key in v ? [v[key]] : []));
      } else if (inner.includes(':')) {
        const [a, b] = inner.split(':').map((s) => (s.trim() === '' ? undefined : Number(s)));
        values = values.flatMap((v) => (Array.isArray(v) ? v.slice(a ?? 0, b ?? v.length) : []));
      } else if (/^-?\d+$/.test(inner)) {
        const n = Number(inner);
        values = values.flatMap((v) => {
          if (!Array.isArray(v)) return [];
          const idx = n < 0 ? v.length + n : n;
          if (idx < 0 || idx >= v.length)
            throw new JsonPathError(`array index out of bounds: index ${n}, length ${v.length}`);
          return [v[idx]];
        });
      } else {
        throw new JsonPathError(`unrecognized identifier ${inner}`);
      }
      continue;
    }
    throw new JsonPathError(`unrecognized character in action: ${p[i]}`);
  }
  return values;
}

/**
 * How the template engine prints one value: scalars as text, maps and lists as json.Marshal writes them. A JSON null
 * that is present (an Event's `lastTimestamp: null`) is a nil interface to Go's fmt.Fprint, which prints `<nil>`;
 * a missing key never reaches here.
 */
function text(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'object') return goJson(v);
  return String(v);
}

function run(nodes: Node[], current: unknown, root: unknown): string {
  let out = '';
  for (const node of nodes) {
    if (node.kind === 'text') out += node.text;
    else if (node.kind === 'path') out += evalPath(node.path, [current], root).map(text).join(' ');
    else {
      const results = evalPath(node.path, [current], root);
      const items = results.length === 1 && Array.isArray(results[0]) ? results[0] : results;
      for (const item of items) out += run(node.body, item, root);
    }
  }
  return out;
}

/** Runs a JSONPath template (kubectl also accepts a bare path, which it wraps in braces). */
export function executeJsonPath(template: string, data: unknown): string {
  let t = template;
  if (!t.includes('{')) t = `{${t.startsWith('.') || t.startsWith('$') ? t : `.${t}`}}`;
  return run(parseTemplate(t), data, data);
}

/** The values one path selects (`{.a.b}`, `.a.b` or `a.b`), for callers that compare rather than print them. */
export function jsonPathValues(path: string, data: unknown): unknown[] {
  let p = path.trim();
  if (p.startsWith('{') && p.endsWith('}')) p = p.slice(1, -1).trim();
  if (!p.startsWith('.') && !p.startsWith('$')) p = `.${p}`;
  return evalPath(p, [data], data);
}
