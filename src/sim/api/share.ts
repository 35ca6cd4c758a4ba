import type { KubeObject } from './meta';

/**
 * Copies plain JSON data for storage, sharing every subtree that is the very object already stored at the same
 * place in `stored`. Stored objects are never mutated, so a caller that spreads what it read and replaces only
 * its status hands back a spec the store can keep as is: a write costs what it changed, not the object's size.
 */
export function cloneSharing<T>(value: T, stored: unknown): T {
  if (value === stored) return value;
  if (value === null || typeof value !== 'object') return value;
  // Where the stored object has no counterpart of the same shape, nothing below can be shared either.
  if (stored === null || typeof stored !== 'object' || Array.isArray(value) !== Array.isArray(stored)) {
    return cloneFresh(value);
  }
  if (Array.isArray(value)) {
    const old = stored as unknown[];
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = cloneSharing(value[i], old[i]);
    return out as unknown as T;
  }
  const out: Record<string, unknown> = {};
  const from = value as Record<string, unknown>;
  const old = stored as Record<string, unknown>;
  for (const k in from) {
    const v = from[k];
    if (v !== undefined) out[k] = cloneSharing(v, old[k]);
  }
  return out as T;
}

/** cloneSharing with nothing to share: a plain copy of JSON data, undefined fields dropped. */
function cloneFresh<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = cloneFresh(value[i]);
    return out as unknown as T;
  }
  const out: Record<string, unknown> = {};
  const from = value as Record<string, unknown>;
  for (const k in from) {
    const v = from[k];
    if (v !== undefined) out[k] = cloneFresh(v);
  }
  return out as T;
}

/**
 * A copy of a stored object for copy-on-write edits before an update: a new top level, metadata (with new
 * labels and annotations maps), spec and status. Anything deeper is still the stored object's and must be
 * replaced, never edited in place; the store then keeps those unchanged parts shared.
 */
export function copyForWrite<T extends KubeObject>(obj: T): T {
  const out = { ...obj } as T & { spec?: object; status?: object };
  const meta = obj.metadata;
  if (meta) {
    out.metadata = { ...meta };
    if (meta.labels) out.metadata.labels = { ...meta.labels };
    if (meta.annotations) out.metadata.annotations = { ...meta.annotations };
  }
  if (out.spec) out.spec = { ...out.spec };
  if (out.status) out.status = { ...out.status };
  return out;
}

/**
 * A shallow copy of `obj` for the caller to add fields to. Not `{ ...obj, added }`: when the key is one `obj`
 * lacks, V8 (Node 20) gives each such object a hidden class of its own, which costs about ten times the copy and
 * leaves every later reader of it megamorphic. Object.assign onto a fresh literal keeps the shared transitions.
 */
export function copyToExtend<T extends object>(obj: T | undefined): T {
  return Object.assign({}, obj) as T;
}
