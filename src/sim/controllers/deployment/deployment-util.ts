import type { Deployment, DeploymentCondition, DeploymentStatus, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import { scaledValue } from '../../api/intstr';
import { canonicalJson, deepEqual, type Stored } from '../../api/meta';
import { computeHash } from '../../random';

/** Helpers of pkg/controller/deployment/util/deployment_util.go. */

export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY_ANNOTATION = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/max-replicas';
export const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause';
export const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash';

/** Progressing condition reasons. */
export const NEW_RS_CREATED_REASON = 'NewReplicaSetCreated';
export const FOUND_NEW_RS_REASON = 'FoundNewReplicaSet';
export const RS_UPDATED_REASON = 'ReplicaSetUpdated';
export const NEW_RS_AVAILABLE_REASON = 'NewReplicaSetAvailable';
export const TIMED_OUT_REASON = 'ProgressDeadlineExceeded';
export const PAUSED_REASON = 'DeploymentPaused';
export const RESUMED_REASON = 'DeploymentResumed';
export const FAILED_RS_CREATE_REASON = 'ReplicaSetCreateError';

/** Deployment annotations never copied onto its ReplicaSets (annotationsToSkip). */
export const ANNOTATIONS_TO_SKIP = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  'deprecated.deployment.rollback.to',
]);

export type RS = Stored<ReplicaSet>;

export function replicasOf(obj: { spec?: { replicas?: number } } | undefined): number {
  return obj?.spec?.replicas ?? 0;
}

/** ResolveFenceposts: surge rounds up, unavailability rounds down, and both 0 would stall, so unavailable is 1. */
export function resolveFenceposts(
  maxSurge: number | string | undefined,
  maxUnavailable: number | string | undefined,
  desired: number,
): { surge: number; unavailable: number } {
  const surge = scaledValue(maxSurge ?? 0, desired, true);
  let unavailable = scaledValue(maxUnavailable ?? 0, desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable };
}

export function isRollingUpdate(d: Deployment): boolean {
  return d.spec?.strategy?.type === 'RollingUpdate';
}

/**
 * The last fenceposts resolved and their inputs: every sync asks for them several times over with the same
 * maxSurge, maxUnavailable and replicas, and resolving parses percentages. Keyed by those values, not by object.
 */
let lastSurgeInput: number | string | undefined;
let lastUnavailableInput: number | string | undefined;
let lastDesired = NaN;
let lastFenceposts: { surge: number; unavailable: number } = { surge: 0, unavailable: 0 };

function fencepostsOf(d: Deployment, desired: number): { surge: number; unavailable: number } {
  const r = d.spec?.strategy?.rollingUpdate;
  const surge = r?.maxSurge;
  const unavailable = r?.maxUnavailable;
  if (surge !== lastSurgeInput || unavailable !== lastUnavailableInput || desired !== lastDesired) {
    // Resolved first, so a value that does not parse throws every time and caches nothing.
    lastFenceposts = resolveFenceposts(surge, unavailable, desired);
    lastSurgeInput = surge;
    lastUnavailableInput = unavailable;
    lastDesired = desired;
  }
  return lastFenceposts;
}

/** MaxSurge */
export function maxSurge(d: Deployment): number {
  if (!isRollingUpdate(d)) return 0;
  return fencepostsOf(d, replicasOf(d)).surge;
}

/** MaxUnavailable */
export function maxUnavailable(d: Deployment): number {
  const replicas = replicasOf(d);
  if (!isRollingUpdate(d) || replicas === 0) return 0;
  return Math.min(fencepostsOf(d, replicas).unavailable, replicas);
}

/** Revision: the revision annotation as a number (0 when missing). */
export function revisionOf(obj: { metadata?: { annotations?: Record<string, string> } }): number {
  const text = obj.metadata?.annotations?.[REVISION_ANNOTATION];
  const n = text === undefined ? 0 : Number(text);
  return Number.isFinite(n) ? n : 0;
}

/** MaxRevision */
export function maxRevision(sets: RS[]): number {
  return sets.reduce((max, rs) => Math.max(max, revisionOf(rs)), 0);
}

/** GetReplicaCountForReplicaSets: the sum of spec.replicas. */
export function specReplicaCount(sets: Array<RS | undefined>): number {
  return sets.reduce((sum, rs) => sum + (rs ? replicasOf(rs) : 0), 0);
}

/** GetActualReplicaCountForReplicaSets: the sum of status.replicas. */
export function actualReplicaCount(sets: Array<RS | undefined>): number {
  return sets.reduce((sum, rs) => sum + (rs?.status?.replicas ?? 0), 0);
}

export function readyReplicaCount(sets: Array<RS | undefined>): number {
  return sets.reduce((sum, rs) => sum + (rs?.status?.readyReplicas ?? 0), 0);
}

