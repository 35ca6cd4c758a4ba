import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { controllerOf, keyOf, type Stored } from '../../api/meta';
import type { ObjectStore, WatchEvent } from '../../api/store';
import { isPodReady, readySince } from '../../pods/pod-util';
import { deletionCost, isActive, podStanding } from './pod-ranking';
import { PodSlots, type PodSlot } from './pod-slots';
import { PodsByKey } from './pods-by-key';
import { ReadyTimes } from './ready-times';
import { selectVictims } from './victim-selection';

/** What takeRelabelled hands back when no pod was relabelled, the usual case: shared, so never to be changed. */
const NO_KEYS: readonly string[] = [];

interface OwnerCounts {
  /** The ReplicaSet's own controller uid (its Deployment's), or its uid when it has none: pods are related by it. */
  group: string;
  /** Active pods (not finished, not being deleted) by store key. */
  pods: PodsByKey<PodSlot>;
  /** The same pods in the same order, laid out for choosing which to delete. */
  slots: PodSlots;
  ready: number;
  /** The ready times of the pods in `pods` that have one. */
  readyTimes: ReadyTimes;
  fullyLabeled: number;
  /** The template labels fullyLabeled was counted against. */
  templateKey: string;
  /** The template labels map templateKey last read, and its key: status writes keep that map shared. */
  keyedLabels: Record<string, string> | undefined;
  keyedText: string;
}

/** Active pods of one group of related ReplicaSets on each node, by the node's number in the node table. */
interface NodeCounts {
  byNode: number[];
  total: number;
}

/**
 * The ReplicaSet controller's informer-side view of its pods: each ReplicaSet's active pods with ready and
 * fully-labelled counts kept up to date from pod watch events, so a sync costs O(changes) rather than a scan of
 * every pod. Pods whose labels changed are remembered so that claiming only rechecks those.
 */
export class ReplicaSetPodIndex {
  private readonly owners = new Map<string, OwnerCounts>();
  private readonly relabelled = new Map<string, Set<string>>();
  /** Active pods per node for each group of related ReplicaSets. */
  private readonly podsOnNode = new Map<string, NodeCounts>();
  /** A number for each node name seen ("" for unassigned), so that counts and slots hold nodes as numbers. */
  private readonly nodeNumbers = new Map<string, number>();

  constructor(private readonly store: ObjectStore) {}

  observe(event: WatchEvent): void {
    const old = event.old as Stored<Pod> | undefined;
    const pod = event.object as Stored<Pod>;
    if (event.type === 'DELETED') {
      this.remove(pod);
      return;
    }
    if (!old || !this.updateInPlace(old, pod)) {
      if (old) this.remove(old);
      this.add(pod);
    }
    const owner = controllerOf(pod);
    if (old && owner?.kind === 'ReplicaSet' && !sameLabels(old.metadata.labels, pod.metadata.labels)) {
      let set = this.relabelled.get(owner.uid);
      if (!set) this.relabelled.set(owner.uid, (set = new Set()));
      set.add(keyOf(pod));
    }
  }

  /** Keys of owned pods whose labels changed since the last call: the only ones that can stop matching. */
  takeRelabelled(uid: string): readonly string[] {
    const keys = this.relabelled.get(uid);
    if (!keys) return NO_KEYS;
    this.relabelled.delete(uid);
    return [...keys];
  }

  activeCount(uid: string): number {
    return this.owners.get(uid)?.pods.size ?? 0;
  }

  readyCount(uid: string): number {
    return this.owners.get(uid)?.ready ?? 0;
  }

  /** countAvailable over activePods(uid). */
  availableCount(uid: string, minReadySeconds: number, nowMs: number): number {
    return this.owners.get(uid)?.readyTimes.countAvailable(minReadySeconds, nowMs) ?? 0;
  }

  private nodeNumber(pod: Pod): number {
    const name = pod.spec?.nodeName ?? '';
    let n = this.nodeNumbers.get(name);
    if (n === undefined) this.nodeNumbers.set(name, (n = this.nodeNumbers.size));
    return n;
  }

  private countOnNode(group: string, node: number, delta: number): void {
    let counts = this.podsOnNode.get(group);
    if (!counts) this.podsOnNode.set(group, (counts = { byNode: [], total: 0 }));
    while (counts.byNode.length <= node) counts.byNode.push(0);
    counts.byNode[node] += delta;
    counts.total += delta;
    if (counts.total === 0) this.podsOnNode.delete(group);
  }

