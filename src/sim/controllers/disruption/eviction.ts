import type { Pod } from 'kubernetes-types/core/v1';
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import { ApiError, notFound } from '../../api/errors';
import type { Stored } from '../../api/meta';
import type { ObjectStore } from '../../api/store';
import type { VirtualClock } from '../../clock';
import { isPodReady, withCondition } from '../../pods/pod-util';
import { allowedConditionFor, pdbSelects } from './pdb-status';

const VIOLATES_BUDGET = "Cannot evict pod as it would violate the pod's disruption budget.";

/**
 * The pods/eviction subresource (EvictionREST.Create): deletes the pod gracefully, after its PodDisruptionBudget,
 * if it has one, allows the disruption. Returns the apiserver's error instead: TooManyRequests when the budget
 * has no disruption to spare, NotFound when the pod is gone.
 */
export function evictPod(
  store: ObjectStore,
  clock: VirtualClock,
  pod: Stored<Pod>,
  gracePeriodSeconds: number | undefined,
): ApiError | undefined {
  const namespace = pod.metadata.namespace ?? 'default';
  const current = store.get<Pod>('Pod', namespace, pod.metadata.name);
  if (!current || current.metadata.uid !== pod.metadata.uid) return notFound('Pod', pod.metadata.name);
  if (!canIgnorePDB(current)) {
    const pdbs = store
      .list<PodDisruptionBudget>('PodDisruptionBudget', namespace)
      .filter((b) => pdbSelects(b, current));
    if (pdbs.length > 1) {
      return new ApiError(
        'InternalError',
        500,
        'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.',
      );
    }
    const pdb = pdbs[0];
    // A ready pod is guarded by the budget; an unready one may go without spending it in some cases.
    if (pdb && (isPodReady(current) || !unhealthyMayGo(pdb))) {
      const refused = checkAndDecrement(store, clock, pdb, current.metadata.name);
      if (refused) return refused;
    }
  }
  addConditionAndDelete(store, clock, current, gracePeriodSeconds);
  return undefined;
}

/** canIgnorePDB: a pod that is done, not yet running, or already being deleted disrupts nothing more. */
function canIgnorePDB(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed' || phase === 'Pending' || !!pod.metadata?.deletionTimestamp;
}

/** An unready pod goes without spending the budget under AlwaysAllow, or (IfHealthyBudget) while it is met. */
function unhealthyMayGo(pdb: PodDisruptionBudget): boolean {
  if (pdb.spec?.unhealthyPodEvictionPolicy === 'AlwaysAllow') return true;
  const current = pdb.status?.currentHealthy ?? 0;
  const desired = pdb.status?.desiredHealthy ?? 0;
  return current >= desired && desired > 0;
}

/** checkAndDecrement */
function checkAndDecrement(
  store: ObjectStore,
  clock: VirtualClock,
  pdb: Stored<PodDisruptionBudget>,
  podName: string,
): ApiError | undefined {
  const status = pdb.status ?? { currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0 };
  if ((status.observedGeneration ?? 0) < (pdb.metadata.generation ?? 0)) {
    return new ApiError('TooManyRequests', 429, VIOLATES_BUDGET);
  }
  if (status.disruptionsAllowed === 0) return new ApiError('TooManyRequests', 429, VIOLATES_BUDGET);
  const allowed = status.disruptionsAllowed - 1;
  const conditions = allowed === 0 ? allowedConditionFor(pdb, 0, clock.timestamp()) : status.conditions;
  // The controller leaves a pod named here out of currentHealthy until it is gone (or DeletionTimeout passes).
  const disruptedPods = { ...(status.disruptedPods ?? {}), [podName]: clock.timestamp() };
  store.update<PodDisruptionBudget>({
    ...pdb,
    status: { ...status, disruptionsAllowed: allowed, conditions, disruptedPods },
  });
  return undefined;
}

/** addConditionAndDeletePod: DisruptionTarget first, then a graceful delete. */
function addConditionAndDelete(
  store: ObjectStore,
  clock: VirtualClock,
  pod: Stored<Pod>,
  gracePeriodSeconds: number | undefined,
): void {
  const namespace = pod.metadata.namespace ?? 'default';
  if (!pod.metadata.deletionTimestamp) {
    const conditions = withCondition(
      pod.status?.conditions,
      'DisruptionTarget',
      'True',
      clock.timestamp(),
      'EvictionByEvictionAPI',
      'Eviction API: evicting',
    );
    store.update<Pod>({ ...pod, status: { ...pod.status, conditions } });
  }
  store.delete('Pod', namespace, pod.metadata.name, { gracePeriodSeconds });
}