export function availableReplicaCount(sets: Array<RS | undefined>): number {
  return sets.reduce((sum, rs) => sum + (rs?.status?.availableReplicas ?? 0), 0);
}

/** FilterActiveReplicaSets: those with spec.replicas > 0. */
export function activeSets(sets: Array<RS | undefined>): RS[] {
  return sets.filter((rs): rs is RS => rs !== undefined && replicasOf(rs) > 0);
}

/** The last few creation timestamps parsed: a sync compares the same two or three ReplicaSets over and over. */
const RECENT_TIMES = 4;
const recentTimeText: (string | undefined)[] = new Array(RECENT_TIMES).fill(undefined);
const recentTimeMs: number[] = new Array(RECENT_TIMES).fill(0);
let recentTimeNext = 0;

function created(rs: RS): number {
  const text = rs.metadata.creationTimestamp ?? '';
  for (let i = 0; i < RECENT_TIMES; i++) if (recentTimeText[i] === text) return recentTimeMs[i];
  const ms = Date.parse(text) || 0;
  recentTimeText[recentTimeNext] = text;
  recentTimeMs[recentTimeNext] = ms;
  recentTimeNext = (recentTimeNext + 1) % RECENT_TIMES;
  return ms;
}

/** ReplicaSetsByCreationTimestamp: oldest first, then by name. */
export function byCreation(a: RS, b: RS): number {
  return (
    created(a) - created(b) || (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0)
  );
}

/** A copy sorted by byCreation; a list of one or none (the usual case) is not handed to sort. */
export function sortedByCreation(sets: RS[]): RS[] {
  const out = sets.slice();
  if (out.length > 1) out.sort(byCreation);
  return out;
}

/** ReplicaSetsBySizeOlder: larger first, ties oldest first. */
export function bySizeOlder(a: RS, b: RS): number {
  return replicasOf(b) - replicasOf(a) || byCreation(a, b);
}

/** ReplicaSetsBySizeNewer: larger first, ties newest first. */
export function bySizeNewer(a: RS, b: RS): number {
  return replicasOf(b) - replicasOf(a) || byCreation(b, a);
}

/** ReplicaSetsByRevision: lowest revision first, ties by creation. */
export function byRevision(a: RS, b: RS): number {
  return revisionOf(a) - revisionOf(b) || byCreation(a, b);
}

/** Comparisons by template pair: templates read from the store are never mutated, so a pair always agrees. */
const equalByPair = new WeakMap<PodTemplateSpec, WeakMap<PodTemplateSpec, boolean>>();

/**
 * The last few pairs compared, checked by identity before the weak maps: a sync asks about the same two or three
 * templates many times over, and a weak-map lookup costs far more than a glance at these.
 */
const RECENT_PAIRS = 4;
const recentA: (PodTemplateSpec | undefined)[] = new Array(RECENT_PAIRS).fill(undefined);
const recentB: (PodTemplateSpec | undefined)[] = new Array(RECENT_PAIRS).fill(undefined);
const recentEqual: boolean[] = new Array(RECENT_PAIRS).fill(false);
let recentNext = 0;

