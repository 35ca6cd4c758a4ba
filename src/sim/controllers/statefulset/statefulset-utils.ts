import type { ControllerRevision, StatefulSet } from 'kubernetes-types/apps/v1';
import type { PersistentVolumeClaim, Pod, Volume } from 'kubernetes-types/core/v1';
import { clone, newControllerRef, writable, type Stored } from '../../api/meta';
import { copyToExtend } from '../../api/share';
import { isRunningAndAvailable, isTerminating } from '../../pods/pod-util';

/** Label keys the StatefulSet controller sets on its pods. */
export const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';
export const REVISION_LABEL = 'controller-revision-hash';

/** A pod name split as getParentNameAndOrdinal splits it. */
export interface ParsedPodName {
  readonly parent: string;
  /** -1 when the name has none. */
  readonly ordinal: number;
  /** The digits read are String(ordinal), no leading zero: the name is exactly "<parent>-<ordinal>". */
  readonly canonical: boolean;
}

const NO_ORDINAL: ParsedPodName = { parent: '', ordinal: -1, canonical: false };
/** The last name split and its parts: the controller asks about one pod several times in a row. */
let lastName: string | undefined;
let lastParsed = NO_ORDINAL;

/** getParentNameAndOrdinal: "web-2" → { parent: "web", ordinal: 2 }; ordinal -1 when the name has none. */
export function parentNameAndOrdinal(pod: Pod): ParsedPodName {
  const name = pod.metadata?.name ?? '';
  if (name !== lastName) {
    lastParsed = parsePodName(name);
    lastName = name;
  }
  return lastParsed;
}

function parsePodName(name: string): ParsedPodName {
  // The match of ^(.*)-([0-9]+)$, found by hand: digits after the last "-", up to the end of the name.
  const dash = name.lastIndexOf('-');
  if (dash < 0 || dash === name.length - 1 || !allDigits(name, dash + 1)) return NO_ORDINAL;
  const parent = name.slice(0, dash);
  if (hasLineTerminator(parent)) return NO_ORDINAL;
  const ordinal = Number(name.slice(dash + 1));
  if (!Number.isSafeInteger(ordinal)) return NO_ORDINAL;
  return { parent, ordinal, canonical: dash === name.length - 2 || name.charCodeAt(dash + 1) !== 48 };
}

function allDigits(text: string, from: number): boolean {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Whether the text holds a character that a regular expression's "." does not match. */
function hasLineTerminator(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) return true;
  }
  return false;
}

/** getOrdinal */
export function ordinalOf(pod: Pod): number {
  return parentNameAndOrdinal(pod).ordinal;
}

/** getPodName */
export function podName(set: StatefulSet, ordinal: number): string {
  return `${set.metadata?.name}-${ordinal}`;
}

/** getStartOrdinal: spec.ordinals.start (StatefulSetStartOrdinal, GA since v1.31), else 0. */
export function startOrdinal(set: StatefulSet): number {
  return set.spec?.ordinals?.start ?? 0;
}

/** getEndOrdinal */
export function endOrdinal(set: StatefulSet): number {
  return startOrdinal(set) + (set.spec?.replicas ?? 1) - 1;
}

/** podInOrdinalRange */
export function podInOrdinalRange(pod: Pod, set: StatefulSet): boolean {
  const ord = ordinalOf(pod);
  return ord >= startOrdinal(set) && ord <= endOrdinal(set);
}

/** isMemberOf: the pod's name is "<set name>-<ordinal>". */
export function isMemberOf(set: StatefulSet, pod: Pod): boolean {
  return parentNameAndOrdinal(pod).parent === set.metadata?.name;
}

/** getPersistentVolumeClaimName: "<template>-<set>-<ordinal>". */
export function claimName(set: StatefulSet, template: PersistentVolumeClaim, ordinal: number): string {
  return `${template.metadata?.name}-${set.metadata?.name}-${ordinal}`;
}

