/**
 * Strategic merge patch (k8s.io/apimachinery/pkg/util/strategicpatch) for the built-in types the simulator serves:
 * maps merge, `null` deletes a key, lists named in PATCH_MERGE_KEYS merge element by element on their key, other
 * lists are replaced, and the `$patch: replace | delete` directives work on maps and list elements.
 */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonMap = { [key: string]: Json };

const DIRECTIVE = '$patch';

/** The patchMergeKey of each list field that has patchStrategy "merge" in the Kubernetes API types. */
const PATCH_MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  volumes: 'name',
  env: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  imagePullSecrets: 'name',
  hostAliases: 'ip',
  ownerReferences: 'uid',
  conditions: 'type',
  resourceClaims: 'name',
};

/** Lists of scalars merged as sets (patchStrategy "merge" without a key). */
const MERGED_SCALAR_LISTS = new Set(['finalizers']);

function isMap(v: unknown): v is JsonMap {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The merge key for a list field: container ports merge on containerPort, service ports on port. */
export function mergeKeyFor(field: string, ...samples: unknown[]): string | undefined {
  if (field === 'ports') {
    const items = samples.flatMap((s) => (Array.isArray(s) ? s : [])).filter(isMap);
    return items.some((i) => 'containerPort' in i) ? 'containerPort' : 'port';
  }
  return PATCH_MERGE_KEYS[field];
}

/** Applies a strategic merge patch; returns a new value and leaves both inputs untouched. */
export function strategicMergePatch(target: unknown, patch: unknown): unknown {
  return mergeValue(target as Json, patch as Json, '');
}

function mergeValue(target: Json | undefined, patch: Json, field: string): Json {
  if (isMap(patch)) {
    const directive = patch[DIRECTIVE];
    if (directive === 'replace') {
      const { [DIRECTIVE]: _, ...rest } = patch;
      return stripDirectives(rest);
    }
    return mergeMap(isMap(target) ? target : {}, patch);
  }
  if (Array.isArray(patch)) return mergeList(Array.isArray(target) ? target : [], patch, field);
  return patch;
}

function mergeMap(target: JsonMap, patch: JsonMap): JsonMap {
  const out: JsonMap = { ...target };
  for (const [k, v] of Object.entries(patch)) {
    if (k === DIRECTIVE || k.startsWith('$setElementOrder/') || k === '$retainKeys') continue;
    if (v === null) delete out[k];
    else if (isMap(v) && v[DIRECTIVE] === 'delete') delete out[k];
    else out[k] = mergeValue(out[k], v, k);
  }
  return out;
}

function mergeList(target: Json[], patch: Json[], field: string): Json[] {
  if (patch.some((p) => isMap(p) && p[DIRECTIVE] === 'replace' && Object.keys(p).length === 1)) {
    return patch.filter((p) => !(isMap(p) && p[DIRECTIVE] === 'replace')).map(stripDirectives);
  }
  if (MERGED_SCALAR_LISTS.has(field)) {
    const out = [...target];
    for (const v of patch) if (!out.some((t) => JSON.stringify(t) === JSON.stringify(v))) out.push(v);
    return out;
  }
  const key = mergeKeyFor(field, target, patch);
  if (!key) return patch.map(stripDirectives);
  const out = [...target];
  for (const item of patch) {
    if (!isMap(item)) continue;
    const at = out.findIndex((t) => isMap(t) && t[key] === item[key]);
    if (item[DIRECTIVE] === 'delete') {
      if (at >= 0) out.splice(at, 1);
    } else if (at >= 0) {
      out[at] = mergeValue(out[at], item, '');
    } else {
      out.push(stripDirectives(item));
    }
  }
  return out;
}

function stripDirectives(v: Json): Json {
  if (Array.isArray(v)) return v.map(stripDirectives);
  if (!isMap(v)) return v;
  const out: JsonMap = {};
  for (const [k, val] of Object.entries(v)) if (k !== DIRECTIVE && val !== null) out[k] = stripDirectives(val);
  return out;
}

/**
 * The patch client-side apply sends (CreateThreeWayMergePatch, simplified): everything in the new manifest, plus
 * deletions for what the last-applied configuration had and the manifest dropped — `null` for map keys, a
 * `$patch: delete` element for keyed list items.
 */
export function threeWayStrategicPatch(original: unknown, modified: unknown, field = ''): unknown {
  const o = original as Json | undefined;
  const m = modified as Json;
  if (isMap(m)) {
    const om = isMap(o) ? o : {};
    const out: JsonMap = {};
    for (const [k, v] of Object.entries(m)) out[k] = k in om ? (threeWayStrategicPatch(om[k], v, k) as Json) : v;
    for (const k of Object.keys(om)) if (!(k in m)) out[k] = null;
    return out;
  }
  if (Array.isArray(m) && Array.isArray(o)) {
    const key = mergeKeyFor(field, o, m);
    if (!key) return m;
    const out: Json[] = m.map((item) => {
      const before = isMap(item) ? o.find((x) => isMap(x) && x[key] === item[key]) : undefined;
      return before !== undefined ? (threeWayStrategicPatch(before, item, '') as Json) : item;
    });
    for (const item of o) {
      if (isMap(item) && !m.some((x) => isMap(x) && x[key] === item[key])) {
        out.push({ [key]: item[key], [DIRECTIVE]: 'delete' });
      }
    }
    return out;
  }
  return m;
}
