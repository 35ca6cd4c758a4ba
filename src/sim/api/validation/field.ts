import type { FieldError } from '../errors';
import { canonicalJson } from '../meta';

/**
 * field.Path and the field.Error constructors of k8s.io/apimachinery/pkg/util/validation/field, with the bad value
 * rendered the way field.Error.ErrorBody prints it.
 */

/** fldPath.Child(...): "spec" + "replicas" → "spec.replicas". */
export function child(path: string, ...names: string[]): string {
  // Empty parts are skipped; built by concatenation, since validation of every write calls this many times.
  let out = path;
  for (const name of names) {
    if (name === '') continue;
    out = out === '' ? name : `${out}.${name}`;
  }
  return out;
}

/** fldPath.Index(i): "spec.containers" → "spec.containers[0]". */
export function index(path: string, i: number): string {
  return `${path}[${i}]`;
}

/** fldPath.Key(k): "metadata.labels" → "metadata.labels[app]". */
export function key(path: string, k: string): string {
  return `${path}[${k}]`;
}

/** A bad value already rendered (for internal Go structs, whose JSON uses their Go field names). */
export class GoValue {
  constructor(readonly text: string) {}
}

/**
 * How field.Error.ErrorBody prints a bad value in v1.34: numbers and booleans bare, strings quoted, and maps,
 * lists and structs as JSON (map keys sorted, as encoding/json writes them); nil is null.
 */
export function goValue(value: unknown): string {
  if (value instanceof GoValue) return value.text;
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return canonicalJson(value);
}

/** A map[string]string as the error shows it: `{"a":"1","b":"2"}`, or `null` when unset. */
export function goStringMap(map: Record<string, string> | undefined): GoValue {
  return new GoValue(map === undefined ? 'null' : canonicalJson(map));
}

/** field.Required */
export function required(path: string, detail = ''): FieldError {
  return { path, type: 'Required value', detail: detail || undefined };
}

/** field.Invalid */
export function invalidField(path: string, value: unknown, detail: string): FieldError {
  return { path, type: 'Invalid value', value: goValue(value), detail: detail || undefined };
}

/** field.NotSupported: `Unsupported value: "X": supported values: "A", "B"`. */
export function notSupported(path: string, value: unknown, valid: string[]): FieldError {
  const detail = valid.length > 0 ? `supported values: ${valid.map((v) => JSON.stringify(v)).join(', ')}` : '';
  return { path, type: 'Unsupported value', value: goValue(value), detail: detail || undefined };
}

/** field.Forbidden */
export function forbidden(path: string, detail: string): FieldError {
  return { path, type: 'Forbidden', detail };
}

/** field.Duplicate */
export function duplicate(path: string, value: unknown): FieldError {
  return { path, type: 'Duplicate value', value: goValue(value) };
}

/** field.NotFound */
export function notFoundField(path: string, value: unknown): FieldError {
  return { path, type: 'Not found', value: goValue(value) };
}

/** ValidateNonnegativeField */
export function validateNonnegative(value: number, path: string): FieldError[] {
  return value < 0 ? [invalidField(path, value, 'must be greater than or equal to 0')] : [];
}

/** ValidateImmutableField */
export function validateImmutable(equal: boolean, value: unknown, path: string): FieldError[] {
  return equal ? [] : [invalidField(path, value, 'field is immutable')];
}

/** ErrorList.ToAggregate drops errors whose rendered text repeats an earlier one. */
export function dedupe(errs: FieldError[]): FieldError[] {
  if (errs.length < 2) return errs;
  const seen = new Set<string>();
  return errs.filter((e) => {
    const k = `${e.path}\u0000${e.type}\u0000${e.value ?? ''}\u0000${e.detail ?? ''}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
