/**
 * Client-side apply's three-way merge, on plain JSON: the patch is what changed between the last-applied
 * configuration and the new manifest (keys removed from the manifest are deleted), applied onto the live object.
 * Lists are replaced whole here; kubectl's strategic merge keys some lists (containers by name), which
 * `mergeListsByKey` reproduces for the lists the course uses.
 */
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

/** The object client-side apply would send: live object with the manifest's changes since the last apply. */
export function threeWayMerge(lastApplied: unknown, manifest: unknown, live: unknown): unknown {
  return applyMergePatch(live, diffPatch(lastApplied ?? {}, manifest));
}