/** EqualIgnoreHash: compares in place, as if both had the hash label (and then an empty label map) removed. */
export function equalIgnoreHash(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean {
  if (!a || !b) return compareIgnoringHash(a, b);
  for (let i = 0; i < RECENT_PAIRS; i++) if (recentA[i] === a && recentB[i] === b) return recentEqual[i];
  const equal = pairEqual(a, b);
  recentA[recentNext] = a;
  recentB[recentNext] = b;
  recentEqual[recentNext] = equal;
  recentNext = (recentNext + 1) % RECENT_PAIRS;
  return equal;
}

function pairEqual(a: PodTemplateSpec, b: PodTemplateSpec): boolean {
  let row = equalByPair.get(a);
  if (!row) equalByPair.set(a, (row = new WeakMap()));
  let equal = row.get(b);
  if (equal === undefined) {
    equal = compareIgnoringHash(a, b);
    row.set(b, equal);
  }
  return equal;
}

function compareIgnoringHash(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean {
  const ta = a ?? {};
  const tb = b ?? {};
  if (!deepEqual({ ...ta, metadata: undefined }, { ...tb, metadata: undefined })) return false;
  if ((ta.metadata === undefined) !== (tb.metadata === undefined)) return false;
  const ma = ta.metadata ?? {};
  const mb = tb.metadata ?? {};
  if (!deepEqual({ ...ma, labels: undefined }, { ...mb, labels: undefined })) return false;
  return deepEqual(labelsWithoutHash(ma.labels), labelsWithoutHash(mb.labels));
}

function labelsWithoutHash(labels: Record<string, string> | undefined): Record<string, string> | undefined {
  if (!labels) return undefined;
  const rest = { ...labels };
  delete rest[POD_TEMPLATE_HASH_LABEL];
  return Object.keys(rest).length > 0 ? rest : undefined;
}

/** ComputeHash: the pod-template-hash of a template, salted with the collision count. */
export function podTemplateHash(template: PodTemplateSpec | undefined, collisionCount: number | undefined): string {
  return computeHash(canonicalJson(template ?? {}), collisionCount ?? 0);
}

/**
 * FindNewReplicaSet: the oldest ReplicaSet whose template equals the Deployment's. The first match in creation
 * order is the least matching one by byCreation, which tells any two ReplicaSets apart, so no sorted copy is made.
 */
export function findNewReplicaSet(d: Deployment, sets: RS[]): RS | undefined {
  let oldest: RS | undefined;
  for (const rs of sets) {
    if (oldest && byCreation(rs, oldest) >= 0) continue;
    if (equalIgnoreHash(rs.spec?.template, d.spec?.template)) oldest = rs;
  }
  return oldest;
}

/** FindOldReplicaSets: every other ReplicaSet. */
export function findOldReplicaSets(d: Deployment, sets: RS[]): RS[] {
  return otherReplicaSets(sets, findNewReplicaSet(d, sets));
}

/** The ReplicaSets other than the new one, in their order (FindOldReplicaSets once the new one is known). */
export function otherReplicaSets(sets: RS[], newRS: RS | undefined): RS[] {
  const out: RS[] = [];
  for (const rs of sets) if (rs !== newRS) out.push(rs);
  return out;
}

/** NewRSNewReplicas: how many replicas the new ReplicaSet may have now. */
export function newRSNewReplicas(d: Deployment, allSets: RS[], newRS: ReplicaSet): number {
  const replicas = replicasOf(d);
  if (d.spec?.strategy?.type === 'Recreate') return replicas;
  const surge = scaledValue(d.spec?.strategy?.rollingUpdate?.maxSurge ?? 0, replicas, true);
  const current = specReplicaCount(allSets);
  const maxTotal = replicas + surge;
  const newCount = replicasOf(newRS);
  if (current >= maxTotal) return newCount;
  return newCount + Math.min(maxTotal - current, replicas - newCount);
}

/** SetReplicasAnnotations: records desired and max replicas on a ReplicaSet; returns whether anything changed. */
export function setReplicasAnnotations(rs: ReplicaSet, desired: number, max: number): boolean {
  const annotations = (rs.metadata = rs.metadata ?? {}).annotations ?? {};
  let changed = false;
  if (annotations[DESIRED_REPLICAS_ANNOTATION] !== String(desired)) {
    annotations[DESIRED_REPLICAS_ANNOTATION] = String(desired);
    changed = true;
  }
  if (annotations[MAX_REPLICAS_ANNOTATION] !== String(max)) {
    annotations[MAX_REPLICAS_ANNOTATION] = String(max);
    changed = true;
  }
  rs.metadata.annotations = annotations;
  return changed;
}

/** ReplicasAnnotationsNeedUpdate */
export function replicasAnnotationsNeedUpdate(rs: ReplicaSet, desired: number, max: number): boolean {
  const a = rs.metadata?.annotations ?? {};
  return a[DESIRED_REPLICAS_ANNOTATION] !== String(desired) || a[MAX_REPLICAS_ANNOTATION] !== String(max);
}

/** GetDesiredReplicasAnnotation */
export function desiredReplicasAnnotation(rs: ReplicaSet): number | undefined {
  const text = rs.metadata?.annotations?.[DESIRED_REPLICAS_ANNOTATION];
  return text === undefined ? undefined : Number(text);
}

/** getMaxReplicasAnnotation */
export function maxReplicasAnnotation(rs: ReplicaSet): number | undefined {
  const text = rs.metadata?.annotations?.[MAX_REPLICAS_ANNOTATION];
  return text === undefined ? undefined : Number(text);
}

/**
 * SetNewReplicaSetAnnotations: copies the Deployment's own annotations, raises the revision (remembering the old
 * one in revision-history), and on creation adds the replica annotations. Returns whether anything changed.
 */
export function setNewReplicaSetAnnotations(
  d: Deployment,
  rs: ReplicaSet,
  newRevision: string,
  exists: boolean,
): boolean {
  const meta = (rs.metadata = rs.metadata ?? {});
  const before = meta.annotations ?? {};
  // Copied on the first change only: most syncs change nothing, and then the map stays the one read.
  let annotations = before;
  let changed = false;
  const own = d.metadata?.annotations;
  for (const k in own) {
    const v = own[k];
    if (ANNOTATIONS_TO_SKIP.has(k) || annotations[k] === v) continue;
    if (!changed) annotations = { ...before };
    annotations[k] = v;
    changed = true;
  }
  const oldRevision = annotations[REVISION_ANNOTATION];
  const oldRevisionNumber = oldRevision === undefined ? 0 : Number(oldRevision);
  if (oldRevisionNumber < Number(newRevision)) {
    if (!changed) annotations = { ...before };
    annotations[REVISION_ANNOTATION] = newRevision;
    changed = true;
    if (oldRevision !== undefined && oldRevision !== '') {
      const history = annotations[REVISION_HISTORY_ANNOTATION];
      annotations[REVISION_HISTORY_ANNOTATION] = history ? `${history},${oldRevision}` : oldRevision;
    }
  }
  meta.annotations = annotations;
  if (!exists && setReplicasAnnotations(rs, replicasOf(d), replicasOf(d) + maxSurge(d))) changed = true;
  return changed;
}

/** SetDeploymentRevision */
export function setDeploymentRevision(d: Deployment, revision: string): boolean {
  const meta = (d.metadata = d.metadata ?? {});
  if (meta.annotations?.[REVISION_ANNOTATION] === revision) return false;
  meta.annotations = { ...(meta.annotations ?? {}), [REVISION_ANNOTATION]: revision };
  return true;
}

/** HasProgressDeadline */
export function hasProgressDeadline(d: Deployment): boolean {
  const s = d.spec?.progressDeadlineSeconds;
  return s !== undefined && s !== 2147483647;
}

/** HasRevisionHistoryLimit */
export function hasRevisionHistoryLimit(d: Deployment): boolean {
  const l = d.spec?.revisionHistoryLimit;
  return l !== undefined && l !== 2147483647;
}

/** GetDeploymentCondition */
export function getCondition(status: DeploymentStatus | undefined, type: string): DeploymentCondition | undefined {
  const conditions = status?.conditions;
  if (!conditions) return undefined;
  for (const c of conditions) if (c.type === type) return c;
  return undefined;
}

/** NewDeploymentCondition */
export function newCondition(
  type: string,
  status: 'True' | 'False' | 'Unknown',
  reason: string,
  message: string,
  now: string,
): DeploymentCondition {
  return { type, status, lastUpdateTime: now, lastTransitionTime: now, reason, message };
}

/** SetDeploymentCondition: same status and reason is a no-op; a status change moves lastTransitionTime. */
export function setCondition(status: DeploymentStatus, condition: DeploymentCondition): void {
  const current = getCondition(status, condition.type);
  if (current && current.status === condition.status && current.reason === condition.reason) return;
  const next = { ...condition };
  if (current && current.status === condition.status) next.lastTransitionTime = current.lastTransitionTime;
  status.conditions = [...(status.conditions ?? []).filter((c) => c.type !== condition.type), next];
}

/** RemoveDeploymentCondition */
export function removeCondition(status: DeploymentStatus, type: string): void {
  const rest = (status.conditions ?? []).filter((c) => c.type !== type);
  status.conditions = rest.length > 0 ? rest : undefined;
}

/** DeploymentComplete: every replica updated and available, and the latest generation observed. */
export function deploymentComplete(d: Stored<Deployment>, status: DeploymentStatus): boolean {
  const replicas = replicasOf(d);
  return (
    (status.updatedReplicas ?? 0) === replicas &&
    (status.replicas ?? 0) === replicas &&
    (status.availableReplicas ?? 0) === replicas &&
    (status.observedGeneration ?? 0) >= (d.metadata.generation ?? 0)
  );
}

/** DeploymentProgressing: more updated, fewer old, or more ready or available replicas than last time. */
export function deploymentProgressing(d: Deployment, status: DeploymentStatus): boolean {
  const old = d.status ?? {};
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOld = (status.replicas ?? 0) - (status.updatedReplicas ?? 0);
  return (
    (status.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) ||
    newOld < oldOld ||
    (status.readyReplicas ?? 0) > (old.readyReplicas ?? 0) ||
    (status.availableReplicas ?? 0) > (old.availableReplicas ?? 0)
  );
}

/** DeploymentTimedOut: no progress for progressDeadlineSeconds since the Progressing condition last moved. */
export function deploymentTimedOut(d: Deployment, status: DeploymentStatus, nowMs: number): boolean {
  if (!hasProgressDeadline(d)) return false;
  const cond = getCondition(status, 'Progressing');
  if (!cond) return false;
  if (cond.reason === NEW_RS_AVAILABLE_REASON) return false;
  if (cond.reason === TIMED_OUT_REASON) return true;
  const from = Date.parse(cond.lastUpdateTime ?? '');
  return from + (d.spec?.progressDeadlineSeconds ?? 0) * 1000 < nowMs;
}
