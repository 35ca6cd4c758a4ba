import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { controllerOf, deepEqual, newControllerRef, selectorMatches, splitKey, type Stored } from '../../api/meta';
import { ApiError } from '../../api/errors';
import type { WatchEvent } from '../../api/store';
import { isPodReady } from '../../pods/pod-util';
import type { ControllerContext } from '../context';
import { WorkQueue } from '../workqueue';
import { ReplicaSetPodControl } from './pod-control';
import { getPodsToDelete, isActive } from './pod-ranking';
import { calculateReplicaSetStatus } from './replicaset-status';

/** Milliseconds between an informer event and the worker picking the key up. */
const QUEUE_LATENCY_MS = 5;
/** BurstReplicas: the most pods one sync creates or deletes. */
const BURST_REPLICAS = 500;
/** The rate limiter's first back-off after a failed sync. */
const RETRY_DELAY_MS = 5;

/**
 * ReplicaSetController (pkg/controller/replicaset/replica_set.go): keeps the number of active pods matching each
 * ReplicaSet at spec.replicas, and reports their readiness in status.
 */
export class ReplicaSetController {
  private readonly queue: WorkQueue;
  private readonly podControl: ReplicaSetPodControl;

  constructor(private readonly ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, 'replicaset-controller', QUEUE_LATENCY_MS, (key) => this.processKey(key));
    this.podControl = new ReplicaSetPodControl(ctx);
    ctx.store.watch('ReplicaSet', (e) => this.queue.add(keyOf(e.object)));
    ctx.store.watch('Pod', (e) => this.onPod(e));
  }

  /** addPod / updatePod / deletePod */
  private onPod(event: WatchEvent): void {
    const pod = event.object as Stored<Pod>;
    const owner = controllerOf(pod);
    const oldOwner = event.old ? controllerOf(event.old) : undefined;
    if (oldOwner && oldOwner.uid !== owner?.uid && oldOwner.kind === 'ReplicaSet') {
      this.queue.add(`${pod.metadata.namespace}/${oldOwner.name}`);
    }
    if (owner) {
      if (owner.kind !== 'ReplicaSet') return;
      const key = `${pod.metadata.namespace}/${owner.name}`;
      this.queue.add(key);
      // A pod that just turned ready becomes available minReadySeconds later: look again then.
      if (event.old && !isPodReady(event.old as Pod) && isPodReady(pod)) {
        const rs = this.ctx.store.get<ReplicaSet>('ReplicaSet', pod.metadata.namespace ?? '', owner.name);
        const minReady = rs?.spec?.minReadySeconds ?? 0;
        if (minReady > 0) this.queue.addAfter(key, minReady * 1000);
      }
      return;
    }
    if (event.type === 'DELETED') return;
    // getPodReplicaSets: an orphan wakes every ReplicaSet that could adopt it.
    for (const rs of this.ctx.store.list<ReplicaSet>('ReplicaSet', pod.metadata.namespace)) {
      if (selectorMatches(rs.spec?.selector, pod.metadata.labels)) this.queue.add(keyOf(rs));
    }
  }

  /** processNextWorkItem + handleErr: a failed sync (a write conflict, say) is retried shortly. */
  private processKey(key: string): void {
    try {
      this.sync(key);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      this.queue.addAfter(key, RETRY_DELAY_MS);
    }
  }

  /** syncReplicaSet */
  private sync(key: string): void {
    const { namespace, name } = splitKey(key);
    const rs = this.ctx.store.get<ReplicaSet>('ReplicaSet', namespace, name);
    if (!rs) return;
    const pods = this.claimPods(rs);
    if (!rs.metadata.deletionTimestamp) this.manageReplicas(pods, rs);
    // Status counts the pods seen before this sync's writes; their watch events bring the next sync.
    const updated = this.updateStatus(rs, pods);
    // Last line of defence against missed readiness transitions: recheck once minReadySeconds have passed.
    const minReady = updated.spec?.minReadySeconds ?? 0;
    const replicas = updated.spec?.replicas ?? 1;
    if (minReady > 0 && (updated.status?.readyReplicas ?? 0) === replicas) {
      if ((updated.status?.availableReplicas ?? 0) !== replicas) this.queue.addAfter(key, minReady * 1000);
    }
  }

  /**
   * FilterActivePods + claimPods: the active pods this ReplicaSet controls, adopting matching orphans and
   * releasing owned pods that no longer match its selector.
   */
  private claimPods(rs: Stored<ReplicaSet>): Stored<Pod>[] {
    const uid = rs.metadata.uid ?? '';
    const selector = rs.spec?.selector;
    const out: Stored<Pod>[] = [];
    for (const pod of this.ctx.store.listControlledBy<Pod>('Pod', uid)) {
      if (!isActive(pod)) continue;
      if (selectorMatches(selector, pod.metadata.labels)) {
        out.push(pod);
      } else if (!rs.metadata.deletionTimestamp) {
        const refs = (pod.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
        this.ctx.store.update<Pod>({
          ...pod,
          metadata: { ...pod.metadata, ownerReferences: refs.length > 0 ? refs : undefined },
        });
      }
    }
    if (!rs.metadata.deletionTimestamp) {
      for (const pod of this.ctx.store.listUncontrolled<Pod>('Pod', rs.metadata.namespace ?? 'default')) {
        if (!isActive(pod) || !selectorMatches(selector, pod.metadata.labels)) continue;
        out.push(
          this.ctx.store.update<Pod>({
            ...pod,
            metadata: {
              ...pod.metadata,
              ownerReferences: [...(pod.metadata.ownerReferences ?? []), newControllerRef(rs)],
            },
          }),
        );
      }
    }
    return out;
  }

  /** manageReplicas: create or delete at most BurstReplicas pods to reach spec.replicas. */
  private manageReplicas(pods: Stored<Pod>[], rs: Stored<ReplicaSet>): void {
    const diff = pods.length - (rs.spec?.replicas ?? 1);
    if (diff < 0) {
      slowStartBatch(Math.min(-diff, BURST_REPLICAS), () => this.podControl.createPod(rs));
    } else if (diff > 0) {
      const victims = getPodsToDelete(pods, this.relatedPods(rs), Math.min(diff, BURST_REPLICAS), this.ctx.clock.now());
      for (const pod of victims) this.podControl.deletePod(rs, pod);
    }
  }

  /** getIndirectlyRelatedPods: pods of every ReplicaSet that shares this one's controller (a Deployment's). */
  private relatedPods(rs: Stored<ReplicaSet>): Stored<Pod>[] {
    const owner = controllerOf(rs);
    const sets = owner ? this.ctx.store.listControlledBy<ReplicaSet>('ReplicaSet', owner.uid) : [rs];
    const out: Stored<Pod>[] = [];
    for (const set of sets) out.push(...this.ctx.store.listControlledBy<Pod>('Pod', set.metadata.uid ?? ''));
    return out;
  }

  /** updateReplicaSetStatus: writes status only when it changed or the generation is newly observed. */
  private updateStatus(rs: Stored<ReplicaSet>, pods: Stored<Pod>[]): Stored<ReplicaSet> {
    const status = calculateReplicaSetStatus(rs, pods, this.ctx.clock.now());
    status.observedGeneration = rs.metadata.generation;
    if (deepEqual(status, rs.status)) return rs;
    return this.ctx.store.update<ReplicaSet>({ ...rs, status });
  }
}

/**
 * slowStartBatch: runs `fn` count times in batches of 1, 2, 4, ... and stops after the first batch with a
 * failure, so a broken template costs one failed create rather than hundreds. Returns how many succeeded.
 */
export function slowStartBatch(count: number, fn: () => void): number {
  let remaining = count;
  let successes = 0;
  for (let batch = Math.min(remaining, 1); batch > 0; batch = Math.min(2 * batch, remaining)) {
    let failed = false;
    for (let i = 0; i < batch; i++) {
      try {
        fn();
        successes++;
      } catch {
        failed = true;
      }
    }
    if (failed) return successes;
    remaining -= batch;
  }
  return successes;
}

function keyOf(obj: Stored<{ metadata?: { namespace?: string; name?: string } }>): string {
  return `${obj.metadata.namespace}/${obj.metadata.name}`;
}
