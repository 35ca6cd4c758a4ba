import type { ControllerRevision, StatefulSet, StatefulSetStatus } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { deepEqual, type Stored } from '../../api/meta';
import { isRunningAndAvailable, isRunningAndReady, isTerminal, isTerminating } from '../../pods/pod-util';
import type { ControllerContext } from '../context';
import { createRevision, nextRevision, sortRevisionsInPlace } from './history';
import type { StatefulPodControl } from './pod-control';
import type { StatefulSetPodIndex } from './pod-index';
import { RevisionMemo } from './revision-memo';
import {
  allowsBurst,
  applyRevision,
  endOrdinal,
  identityMatches,
  isCreated,
  isUnavailable,
  newVersionedStatefulSetPod,
  ordinalOf,
  podInOrdinalRange,
  podRevision,
  startOrdinal,
  storageMatches,
} from './statefulset-utils';

/**
 * defaultStatefulSetControl: one reconcile of a StatefulSet against its pods. Creates, deletes and updates pods in
 * ordinal order, then writes status. Mirrors pkg/controller/statefulset/stateful_set_control.go (v1.34, with the
 * MaxUnavailableStatefulSet gate off, its default in v1.34).
 */
export class StatefulSetControl {
  private readonly revisionMemo = new RevisionMemo();
  /**
   * Each set's revisions as last listed and sorted, until any ControllerRevision is written: a sync lists them
   * first thing, and they change only when a template does.
   */
  private readonly revisionLists = new Map<string, Stored<ControllerRevision>[]>();

  constructor(
    private readonly ctx: ControllerContext,
    private readonly podControl: StatefulPodControl,
  ) {
    ctx.store.watch('ControllerRevision', () => this.revisionLists.clear());
  }

  /** UpdateStatefulSet → performUpdate: revisions, pods, status, history truncation. */
  updateStatefulSet(set: Stored<StatefulSet>, pods: Stored<Pod>[]): StatefulSetStatus {
    const revisions = this.revisionsOf(set);
    const { current, update, collisionCount, wrote } = this.getRevisions(set, revisions);
    const status = this.reconcile(set, current, update, collisionCount, pods);
    this.updateStatus(set, status);
    this.truncateHistory(set, pods.map(podRevision), wrote ? this.revisionsOf(set) : revisions, current, update);
    return status;
  }

  /**
   * updateStatefulSet for an OrderedReady set with minReadySeconds 0, reading its pods through an index instead
   * of walking them all: the same decisions, in the same order, at a cost that does not grow with the replicas.
   */
  updateStatefulSetIndexed(set: Stored<StatefulSet>, index: StatefulSetPodIndex): StatefulSetStatus {
    const revisions = this.revisionsOf(set);
    // The pods' revisions as the sync begins, read only when truncateHistory may drop some: getRevisions adds
    // at most one revision.
    const liveRevisions = historyAboveLimit(set, revisions.length + 1) ? [...index.revisions.keys()] : [];
    const { current, update, collisionCount, wrote } = this.getRevisions(set, revisions);
    const status = this.reconcileIndexed(set, current, update, collisionCount, index);
    this.updateStatus(set, status);
    this.truncateHistory(set, liveRevisions, wrote ? this.revisionsOf(set) : revisions, current, update);
    return status;
  }

