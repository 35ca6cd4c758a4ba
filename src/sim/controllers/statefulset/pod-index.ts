import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { canonicalJson, controllerOf, selectorMatches, type Stored } from '../../api/meta';
import type { ObjectStore, WatchEvent } from '../../api/store';
import { isRunningAndReady, isTerminal, isTerminating } from '../../pods/pod-util';
import {
  hasOrdinalName,
  identityMatches,
  isCreated,
  isMemberOf,
  parentNameAndOrdinal,
  podRevision,
  storageMatches,
} from './statefulset-utils';

/** What one pod contributes to its set's status and to the control loop's decisions. */
export interface IndexedPod {
  pod: Stored<Pod>;
  ordinal: number;
  created: boolean;
  ready: boolean;
  /** The pod's revision when it counts towards currentReplicas/updatedReplicas (created, not terminating). */
  activeRevision: string | undefined;
  /** controller-revision-hash, '' when the pod has none. */
  revision: string;
  /**
   * Nothing for the control loop to do: running, ready, not terminating, identity and storage as the set wants.
   * (With minReadySeconds 0, ready is available.)
   */
  quiet: boolean;
}

/** A set of ordinals that knows its lowest and highest members, kept up to date as ordinals come and go. */
export class OrdinalSet {
  private readonly members = new Set<number>();
  private lowest = Infinity;
  private highest = -1;

  get size(): number {
    return this.members.size;
  }

  has(ordinal: number): boolean {
    return this.members.has(ordinal);
  }

  add(ordinal: number): void {
    this.members.add(ordinal);
    if (ordinal > this.highest) this.highest = ordinal;
    if (ordinal < this.lowest) this.lowest = ordinal;
  }

  delete(ordinal: number): void {
    if (!this.members.delete(ordinal)) return;
    if (this.members.size === 0) {
      this.lowest = Infinity;
      this.highest = -1;
      return;
    }
    // Ordinals are dense in practice, so the walk to the next member is short.
    if (ordinal === this.highest) {
      let next = ordinal - 1;
      while (!this.members.has(next)) next--;
      this.highest = next;
    }
    if (ordinal === this.lowest) {
      let next = ordinal + 1;
      while (!this.members.has(next)) next++;
      this.lowest = next;
    }
  }

  /** The highest member, or -1 when empty. */
  max(): number {
    return this.highest;
  }

  /** The lowest member, or Infinity when empty. */
  min(): number {
    return this.lowest;
  }
}

/**
 * A few ordinals in no order, kept in an array: the holes below a set's highest pod are rare and few, and a hole
 * comes and goes with each pod an update replaces, which a hash set pays for on both ends.
 */
class FewOrdinals {
  readonly items: number[] = [];

  add(ordinal: number): void {
    if (!this.items.includes(ordinal)) this.items.push(ordinal);
  }

  delete(ordinal: number): void {
    const i = this.items.indexOf(ordinal);
    if (i >= 0) this.removeAt(i);
  }

  deleteAbove(ordinal: number): void {
    for (let i = this.items.length - 1; i >= 0; i--) if (this.items[i] > ordinal) this.removeAt(i);
  }

  private removeAt(i: number): void {
    const last = this.items.pop() as number;
    if (i < this.items.length) this.items[i] = last;
  }
}

/** The parts of a set that decide which pods are members and whether their identity matches. */
export function setShape(set: StatefulSet): string {
  return canonicalJson({
    name: set.metadata?.name,
    namespace: set.metadata?.namespace,
    selector: set.spec?.selector,
    serviceName: set.spec?.serviceName ?? '',
    claims: (set.spec?.volumeClaimTemplates ?? []).map((t) => t.metadata?.name ?? ''),
    start: set.spec?.ordinals?.start ?? 0,
  });
}

/**
 * The pods one StatefulSet controls, indexed by ordinal, with running counts: what each sync would otherwise
 * recompute by walking every pod. Kept current from pod watch events; rebuilt when the set's shape changes.
 */
export class StatefulSetPodIndex {
  /** Owned pods the fast path cannot reason about: not members, or named other than "<set>-<ordinal>". */
  strays = 0;
  created = 0;
  ready = 0;
  readonly byName = new Map<string, IndexedPod>();
  readonly byOrdinal = new Map<number, IndexedPod>();
  readonly ordinals = new OrdinalSet();
  /** Ordinals by controller-revision-hash ('' for none). */
  readonly revisions = new Map<string, OrdinalSet>();
  /** Pods counting towards currentReplicas/updatedReplicas, by revision. */
  readonly active = new Map<string, number>();
  /** Ordinals of pods that are not quiet. */
  readonly unquiet = new Set<number>();
  private readonly strayNames = new Set<string>();
  /** Ordinals from `start` up to the highest pod's that have no pod (few: pods come and go in order). */
  private readonly holes = new FewOrdinals();
  /** The set's generation when its shape was last checked (the shape lives in its spec). */
  setGeneration: number | undefined;

