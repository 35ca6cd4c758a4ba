import type { Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../../api/meta';
import { isPodReady, readySince } from '../../pods/pod-util';

const DELETION_COST_ANNOTATION = 'controller.kubernetes.io/pod-deletion-cost';
const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

/** podutil deletion cost: the annotation as an int32, 0 when missing or malformed. */
function deletionCost(pod: Pod): number {
  const text = pod.metadata?.annotations?.[DELETION_COST_ANNOTATION];
  if (text === undefined || !/^-?\d+$/.test(text)) return 0;
  return Number(text);
}

function maxRestarts(pod: Pod): number {
  let max = 0;
  for (const c of pod.status?.containerStatuses ?? []) max = Math.max(max, c.restartCount ?? 0);
  return max;
}

/** logarithmicRankDiff: compares how long ago two instants were on a log2 scale of nanoseconds. */
function logarithmicRankDiff(t1: number, t2: number, now: number): number {
  const rank = (t: number): number => {
    const d = (now - t) * 1e6;
    return d > 0 ? Math.floor(Math.log2(d)) : -1;
  };
  return rank(t1) - rank(t2);
}

/** The LogarithmicScaleDown comparison of two timestamps: newer (by log bucket) first, then uid. */
function compareTimes(a: Stored<Pod>, b: Stored<Pod>, ta: number, tb: number, now: number): number {
  const diff = logarithmicRankDiff(ta, tb, now);
  if (diff === 0) {
    const ua = a.metadata.uid ?? '';
    const ub = b.metadata.uid ?? '';
    return ua < ub ? -1 : ua > ub ? 1 : 0;
  }
  return diff;
}

/**
 * ActivePodsWithRanks.Less as a comparator: the pod that sorts first is deleted first. Unassigned before
 * assigned, Pending before Unknown before Running, not ready before ready, lower deletion cost, more pods of the
 * same owner on its node, more recently ready, more restarts, newer.
 */
export function comparePodsForDeletion(
  a: Stored<Pod>,
  b: Stored<Pod>,
  rankA: number,
  rankB: number,
  now: number,
): number {
  const nodeA = a.spec?.nodeName ?? '';
  const nodeB = b.spec?.nodeName ?? '';
  if (nodeA !== nodeB && (nodeA === '' || nodeB === '')) return nodeA === '' ? -1 : 1;
  const phaseA = PHASE_ORDINAL[a.status?.phase ?? ''] ?? 0;
  const phaseB = PHASE_ORDINAL[b.status?.phase ?? ''] ?? 0;
  if (phaseA !== phaseB) return phaseA - phaseB;
  const readyA = isPodReady(a);
  const readyB = isPodReady(b);
  if (readyA !== readyB) return readyA ? 1 : -1;
  const costA = deletionCost(a);
  const costB = deletionCost(b);
  if (costA !== costB) return costA - costB;
  if (rankA !== rankB) return rankB - rankA;
  if (readyA && readyB) {
    const ta = readySince(a);
    const tb = readySince(b);
    if (ta !== tb) {
      // afterOrZero: a zero time sorts first; otherwise the later (more recent) time first.
      if (ta === undefined || tb === undefined) return ta === undefined ? -1 : 1;
      const c = compareTimes(a, b, ta, tb, now);
      if (c !== 0) return c;
    }
  }
  const restartsA = maxRestarts(a);
  const restartsB = maxRestarts(b);
  if (restartsA !== restartsB) return restartsB - restartsA;
  const ca = Date.parse(a.metadata.creationTimestamp ?? '');
  const cb = Date.parse(b.metadata.creationTimestamp ?? '');
  if (ca !== cb) return compareTimes(a, b, ca, cb, now);
  return 0;
}

/**
 * getPodsToDelete: the `diff` pods to remove, chosen by getPodsRankedByRelatedPodsOnSameNode — each pod's rank is
 * how many active pods of related ReplicaSets share its node.
 */
export function getPodsToDelete(
  filteredPods: Stored<Pod>[],
  relatedPods: Stored<Pod>[],
  diff: number,
  now: number,
): Stored<Pod>[] {
  if (diff >= filteredPods.length) return filteredPods.slice(0, diff);
  const perNode = new Map<string, number>();
  for (const pod of relatedPods) {
    const node = pod.spec?.nodeName;
    if (!node || !isActive(pod)) continue;
    perNode.set(node, (perNode.get(node) ?? 0) + 1);
  }
  const ranked = filteredPods.map((pod) => ({
    pod,
    rank: pod.spec?.nodeName ? (perNode.get(pod.spec.nodeName) ?? 0) : 0,
  }));
  ranked.sort((x, y) => comparePodsForDeletion(x.pod, y.pod, x.rank, y.rank, now));
  return ranked.slice(0, diff).map((r) => r.pod);
}

/** controller.IsPodActive: not finished and not being deleted. */
export function isActive(pod: Pod): boolean {
  return (
    pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed' && pod.metadata?.deletionTimestamp === undefined
  );
}
