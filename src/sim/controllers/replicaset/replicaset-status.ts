import type { ReplicaSet, ReplicaSetStatus } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { isPodAvailable } from '../../pods/pod-util';

export interface ReplicaCounts {
  replicas: number;
  fullyLabeled: number;
  ready: number;
  available: number;
}

/** Ready pods that have been ready for minReadySeconds (podutil.IsPodAvailable over the active pods). */
export function countAvailable(pods: Pod[], minReadySeconds: number, nowMs: number): number {
  let n = 0;
  for (const pod of pods) if (isPodAvailable(pod, minReadySeconds, nowMs)) n++;
  return n;
}

/** calculateStatus: the counts as ReplicaSetStatus; zero counts are omitted as the API's omitempty does. */
export function calculateReplicaSetStatus(rs: ReplicaSet, counts: ReplicaCounts): ReplicaSetStatus {
  const status: ReplicaSetStatus = { replicas: counts.replicas };
  if (counts.fullyLabeled > 0) status.fullyLabeledReplicas = counts.fullyLabeled;
  if (counts.ready > 0) status.readyReplicas = counts.ready;
  if (counts.available > 0) status.availableReplicas = counts.available;
  if (rs.status?.observedGeneration !== undefined) status.observedGeneration = rs.status.observedGeneration;
  if (rs.status?.conditions) status.conditions = rs.status.conditions;
  return status;
}