  /**
   * updateStatefulSet (OrderedReady, minReadySeconds 0). Quiet pods — ready, with the right identity — are
   * no-ops in the replica loop, so the loop visits only missing or unquiet ordinals. A write in the loop touches
   * only the ordinal being visited, so later ordinals read as they stood when the sync began.
   */
  private reconcileIndexed(
    set: Stored<StatefulSet>,
    currentRevision: Stored<ControllerRevision>,
    updateRevision: Stored<ControllerRevision>,
    collisionCount: number,
    index: StatefulSetPodIndex,
  ): StatefulSetStatus {
    const now = this.ctx.clock.now();
    // The set at each revision, made only when a pod must be built or fixed from it.
    let currentSet: Stored<StatefulSet> | undefined;
    let updateSet: Stored<StatefulSet> | undefined;
    const atUpdate = () => (updateSet = updateSet ?? applyRevision(set, updateRevision));
    const status: StatefulSetStatus = {
      observedGeneration: set.metadata.generation,
      currentRevision: currentRevision.metadata.name,
      updateRevision: updateRevision.metadata.name,
      collisionCount,
      replicas: 0,
    };
    // computeReplicaStatus over the pods as they stand now; every return below reports these counts.
    status.replicas = index.created;
    status.readyReplicas = index.ready;
    status.availableReplicas = index.ready;
    status.currentReplicas = index.active.get(currentRevision.metadata.name) ?? 0;
    status.updatedReplicas = index.active.get(updateRevision.metadata.name) ?? 0;
    if (set.metadata.deletionTimestamp) return status;

    const start = startOrdinal(set);
    const end = endOrdinal(set);
    for (let ordinal = start; ; ordinal++) {
      ordinal = Math.min(index.nextMissing(ordinal), index.nextUnquiet(ordinal));
      if (ordinal > end) break;
      const existing = index.byOrdinal.get(ordinal)?.pod;
      if (!existing) currentSet = currentSet ?? applyRevision(set, currentRevision);
      const pod =
        existing ??
        newVersionedStatefulSetPod(
          currentSet as Stored<StatefulSet>,
          atUpdate(),
          currentRevision.metadata.name,
          updateRevision.metadata.name,
          ordinal,
        );
      // processReplica reads the update-revision set only to fix a pod's identity or storage.
      const fixes = !existing || !identityMatches(set, existing) || !storageMatches(set, existing);
      // A pod built here is read by nothing after processReplica: the store may keep it without a copy.
      if (this.processReplica(set, fixes ? atUpdate() : set, true, [pod], 0, !existing)) return status;
    }
    // Every replica is healthy. Scale down from the highest condemned ordinal; only the lowest unavailable
    // condemned pod may go while unhealthy.
    const highest = index.ordinals.max();
    if (highest > end) {
      const condemned = index.byOrdinal.get(highest)?.pod as Stored<Pod>;
      let firstUnavailable: Pod | undefined;
      let lowest = Infinity;
      for (const ordinal of index.unquiet) {
        const entry = index.byOrdinal.get(ordinal);
        if (ordinal > end && ordinal < lowest && entry && isUnavailable(entry.pod, 0, now)) {
          lowest = ordinal;
          firstUnavailable = entry.pod;
        }
      }
      this.processCondemned(set, firstUnavailable, true, condemned, now);
      return status;
    }
    if (set.spec?.updateStrategy?.type === 'OnDelete') return status;
    // Rolling update: the highest ordinal at or above the partition not at the update revision is replaced.
    const updateMin = start + (set.spec?.updateStrategy?.rollingUpdate?.partition ?? 0);
    let target = -1;
    // forEach, not for-of over the entries: that would make a pair per revision on every sync.
    index.revisions.forEach((ordinals, revision) => {
      if (revision !== updateRevision.metadata.name && ordinals.max() > target) target = ordinals.max();
    });
    if (target >= updateMin) {
      this.podControl.deleteStatefulPod(set, index.byOrdinal.get(target)?.pod as Stored<Pod>);
      status.currentReplicas = (status.currentReplicas ?? 0) - 1;
    }
    return status;
  }

  /** ListRevisions, sorted (history.SortControllerRevisions). Callers only read the list. */
  private revisionsOf(set: Stored<StatefulSet>): Stored<ControllerRevision>[] {
    const uid = set.metadata.uid ?? '';
    let revisions = this.revisionLists.get(uid);
    if (!revisions) {
      revisions = sortRevisionsInPlace(this.ctx.store.listControlledBy<ControllerRevision>('ControllerRevision', uid));
      this.revisionLists.set(uid, revisions);
    }
    return revisions;
  }

  /** getStatefulSetRevisions; `wrote` says whether it created or renumbered a revision. */
  private getRevisions(
    set: Stored<StatefulSet>,
    revisions: Stored<ControllerRevision>[],
  ): {
    current: Stored<ControllerRevision>;
    update: Stored<ControllerRevision>;
    collisionCount: number;
    wrote: boolean;
  } {
    const collision = { value: set.status?.collisionCount ?? 0 };
    const candidate = this.revisionMemo.candidate(set, nextRevision(revisions), collision.value);
    const latest = revisions[revisions.length - 1];
    // The common case, the newest revision holds the template: no list of equal revisions is needed.
    const equal =
      latest && this.revisionMemo.equals(set, latest, candidate)
        ? [latest]
        : revisions.filter((r) => this.revisionMemo.equals(set, r, candidate));
    let update: Stored<ControllerRevision>;
    let wrote = true;
    if (equal.length > 0 && latest === equal[equal.length - 1]) {
      update = latest;
      wrote = false;
    } else if (equal.length > 0) {
      // Rolling back to an older template: that revision gets the next revision number.
      update = this.ctx.store.update({ ...equal[equal.length - 1], revision: candidate.revision });
    } else {
      update = createRevision(this.ctx.store, set, candidate, collision);
    }
    const current = revisions.find((r) => r.metadata.name === set.status?.currentRevision) ?? update;
    return { current, update, collisionCount: collision.value, wrote };
  }

