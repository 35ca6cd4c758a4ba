import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import {
  controllerOf,
  newControllerRef,
  selectorIsEmpty,
  selectorMatches,
  splitKey,
  type Stored,
} from '../../api/meta';
import { copyForWrite } from '../../api/share';
import type { WatchEvent } from '../../api/store';
import { ApiError } from '../../api/errors';
import type { ControllerContext } from '../context';
import { WorkQueue } from '../workqueue';
import {
  getCondition,
  hasProgressDeadline,
  newCondition,
  PAUSED_REASON,
  RESUMED_REASON,
  setCondition,
  TIMED_OUT_REASON,
  type RS,
} from './deployment-util';
import { rolloutRecreate } from './recreate';
import { rolloutRolling } from './rolling';
import { COMPONENT, DeploymentSync, type SyncState } from './sync';

/**
 * Whether a selector matches a label map, by the stored label map: stored objects are never mutated, and every
 * sync asks again about the same ReplicaSets' labels against the same selector.
 */
const matchedLabels = new WeakMap<Record<string, string>, { selector: LabelSelector | undefined; matches: boolean }>();

function selectorMatchesStored(
  selector: LabelSelector | undefined,
  labels: Record<string, string> | undefined,
): boolean {
  if (!labels) return selectorMatches(selector, labels);
  const known = matchedLabels.get(labels);
  if (known && known.selector === selector) return known.matches;
  const matches = selectorMatches(selector, labels);
  matchedLabels.set(labels, { selector, matches });
  return matches;
}

/** Milliseconds between an informer event and the worker picking the key up. */
const QUEUE_LATENCY_MS = 5;
/** The rate limiter's first back-off after a failed sync. */
const RETRY_DELAY_MS = 5;

/**
 * DeploymentController (pkg/controller/deployment/deployment_controller.go): rolls a Deployment's pod template out
 * through ReplicaSets, one ReplicaSet per template, and reports progress in the Deployment's status.
 */
export class DeploymentController {
  private readonly queue: WorkQueue;
  private readonly syncer: DeploymentSync;

