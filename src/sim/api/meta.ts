import type { LabelSelector, LabelSelectorRequirement, ObjectMeta, OwnerReference } from 'kubernetes-types/meta/v1';

/** Any object the apiserver stores: a Kubernetes shape with kind, apiVersion and metadata. */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
}

/** An object read back from the store: metadata and its name are always set. */
export type Stored<T extends KubeObject> = T & {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta & { name: string };
};

export function nameOf(obj: KubeObject): string {
  return obj.metadata?.name ?? '';
}

export function namespaceOf(obj: KubeObject): string {
  return obj.metadata?.namespace ?? '';
}

/** The store key: "namespace/name" or "name" for cluster-scoped objects (cache.MetaNamespaceKeyFunc). */
export function keyOf(obj: KubeObject): string {
  const ns = namespaceOf(obj);
  return ns ? `${ns}/${nameOf(obj)}` : nameOf(obj);
}

export function splitKey(key: string): { namespace: string; name: string } {
  const slash = key.indexOf('/');
  return slash >= 0 ? { namespace: key.slice(0, slash), name: key.slice(slash + 1) } : { namespace: '', name: key };
}

/** The owner reference with controller=true, if any (metav1.GetControllerOf). */
export function controllerOf(obj: KubeObject): OwnerReference | undefined {
  return obj.metadata?.ownerReferences?.find((ref) => ref.controller === true);
}

/** A controller owner reference pointing at `owner` (metav1.NewControllerRef). */
export function newControllerRef(owner: Stored<KubeObject>): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** Deep copy of plain JSON data. Objects in the store are never shared with callers that may mutate them. */
export function clone<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = clone(value[i]);
    return out as unknown as T;
  }
  const from = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  // for-in walks the same own keys in the same order as Object.keys (JSON data inherits nothing enumerable),
  // without allocating a key array per object: this runs on every store write.
  for (const k in from) {
    const v = from[k];
    if (v !== undefined) out[k] = clone(v);
  }
  return out as T;
}

/** Structural equality of plain JSON data (apiequality.Semantic.DeepEqual for our purposes). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    if (a.length !== bb.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], bb[i])) return false;
    return true;
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  // Keys holding undefined count as absent. Counted in place (for-in, as in clone): this runs on every store write.
  let defined = 0;
  for (const k in ao) {
    const v = ao[k];
    if (v === undefined) continue;
    defined++;
    if (!deepEqual(v, bo[k])) return false;
  }
  for (const k in bo) if (bo[k] !== undefined) defined--;
  return defined === 0;
}

/** JSON with object keys sorted, so equal data always serializes (and hashes) the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

/** Whether `labels` satisfy a LabelSelector (metav1.LabelSelectorAsSelector + Matches). */
export function selectorMatches(
  selector: LabelSelector | undefined,
  labels: Record<string, string> | undefined,
): boolean {
  if (!selector) return false;
  const have = labels ?? {};
  const matchLabels = selector.matchLabels;
  // for-in over the selector's own keys (plain JSON objects): no entries array per call.
  for (const k in matchLabels) {
    if (have[k] !== matchLabels[k]) return false;
  }
  for (const req of selector.matchExpressions ?? []) {
    if (!requirementMatches(req, have)) return false;
  }
  return true;
}

function requirementMatches(req: LabelSelectorRequirement, labels: Record<string, string>): boolean {
  const present = Object.prototype.hasOwnProperty.call(labels, req.key);
  const values = req.values ?? [];
  switch (req.operator) {
    case 'In':
      return present && values.includes(labels[req.key]);
    case 'NotIn':
      return !present || !values.includes(labels[req.key]);
    case 'Exists':
      return present;
    case 'DoesNotExist':
      return !present;
    default:
      return false;
  }
}

/** A selector is empty when it has neither matchLabels nor matchExpressions: it selects everything. */
export function selectorIsEmpty(selector: LabelSelector | undefined): boolean {
  return (
    !selector ||
    (Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0)
  );
}

/** kubernetes-types marks server-set fields readonly; the apiserver itself (and only it) writes them. */
export type Writable<T> = { -readonly [K in keyof T]: T[K] };

export function writable<T>(value: T): Writable<T> {
  return value as Writable<T>;
}