  constructor(
    readonly shape: string,
    /** The set's first ordinal (spec.ordinals.start); part of its shape. */
    private readonly start: number,
  ) {}

  /** Adds or replaces a pod (undefined removes it), classified against `set`. */
  put(set: Stored<StatefulSet> | undefined, name: string, pod: Stored<Pod> | undefined): void {
    const entry = pod && set ? classify(set, pod) : undefined;
    const old = this.byName.get(name);
    if (entry && old && old.ordinal === entry.ordinal) {
      // Most pod writes change nothing the index counts (a status detail): the entry then only takes the new pod.
      if (!sameFacts(old, entry)) this.recount(old, entry);
      old.pod = entry.pod;
      return;
    }
    this.remove(name);
    if (!pod || !set) return;
    if (!entry) {
      this.strayNames.add(name);
      this.strays += 1;
      return;
    }
    const { ordinal, created, ready } = entry;
    const revision = entry.revision;
    this.byName.set(name, entry);
    this.byOrdinal.set(ordinal, entry);
    for (let gap = Math.max(this.start, this.ordinals.max() + 1); gap < ordinal; gap++) this.holes.add(gap);
    this.holes.delete(ordinal);
    this.ordinals.add(ordinal);
    if (created) this.created += 1;
    if (ready) this.ready += 1;
    if (entry.activeRevision !== undefined) bump(this.active, entry.activeRevision, 1);
    this.revisionSet(revision).add(ordinal);
    if (!entry.quiet) this.unquiet.add(ordinal);
  }

  /**
   * The pod at the same ordinal changed what the index counts: the counts move and the entry takes the new facts,
   * while the maps keep their keys (a delete and a set per pod write would make a large map rehash again and again).
   */
  private recount(old: IndexedPod, entry: IndexedPod): void {
    const ordinal = old.ordinal;
    if (old.created !== entry.created) this.created += entry.created ? 1 : -1;
    if (old.ready !== entry.ready) this.ready += entry.ready ? 1 : -1;
    if (old.activeRevision !== entry.activeRevision) {
      if (old.activeRevision !== undefined) bump(this.active, old.activeRevision, -1);
      if (entry.activeRevision !== undefined) bump(this.active, entry.activeRevision, 1);
    }
    if (old.revision !== entry.revision) {
      this.forgetRevision(old.revision, ordinal);
      this.revisionSet(entry.revision).add(ordinal);
    }
    if (old.quiet !== entry.quiet) {
      if (entry.quiet) this.unquiet.delete(ordinal);
      else this.unquiet.add(ordinal);
    }
    old.created = entry.created;
    old.ready = entry.ready;
    old.activeRevision = entry.activeRevision;
    old.revision = entry.revision;
    old.quiet = entry.quiet;
  }

  private revisionSet(revision: string): OrdinalSet {
    let ordinals = this.revisions.get(revision);
    if (!ordinals) {
      ordinals = new OrdinalSet();
      this.revisions.set(revision, ordinals);
    }
    return ordinals;
  }

  private forgetRevision(revision: string, ordinal: number): void {
    const ordinals = this.revisions.get(revision);
    ordinals?.delete(ordinal);
    if (ordinals && ordinals.size === 0) this.revisions.delete(revision);
  }

  private remove(name: string): void {
    if (this.strayNames.delete(name)) {
      this.strays -= 1;
      return;
    }
    const entry = this.byName.get(name);
    if (!entry) return;
    this.byName.delete(name);
    this.byOrdinal.delete(entry.ordinal);
    this.ordinals.delete(entry.ordinal);
    const highest = this.ordinals.max();
    if (entry.ordinal < highest) {
      if (entry.ordinal >= this.start) this.holes.add(entry.ordinal);
    } else {
      this.holes.deleteAbove(highest);
    }
    if (entry.created) this.created -= 1;
    if (entry.ready) this.ready -= 1;
    if (entry.activeRevision !== undefined) bump(this.active, entry.activeRevision, -1);
    this.forgetRevision(entry.revision, entry.ordinal);
    this.unquiet.delete(entry.ordinal);
  }

  /** The lowest ordinal ≥ `from` (itself ≥ the set's start) with no pod. */
  nextMissing(from: number): number {
    let best = Math.max(from, this.ordinals.max() + 1);
    for (const hole of this.holes.items) if (hole >= from && hole < best) best = hole;
    return best;
  }