  constructor(private readonly ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, COMPONENT, QUEUE_LATENCY_MS, (key) => this.processKey(key));
    this.syncer = new DeploymentSync(ctx);
    ctx.store.watch('Deployment', (e) => this.queue.add(`${e.object.metadata.namespace}/${e.object.metadata.name}`));
    ctx.store.watch('ReplicaSet', (e) => this.onReplicaSet(e));
    ctx.store.watch('Pod', (e) => this.onPod(e));
  }

  /** addReplicaSet / updateReplicaSet / deleteReplicaSet: wake the owner, or every Deployment that could adopt. */
  private onReplicaSet(event: WatchEvent): void {
    const rs = event.object as Stored<ReplicaSet>;
    const ns = rs.metadata.namespace ?? '';
    const owner = controllerOf(rs);
    const oldOwner = event.old ? controllerOf(event.old) : undefined;
    if (oldOwner && oldOwner.uid !== owner?.uid && oldOwner.kind === 'Deployment')
      this.queue.add(`${ns}/${oldOwner.name}`);
    if (owner) {
      if (owner.kind === 'Deployment') this.queue.add(`${ns}/${owner.name}`);
      return;
    }
    if (event.type === 'DELETED') return;
    for (const d of this.ctx.store.list<Deployment>('Deployment', ns)) {
      if (selectorMatches(d.spec?.selector, rs.metadata.labels)) this.queue.add(`${ns}/${d.metadata.name}`);
    }
  }

  /** deletePod: a Recreate rollout waits for the old pods to be gone. */
  private onPod(event: WatchEvent): void {
    if (event.type !== 'DELETED') return;
    const rsRef = controllerOf(event.object);
    if (rsRef?.kind !== 'ReplicaSet') return;
    const ns = event.object.metadata.namespace ?? '';
    const rs = this.ctx.store.get<ReplicaSet>('ReplicaSet', ns, rsRef.name);
    const dRef = rs ? controllerOf(rs) : undefined;
    if (dRef?.kind !== 'Deployment') return;
    const d = this.ctx.store.get<Deployment>('Deployment', ns, dRef.name);
    if (d?.spec?.strategy?.type === 'Recreate') this.queue.add(`${ns}/${d.metadata.name}`);
  }

  /** processNextWorkItem + handleErr: a failed sync (a write conflict, say) is retried shortly. */
  private processKey(key: string): void {
    try {
      this.syncDeployment(key);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      this.queue.addAfter(key, RETRY_DELAY_MS);
    }
  }

  /** syncDeployment */
  private syncDeployment(key: string): void {
    const { namespace, name } = splitKey(key);
    const stored = this.ctx.store.get<Deployment>('Deployment', namespace, name);
    if (!stored) return;
    const state: SyncState = { d: stored };
    if (selectorIsEmpty(stored.spec?.selector)) {
      this.ctx.recorder.event(
        stored,
        'Warning',
        'SelectingAll',
        'This deployment is selecting all pods. A non-empty selector is required.',
        COMPONENT,
      );
      return;
    }
    const sets = this.getReplicaSetsForDeployment(stored);
    if (stored.metadata.deletionTimestamp) {
      const { newRS, oldRSs } = this.syncer.getAllReplicaSetsAndSyncRevision(state, sets, false);
      this.syncer.syncDeploymentStatus(state, newRS ? [...oldRSs, newRS] : oldRSs, newRS);
      return;
    }
    this.checkPausedConditions(state);
    if (state.d.spec?.paused) {
      this.syncer.sync(state, sets);
      return;
    }
    if (this.syncer.isScalingEvent(state, sets)) {
      this.syncer.sync(state, sets);
      return;
    }
    // isScalingEvent may have synced the new ReplicaSet's annotations: read the ReplicaSets again.
    const current = this.syncer.fresh(sets);
    const requeue =
      state.d.spec?.strategy?.type === 'Recreate'
        ? rolloutRecreate(this.syncer, state, current, (rs) => this.podsOf(rs))
        : rolloutRolling(this.syncer, state, current);
    if (requeue !== undefined) {
      if (requeue <= 0) this.queue.add(key);
      else this.queue.addAfter(key, requeue);
    }
  }

  /** checkPausedConditions: an Unknown Progressing condition marks pausing and resuming. */
  private checkPausedConditions(state: SyncState): void {
    const d = state.d;
    if (!hasProgressDeadline(d)) return;
    const cond = getCondition(d.status, 'Progressing');
    if (cond?.reason === TIMED_OUT_REASON) return;
    const pausedCondExists = cond?.reason === PAUSED_REASON;
    const now = this.ctx.clock.timestamp();
    let condition;
    if (d.spec?.paused && !pausedCondExists) {
      condition = newCondition('Progressing', 'Unknown', PAUSED_REASON, 'Deployment is paused', now);
    } else if (!d.spec?.paused && pausedCondExists) {
      condition = newCondition('Progressing', 'Unknown', RESUMED_REASON, 'Deployment is resumed', now);
    }
    if (!condition) return;
    const next = copyForWrite(d);
    next.status = next.status ?? {};
    setCondition(next.status, condition);
    this.syncer.writeDeployment(state, next);
  }

  /**
   * getReplicaSetsForDeployment (ClaimReplicaSets): the ReplicaSets this Deployment controls, adopting matching
   * orphans and releasing owned ones that stopped matching.
   */
  private getReplicaSetsForDeployment(d: Stored<Deployment>): RS[] {
    const uid = d.metadata.uid ?? '';
    const out: RS[] = [];
    for (const rs of this.ctx.store.listControlledBy<ReplicaSet>('ReplicaSet', uid)) {
      if (selectorMatchesStored(d.spec?.selector, rs.metadata.labels)) {
        out.push(rs);
      } else if (!d.metadata.deletionTimestamp) {
        const refs = (rs.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
        this.ctx.store.update<ReplicaSet>({
          ...rs,
          metadata: { ...rs.metadata, ownerReferences: refs.length > 0 ? refs : undefined },
        });
      }
    }
    if (!d.metadata.deletionTimestamp) {
      for (const rs of this.ctx.store.listUncontrolled<ReplicaSet>('ReplicaSet', d.metadata.namespace ?? '')) {
        if (rs.metadata.deletionTimestamp || !selectorMatches(d.spec?.selector, rs.metadata.labels)) continue;
        out.push(
          this.ctx.store.update<ReplicaSet>({
            ...rs,
            metadata: {
              ...rs.metadata,
              ownerReferences: [...(rs.metadata.ownerReferences ?? []), newControllerRef(d)],
            },
          }),
        );
      }
    }
    return out;
  }

  /** getPodMapForDeployment, one ReplicaSet at a time: the pods it controls. */
  private podsOf(rs: RS): Pod[] {
    return this.ctx.store.listControlledBy<Pod>('Pod', rs.metadata.uid ?? '');
  }
}