/** allowsBurst: Parallel pod management lets the controller act on many pods at once. */
export function allowsBurst(set: StatefulSet): boolean {
  return set.spec?.podManagementPolicy === 'Parallel';
}

/** getPodRevision */
export function podRevision(pod: Pod): string | undefined {
  return pod.metadata?.labels?.[REVISION_LABEL];
}

/** isCreated: the pod exists in the API (it has a phase). */
export function isCreated(pod: Pod): boolean {
  return (pod.status?.phase ?? '') !== '';
}

/** isUnavailable: created-but-unhealthy, terminating, or not created at all. */
export function isUnavailable(pod: Pod, minReadySeconds: number, nowMs: number): boolean {
  return !isCreated(pod) || isTerminating(pod) || !isRunningAndAvailable(pod, minReadySeconds, nowMs);
}

/** Whether the pod's name is podName(set, ordinal) for the ordinal it carries. */
export function hasOrdinalName(set: StatefulSet, pod: Pod): boolean {
  const { parent, ordinal, canonical } = parentNameAndOrdinal(pod);
  return ordinal >= 0 && canonical && parent === set.metadata?.name;
}

/** identityMatches: name, namespace, pod-name label and subdomain are what the set would give this ordinal. */
export function identityMatches(set: StatefulSet, pod: Pod): boolean {
  const name = pod.metadata?.name ?? '';
  const labels = pod.metadata?.labels;
  // With the name "<set>-<ordinal>", String(ordinal) is the name's tail after the set's name and "-".
  const indexLabel = labels?.[POD_INDEX_LABEL];
  return (
    hasOrdinalName(set, pod) &&
    pod.metadata?.namespace === set.metadata?.namespace &&
    labels?.[POD_NAME_LABEL] === name &&
    indexLabel !== undefined &&
    indexLabel.length === name.length - (set.metadata?.name ?? '').length - 1 &&
    name.endsWith(indexLabel) &&
    pod.spec?.hostname === name &&
    (pod.spec?.subdomain ?? '') === (set.spec?.serviceName ?? '')
  );
}

/** storageMatches: each claim template is mounted from the claim of this ordinal. */
export function storageMatches(set: StatefulSet, pod: Pod): boolean {
  const ordinal = ordinalOf(pod);
  if (ordinal < 0) return false;
  const templates = set.spec?.volumeClaimTemplates;
  if (!templates || templates.length === 0) return true;
  const volumes = new Map((pod.spec?.volumes ?? []).map((v) => [v.name, v]));
  for (const template of templates) {
    const volume = volumes.get(template.metadata?.name ?? '');
    if (
      !volume?.persistentVolumeClaim ||
      volume.persistentVolumeClaim.claimName !== claimName(set, template, ordinal)
    ) {
      return false;
    }
  }
  return true;
}

/** getPersistentVolumeClaims: the claims the pod at this ordinal must have, keyed by template name. */
export function claimsForOrdinal(set: Stored<StatefulSet>, ordinal: number): Map<string, PersistentVolumeClaim> {
  const out = new Map<string, PersistentVolumeClaim>();
  const selectorLabels = set.spec?.selector.matchLabels ?? {};
  for (const template of set.spec?.volumeClaimTemplates ?? []) {
    const claim = clone(template);
    claim.apiVersion = 'v1';
    claim.kind = 'PersistentVolumeClaim';
    claim.metadata = {
      ...claim.metadata,
      name: claimName(set, template, ordinal),
      namespace: set.metadata.namespace,
      labels: { ...(template.metadata?.labels ?? {}), ...selectorLabels },
    };
    delete writable(claim).status;
    out.set(template.metadata?.name ?? '', claim);
  }
  return out;
}

