import type { Pod, PodCondition } from 'kubernetes-types/core/v1';

/** podutil.GetPodCondition */
export function podCondition(pod: Pod, type: string): PodCondition | undefined {
  return pod.status?.conditions?.find((c) => c.type === type);
}

/** podutil.IsPodReady: the Ready condition is True. */
export function isPodReady(pod: Pod): boolean {
  return podCondition(pod, 'Ready')?.status === 'True';
}

/** podutil.IsPodAvailable: ready for at least minReadySeconds. */
export function isPodAvailable(pod: Pod, minReadySeconds: number, nowMs: number): boolean {
  if (!isPodReady(pod)) return false;
  if (minReadySeconds <= 0) return true;
  const since = podCondition(pod, 'Ready')?.lastTransitionTime;
  if (!since) return false;
  return Date.parse(since) + minReadySeconds * 1000 <= nowMs;
}

/** Whether the pod's deletion has begun. */
export function isTerminating(pod: Pod): boolean {
  return pod.metadata?.deletionTimestamp !== undefined;
}

/** The pod reached a terminal phase (isFailed / isSucceeded in the StatefulSet utils). */
export function isTerminal(pod: Pod): boolean {
  return pod.status?.phase === 'Failed' || pod.status?.phase === 'Succeeded';
}

/** isRunningAndReady from the StatefulSet utils. */
export function isRunningAndReady(pod: Pod): boolean {
  return pod.status?.phase === 'Running' && isPodReady(pod);
}

/** isRunningAndAvailable from the StatefulSet utils. */
export function isRunningAndAvailable(pod: Pod, minReadySeconds: number, nowMs: number): boolean {
  return pod.status?.phase === 'Running' && isPodAvailable(pod, minReadySeconds, nowMs);
}

/** The pod's Ready condition turned True at this time (ms), or undefined. */
export function readySince(pod: Pod): number | undefined {
  const c = podCondition(pod, 'Ready');
  return c?.status === 'True' && c.lastTransitionTime ? Date.parse(c.lastTransitionTime) : undefined;
}

/** Returns a copy of `conditions` with one condition set; lastTransitionTime moves only when status changes. */
export function withCondition(
  conditions: PodCondition[] | undefined,
  type: string,
  status: 'True' | 'False' | 'Unknown',
  now: string,
  reason?: string,
  message?: string,
): PodCondition[] {
  const list = [...(conditions ?? [])];
  const i = list.findIndex((c) => c.type === type);
  const next = nextCondition(i >= 0 ? list[i] : undefined, type, status, now, reason, message);
  if (i >= 0) list[i] = next;
  else list.push(next);
  return list;
}

/** The condition that replaces `prev` (or is added): lastTransitionTime moves only when the status changes. */
export function nextCondition(
  prev: PodCondition | undefined,
  type: string,
  status: 'True' | 'False' | 'Unknown',
  now: string,
  reason?: string,
  message?: string,
): PodCondition {
  const next: PodCondition = {
    type,
    status,
    lastProbeTime: null as unknown as undefined,
    lastTransitionTime: prev && prev.status === status ? prev.lastTransitionTime : now,
  };
  if (reason) next.reason = reason;
  if (message) next.message = message;
  return next;
}