  /** The lowest ordinal ≥ `from` whose pod is not quiet, or Infinity. */
  nextUnquiet(from: number): number {
    let best = Infinity;
    for (const ordinal of this.unquiet) if (ordinal >= from && ordinal < best) best = ordinal;
    return best;
  }

  /** Whether any pod has an ordinal below `start` (a condemned pod the fast path leaves to the full scan). */
  hasOrdinalBelow(start: number): boolean {
    return this.ordinals.min() < start;
  }
}

/** The entry of a member pod named "<set>-<ordinal>"; undefined for a pod the fast path cannot reason about. */
function classify(set: Stored<StatefulSet>, pod: Stored<Pod>): IndexedPod | undefined {
  const { ordinal } = parentNameAndOrdinal(pod);
  const member = selectorMatches(set.spec?.selector, pod.metadata.labels) && isMemberOf(set, pod);
  if (!member || !hasOrdinalName(set, pod)) return undefined;
  const created = isCreated(pod);
  const ready = isRunningAndReady(pod);
  const terminating = isTerminating(pod);
  const revision = podRevision(pod) ?? '';
  return {
    pod,
    ordinal,
    created,
    ready,
    activeRevision: created && !terminating ? revision : undefined,
    revision,
    quiet:
      created && ready && !terminating && !isTerminal(pod) && identityMatches(set, pod) && storageMatches(set, pod),
  };
}

/** Whether two entries count the same everywhere in the index (only their pod versions may differ). */
function sameFacts(a: IndexedPod, b: IndexedPod): boolean {
  return (
    a.ordinal === b.ordinal &&
    a.created === b.created &&
    a.ready === b.ready &&
    a.activeRevision === b.activeRevision &&
    a.revision === b.revision &&
    a.quiet === b.quiet
  );
}

function bump(counts: Map<string, number>, key: string, delta: number): void {
  const n = (counts.get(key) ?? 0) + delta;
  if (n === 0) counts.delete(key);
  else counts.set(key, n);
}

/** Pod indexes of every StatefulSet, by set uid, fed from pod watch events and built on a set's first sync. */
export class StatefulSetPodIndexes {
  private readonly bySet = new Map<string, StatefulSetPodIndex>();

  constructor(private readonly store: ObjectStore) {}

  /** The set's index, current with the store; rebuilt when the set's shape changed. */
  forSet(set: Stored<StatefulSet>): StatefulSetPodIndex {
    const uid = set.metadata.uid ?? '';
    let index = this.bySet.get(uid);
    if (index && index.setGeneration !== set.metadata.generation) {
      if (setShape(set) === index.shape) index.setGeneration = set.metadata.generation;
      else index = undefined;
    }
    if (!index) {
      index = new StatefulSetPodIndex(setShape(set), set.spec?.ordinals?.start ?? 0);
      index.setGeneration = set.metadata.generation;
      for (const pod of this.store.listControlledBy<Pod>('Pod', uid)) index.put(set, pod.metadata.name, pod);
      this.bySet.set(uid, index);
    }
    return index;
  }

  /** Whether `index` is still the live index of its set (a pod event may have dropped it). */
  isLive(set: Stored<StatefulSet>, index: StatefulSetPodIndex): boolean {
    return this.bySet.get(set.metadata.uid ?? '') === index;
  }

  forgetSet(uid: string): void {
    this.bySet.delete(uid);
  }

  onPod(event: WatchEvent): void {
    const pod = event.object as Stored<Pod>;
    const before = event.old ? controllerOf(event.old) : undefined;
    const after = event.type === 'DELETED' ? undefined : controllerOf(pod);
    if (before && before.uid !== after?.uid) this.bySet.get(before.uid)?.put(undefined, pod.metadata.name, undefined);
    if (event.type === 'DELETED') {
      const owner = controllerOf(pod);
      if (owner) this.bySet.get(owner.uid)?.put(undefined, pod.metadata.name, undefined);
      return;
    }
    if (!after) return;
    const index = this.bySet.get(after.uid);
    if (!index) return;
    const set = this.store.get<StatefulSet>('StatefulSet', pod.metadata.namespace ?? 'default', after.name);
    if (!set || set.metadata.uid !== after.uid) {
      this.bySet.delete(after.uid);
      return;
    }
    if (index.setGeneration !== set.metadata.generation) {
      if (setShape(set) !== index.shape) {
        this.bySet.delete(after.uid);
        return;
      }
      index.setGeneration = set.metadata.generation;
    }
    index.put(set, pod.metadata.name, pod);
  }
}
