import type { KubeObject } from '../api/meta';
import { JsonPathError, jsonPathValues } from './jsonpath';

/** What `--for` asks for, parsed as conditionFuncFor does (kubectl/pkg/cmd/wait). */
export type WaitCondition =
  | { kind: 'delete' }
  | { kind: 'create' }
  | { kind: 'condition'; name: string; status: string }
  | { kind: 'jsonpath'; path: string; value?: string };

/** A check that cannot be made: the whole command fails with this message. */
export class WaitCheckError extends Error {}

/** conditionFuncFor: `delete`, `create`, `condition=NAME[=VALUE]` (VALUE defaults to true), `jsonpath=PATH[=VALUE]`. */
export function parseWaitCondition(text: string): WaitCondition | { error: string } {
  const lower = text.toLowerCase();
  if (lower === 'delete') return { kind: 'delete' };
  if (lower === 'create') return { kind: 'create' };
  if (text.startsWith('condition=')) {
    const rest = text.slice('condition='.length);
    const eq = rest.indexOf('=');
    return eq < 0
      ? { kind: 'condition', name: rest, status: 'true' }
      : { kind: 'condition', name: rest.slice(0, eq), status: rest.slice(eq + 1) };
  }
  if (text.startsWith('jsonpath=')) return parseJsonPathCondition(text.slice('jsonpath='.length));
  return { error: `unrecognized condition: ${JSON.stringify(text)}` };
}

/** processJSONPathInput and newJSONPathParser: an expression, and optionally `=VALUE` (quotes trimmed). */
function parseJsonPathCondition(input: string): WaitCondition | { error: string } {
  const parts = splitOnSingleEquals(input);
  if (parts.length > 2) {
    return {
      error:
        "jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'",
    };
  }
  const path = relaxedJsonPath(parts[0]);
  if ('error' in path) return path;
  if (path.expression === '') return { error: 'jsonpath expression cannot be empty' };
  if (parts.length === 1) return { kind: 'jsonpath', path: path.expression };
  const value = parts[1].replace(/^['"]+|['"]+$/g, '');
  if (value === '') {
    return {
      error: "jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3",
    };
  }
  return { kind: 'jsonpath', path: path.expression, value };
}

/** splitJSONPathInput: splits on a single `=`; `==` stays inside a part (it belongs to a filter). */
export function splitOnSingleEquals(input: string): string[] {
  const out: string[] = [];
  let part = '';
  for (let i = 0; i < input.length; i++) {
    if (input[i] !== '=') {
      part += input[i];
    } else if (input[i + 1] === '=') {
      part += '==';
      i++;
    } else {
      out.push(part);
      part = '';
    }
  }
  out.push(part);
  return out;
}

/** RelaxedJSONPathExpression (cmd/get): `a.b`, `.a.b`, `{a.b}` and `{.a.b}` all mean `{.a.b}`. */
function relaxedJsonPath(text: string): { expression: string } | { error: string } {
  if (text === '') return { expression: '' };
  const match = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/.exec(text);
  if (!match) {
    return {
      error:
        "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    };
  }
  return { expression: `{.${match[1] ?? match[2]}}` };
}

/**
 * ConditionalWait.checkCondition: the named status condition (case-insensitive) has the wanted status, unless it
 * was observed for an older generation than the object's.
 */
export function conditionMet(obj: KubeObject, name: string, status: string): boolean {
  const data = obj as KubeObject & { status?: { conditions?: unknown; observedGeneration?: number } };
  const conditions = data.status?.conditions;
  if (!Array.isArray(conditions)) return false;
  for (const c of conditions as Array<{ type?: unknown; status?: unknown; observedGeneration?: number }>) {
    if (typeof c.type !== 'string' || c.type.toLowerCase() !== name.toLowerCase()) continue;
    if (typeof c.status !== 'string') continue;
    const generation = obj.metadata?.generation;
    const observed = c.observedGeneration ?? data.status?.observedGeneration;
    if (generation !== undefined && observed !== undefined && observed < generation) return false;
    return c.status.toLowerCase() === status.toLowerCase();
  }
  return false;
}

/**
 * JSONPathWait.checkCondition: the path must select exactly one value; with no value wanted any value will do,
 * otherwise its printed form (trimmed) must equal the wanted one. Nested objects and lists cannot be compared.
 */
export function jsonPathMet(obj: KubeObject, path: string, value: string | undefined): boolean {
  let found: unknown[];
  try {
    found = jsonPathValues(path, JSON.parse(JSON.stringify(obj)));
  } catch (err) {
    if (err instanceof JsonPathError) throw new WaitCheckError(err.message);
    throw err;
  }
  const present = found.filter((v) => v !== undefined);
  if (present.length === 0) return false;
  if (present.length > 1) throw new WaitCheckError('given jsonpath expression matches more than one value');
  if (value === undefined) return true;
  const only = present[0];
  if (only !== null && typeof only === 'object') {
    throw new WaitCheckError('jsonpath leads to a nested object or list which is not supported');
  }
  return goPrint(only).trim() === value.trim();
}

/** fmt's %v of a JSON scalar as the unstructured object holds it. */
function goPrint(value: unknown): string {
  if (value === null) return '<nil>';
  return String(value);
}
