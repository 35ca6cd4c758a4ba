import type { Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../../api/meta';
import { podFacts, type RankedPod } from './pod-ranking';

/** An active pod, the slot it holds and, once a scale-down has compared it in full, its ranking facts. */
export interface PodSlot {
  pod: Stored<Pod>;
  slot: number;
  ranked?: RankedPod;
  /** isPodReady and readySince of `pod`, as the pod index worked them out on placing it. */
  ready: boolean;
  readySince: number | undefined;
}

/** Compaction waits for at least this many emptied slots, so small ReplicaSets do not compact on every removal. */
const MIN_HOLES_TO_COMPACT = 64;

/**
 * One ReplicaSet's active pods in informer order (the order its pod map holds them), with the leading facts of
 * the deletion ranking laid out as flat arrays: a scale-down runs over every pod, and for most of them these
 * settle the comparison without touching the pod. Removal leaves a hole; holes are squeezed out once they
 * outnumber the pods, keeping the order.
 */
export class PodSlots {
  /** The pod in each slot; undefined once removed. */
  readonly entries: (PodSlot | undefined)[] = [];
  /** podStanding: assignment, phase and readiness; Infinity for an emptied slot, which sorts after every pod. */
  readonly standing: number[] = [];
  /** The pod-deletion-cost annotation. */
  readonly cost: number[] = [];
  /** The pod's node by its number in the index's node table ("" for unassigned). */
  readonly node: number[] = [];
  /** When the pod became ready, once its full facts are read; NaN before, or when it has no such time. */
  readonly readyAt: number[] = [];
  /** uidOrder of the pod's uid, alongside readyAt. */
  readonly uidKey: number[] = [];
  private live = 0;
  /**
   * Slots in use, emptied ones among them; the arrays may run longer. A compaction leaves their lengths alone, so
   * the appends that follow write over the old tail instead of growing every array anew.
   */
  private used = 0;
  /** The slots on each node, ascending (with emptied ones among them), and what sorts first there; see byNode. */
  private readonly slotsOnNode: number[][] = [];
  private readonly leastStanding: number[] = [];
  private readonly leastCostAtLeastStanding: number[] = [];
  /** Whether slotsOnNode must be built again: a pod moved within its slot, or slots were renumbered. */
  private slotsOnNodeStale = false;

  get size(): number {
    return this.live;
  }

  /** One past the last slot in use: slots run from 0 to here. */
  get end(): number {
    return this.used;
  }

  /**
   * Appends a pod after every other, as a Map does for a new key. `removed`: the entry of the pod's earlier
   * version, just removed, taken over (as a Map delete and set moves a key to the end) rather than made anew.
   */
  append(pod: Stored<Pod>, standing: number, cost: number, node: number, removed?: PodSlot): PodSlot {
    const slot = this.used;
    let entry: PodSlot;
    if (removed) {
      entry = removed;
      entry.pod = pod;
      entry.slot = slot;
      entry.ranked = undefined;
      entry.ready = false;
      entry.readySince = undefined;
    } else {
      entry = { pod, slot, ranked: undefined, ready: false, readySince: undefined };
    }
    if (slot < this.entries.length) {
      this.entries[slot] = entry;
      this.standing[slot] = standing;
      this.cost[slot] = cost;
      this.node[slot] = node;
      this.readyAt[slot] = NaN;
      this.uidKey[slot] = NaN;
    } else {
      this.entries.push(entry);
      this.standing.push(standing);
      this.cost.push(cost);
      this.node.push(node);
      this.readyAt.push(NaN);
      this.uidKey.push(NaN);
    }
    this.used++;
    this.live++;
    if (!this.slotsOnNodeStale) this.noteOnNode(entry.slot, standing, cost, node);
    return entry;
  }

  /** Stores a new version of a pod in the slot it already holds, as a Map does for an existing key. */
  replace(entry: PodSlot, pod: Stored<Pod>, standing: number, cost: number, node: number): void {
    entry.pod = pod;
    entry.ranked = undefined;
    this.standing[entry.slot] = standing;
    this.cost[entry.slot] = cost;
    this.node[entry.slot] = node;
    this.readyAt[entry.slot] = NaN;
    this.uidKey[entry.slot] = NaN;
    this.slotsOnNodeStale = true;
  }

  /**
   * The slots on each node in ascending order, some of them emptied, with a lower bound on the (standing, cost)
   * of the pods there: the least standing, and the least cost among the pods of that standing. A scan for the
   * pods sorting first can pass over a node whose pods all sort after what it holds.
   */
  byNode(): { slots: readonly (readonly number[])[]; leastStanding: readonly number[]; leastCost: readonly number[] } {
    if (this.slotsOnNodeStale) {
      this.slotsOnNodeStale = false;
      this.slotsOnNode.length = 0;
      this.leastStanding.length = 0;
      this.leastCostAtLeastStanding.length = 0;
      for (let slot = 0; slot < this.used; slot++) {
        if (this.entries[slot]) this.noteOnNode(slot, this.standing[slot], this.cost[slot], this.node[slot]);
      }
    }
    return { slots: this.slotsOnNode, leastStanding: this.leastStanding, leastCost: this.leastCostAtLeastStanding };
  }

  private noteOnNode(slot: number, standing: number, cost: number, node: number): void {
    while (this.slotsOnNode.length <= node) {
      this.slotsOnNode.push([]);
      this.leastStanding.push(Infinity);
      this.leastCostAtLeastStanding.push(Infinity);
    }
    this.slotsOnNode[node].push(slot);
    const least = this.leastStanding[node];
    // A cost that is not a number compares with nothing, so a scan must look at its node: count it as least.
    const bound = cost === cost ? cost : -Infinity;
    if (standing < least || (standing === least && bound < this.leastCostAtLeastStanding[node])) {
      this.leastStanding[node] = standing;
      this.leastCostAtLeastStanding[node] = bound;
    }
  }

  /** The full ranking facts of the pod in a slot, read once per stored pod. */
  factsAt(slot: number): RankedPod {
    const entry = this.entries[slot] as PodSlot;
    if (entry.ranked) return entry.ranked;
    const ranked = (entry.ranked = podFacts(entry.pod));
    if (ranked.ready && ranked.readyTime !== undefined) {
      this.readyAt[slot] = ranked.readyTime;
      this.uidKey[slot] = uidOrder(ranked.uid);
    }
    return ranked;
  }

  remove(entry: PodSlot): void {
    this.entries[entry.slot] = undefined;
    this.standing[entry.slot] = Infinity;
    this.live--;
    const holes = this.used - this.live;
    if (holes >= MIN_HOLES_TO_COMPACT && holes > this.live) this.compact();
  }

  /** The pods in order. */
  pods(): Stored<Pod>[] {
    const out: Stored<Pod>[] = [];
    for (let slot = 0; slot < this.used; slot++) {
      const entry = this.entries[slot];
      if (entry) out.push(entry.pod);
    }
    return out;
  }

  private compact(): void {
    let to = 0;
    for (let from = 0; from < this.used; from++) {
      const entry = this.entries[from];
      if (!entry) continue;
      entry.slot = to;
      this.entries[to] = entry;
      this.standing[to] = this.standing[from];
      this.cost[to] = this.cost[from];
      this.node[to] = this.node[from];
      this.readyAt[to] = this.readyAt[from];
      this.uidKey[to] = this.uidKey[from];
      to++;
    }
    // The tail is emptied, not cut off: its pods are let go, and the arrays keep their room.
    for (let slot = to; slot < this.used; slot++) {
      this.entries[slot] = undefined;
      this.standing[slot] = Infinity;
    }
    this.used = to;
    this.slotsOnNodeStale = true;
  }
}

/**
 * A number ordered as the uid strings are where it differs: their first three UTF-16 code units (a missing one
 * sorting first, as a shorter string does). Equal numbers say nothing; the strings must then be compared.
 */
export function uidOrder(uid: string): number {
  let key = 0;
  for (let i = 0; i < 3; i++) key = key * 65537 + (i < uid.length ? uid.charCodeAt(i) + 1 : 0);
  return key;
}
