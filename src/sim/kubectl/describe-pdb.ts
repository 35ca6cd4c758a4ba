import type { Event as CoreEvent } from 'kubernetes-types/core/v1';
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import type { Stored } from '../api/meta';
import { describeEvents, PrefixWriter } from './describe-util';
import { formatSelector } from './selector-string';

/** describePodDisruptionBudgetV1: the bound that is set, the selector, then the status counts. */
export function describePodDisruptionBudget(
  pdb: Stored<PodDisruptionBudget>,
  events: Stored<CoreEvent>[],
  nowMs: number,
): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${pdb.metadata.name}\n`);
  w.write(0, `Namespace:\t${pdb.metadata.namespace ?? ''}\n`);
  if (pdb.spec?.minAvailable !== undefined) w.write(0, `Min available:\t${pdb.spec.minAvailable}\n`);
  else if (pdb.spec?.maxUnavailable !== undefined) w.write(0, `Max unavailable:\t${pdb.spec.maxUnavailable}\n`);
  // A nil selector converts to labels.Nothing(), which prints as nothing at all.
  w.write(0, `Selector:\t${pdb.spec?.selector ? formatSelector(pdb.spec.selector) : ''}\n`);
  w.write(0, 'Status:\n');
  const status = pdb.status;
  w.write(2, `Allowed disruptions:\t${status?.disruptionsAllowed ?? 0}\n`);
  w.write(2, `Current:\t${status?.currentHealthy ?? 0}\n`);
  w.write(2, `Desired:\t${status?.desiredHealthy ?? 0}\n`);
  w.write(2, `Total:\t${status?.expectedPods ?? 0}\n`);
  describeEvents(w, events, nowMs);
  return w.toString();
}
