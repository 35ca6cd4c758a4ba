import type { PodCondition } from 'kubernetes-types/core/v1';
import { nextCondition } from '../pods/pod-util';
import type { PodView } from './pod-status';

/** The order the kubelet reports pod conditions in; conditions owned by others follow. */
const CONDITION_ORDER = ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'];
const RANK = new Map(CONDITION_ORDER.map((type, i) => [type, i]));
/** The keys withCondition writes, in the order it writes them. */
const CONDITION_KEYS = ['type', 'status', 'lastProbeTime', 'lastTransitionTime', 'reason', 'message'];

function rank(condition: PodCondition): number {
  return RANK.get(condition.type) ?? CONDITION_ORDER.length;
}

/**
 * The pod conditions the kubelet reports (generateAPIPodStatus's PodReadyToStartContainers, Initialized, Ready and
 * ContainersReady), keeping those other components own. Hands back `conditions` itself when it would write them
 * as they are, so an unchanged list stays shared with the stored pod.
 */
export function kubeletConditions(conditions: PodCondition[] | undefined, view: PodView, now: string): PodCondition[] {
  const ready = view.containers.every((c) => c.ready);
  const reason = ready ? undefined : 'ContainersNotReady';
  const message = ready ? undefined : `containers with unready status: [${unreadyNames(view).join(' ')}]`;
  const readiness = ready ? 'True' : 'False';
  const stored = conditions ?? [];
  let list = setCondition(stored, stored, 'PodReadyToStartContainers', view.sandboxReady ? 'True' : 'False', now);
  list = setCondition(list, stored, 'Initialized', 'True', now);
  list = setCondition(list, stored, 'Ready', readiness, now, reason, message);
  list = setCondition(list, stored, 'ContainersReady', readiness, now, reason, message);
  if (isSorted(list)) return list;
  // The stored list is copied first, never sorted in place.
  return sortByRank(list === stored ? [...list] : list);
}

/** A stable insertion sort by rank, in place: conditions of one rank keep their order. The lists are short. */
function sortByRank(list: PodCondition[]): PodCondition[] {
  for (let i = 1; i < list.length; i++) {
    const condition = list[i];
    const r = rank(condition);
    let j = i;
    for (; j > 0 && rank(list[j - 1]) > r; j--) list[j] = list[j - 1];
    list[j] = condition;
  }
  return list;
}

function unreadyNames(view: PodView): string[] {
  return view.containers.filter((c) => !c.ready).map((c) => c.name);
}

/**
 * withCondition, unless the condition is already stored exactly as withCondition would write it. The stored list
 * is copied once, on the first change; later changes edit that copy.
 */
function setCondition(
  list: PodCondition[],
  stored: PodCondition[],
  type: string,
  status: 'True' | 'False',
  now: string,
  reason?: string,
  message?: string,
): PodCondition[] {
  let i = 0;
  while (i < list.length && list[i].type !== type) i++;
  const prev = i < list.length ? list[i] : undefined;
  if (prev && writtenAs(prev, status, reason, message)) return list;
  const out = list === stored ? [...list] : list;
  out[i] = nextCondition(prev, type, status, now, reason, message);
  return out;
}

/** Whether withCondition would write `prev` again unchanged: same status, reason and message, keys in its order. */
function writtenAs(prev: PodCondition, status: string, reason?: string, message?: string): boolean {
  if (prev.status !== status || prev.lastProbeTime !== null || prev.reason !== reason || prev.message !== message) {
    return false;
  }
  let next = 0;
  // for-in walks the same own keys in the same order as Object.keys (a stored condition inherits nothing
  // enumerable), without a key array per condition on every status write.
  for (const key in prev) {
    while (next < CONDITION_KEYS.length && CONDITION_KEYS[next] !== key) next++;
    if (next === CONDITION_KEYS.length) return false;
    next++;
  }
  return true;
}

function isSorted(list: PodCondition[]): boolean {
  for (let i = 1; i < list.length; i++) if (rank(list[i - 1]) > rank(list[i])) return false;
  return true;
}
