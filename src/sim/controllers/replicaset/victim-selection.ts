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
  for (const entry of slots.entries) {
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
  const end = entries.length;
  let slot = 0;
  for (; slot < end && heap.length < k; slot++) {
    if (!entries[slot]) continue;
    heap.push(slot);
    siftUp(heap, cmp);
  }
  const top = new Largest(slots, now);
  top.become(heap[0], rankAt(heap[0]));
  for (; slot < end; slot++) {
    // Emptied slots have Infinity standing, so they are passed over here too.
    if (standing[slot] !== top.standing) {
      if (standing[slot] > top.standing) continue;
    } else if (cost[slot] !== top.cost) {
      if (cost[slot] > top.cost) continue;
    } else {
      const rank = rankAt(slot);
      if (rank < top.rank) continue;
      if (rank === top.rank) {
        const settled = top.byReadiness(readyAt[slot], uidKey[slot], now);
        if (settled > 0) continue;
        if (settled === 0 && compareAfterRank(slots.factsAt(slot), slots.factsAt(top.slot), now) >= 0) continue;
      }
    }
    heap[0] = slot;
    siftDown(heap, cmp);
    top.become(heap[0], rankAt(heap[0]));
  }
  return heap.sort(cmp);
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
