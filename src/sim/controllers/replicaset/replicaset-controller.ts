import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { controllerOf, deepEqual, newControllerRef, selectorMatches, splitKey, type Stored } from '../../api/meta';
import { ApiError } from '../../api/errors';
import type { WatchEvent } from '../../api/store';
import { isPodReady } from '../../pods/pod-util';
import type { ControllerContext } from '../context';
import { WorkQueue } from '../workqueue';
import { ReplicaSetPodControl } from './pod-control';
import { isActive } from './pod-ranking';
import { calculateReplicaSetStatus, type ReplicaCounts } from './replicaset-status';
import { ReplicaSetPodIndex } from './pod-index';

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
  private readonly pods: ReplicaSetPodIndex;
  /**
   * The queue key of each ReplicaSet by uid, with the namespace and name it was built from: every pod event
   * queues its owner, and a key built once is hashed once rather than on each of its pods' events.
   */
  private readonly keys = new Map<string, { namespace: string | undefined; name: string; key: string }>();

  constructor(private readonly ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, 'replicaset-controller', QUEUE_LATENCY_MS, (key) => this.processKey(key));
    this.podControl = new ReplicaSetPodControl(ctx);
    this.pods = new ReplicaSetPodIndex(ctx.store);
    ctx.store.watch('ReplicaSet', (e) => {
      const uid = e.object.metadata.uid ?? '';
      if (e.type === 'DELETED') this.keys.delete(uid);
      this.queue.add(this.keyFor(e.object.metadata.namespace, e.object.metadata.name, uid));
    });
    ctx.store.watch('Pod', (e) => this.onPod(e));
  }

  /** addPod / updatePod / deletePod */
  private onPod(event: WatchEvent): void {
    this.pods.observe(event);
    const pod = event.object as Stored<Pod>;
    const owner = controllerOf(pod);
    const oldOwner = event.old ? controllerOf(event.old) : undefined;
    if (oldOwner && oldOwner.uid !== owner?.uid && oldOwner.kind === 'ReplicaSet') {
      this.queue.add(`${pod.metadata.namespace}/${oldOwner.name}`);
    }
    if (owner) {
      if (owner.kind !== 'ReplicaSet') return;
      const key = this.keyFor(pod.metadata.namespace, owner.name, owner.uid);
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

  /** `${namespace}/${name}`, built once per ReplicaSet. */
  private keyFor(namespace: string | undefined, name: string, uid: string): string {
    const known = this.keys.get(uid);
    if (known && known.namespace === namespace && known.name === name) return known.key;
    const key = `${namespace}/${name}`;
    this.keys.set(uid, { namespace, name, key });
    return key;
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
    this.claimPods(rs);
    const uid = rs.metadata.uid ?? '';
    const minReady = rs.spec?.minReadySeconds ?? 0;
    const now = this.ctx.clock.now();
    // Status counts the pods seen before this sync's writes; their watch events bring the next sync.
    const ready = this.pods.readyCount(uid);
    const counts = {
      replicas: this.pods.activeCount(uid),
      fullyLabeled: this.pods.fullyLabeledCount(rs),
      ready,
      available: minReady > 0 ? this.pods.availableCount(uid, minReady, now) : ready,
    };
    if (!rs.metadata.deletionTimestamp) this.manageReplicas(rs, counts.replicas);
    const updated = this.updateStatus(rs, counts);
    // Last line of defence against missed readiness transitions: recheck once minReadySeconds have passed.
    const replicas = updated.spec?.replicas ?? 1;
    if (minReady > 0 && (updated.status?.readyReplicas ?? 0) === replicas) {
      if ((updated.status?.availableReplicas ?? 0) !== replicas) this.queue.addAfter(key, minReady * 1000);
    }
  }

  /**
   * claimPods (ClaimPods): releases owned pods that stopped matching the selector — only a relabelled pod can,
   * since the selector is immutable — and adopts matching active orphans.
   */
  private claimPods(rs: Stored<ReplicaSet>): void {
    const uid = rs.metadata.uid ?? '';
    const selector = rs.spec?.selector;
    const ns = rs.metadata.namespace ?? 'default';
    if (rs.metadata.deletionTimestamp) return;
    for (const key of this.pods.takeRelabelled(uid)) {
      const pod = this.ctx.store.get<Pod>('Pod', ns, splitKey(key).name);
      if (!pod || controllerOf(pod)?.uid !== uid || !isActive(pod)) continue;
      if (selectorMatches(selector, pod.metadata.labels)) continue;
      const refs = (pod.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
      this.ctx.store.update<Pod>({
        ...pod,
        metadata: { ...pod.metadata, ownerReferences: refs.length > 0 ? refs : undefined },
      });
    }
    for (const pod of this.ctx.store.listUncontrolled<Pod>('Pod', ns)) {
      if (!isActive(pod) || !selectorMatches(selector, pod.metadata.labels)) continue;
      this.ctx.store.update<Pod>({
        ...pod,
        metadata: {
          ...pod.metadata,
          ownerReferences: [...(pod.metadata.ownerReferences ?? []), newControllerRef(rs)],
        },
      });
    }
  }

  /** manageReplicas: create or delete at most BurstReplicas pods to reach spec.replicas. */
  private manageReplicas(rs: Stored<ReplicaSet>, active: number): void {
    const diff = active - (rs.spec?.replicas ?? 1);
    if (diff < 0) {
      slowStartBatch(Math.min(-diff, BURST_REPLICAS), () => this.podControl.createPod(rs));
    } else if (diff > 0) {
      const victims = this.pods.podsToDelete(rs, Math.min(diff, BURST_REPLICAS), this.ctx.clock.now());
      for (const pod of victims) this.podControl.deletePod(rs, pod);
    }
  }

  /** updateReplicaSetStatus: writes status only when it changed or the generation is newly observed. */
  private updateStatus(rs: Stored<ReplicaSet>, counts: ReplicaCounts): Stored<ReplicaSet> {
    const status = calculateReplicaSetStatus(rs, counts);
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