  /** Forgets what was kept for a deleted set. */
  forgetSet(uid: string): void {
    this.revisionMemo.forget(uid);
    this.revisionLists.delete(uid);
  }

  /** updateStatefulSet */
  private reconcile(
    set: Stored<StatefulSet>,
    currentRevision: Stored<ControllerRevision>,
    updateRevision: Stored<ControllerRevision>,
    collisionCount: number,
    pods: Stored<Pod>[],
  ): StatefulSetStatus {
    const now = this.ctx.clock.now();
    const minReady = set.spec?.minReadySeconds ?? 0;
    const currentSet = applyRevision(set, currentRevision);
    const updateSet = applyRevision(set, updateRevision);
    const status: StatefulSetStatus = {
      observedGeneration: set.metadata.generation,
      currentRevision: currentRevision.metadata.name,
      updateRevision: updateRevision.metadata.name,
      collisionCount,
      replicas: 0,
    };
    const start = startOrdinal(set);
    const end = endOrdinal(set);
    const replicas: Array<Pod> = new Array(Math.max(0, end - start + 1));
    const condemned: Stored<Pod>[] = [];
    for (const pod of pods) {
      if (podInOrdinalRange(pod, set)) replicas[ordinalOf(pod) - start] = pod;
      else if (ordinalOf(pod) >= 0) condemned.push(pod);
    }
    for (let ord = start; ord <= end; ord++) {
      if (!replicas[ord - start]) {
        replicas[ord - start] = newVersionedStatefulSetPod(
          currentSet,
          updateSet,
          currentRevision.metadata.name,
          updateRevision.metadata.name,
          ord,
        );
      }
    }
    condemned.sort((a, b) => ordinalOf(b) - ordinalOf(a));

    let firstUnavailable: Pod | undefined;
    for (const pod of replicas) {
      if (!firstUnavailable && isUnavailable(pod, minReady, now)) firstUnavailable = pod;
    }
    for (let i = condemned.length - 1; i >= 0; i--) {
      if (!firstUnavailable && isUnavailable(condemned[i], minReady, now)) firstUnavailable = condemned[i];
    }

    const finish = (): StatefulSetStatus => {
      computeReplicaStatus(status, [...replicas, ...condemned], minReady, now, currentRevision, updateRevision);
      return status;
    };
    computeReplicaStatus(status, pods, minReady, now, currentRevision, updateRevision);
    if (set.metadata.deletionTimestamp) return status;

    // runForAll: OrderedReady stops at the first pod that blocks; Parallel visits every pod.
    const monotonic = !allowsBurst(set);
    for (let i = 0; i < replicas.length; i++) {
      if (this.processReplica(set, updateSet, monotonic, replicas, i) && monotonic) return finish();
    }
    // Condemned pods' claims get their whenScaled owner references before the pods go.
    for (const pod of condemned) {
      if (!this.podControl.claimsMatchRetentionPolicy(updateSet, pod)) {
        this.podControl.updatePodClaimForRetentionPolicy(updateSet, pod);
      }
    }
    for (let i = 0; i < condemned.length; i++) {
      if (this.processCondemned(set, firstUnavailable, monotonic, condemned[i], now) && monotonic) return finish();
    }
    finish();
    if (set.spec?.updateStrategy?.type === 'OnDelete') return status;

    // Rolling update: replace the highest-ordinal pod not at the update revision, one at a time, down to the
    // partition. Pods below the partition keep their revision.
    const updateMin = set.spec?.updateStrategy?.rollingUpdate?.partition ?? 0;
    for (let target = replicas.length - 1; target >= updateMin; target--) {
      const pod = replicas[target];
      if (podRevision(pod) !== updateRevision.metadata.name && !isTerminating(pod)) {
        this.podControl.deleteStatefulPod(set, pod as Stored<Pod>);
        status.currentReplicas = (status.currentReplicas ?? 0) - 1;
        return status;
      }
      if (isUnavailable(pod, minReady, now)) return status;
    }
    return status;
  }

