import type {
  PersistentVolumeClaimSpec,
  PodSpec,
  PodTemplateSpec,
  ResourceRequirements,
} from 'kubernetes-types/core/v1';
import type { KubeObject } from './meta';
import { canonicalQuantity } from './quantity-canonical';

/**
 * The quantities of an object as the apiserver's decoder reads them: each becomes its canonical string, and a
 * malformed one fails the whole request. Only values that change are written, since unchanged subtrees of an
 * update may be shared with the stored object; for an update, `stored` is that object, and a part it shares (the
 * very spec) was decoded when it was stored and is passed over.
 */
export type QuantityDecoder = (obj: KubeObject, stored?: KubeObject) => string | undefined;

type WithSpec = { spec?: unknown };

/** Whether an update keeps the stored object's own spec (nothing new in it to decode). */
function sharesSpec(obj: KubeObject, stored: KubeObject | undefined): boolean {
  return stored !== undefined && (obj as WithSpec).spec === (stored as WithSpec).spec;
}

type QuantityList = Record<string, string | number>;

function canonicalList(list: QuantityList | undefined): string | undefined {
  if (!list) return undefined;
  for (const key of Object.keys(list)) {
    const value = list[key];
    const canonical = canonicalQuantity(value);
    if (canonical instanceof Error) return canonical.message;
    if (canonical !== value) list[key] = canonical;
  }
  return undefined;
}

function canonicalRequirements(resources: ResourceRequirements | undefined): string | undefined {
  if (!resources) return undefined;
  return (
    canonicalList(resources.limits as QuantityList | undefined) ??
    canonicalList(resources.requests as QuantityList | undefined)
  );
}

export function decodePodSpec(spec: PodSpec | undefined): string | undefined {
  if (!spec) return undefined;
  for (const c of spec.containers ?? []) {
    const bad = canonicalRequirements(c.resources);
    if (bad) return bad;
  }
  for (const c of spec.initContainers ?? []) {
    const bad = canonicalRequirements(c.resources);
    if (bad) return bad;
  }
  return canonicalList(spec.overhead as QuantityList | undefined);
}

export function decodeClaimSpec(spec: PersistentVolumeClaimSpec | undefined): string | undefined {
  return canonicalRequirements(spec?.resources as ResourceRequirements | undefined);
}

/** Pods */
export const decodePod: QuantityDecoder = (obj, stored) =>
  sharesSpec(obj, stored) ? undefined : decodePodSpec((obj as { spec?: PodSpec }).spec);

/** Deployments and ReplicaSets: the pod template. */
export const decodeTemplateOwner: QuantityDecoder = (obj, stored) =>
  sharesSpec(obj, stored)
    ? undefined
    : decodePodSpec((obj as { spec?: { template?: PodTemplateSpec } }).spec?.template?.spec);

/** StatefulSets: the pod template and each volumeClaimTemplate. */
export const decodeStatefulSet: QuantityDecoder = (obj, stored) => {
  if (sharesSpec(obj, stored)) return undefined;
  const spec = (
    obj as { spec?: { template?: PodTemplateSpec; volumeClaimTemplates?: Array<{ spec?: PersistentVolumeClaimSpec }> } }
  ).spec;
  const bad = decodePodSpec(spec?.template?.spec);
  if (bad) return bad;
  for (const claim of spec?.volumeClaimTemplates ?? []) {
    const badClaim = decodeClaimSpec(claim.spec);
    if (badClaim) return badClaim;
  }
  return undefined;
};

/** PersistentVolumeClaims: requests and limits; the status capacity is the server's own. */
export const decodeClaim: QuantityDecoder = (obj, stored) =>
  (sharesSpec(obj, stored) ? undefined : decodeClaimSpec((obj as { spec?: PersistentVolumeClaimSpec }).spec)) ??
  canonicalList((obj as { status?: { capacity?: QuantityList } }).status?.capacity);

/** PersistentVolumes: the capacity. */
export const decodeVolume: QuantityDecoder = (obj) =>
  canonicalList((obj as { spec?: { capacity?: QuantityList } }).spec?.capacity);
