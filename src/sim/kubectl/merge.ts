/**
 * Client-side apply's three-way merge, on plain JSON: the patch is what changed between the last-applied
 * configuration and the new manifest (keys removed from the manifest are deleted), applied onto the live object.
 * `threeWayMerge` uses the strategic version of this in strategic-merge.ts.
 */
import { strategicMergePatch, threeWayStrategicPatch } from './strategic-merge';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isObject(v: unknown): v is Record<string, Json> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Computes a JSON merge patch turning `original` into `modified` (null marks a deleted key). */
export function diffPatch(original: unknown, modified: unknown): Record<string, Json> {
  const patch: Record<string, Json> = {};
  const o = isObject(original) ? original : {};
  const m = isObject(modified) ? modified : {};
  for (const key of Object.keys(o)) {
    if (!(key in m)) patch[key] = null;
  }
  for (const [key, value] of Object.entries(m)) {
    const before = o[key];
    if (isObject(value) && isObject(before)) {
      const sub = diffPatch(before, value);
      if (Object.keys(sub).length > 0) patch[key] = sub;
    } else if (JSON.stringify(value) !== JSON.stringify(before)) {
      patch[key] = value;
    }
  }
  return patch;
}

/** Applies a JSON merge patch (RFC 7386). Returns a new value; the target is not modified. */
export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  const out: Record<string, Json> = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = applyMergePatch(out[key], value) as Json;
  }
  return out;
}

/**
 * The object client-side apply produces: the live object patched with the strategic three-way patch — the manifest
 * wins for every field it sets, fields the last apply set and the manifest dropped are removed, and keyed lists
 * (containers by name, ports, volumes…) merge item by item.
 */
export function threeWayMerge(lastApplied: unknown, manifest: unknown, live: unknown): unknown {
  return strategicMergePatch(live, threeWayStrategicPatch(lastApplied ?? {}, manifest));
}