/** updateIdentity + updateStorage: stamps the ordinal's identity and claim volumes onto a pod. */
export function applyIdentity(set: Stored<StatefulSet>, pod: Pod, ordinal: number): void {
  const name = podName(set, ordinal);
  // The name, namespace and identity labels are keys a template lacks: copied to extend, not spread.
  const metadata = copyToExtend(pod.metadata);
  metadata.name = name;
  metadata.namespace = set.metadata.namespace;
  const labels = copyToExtend(pod.metadata?.labels);
  labels[POD_NAME_LABEL] = name;
  labels[POD_INDEX_LABEL] = String(ordinal);
  metadata.labels = labels;
  pod.metadata = metadata;
  const spec = pod.spec ?? { containers: [] };
  spec.hostname = name;
  if (set.spec?.serviceName) spec.subdomain = set.spec.serviceName;
  else delete spec.subdomain;
  const claimVolumes: Volume[] = [];
  const templateNames = new Set<string>();
  for (const template of set.spec?.volumeClaimTemplates ?? []) {
    templateNames.add(template.metadata?.name ?? '');
    claimVolumes.push({
      name: template.metadata?.name ?? '',
      persistentVolumeClaim: { claimName: claimName(set, template, ordinal) },
    });
  }
  const kept = (spec.volumes ?? []).filter((v) => !templateNames.has(v.name));
  const volumes = [...claimVolumes, ...kept];
  if (volumes.length > 0) spec.volumes = volumes;
  pod.spec = spec;
}

/** newStatefulSetPod: a pod for `ordinal` from the set's template, owned by the set. */
export function newStatefulSetPod(set: Stored<StatefulSet>, ordinal: number): Pod {
  const template = clone(set.spec?.template ?? {});
  // The template is a copy of its own: its metadata takes the owner reference in place.
  const metadata = template.metadata ?? {};
  metadata.labels = metadata.labels ?? {};
  metadata.ownerReferences = [newControllerRef(set)];
  const pod: Pod = { apiVersion: 'v1', kind: 'Pod', metadata, spec: template.spec ?? { containers: [] } };
  applyIdentity(set, pod, ordinal);
  return pod;
}

/**
 * newVersionedStatefulSetPod: ordinals below the partition are created from the current revision, the rest from
 * the update revision.
 */
export function newVersionedStatefulSetPod(
  currentSet: Stored<StatefulSet>,
  updateSet: Stored<StatefulSet>,
  currentRevision: string,
  updateRevision: string,
  ordinal: number,
): Pod {
  const strategy = currentSet.spec?.updateStrategy;
  if (strategy?.type === 'RollingUpdate' || strategy?.type === undefined) {
    const partition = strategy?.rollingUpdate?.partition;
    const start = startOrdinal(currentSet);
    const current = currentSet.status?.currentReplicas ?? 0;
    if (
      (partition === undefined && ordinal < start + current) ||
      (partition !== undefined && ordinal < start + partition)
    ) {
      return setPodRevision(newStatefulSetPod(currentSet, ordinal), currentRevision);
    }
  }
  return setPodRevision(newStatefulSetPod(updateSet, ordinal), updateRevision);
}

/** setPodRevision, on a pod just built (its labels are its own): set in place, as kubernetes does. */
export function setPodRevision(pod: Pod, revision: string): Pod {
  (pod.metadata?.labels as Record<string, string>)[REVISION_LABEL] = revision;
  return pod;
}

/**
 * ApplyRevision: the set with its pod template replaced by the one recorded in a ControllerRevision. Only read
 * (whoever builds a pod or claim from it copies the template first), so it shares the stored set's and
 * revision's parts instead of deep-copying both.
 */
export function applyRevision(set: Stored<StatefulSet>, revision: ControllerRevision): Stored<StatefulSet> {
  const data = revision.data as { spec?: { template?: unknown } } | undefined;
  if (!set.spec || !data?.spec?.template) return set;
  return {
    ...set,
    spec: { ...set.spec, template: data.spec.template as NonNullable<StatefulSet['spec']>['template'] },
  };
}

/** ascendingOrdinal sort. */
export function byOrdinal(a: Pod, b: Pod): number {
  return ordinalOf(a) - ordinalOf(b);
}
