import type { ReplicaSet, ReplicaSetStatus } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { selectorMatches } from '../../api/meta';
import { isPodAvailable, isPodReady } from '../../pods/pod-util';

/** calculateStatus: counts of the ReplicaSet's active pods; zero counts are omitted as the API's omitempty does. */
export function calculateReplicaSetStatus(rs: ReplicaSet, activePods: Pod[], nowMs: number): ReplicaSetStatus {
  const templateLabels = rs.spec?.template?.metadata?.labels ?? {};
  const minReady = rs.spec?.minReadySeconds ?? 0;
  let fullyLabeled = 0;
  let ready = 0;
  let available = 0;
  for (const pod of activePods) {
    if (selectorMatches({ matchLabels: templateLabels }, pod.metadata?.labels)) fullyLabeled++;
    if (isPodReady(pod)) {
      ready++;
      if (isPodAvailable(pod, minReady, nowMs)) available++;
    }
  }
  const status: ReplicaSetStatus = { replicas: activePods.length };
  if (fullyLabeled > 0) status.fullyLabeledReplicas = fullyLabeled;
  if (ready > 0) status.readyReplicas = ready;
  if (available > 0) status.availableReplicas = available;
  if (rs.status?.observedGeneration !== undefined) status.observedGeneration = rs.status.observedGeneration;
  if (rs.status?.conditions) status.conditions = rs.status.conditions;
  return status;
}
