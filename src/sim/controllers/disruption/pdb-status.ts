import type { Condition } from 'kubernetes-types/meta/v1';
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { selectorMatches } from '../../api/meta';

/** How long an eviction's entry in status.disruptedPods keeps its pod out of currentHealthy (DeletionTimeout). */
export const DELETION_TIMEOUT_MS = 2 * 60_000;

/** Whether a PDB covers a pod: same namespace, and its selector (nil selects nothing, empty selects all) matches. */
export function pdbSelects(pdb: PodDisruptionBudget, pod: Pod): boolean {
  return (
    (pdb.metadata?.namespace ?? 'default') === (pod.metadata?.namespace ?? 'default') &&
    selectorMatches(pdb.spec?.selector, pod.metadata?.labels)
  );
}

/**
 * apimeta.SetStatusCondition for DisruptionAllowed (pdbhelper.UpdateDisruptionAllowedCondition): the transition
 * time moves only when the status does.
 */
export function disruptionAllowedCondition(
  pdb: PodDisruptionBudget,
  status: 'True' | 'False',
  reason: string,
  message: string,
  now: string,
): Condition[] {
  const conditions = [...(pdb.status?.conditions ?? [])];
  const at = conditions.findIndex((c) => c.type === 'DisruptionAllowed');
  const previous = at >= 0 ? conditions[at] : undefined;
  const next: Condition = {
    type: 'DisruptionAllowed',
    status,
    observedGeneration: pdb.status?.observedGeneration ?? 0,
    lastTransitionTime: previous && previous.status === status ? previous.lastTransitionTime : now,
    reason,
    message,
  };
  if (at >= 0) conditions[at] = next;
  else conditions.push(next);
  return conditions;
}

/** The condition a status with this many allowed disruptions carries. */
export function allowedConditionFor(pdb: PodDisruptionBudget, allowed: number, now: string): Condition[] {
  return allowed > 0
    ? disruptionAllowedCondition(pdb, 'True', 'SufficientPods', '', now)
    : disruptionAllowedCondition(pdb, 'False', 'InsufficientPods', '', now);
}
