import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { controllerOf, newControllerRef, selectorMatches, splitKey, type Stored } from '../../api/meta';
import type { WatchEvent } from '../../api/store';
import type { ControllerContext } from '../context';
import { WorkQueue } from '../workqueue';
import { ApiError } from '../../api/errors';
import { adoptOrphanRevisions } from './adopt-revisions';
import { StatefulPodControl } from './pod-control';
import { StatefulSetControl } from './statefulset-control';
import { byOrdinal, isMemberOf } from './statefulset-utils';

/** Milliseconds between an informer event and the worker picking the key up. */
const QUEUE_LATENCY_MS = 5;

/**
 * StatefulSetController: watches StatefulSets and their pods, and reconciles each changed set through
 * StatefulSetControl (pkg/controller/statefulset/stateful_set.go).
 */
export class StatefulSetController {
  private readonly queue: WorkQueue;
  private readonly failures = new Map<string, number>();
  private readonly control: StatefulSetControl;

  constructor(private readonly ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, 'statefulset-controller', QUEUE_LATENCY_MS, (key) => this.processKey(key));
    this.control = new StatefulSetControl(ctx, new StatefulPodControl(ctx));
    ctx.store.watch('StatefulSet', (e) => this.queue.add(`${e.object.metadata.namespace}/${e.object.metadata.name}`));
    ctx.store.watch('Pod', (e) => this.onPod(e));
  }

  /** addPod / updatePod / deletePod: enqueue the owning set, or every set that could adopt an orphan. */
  private onPod(event: WatchEvent): void {
    const pod = event.object as Stored<Pod>;
    const owner = controllerOf(pod) ?? (event.old ? controllerOf(event.old) : undefined);
    if (owner) {
      if (owner.kind === 'StatefulSet') this.queue.add(`${pod.metadata.namespace}/${owner.name}`);
      return;
    }
    if (event.type === 'DELETED') return;
    for (const set of this.ctx.store.list<StatefulSet>('StatefulSet', pod.metadata.namespace)) {
      if (selectorMatches(set.spec?.selector, pod.metadata.labels))
        this.queue.add(`${set.metadata.namespace}/${set.metadata.name}`);
    }
  }

  /**
   * processNextWorkItem: a sync the apiserver refused (say, a pod template the Pod validation rejects) is retried
   * with the default controller rate limiter's backoff, 5 ms doubling up to 1000 s.
   */
  private processKey(key: string): void {
    try {
      this.sync(key);
      this.failures.delete(key);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      const n = this.failures.get(key) ?? 0;
      this.failures.set(key, n + 1);
      this.queue.addAfter(key, Math.min(5 * 2 ** n, 1_000_000));
    }
  }

  /** sync */
  private sync(key: string): void {
    const { namespace, name } = splitKey(key);
    const set = this.ctx.store.get<StatefulSet>('StatefulSet', namespace, name);
    if (!set) return;
    adoptOrphanRevisions(this.ctx.store, set);
    const pods = this.podsForStatefulSet(set);
    const status = this.control.updateStatefulSet(set, pods);
    // Pods become available minReadySeconds after they turn ready; look again then.
    const minReady = set.spec?.minReadySeconds ?? 0;
    if (minReady > 0 && (status.readyReplicas ?? 0) !== (status.availableReplicas ?? 0)) {
      this.queue.addAfter(key, minReady * 1000);
    }
  }

  /**
   * getPodsForStatefulSet: the pods this set controls, after adopting matching orphans that carry its name and
   * releasing owned pods that no longer match its selector (ClaimPods).
   */
  private podsForStatefulSet(set: Stored<StatefulSet>): Stored<Pod>[] {
    const uid = set.metadata.uid ?? '';
    const owned = this.ctx.store.listControlledBy<Pod>('Pod', uid);
    const result: Stored<Pod>[] = [];
    for (const pod of owned) {
      if (selectorMatches(set.spec?.selector, pod.metadata.labels) && isMemberOf(set, pod)) {
        result.push(pod);
      } else if (!set.metadata.deletionTimestamp) {
        const refs = (pod.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
        this.ctx.store.update<Pod>({
          ...pod,
          metadata: { ...pod.metadata, ownerReferences: refs.length > 0 ? refs : undefined },
        });
      }
    }
    if (!set.metadata.deletionTimestamp) {
      for (const pod of this.ctx.store.listUncontrolled<Pod>('Pod', set.metadata.namespace ?? 'default')) {
        if (pod.metadata.deletionTimestamp) continue;
        if (!selectorMatches(set.spec?.selector, pod.metadata.labels) || !isMemberOf(set, pod)) continue;
        const adopted = this.ctx.store.update<Pod>({
          ...pod,
          metadata: {
            ...pod.metadata,
            ownerReferences: [...(pod.metadata.ownerReferences ?? []), newControllerRef(set)],
          },
        });
        result.push(adopted);
      }
    }
    return result.sort(byOrdinal);
  }
}
