import { clone, type KubeObject } from './meta';

/**
 * Copies plain JSON data for storage, sharing every subtree of `stored` that it equals: the very object already
 * stored at the same place, or an equal one (same keys in the same order, equal values) built afresh. Stored
 * objects are never mutated, so a caller that spreads what it read and rebuilds only its status hands back
 * data the store keeps mostly as is: a write costs what it changed, not the object's size, and the unchanged
 * parts compare equal at once.
 */
export function cloneSharing<T>(value: T, stored: unknown): T {
  if (value === stored) return value;
  if (value === null || typeof value !== 'object') return value;
  if (stored === null || typeof stored !== 'object' || Array.isArray(value) !== Array.isArray(stored)) {
    return clone(value);
  }
  return (Array.isArray(value) ? shareArray(value, stored as unknown[]) : shareObject(value, stored)) as T;
}

function shareArray(value: unknown[], stored: unknown[]): unknown[] {
  const out = new Array<unknown>(value.length);
  let same = value.length === stored.length;
  for (let i = 0; i < value.length; i++) {
    out[i] = cloneSharing(value[i], stored[i]);
    if (out[i] !== stored[i]) same = false;
  }
  return same ? stored : out;
}

function shareObject(value: object, stored: object): object {
  const from = value as Record<string, unknown>;
  const old = stored as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  let same = true;
  let count = 0;
  // for-in walks the same own keys in the same order as Object.keys, without allocating them (see clone).
  for (const k in from) {
    const v = from[k];
    if (v === undefined) continue;
    const copy = cloneSharing(v, old[k]);
    out[k] = copy;
    count++;
    if (copy !== old[k]) same = false;
  }
  return same && sameKeyOrder(out, old, count) ? stored : out;
}

/** Whether `stored` has exactly the `count` keys of `copy`, in the same order: then sharing it prints the same. */
function sameKeyOrder(copy: Record<string, unknown>, stored: Record<string, unknown>, count: number): boolean {
  const keys = Object.keys(copy);
  let i = 0;
  for (const k in stored) {
    if (i >= count || keys[i] !== k) return false;
    i++;
  }
  return i === count;
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