  activePods(uid: string): Stored<Pod>[] {
    // The slots hold the pods in the order a map by store key would list them.
    return this.owners.get(uid)?.slots.pods() ?? [];
  }

  /**
   * getPodsToDelete over the active pods in the order activePods lists them, each ranked by
   * getIndirectlyRelatedPods counted per node: the active pods of ReplicaSets sharing this one's controller there.
   */
  podsToDelete(rs: Stored<ReplicaSet>, diff: number, now: number): Stored<Pod>[] {
    const counts = this.owners.get(rs.metadata.uid ?? '');
    if (!counts) return [];
    const onNode = this.podsOnNode.get(controllerOf(rs)?.uid ?? rs.metadata.uid ?? '');
    return selectVictims(counts.slots, onNode?.byNode ?? [], diff, now);
  }

  /** Active pods carrying every label of the ReplicaSet's template (recounted when the template changes). */
  fullyLabeledCount(rs: Stored<ReplicaSet>): number {
    const counts = this.owners.get(rs.metadata.uid ?? '');
    if (!counts) return 0;
    const key = templateKeyFor(counts, rs);
    if (counts.templateKey !== key) {
      counts.templateKey = key;
      counts.fullyLabeled = 0;
      for (const pod of counts.slots.pods()) if (labelled(rs, pod)) counts.fullyLabeled++;
    }
    return counts.fullyLabeled;
  }

  private counts(pod: Stored<Pod>): { counts: OwnerCounts; rs?: Stored<ReplicaSet> } | undefined {
    const owner = controllerOf(pod);
    if (owner?.kind !== 'ReplicaSet' || !isActive(pod)) return undefined;
    let counts = this.owners.get(owner.uid);
    const rs = this.store.get<ReplicaSet>('ReplicaSet', pod.metadata.namespace ?? '', owner.name);
    if (!counts) {
      const group = (rs && controllerOf(rs)?.uid) || owner.uid;
      counts = {
        group,
        pods: new PodsByKey(),
        slots: new PodSlots(),
        ready: 0,
        readyTimes: new ReadyTimes(),
        fullyLabeled: 0,
        templateKey: '',
        keyedLabels: undefined,
        keyedText: '',
      };
      counts.templateKey = rs ? templateKeyFor(counts, rs) : '';
      this.owners.set(owner.uid, counts);
    }
    return { counts, rs: rs?.metadata.uid === owner.uid ? rs : undefined };
  }

  private add(pod: Stored<Pod>): void {
    const found = this.counts(pod);
    if (!found) return;
    const ready = isPodReady(pod);
    const node = this.nodeNumber(pod);
    this.place(found.counts, pod, ready, node);
    this.countOnNode(found.counts.group, node, 1);
    if (ready) found.counts.ready++;
    const key = found.rs ? templateKeyFor(found.counts, found.rs) : undefined;
    if (found.rs && key === found.counts.templateKey && labelled(found.rs, pod)) {
      found.counts.fullyLabeled++;
    } else if (!found.rs || key !== found.counts.templateKey) {
      found.counts.templateKey = ''; // recount on the next read
    }
  }

  /**
   * Sets the pod under its key: appended when new, in place (as Map.set keeps a key's place) when not. `removed`:
   * the entry of the pod's earlier version, its slot already emptied; the pod is appended even so, as a Map delete
   * and set would move the key to the end, and the entry (still under the key) is reused.
   */
  private place(counts: OwnerCounts, pod: Stored<Pod>, ready: boolean, node: number, removed?: PodSlot): void {
    const standing = podStanding(pod, ready);
    const cost = deletionCost(pod);
    const namespace = pod.metadata.namespace ?? '';
    let entry: PodSlot | undefined;
    if (removed) {
      entry = counts.slots.append(pod, standing, cost, node, removed);
    } else {
      entry = counts.pods.get(namespace, pod.metadata.name);
      if (entry) {
        forgetReadyTime(counts.readyTimes, entry);
        counts.slots.replace(entry, pod, standing, cost, node);
      } else {
        entry = counts.slots.append(pod, standing, cost, node);
        counts.pods.set(namespace, pod.metadata.name, entry);
      }
    }
    const since = readySince(pod);
    entry.ready = ready;
    entry.readySince = since;
    if (since !== undefined && !Number.isNaN(since)) counts.readyTimes.add(since);
  }

