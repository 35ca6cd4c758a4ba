import type { DeploymentStatus } from 'kubernetes-types/apps/v1';
import { deepEqual } from '../../api/meta';
import {
  deploymentComplete,
  deploymentProgressing,
  deploymentTimedOut,
  getCondition,
  hasProgressDeadline,
  NEW_RS_AVAILABLE_REASON,
  newCondition,
  removeCondition,
  RS_UPDATED_REASON,
  setCondition,
  TIMED_OUT_REASON,
  type RS,
} from './deployment-util';
import type { DeploymentSync, SyncState } from './sync';

/**
 * syncRolloutStatus (progress.go): status plus the Progressing condition — NewReplicaSetAvailable once complete,
 * ReplicaSetUpdated while replicas move, ProgressDeadlineExceeded after progressDeadlineSeconds without progress.
 * Returns how long until the deadline should be checked again, or undefined.
 */
export function syncRolloutStatus(
  sync: DeploymentSync,
  state: SyncState,
  allRSs: RS[],
  newRS: RS | undefined,
): number | undefined {
  const d = state.d;
  const status = sync.calculateStatus(d, allRSs, newRS);
  if (!hasProgressDeadline(d)) removeCondition(status, 'Progressing');
  const current = getCondition(d.status, 'Progressing');
  const isComplete =
    (status.replicas ?? 0) === (status.updatedReplicas ?? 0) && current?.reason === NEW_RS_AVAILABLE_REASON;
  if (hasProgressDeadline(d) && !isComplete) {
    const now = sync.now();
    if (deploymentComplete(d, status)) {
      const message = `ReplicaSet "${newRS?.metadata.name}" has successfully progressed.`;
      setCondition(status, newCondition('Progressing', 'True', NEW_RS_AVAILABLE_REASON, message, now));
    } else if (deploymentProgressing(d, status)) {
      const message = newRS
        ? `ReplicaSet "${newRS.metadata.name}" is progressing.`
        : `Deployment "${d.metadata.name}" is progressing.`;
      const condition = newCondition('Progressing', 'True', RS_UPDATED_REASON, message, now);
      // Progress refreshes lastUpdateTime even when the reason stays the same.
      if (current) {
        if (current.status === 'True') condition.lastTransitionTime = current.lastTransitionTime;
        removeCondition(status, 'Progressing');
      }
      setCondition(status, condition);
    } else if (deploymentTimedOut(d, status, sync.ctx.clock.now())) {
      const message = newRS
        ? `ReplicaSet "${newRS.metadata.name}" has timed out progressing.`
        : `Deployment "${d.metadata.name}" has timed out progressing.`;
      setCondition(status, newCondition('Progressing', 'False', TIMED_OUT_REASON, message, now));
    }
  }
  if (deepEqual(d.status, status)) return requeueStuckDeployment(sync, state, status);
  sync.writeDeployment(state, { ...d, status });
  return undefined;
}

/** requeueStuckDeployment: when to look again so a stalled rollout is marked timed out on time. */
function requeueStuckDeployment(sync: DeploymentSync, state: SyncState, status: DeploymentStatus): number | undefined {
  const d = state.d;
  const current = getCondition(d.status, 'Progressing');
  if (!hasProgressDeadline(d) || !current) return undefined;
  if (deploymentComplete(d, status) || current.reason === TIMED_OUT_REASON) return undefined;
  const after =
    Date.parse(current.lastUpdateTime ?? '') + (d.spec?.progressDeadlineSeconds ?? 0) * 1000 - sync.ctx.clock.now();
  if (after < 1000) return 0;
  return after + 1000;
}
