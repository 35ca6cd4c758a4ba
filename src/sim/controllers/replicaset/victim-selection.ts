import type { Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../../api/meta';
import { compareAfterRank, readyBucketOf, selectRankedToDelete, type RankedPod } from './pod-ranking';
import { siftDown, siftUp } from './max-heap';
import type { PodSlot, PodSlots } from './pod-slots';

/**
 * selectRankedToDelete over a ReplicaSet's pod slots, a pod on node n ranking `rankOnNode[n]`: the same pods in the
 * same order. Where that keeps a bounded heap (a quarter of the pods or fewer go, the usual scale-down step of a
 * rollout) this keeps the same heap of slot numbers with a comparison of the same sign, which settles on the flat
 * facts for most pods and reads a pod's full facts only when it ties on those with the heap's largest.
 */
export function selectVictims(
  slots: PodSlots,
  rankOnNode: readonly number[],
  diff: number,
  now: number,
): Stored<Pod>[] {
  if (diff < 1 || diff * 4 >= slots.size) {
    return selectRankedToDelete(rankedList(slots, rankOnNode), undefined, diff, now);
  }
  return smallestSlots(slots, rankOnNode, diff, now).map((slot) => (slots.entries[slot] as PodSlot).pod);
}

/** Every pod's full facts with its rank, in slot order: what selectRankedToDelete takes. */
function rankedList(slots: PodSlots, rankOnNode: readonly number[]): RankedPod[] {
  const out: RankedPod[] = [];
  for (let slot = 0; slot < slots.end; slot++) {
    const entry = slots.entries[slot];
    if (!entry) continue;
    const ranked = slots.factsAt(entry.slot);
    ranked.rank = rankOnNode[slots.node[entry.slot]] ?? 0;
    out.push(ranked);
  }
  return out;
}

/** Below this relative distance from a power of two a pod's log bucket is left to logRank itself. */
const BUCKET_MARGIN = 1e-12;

/**
 * The bounded max-heap of pod-ranking's `smallest`, step for step, over slot numbers. A pod enters only when it
 * sorts before the heap's largest, which most pods do not: they lose on standing, cost or rank, or, ready at
 * another time than the largest, on their readiness bucket or uid. Those are read from the flat arrays; a pod
 * is compared in full only when they leave the answer open.
 */
function smallestSlots(slots: PodSlots, rankOnNode: readonly number[], k: number, now: number): number[] {
  const { entries, standing, cost, node, readyAt, uidKey } = slots;
  const rankAt = (slot: number): number => rankOnNode[node[slot]] ?? 0;
  /** compareRanked by slot: the same sign for every pair. */
  const cmp = (a: number, b: number): number => {
    if (standing[a] !== standing[b]) return standing[a] - standing[b];
    if (cost[a] !== cost[b]) return cost[a] - cost[b];
    const rankA = rankAt(a);
    const rankB = rankAt(b);
    if (rankA !== rankB) return rankB - rankA;
    return compareAfterRank(slots.factsAt(a), slots.factsAt(b), now);
  };
  const heap: number[] = [];
  const end = slots.end;
  let slot = 0;
  for (; slot < end && heap.length < k; slot++) {
    if (!entries[slot]) continue;
    heap.push(slot);
    siftUp(heap, cmp);
  }
  const top = new Largest(slots, now);
  top.become(heap[0], rankAt(heap[0]));
  /** One step of the scan: the pod in `at` replaces the largest if it sorts before it. Returns whether it did. */
  const visit = (at: number): boolean => {
    // Emptied slots have Infinity standing, so they are passed over here too.
    if (standing[at] !== top.standing) {
      if (standing[at] > top.standing) return false;
    } else if (cost[at] !== top.cost) {
      if (cost[at] > top.cost) return false;
    } else {
      const rank = rankAt(at);
      if (rank < top.rank) return false;
      if (rank === top.rank) {
        const settled = top.byReadiness(readyAt[at], uidKey[at], now);
        if (settled > 0) return false;
        if (settled === 0 && compareAfterRank(slots.factsAt(at), slots.factsAt(top.slot), now) >= 0) return false;
      }
    }
    heap[0] = at;
    siftDown(heap, cmp);
    top.become(heap[0], rankAt(heap[0]));
    return true;
  };
  // Every slot in order until only one node's pods may still sort before the largest; then that node's slots.
  // The largest only ever moves to a pod sorting before it, so a node passed over stays passed over.
  const byNode = slots.byNode();
  let only = soleNodeThatMaySortFirst(byNode, rankOnNode, top);
  while (only === ANY_NODE && slot < end) {
    if (visit(slot++)) only = soleNodeThatMaySortFirst(byNode, rankOnNode, top);
  }
  if (only >= 0) {
    const onNode = byNode.slots[only];
    for (let i = firstAtLeast(onNode, slot); i < onNode.length; i++) visit(onNode[i]);
  }
  return heap.sort(cmp);
}

const NO_NODE = -1;
const ANY_NODE = -2;

/**
 * The one node whose pods may still sort before the heap's largest (NO_NODE when none may, ANY_NODE when more than
 * one): a pod sorts after it when its standing, cost and rank, compared in that order, are greater, and on a node
 * of lower rank than the largest's that holds for every pod at or above the node's least standing and cost.
 */
function soleNodeThatMaySortFirst(
  byNode: ReturnType<PodSlots['byNode']>,
  rankOnNode: readonly number[],
  top: Largest,
): number {
  let only = NO_NODE;
  for (let n = 0; n < byNode.slots.length; n++) {
    if (byNode.slots[n].length === 0) continue;
    const standing = byNode.leastStanding[n];
    const maySortFirst =
      (rankOnNode[n] ?? 0) >= top.rank ||
      standing < top.standing ||
      (standing === top.standing && byNode.leastCost[n] < top.cost);
    if (!maySortFirst) continue;
    if (only !== NO_NODE) return ANY_NODE;
    only = n;
  }
  return only;
}

/** The index of the first number in the ascending `list` that is at least `from`. */
function firstAtLeast(list: readonly number[], from: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The heap's largest pod with what the scan compares against, read again on each change of largest. One per scan,
 * overwritten in place: the largest changes hundreds of thousands of times over a rollout.
 */
class Largest {
  slot = -1;
  rank = 0;
  standing = 0;
  cost = 0;
  private readyAt = NaN;
  private uidKey = NaN;
  /** The nanoseconds since readiness (`d` of logRank) at the edges of the largest's bucket, with margins. */
  private sameFrom = NaN;
  private sameTo = NaN;
  private olderFrom = NaN;

  constructor(
    private readonly slots: PodSlots,
    private readonly now: number,
  ) {}

  become(slot: number, rank: number): void {
    const slots = this.slots;
    this.slot = slot;
    this.rank = rank;
    this.standing = slots.standing[slot];
    this.cost = slots.cost[slot];
    const facts = slots.factsAt(slot);
    this.readyAt = slots.readyAt[slot];
    this.uidKey = slots.uidKey[slot];
    // logRank's bucket b holds d in [2^b, 2^(b+1)); near either edge its own rounding decides.
    const bucket = this.readyAt === this.readyAt ? readyBucketOf(facts, this.now) : -1;
    this.sameFrom = bucket >= 0 ? 2 ** bucket * (1 + BUCKET_MARGIN) : NaN;
    this.sameTo = bucket >= 0 ? 2 ** (bucket + 1) * (1 - BUCKET_MARGIN) : NaN;
    this.olderFrom = bucket >= 0 ? 2 ** (bucket + 1) * (1 + BUCKET_MARGIN) : NaN;
  }

  /**
   * For a pod equal to the largest up to rank (so ready just when it is): > 0 when it surely sorts after it, < 0
   * when surely before, 0 when only the full comparison can tell. Settles only pods ready at another time whose
   * log bucket is surely known: an older bucket sorts after, the same bucket goes by uid (compareTimes).
   */
  byReadiness(readyAt: number, uidKey: number, now: number): number {
    if (!(this.sameFrom >= 0) || readyAt !== readyAt || readyAt === this.readyAt) return 0;
    const d = (now - readyAt) * 1e6;
    if (d >= this.olderFrom) return 1;
    if (d < this.sameFrom || d > this.sameTo || uidKey === this.uidKey) return 0;
    return uidKey < this.uidKey ? -1 : 1;
  }
}