  /**
   * remove(old) then add(pod) for the usual update (a status change: same owning ReplicaSet, still active, the same
   * labels map, not the owner's last pod), reading the ReplicaSet once and skipping the label checks whose
   * outcome cannot change. Returns false, having done nothing, for any other update.
   */
  private updateInPlace(old: Stored<Pod>, pod: Stored<Pod>): boolean {
    const owner = controllerOf(pod);
    const oldOwner = controllerOf(old);
    if (owner?.kind !== 'ReplicaSet' || !isActive(pod)) return false;
    if (oldOwner?.kind !== owner.kind || oldOwner.uid !== owner.uid || oldOwner.name !== owner.name) return false;
    const counts = this.owners.get(owner.uid);
    const namespace = pod.metadata.namespace ?? '';
    const entry = counts?.pods.get(namespace, pod.metadata.name);
    if (!counts || !entry || counts.pods.size < 2) return false;
    const stored = entry.pod;
    if (stored.metadata.labels !== pod.metadata.labels) return false;
    const rs = this.store.get<ReplicaSet>('ReplicaSet', namespace, owner.name);
    if (!rs || rs.metadata.uid !== owner.uid) return false;
    const nodeBefore = counts.slots.node[entry.slot];
    // The key stays in the map with its entry, which moves to the end: a delete and a set per pod write would
    // make a map of thousands of pods rehash again and again.
    counts.slots.remove(entry);
    forgetReadyTime(counts.readyTimes, entry);
    if (entry.ready) counts.ready--;
    const ready = isPodReady(pod);
    const node = this.nodeNumber(pod);
    this.place(counts, pod, ready, node, entry);
    if (node !== nodeBefore) {
      this.countOnNode(counts.group, nodeBefore, -1);
      this.countOnNode(counts.group, node, 1);
    }
    if (ready) counts.ready++;
    // The same labels against the same template: counted in fullyLabeled before exactly when they are now.
    if (templateKeyFor(counts, rs) !== counts.templateKey) counts.templateKey = '';
    return true;
  }

  private remove(pod: Stored<Pod>): void {
    const owner = controllerOf(pod);
    if (owner?.kind !== 'ReplicaSet') return;
    const counts = this.owners.get(owner.uid);
    const namespace = pod.metadata.namespace ?? '';
    const entry = counts?.pods.get(namespace, pod.metadata.name);
    if (!counts || !entry) return;
    const stored = entry.pod;
    counts.pods.delete(namespace, pod.metadata.name);
    const node = counts.slots.node[entry.slot];
    counts.slots.remove(entry);
    forgetReadyTime(counts.readyTimes, entry);
    this.countOnNode(counts.group, node, -1);
    if (entry.ready) counts.ready--;
    const rs = this.store.get<ReplicaSet>('ReplicaSet', stored.metadata.namespace ?? '', owner.name);
    const rsKey = rs ? templateKeyFor(counts, rs) : undefined;
    if (rs && rsKey === counts.templateKey && labelled(rs, stored)) counts.fullyLabeled--;
    else if (!rs || rsKey !== counts.templateKey) counts.templateKey = '';
    if (counts.pods.size === 0) this.owners.delete(owner.uid);
  }
}

/**
 * The key of a ReplicaSet's template labels, worked out again only when its labels map is another object: stored
 * objects never change, and every pod event asks for its owner's.
 */
function templateKeyFor(counts: OwnerCounts, rs: ReplicaSet): string {
  const labels = rs.spec?.template?.metadata?.labels;
  if (labels !== undefined && labels === counts.keyedLabels) return counts.keyedText;
  const key = templateKey(labels ?? {});
  counts.keyedLabels = labels;
  counts.keyedText = key;
  return key;
}

function templateKey(labels: Record<string, string>): string {
  return `t:${Object.keys(labels)
    .sort()
    .map((k) => `${k}=${labels[k]}`)
    .join(',')}`;
}

/** FullyLabeledReplicas: the pod carries every label of the template (SelectorFromSet(labels).Matches). */
function labelled(rs: ReplicaSet, pod: Pod): boolean {
  const want = rs.spec?.template?.metadata?.labels;
  const have = pod.metadata?.labels ?? {};
  for (const k in want) if (have[k] !== want[k]) return false;
  return true;
}

function forgetReadyTime(times: ReadyTimes, entry: PodSlot): void {
  if (entry.readySince !== undefined) times.remove(entry.readySince);
}

function sameLabels(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
  if (a === b) return true;
  const ak = Object.keys(a ?? {});
  if (ak.length !== Object.keys(b ?? {}).length) return false;
  return ak.every((k) => a?.[k] === b?.[k]);
}
