import {
  activeSets,
  availableReplicaCount,
  deploymentComplete,
  maxUnavailable,
  newRSNewReplicas,
  replicasOf,
  sortedByCreation,
  specReplicaCount,
  type RS,
} from './deployment-util';
import { syncRolloutStatus } from './progress';
import type { DeploymentSync, SyncState } from './sync';

/**
 * rolloutRolling (rolling.go): scale the new ReplicaSet up within maxSurge, else scale old ones down within
 * maxUnavailable; one of the two per sync. Returns the progress-deadline requeue delay, if any.
 */
export function rolloutRolling(sync: DeploymentSync, state: SyncState, sets: RS[]): number | undefined {
  const { newRS, oldRSs } = sync.getAllReplicaSetsAndSyncRevision(state, sets, true);
  if (!newRS) return undefined;
  // Like the real controller, status is computed from the ReplicaSets as read at the start of the sync; the
  // writes below bring another sync through the ReplicaSet watch.
  const allRSs = [...oldRSs, newRS];
  if (reconcileNewReplicaSet(sync, state, allRSs, newRS)) return syncRolloutStatus(sync, state, allRSs, newRS);
  if (reconcileOldReplicaSets(sync, state, allRSs, activeSets(oldRSs), newRS)) {
    return syncRolloutStatus(sync, state, allRSs, newRS);
  }
  if (deploymentComplete(state.d, state.d.status ?? {})) sync.cleanupDeployment(state, oldRSs);
  return syncRolloutStatus(sync, state, allRSs, newRS);
}

/** reconcileNewReplicaSet */
function reconcileNewReplicaSet(sync: DeploymentSync, state: SyncState, allRSs: RS[], newRS: RS): boolean {
  const replicas = replicasOf(state.d);
  if (replicasOf(newRS) === replicas) return false;
  if (replicasOf(newRS) > replicas) return sync.scaleAndRecord(state, newRS, replicas).scaled;
  return sync.scaleAndRecord(state, newRS, newRSNewReplicas(state.d, allRSs, newRS)).scaled;
}

/** reconcileOldReplicaSets: how far old ReplicaSets may shrink without dropping below minimum availability. */
function reconcileOldReplicaSets(
  sync: DeploymentSync,
  state: SyncState,
  allRSs: RS[],
  oldRSs: RS[],
  newRS: RS,
): boolean {
  if (specReplicaCount(oldRSs) === 0) return false;
  const allPods = specReplicaCount(allRSs);
  const minAvailable = replicasOf(state.d) - maxUnavailable(state.d);
  const newUnavailable = replicasOf(newRS) - (newRS.status?.availableReplicas ?? 0);
  const maxScaledDown = allPods - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return false;
  const cleaned = cleanupUnhealthyReplicas(sync, state, oldRSs, maxScaledDown);
  const scaledDown = scaleDownOldReplicaSetsForRollingUpdate(sync, state, [...cleaned.oldRSs, newRS], cleaned.oldRSs);
  return cleaned.count + scaledDown > 0;
}

/** cleanupUnhealthyReplicas: first remove old replicas that are not available anyway, oldest ReplicaSet first. */
function cleanupUnhealthyReplicas(
  sync: DeploymentSync,
  state: SyncState,
  oldRSs: RS[],
  maxCleanup: number,
): { oldRSs: RS[]; count: number } {
  const sorted = sortedByCreation(oldRSs);
  let total = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (total >= maxCleanup) break;
    const rs = sorted[i];
    const replicas = replicasOf(rs);
    const available = rs.status?.availableReplicas ?? 0;
    if (replicas === 0 || replicas === available) continue;
    const count = Math.min(maxCleanup - total, replicas - available);
    sorted[i] = sync.scaleAndRecord(state, rs, replicas - count).rs;
    total += count;
  }
  return { oldRSs: sorted, count: total };
}

/** scaleDownOldReplicaSetsForRollingUpdate: shrink old ReplicaSets, oldest first, while availability allows. */
function scaleDownOldReplicaSetsForRollingUpdate(
  sync: DeploymentSync,
  state: SyncState,
  allRSs: RS[],
  oldRSs: RS[],
): number {
  const minAvailable = replicasOf(state.d) - maxUnavailable(state.d);
  const available = availableReplicaCount(allRSs);
  if (available <= minAvailable) return 0;
  const sorted = sortedByCreation(oldRSs);
  const target = available - minAvailable;
  let total = 0;
  for (const rs of sorted) {
    if (total >= target) break;
    if (replicasOf(rs) === 0) continue;
    const count = Math.min(replicasOf(rs), target - total);
    sync.scaleAndRecord(state, rs, replicasOf(rs) - count);
    total += count;
  }
  return total;
}
