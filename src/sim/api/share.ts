import type { KubeObject } from './meta';

/**
 * Copies plain JSON data for storage, sharing every subtree that is the very object already stored at the same
 * place in `stored`. Stored objects are never mutated, so a caller that spreads what it read and replaces only
 * its status hands back a spec the store can keep as is: a write costs what it changed, not the object's size.
 */
export function cloneSharing<T>(value: T, stored: unknown): T {
  if (value === stored) return value;
  if (value === null || typeof value !== 'object') return value;
  const old = stored !== null && typeof stored === 'object' ? (stored as Record<string, unknown>) : undefined;
  if (Array.isArray(value)) {
    const oldArray = Array.isArray(old) ? (old as unknown[]) : undefined;
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = cloneSharing(value[i], oldArray?.[i]);
    return out as unknown as T;
  }
  const out: Record<string, unknown> = {};
  const from = value as Record<string, unknown>;
  const oldObject = old && !Array.isArray(old) ? old : undefined;
  for (const k in from) {
    const v = from[k];
    if (v !== undefined) out[k] = cloneSharing(v, oldObject?.[k]);
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
