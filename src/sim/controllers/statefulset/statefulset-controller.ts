import type { StatefulSet, StatefulSetStatus } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { controllerOf, newControllerRef, selectorMatches, splitKey, type Stored } from '../../api/meta';
import type { WatchEvent } from '../../api/store';
import type { ControllerContext } from '../context';
import { WorkQueue } from '../workqueue';
import { adoptOrphanRevisions } from './adopt-revisions';
import { StatefulPodControl } from './pod-control';
import { StatefulSetControl } from './statefulset-control';
import { StatefulSetPodIndexes } from './pod-index';
import { allowsBurst, byOrdinal, isMemberOf, startOrdinal } from './statefulset-utils';

/** Milliseconds between an informer event and the worker picking the key up. */
const QUEUE_LATENCY_MS = 5;
/** workqueue.DefaultControllerRateLimiter's per-item exponential backoff: 5 ms doubling up to 1000 s. */
const BACKOFF_BASE_MS = 5;
const BACKOFF_MAX_MS = 1000_000;

/**
 * StatefulSetController: watches StatefulSets and their pods, and reconciles each changed set through
 * StatefulSetControl (pkg/controller/statefulset/stateful_set.go).
 */
export class StatefulSetController {
  private readonly queue: WorkQueue;
  private readonly failures = new Map<string, number>();
  private readonly control: StatefulSetControl;
  private readonly indexes: StatefulSetPodIndexes;

  constructor(private readonly ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, 'statefulset-controller', QUEUE_LATENCY_MS, (key) => this.processKey(key));
    this.control = new StatefulSetControl(ctx, new StatefulPodControl(ctx));
    ctx.store.watch('StatefulSet', (e) => this.queue.add(`${e.object.metadata.namespace}/${e.object.metadata.name}`));
    ctx.store.watch('Pod', (e) => this.onPod(e));
    this.indexes = new StatefulSetPodIndexes(ctx.store);
    ctx.store.watch('Pod', (e) => this.indexes.onPod(e));
    ctx.store.watch('StatefulSet', (e) => {
      if (e.type !== 'DELETED') return;
      this.indexes.forgetSet(e.object.metadata.uid ?? '');
      this.control.forgetSet(e.object.metadata.uid ?? '');
    });
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
   * processNextWorkItem: a sync that failed — the apiserver refused a write (say, a pod template the Pod
   * validation rejects) or a claim is still being deleted — is retried with the default controller rate
   * limiter's backoff, 5 ms doubling up to 1000 s.
   */
  private processKey(key: string): void {
    try {
      this.sync(key);
      this.failures.delete(key);
    } catch (err) {
      if (!(err instanceof Error)) throw err;
      const n = this.failures.get(key) ?? 0;
      this.failures.set(key, n + 1);
      this.queue.addAfter(key, Math.min(BACKOFF_BASE_MS * 2 ** n, BACKOFF_MAX_MS));
    }
  }

  /** sync */
  private sync(key: string): void {
    const { namespace, name } = splitKey(key);
    const set = this.ctx.store.get<StatefulSet>('StatefulSet', namespace, name);
    if (!set) return;
    adoptOrphanRevisions(this.ctx.store, set);
    const status = this.syncWithIndex(set) ?? this.control.updateStatefulSet(set, this.podsForStatefulSet(set));
    // Pods become available minReadySeconds after they turn ready; look again then.
    const minReady = set.spec?.minReadySeconds ?? 0;
    if (minReady > 0 && (status.availableReplicas ?? 0) !== (set.spec?.replicas ?? 1)) {
      this.queue.addAfter(key, minReady * 1000);
    }
  }

  /**
   * The common case — OrderedReady, minReadySeconds 0, every owned pod a member named "<set>-<ordinal>" — through
   * the pod index, so that a sync costs the same for 3 replicas as for 10,000. Undefined when the case does not
   * apply; the full scan then runs.
   */
  private syncWithIndex(set: Stored<StatefulSet>): StatefulSetStatus | undefined {
    if (allowsBurst(set) || (set.spec?.minReadySeconds ?? 0) !== 0) return undefined;
    // Claim owner references for a Delete retention policy are fixed up by the full scan only.
    const retention = set.spec?.persistentVolumeClaimRetentionPolicy;
    if ((retention?.whenScaled ?? 'Retain') !== 'Retain' || (retention?.whenDeleted ?? 'Retain') !== 'Retain') {
      return undefined;
    }
    const index = this.indexes.forSet(set);
    const eligible = () =>
      this.indexes.isLive(set, index) && index.strays === 0 && !index.hasOrdinalBelow(startOrdinal(set));
    if (!eligible()) return undefined;
    if (!set.metadata.deletionTimestamp) this.adoptOrphans(set);
    return eligible() ? this.control.updateStatefulSetIndexed(set, index) : undefined;
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
    if (!set.metadata.deletionTimestamp) result.push(...this.adoptOrphans(set));
    return result.sort(byOrdinal);
  }

  /** ClaimPods, adoption half: orphans in the set's namespace that match its selector and carry its name. */
  private adoptOrphans(set: Stored<StatefulSet>): Stored<Pod>[] {
    const adopted: Stored<Pod>[] = [];
    for (const pod of this.ctx.store.listUncontrolled<Pod>('Pod', set.metadata.namespace ?? 'default')) {
      if (pod.metadata.deletionTimestamp) continue;
      if (!selectorMatches(set.spec?.selector, pod.metadata.labels) || !isMemberOf(set, pod)) continue;
      adopted.push(
        this.ctx.store.update<Pod>({
          ...pod,
          metadata: {
            ...pod.metadata,
            ownerReferences: [...(pod.metadata.ownerReferences ?? []), newControllerRef(set)],
          },
        }),
      );
    }
    return adopted;
  }
}
