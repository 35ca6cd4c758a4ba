import type { Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../../api/meta';
import { isPodReady, readySince } from '../../pods/pod-util';
import { siftDown, siftUp } from './max-heap';

const DELETION_COST_ANNOTATION = 'controller.kubernetes.io/pod-deletion-cost';
const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

/** podutil deletion cost: the annotation as an int32, 0 when missing or malformed. */
export function deletionCost(pod: Pod): number {
  const text = pod.metadata?.annotations?.[DELETION_COST_ANNOTATION];
  if (text === undefined || !/^-?\d+$/.test(text)) return 0;
  return Number(text);
}

function maxRestarts(pod: Pod): number {
  let max = 0;
  for (const c of pod.status?.containerStatuses ?? []) max = Math.max(max, c.restartCount ?? 0);
  return max;
}

/** The log2 bucket (logarithmicRankDiff compares two) of the nanoseconds from `t` to `now` (-1 for no time at all). */
function logRank(t: number, now: number): number {
  const d = (now - t) * 1e6;
  return d > 0 ? Math.floor(Math.log2(d)) : -1;
}

/** What ActivePodsWithRanks.Less looks at, read once per pod. */
export interface RankedPod {
  pod: Stored<Pod>;
  rank: number;
  node: string;
  unassigned: boolean;
  phase: number;
  ready: boolean;
  cost: number;
  readyTime: number | undefined;
  restarts: number;
  created: number;
  uid: string;
  /** The `now` the log buckets below were worked out for (NaN before any). */
  bucketsAt: number;
  readyBucket: number;
  createdBucket: number;
}

/**
 * Facts by pod object: stored objects are never mutated (an update stores a new one), so they cannot go stale.
 * Only `rank` varies between calls; each ranking assigns it for every pod before comparing any.
 */
const factsCache = new WeakMap<Stored<Pod>, RankedPod>();

function ranked(pod: Stored<Pod>, rank: number): RankedPod {
  let facts = factsCache.get(pod);
  if (!facts) {
    facts = podFacts(pod);
    factsCache.set(pod, facts);
  }
  facts.rank = rank;
  return facts;
}

function cachedFacts(pod: Stored<Pod>): RankedPod {
  let facts = factsCache.get(pod);
  if (!facts) {
    facts = podFacts(pod);
    factsCache.set(pod, facts);
  }
  return facts;
}

/** The ranking facts of one stored pod (rank 0 until a ranking assigns it). */
export function podFacts(pod: Stored<Pod>): RankedPod {
  const ready = isPodReady(pod);
  return {
    pod,
    rank: 0,
    node: pod.spec?.nodeName ?? '',
    unassigned: !pod.spec?.nodeName,
    phase: PHASE_ORDINAL[pod.status?.phase ?? ''] ?? 0,
    ready,
    cost: deletionCost(pod),
    readyTime: ready ? readySince(pod) : undefined,
    restarts: maxRestarts(pod),
    created: Date.parse(pod.metadata.creationTimestamp ?? ''),
    uid: pod.metadata.uid ?? '',
    bucketsAt: NaN,
    readyBucket: -1,
    createdBucket: -1,
  };
}

/** Works out a pod's log buckets for `now` once per ranking rather than once per comparison. */
function bucketsFor(r: RankedPod, now: number): void {
  if (r.bucketsAt === now) return;
  r.bucketsAt = now;
  r.readyBucket = r.readyTime === undefined ? -1 : logRank(r.readyTime, now);
  r.createdBucket = logRank(r.created, now);
}

/** The log bucket of the time since a ready pod became ready, as compareRanked works it out for `now`. */
export function readyBucketOf(r: RankedPod, now: number): number {
  bucketsFor(r, now);
  return r.readyBucket;
}

/** The LogarithmicScaleDown comparison of two timestamps (as log buckets): newer first, then uid. */
function compareTimes(a: RankedPod, b: RankedPod, bucketA: number, bucketB: number): number {
  const diff = bucketA - bucketB;
  if (diff === 0) return a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0;
  return diff;
}

/**
 * Assignment, phase and readiness, the first three steps of compareRanked, as one number ordered the same way
 * (two pods on different nodes differ in assignment there only when one of them is unassigned).
 */
export function podStanding(pod: Pod, ready: boolean): number {
  const assigned = pod.spec?.nodeName ? 1 : 0;
  const phase = PHASE_ORDINAL[pod.status?.phase ?? ''] ?? 0;
  return (assigned * 3 + phase) * 2 + (ready ? 1 : 0);
}

function compareRanked(a: RankedPod, b: RankedPod, now: number): number {
  if (a.node !== b.node && (a.unassigned || b.unassigned)) return a.unassigned ? -1 : 1;
  if (a.phase !== b.phase) return a.phase - b.phase;
  if (a.ready !== b.ready) return a.ready ? 1 : -1;
  if (a.cost !== b.cost) return a.cost - b.cost;
  if (a.rank !== b.rank) return b.rank - a.rank;
  return compareAfterRank(a, b, now);
}

/** compareRanked for two pods already equal in assignment, phase, readiness, deletion cost and rank. */
export function compareAfterRank(a: RankedPod, b: RankedPod, now: number): number {
  if (a.ready && b.ready && a.readyTime !== b.readyTime) {
    // afterOrZero: a zero time sorts first; otherwise the more recent time first.
    if (a.readyTime === undefined || b.readyTime === undefined) return a.readyTime === undefined ? -1 : 1;
    bucketsFor(a, now);
    bucketsFor(b, now);
    const c = compareTimes(a, b, a.readyBucket, b.readyBucket);
    if (c !== 0) return c;
  }
  if (a.restarts !== b.restarts) return b.restarts - a.restarts;
  if (a.created !== b.created) {
    bucketsFor(a, now);
    bucketsFor(b, now);
    return compareTimes(a, b, a.createdBucket, b.createdBucket);
  }
  return 0;
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
  return compareRanked(ranked(a, rankA), ranked(b, rankB), now);
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
  const perNode = new Map<string, number>();
  for (const pod of relatedPods) {
    if (!isActive(pod)) continue;
    const node = pod.spec?.nodeName ?? '';
    perNode.set(node, (perNode.get(node) ?? 0) + 1);
  }
  return selectPodsToDelete(filteredPods, (node) => perNode.get(node) ?? 0, diff, now);
}

/** getPodsToDelete with the related pods already counted per node ("" for unassigned pods). */
export function selectPodsToDelete(
  filteredPods: Stored<Pod>[],
  podsOnNode: (node: string) => number,
  diff: number,
  now: number,
): Stored<Pod>[] {
  if (diff >= filteredPods.length) return filteredPods.slice(0, diff);
  return selectRankedToDelete(
    filteredPods.map((pod) => cachedFacts(pod)),
    podsOnNode,
    diff,
    now,
  );
}

/**
 * selectPodsToDelete over pods whose facts are at hand (the ReplicaSet pod index keeps them with the pods);
 * without `podsOnNode` their ranks are already assigned.
 */
export function selectRankedToDelete(
  list: RankedPod[],
  podsOnNode: ((node: string) => number) | undefined,
  diff: number,
  now: number,
): Stored<Pod>[] {
  if (diff >= list.length) return list.slice(0, diff).map((r) => r.pod);
  if (podsOnNode) for (const r of list) r.rank = podsOnNode(r.node);
  if (diff === 1 && list.length > 4) return [firstSmallest(list, now).pod];
  return smallest(list, diff, (x, y) => compareRanked(x, y, now)).map((r) => r.pod);
}

/**
 * What `smallest` returns for k = 1 past its sorting cut-off: the heap of one, without its bookkeeping. The
 * comparison settles on the leading facts (assignment, phase, readiness, cost, rank) first, so once the scan holds a
 * pod with the least of those, only pods sharing them can replace it: only they are compared in full.
 */
function firstSmallest(list: RankedPod[], now: number): RankedPod {
  let least = list[0];
  for (let i = 1; i < list.length; i++) if (comparePrefix(list[i], least) < 0) least = list[i];
  let best: RankedPod | undefined;
  for (const r of list) {
    if (comparePrefix(r, least) !== 0) continue;
    if (best === undefined || compareRanked(r, best, now) < 0) best = r;
  }
  return best ?? least;
}

/** The leading steps of compareRanked, which order pods by these facts alone. */
function comparePrefix(a: RankedPod, b: RankedPod): number {
  if (a.unassigned !== b.unassigned) return a.unassigned ? -1 : 1;
  if (a.phase !== b.phase) return a.phase - b.phase;
  if (a.ready !== b.ready) return a.ready ? 1 : -1;
  if (a.cost !== b.cost) return a.cost - b.cost;
  return b.rank - a.rank;
}

/** controller.IsPodActive: not finished and not being deleted. */
export function isActive(pod: Pod): boolean {
  return (
    pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed' && pod.metadata?.deletionTimestamp === undefined
  );
}

/**
 * The `k` smallest items in order — the same as sorting and slicing, since the ranking is a total order — in
 * O(n log k) with a bounded max-heap, so shaving a few pods off a 10,000-pod ReplicaSet stays cheap.
 */
function smallest<T>(items: T[], k: number, cmp: (a: T, b: T) => number): T[] {
  if (k * 4 >= items.length) return [...items].sort(cmp).slice(0, k);
  const heap: T[] = [];
  for (const item of items) {
    if (heap.length < k) {
      heap.push(item);
      siftUp(heap, cmp);
    } else if (cmp(item, heap[0]) < 0) {
      heap[0] = item;
      siftDown(heap, cmp);
    }
  }
  return heap.sort(cmp);
}
