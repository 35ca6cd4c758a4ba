import type { Pod } from 'kubernetes-types/core/v1';
import { actualReplicaCount, activeSets, deploymentComplete, replicasOf, type RS } from './deployment-util';
import { syncRolloutStatus } from './progress';
import type { DeploymentSync, SyncState } from './sync';

/**
 * rolloutRecreate (recreate.go): scale every old ReplicaSet to 0, wait until none of their pods is left running,
 * then create or scale up the new ReplicaSet.
 */
export function rolloutRecreate(
  sync: DeploymentSync,
  state: SyncState,
  sets: RS[],
  podsBySet: Map<string, Pod[]>,
): number | undefined {
  let { newRS, oldRSs } = sync.getAllReplicaSetsAndSyncRevision(state, sets, false);
  let allRSs: RS[] = newRS ? [...oldRSs, newRS] : [...oldRSs];
  let scaledDown = false;
  for (const rs of activeSets(oldRSs)) {
    if (sync.scaleAndRecord(state, rs, 0).scaled) scaledDown = true;
  }
  if (scaledDown) return syncRolloutStatus(sync, state, allRSs, newRS);
  if (oldPodsRunning(newRS, oldRSs, podsBySet)) return syncRolloutStatus(sync, state, allRSs, newRS);
  if (!newRS) {
    ({ newRS, oldRSs } = sync.getAllReplicaSetsAndSyncRevision(state, sync.fresh(sets), true));
    allRSs = newRS ? [...oldRSs, newRS] : [...oldRSs];
  }
  if (newRS) sync.scaleAndRecord(state, newRS, replicasOf(state.d));
  if (deploymentComplete(state.d, state.d.status ?? {})) sync.cleanupDeployment(state, oldRSs);
  return syncRolloutStatus(sync, state, allRSs, newRS);
}

/** oldPodsRunning: any old ReplicaSet still reports replicas, or has a pod that has not finished. */
function oldPodsRunning(newRS: RS | undefined, oldRSs: RS[], podsBySet: Map<string, Pod[]>): boolean {
  if (actualReplicaCount(oldRSs) > 0) return true;
  for (const [uid, pods] of podsBySet) {
    if (newRS && newRS.metadata.uid === uid) continue;
    for (const pod of pods) {
      if (pod.status?.phase !== 'Failed' && pod.status?.phase !== 'Succeeded') return true;
    }
  }
  return false;
}