  /** processReplica: returns true when the loop must stop for this sync. `handOver`: see createStatefulPod. */
  private processReplica(
    set: Stored<StatefulSet>,
    updateSet: Stored<StatefulSet>,
    monotonic: boolean,
    replicas: Pod[],
    i: number,
    handOver = false,
  ): boolean {
    const pod = replicas[i];
    const now = this.ctx.clock.now();
    if (isCreated(pod) && isTerminal(pod)) {
      // A failed or succeeded pod is deleted; the next sync creates its replacement.
      if (!isTerminating(pod)) this.podControl.deleteStatefulPod(set, pod as Stored<Pod>);
      return true;
    }
    if (!isCreated(pod)) {
      // A claim still owned by an earlier pod of this name waits for the garbage collector.
      if (this.podControl.podClaimIsStale(set, pod)) return true;
      this.podControl.createStatefulPod(set, pod, handOver);
      // The pod is now in the store; the watch event brings the next sync.
      if (monotonic) return true;
      return false;
    }
    if (pod.status?.phase === 'Pending') this.podControl.createMissingClaims(set, pod as Stored<Pod>);
    if (isTerminating(pod) && monotonic) return true;
    if (!isRunningAndReady(pod) && monotonic) return true;
    if (!isRunningAndAvailable(pod, set.spec?.minReadySeconds ?? 0, now) && monotonic) return true;
    const retentionMatch = this.podControl.claimsMatchRetentionPolicy(updateSet, pod);
    if (identityMatches(set, pod) && storageMatches(set, pod) && retentionMatch) return false;
    this.podControl.updateStatefulPod(updateSet, pod as Stored<Pod>);
    return false;
  }

  /** processCondemned: scale-down, highest ordinal first, blocked in OrderedReady while any pod is unhealthy. */
  private processCondemned(
    set: Stored<StatefulSet>,
    firstUnavailable: Pod | undefined,
    monotonic: boolean,
    pod: Stored<Pod>,
    now: number,
  ): boolean {
    if (isTerminating(pod)) return monotonic;
    if (!isRunningAndReady(pod) && monotonic && pod !== firstUnavailable) return true;
    if (!isRunningAndAvailable(pod, set.spec?.minReadySeconds ?? 0, now) && monotonic && pod !== firstUnavailable)
      return true;
    this.podControl.deleteStatefulPod(set, pod);
    return true;
  }

  /** updateStatefulSetStatus with completeRollingUpdate. */
  private updateStatus(set: Stored<StatefulSet>, status: StatefulSetStatus): void {
    if (
      (set.spec?.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate' &&
      status.updatedReplicas === status.replicas &&
      status.readyReplicas === status.replicas
    ) {
      status.currentReplicas = status.updatedReplicas;
      status.currentRevision = status.updateRevision;
    }
    const latest = this.ctx.store.get<StatefulSet>(
      'StatefulSet',
      set.metadata.namespace ?? 'default',
      set.metadata.name,
    );
    if (!latest || deepEqual(latest.status, status)) return;
    this.ctx.store.update<StatefulSet>({ ...latest, status });
  }

  /** truncateHistory: keeps revisionHistoryLimit revisions besides the live ones (`revisions` sorted). */
  private truncateHistory(
    set: Stored<StatefulSet>,
    podRevisions: Array<string | undefined>,
    revisions: Stored<ControllerRevision>[],
    current: Stored<ControllerRevision>,
    update: Stored<ControllerRevision>,
  ): void {
    // Only revisions outside the live ones are dropped: none while there are no more than the limit in all.
    if (!historyAboveLimit(set, revisions.length)) return;
    const live = new Set<string>([current.metadata.name, update.metadata.name]);
    for (const rev of podRevisions) {
      if (rev) live.add(rev);
    }
    const history = revisions.filter((r) => !live.has(r.metadata.name));
    const limit = set.spec?.revisionHistoryLimit ?? 10;
    for (const revision of history.slice(0, Math.max(0, history.length - limit))) {
      this.ctx.store.delete('ControllerRevision', revision.metadata.namespace ?? 'default', revision.metadata.name);
    }
  }
}

/** Whether a history of this many revisions may exceed the set's revisionHistoryLimit. */
function historyAboveLimit(set: Stored<StatefulSet>, revisions: number): boolean {
  return revisions > (set.spec?.revisionHistoryLimit ?? 10);
}

/** updateStatus / computeReplicaStatus */
function computeReplicaStatus(
  status: StatefulSetStatus,
  pods: Pod[],
  minReadySeconds: number,
  now: number,
  currentRevision: ControllerRevision,
  updateRevision: ControllerRevision,
): void {
  status.replicas = 0;
  status.readyReplicas = 0;
  status.availableReplicas = 0;
  status.currentReplicas = 0;
  status.updatedReplicas = 0;
  for (const pod of pods) {
    if (isCreated(pod)) status.replicas += 1;
    if (isRunningAndReady(pod)) {
      status.readyReplicas += 1;
      if (isRunningAndAvailable(pod, minReadySeconds, now)) status.availableReplicas += 1;
    }
    if (isCreated(pod) && !isTerminating(pod)) {
      const revision = podRevision(pod);
      if (revision === currentRevision.metadata?.name) status.currentReplicas += 1;
      if (revision === updateRevision.metadata?.name) status.updatedReplicas += 1;
    }
  }
}
