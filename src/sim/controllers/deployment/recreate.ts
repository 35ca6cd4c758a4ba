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
  podsOf: (rs: RS) => Pod[],
): number | undefined {
  let { newRS, oldRSs } = sync.getAllReplicaSetsAndSyncRevision(state, sets, false);
  let allRSs: RS[] = newRS ? [...oldRSs, newRS] : [...oldRSs];
  let scaledDown = false;
  for (const rs of activeSets(oldRSs)) {
    if (sync.scaleAndRecord(state, rs, 0).scaled) scaledDown = true;
  }
  if (scaledDown) return syncRolloutStatus(sync, state, allRSs, newRS);
  if (oldPodsRunning(newRS, oldRSs, sets, podsOf)) return syncRolloutStatus(sync, state, allRSs, newRS);
  if (!newRS) {
    ({ newRS, oldRSs } = sync.getAllReplicaSetsAndSyncRevision(state, sync.fresh(sets), true));
    allRSs = newRS ? [...oldRSs, newRS] : [...oldRSs];
  }
  if (newRS) sync.scaleAndRecord(state, newRS, replicasOf(state.d));
  if (deploymentComplete(state.d, state.d.status ?? {})) sync.cleanupDeployment(state, oldRSs);
  return syncRolloutStatus(sync, state, allRSs, newRS);
}

/**
 * oldPodsRunning: any old ReplicaSet still reports replicas, or has a pod that has not finished. The pods of
 * `sets` (getPodMapForDeployment) are listed only when the replica counts leave the answer open, and never the
 * new ReplicaSet's: nothing writes pods during a sync, so they are the same as at its start.
 */
function oldPodsRunning(newRS: RS | undefined, oldRSs: RS[], sets: RS[], podsOf: (rs: RS) => Pod[]): boolean {
  if (actualReplicaCount(oldRSs) > 0) return true;
  for (const rs of sets) {
    if (newRS && newRS.metadata.uid === (rs.metadata.uid ?? '')) continue;
    for (const pod of podsOf(rs)) {
      if (pod.status?.phase !== 'Failed' && pod.status?.phase !== 'Succeeded') return true;
    }
  }
  return false;
}
