import type { Deployment, DeploymentStatus, ReplicaSet } from 'kubernetes-types/apps/v1';
import { ApiError } from '../../api/errors';
import { clone, controllerOf, deepEqual, newControllerRef, type Stored } from '../../api/meta';
import { copyForWrite } from '../../api/share';
import type { ControllerContext } from '../context';
import { findActiveOrLatest, getProportion, isSaturated } from './scale-helpers';
import {
  activeSets,
  actualReplicaCount,
  availableReplicaCount,
  byRevision,
  bySizeNewer,
  bySizeOlder,
  desiredReplicasAnnotation,
  equalIgnoreHash,
  FAILED_RS_CREATE_REASON,
  findNewReplicaSet,
  FOUND_NEW_RS_REASON,
  getCondition,
  hasProgressDeadline,
  hasRevisionHistoryLimit,
  isRollingUpdate,
  maxRevision,
  maxSurge,
  maxUnavailable,
  NEW_RS_CREATED_REASON,
  newCondition,
  newRSNewReplicas,
  otherReplicaSets,
  POD_TEMPLATE_HASH_LABEL,
  podTemplateHash,
  readyReplicaCount,
  replicasAnnotationsNeedUpdate,
  replicasOf,
  REVISION_ANNOTATION,
  setCondition,
  setDeploymentRevision,
  setNewReplicaSetAnnotations,
  setReplicasAnnotations,
  specReplicaCount,
  type RS,
} from './deployment-util';

export const COMPONENT = 'deployment-controller';

/** The Deployment being synced; `d` always holds the latest stored copy so later writes do not conflict. */
export interface SyncState {
  d: Stored<Deployment>;
}

/** The parts of pkg/controller/deployment/sync.go shared by every strategy. */
export class DeploymentSync {
  constructor(readonly ctx: ControllerContext) {}

  now(): string {
    return this.ctx.clock.timestamp();
  }

  /** UpdateStatus (status and annotations of the Deployment, spec untouched). */
  writeDeployment(state: SyncState, next: Stored<Deployment>): void {
    state.d = this.ctx.store.update<Deployment>({
      ...next,
      metadata: { ...next.metadata, resourceVersion: undefined },
    });
  }

  /** getAllReplicaSetsAndSyncRevision */
  getAllReplicaSetsAndSyncRevision(
    state: SyncState,
    sets: RS[],
    createIfNotExisted: boolean,
  ): { newRS: RS | undefined; oldRSs: RS[] } {
    // FindOldReplicaSets looks the new ReplicaSet up too: look once and share it.
    const existing = findNewReplicaSet(state.d, sets);
    const oldRSs = otherReplicaSets(sets, existing);
    const newRS = this.getNewReplicaSet(state, existing, oldRSs, createIfNotExisted);
    return { newRS, oldRSs };
  }

  /** getNewReplicaSet: finds (syncing its annotations) or creates the ReplicaSet for the current template. */
  private getNewReplicaSet(state: SyncState, existing: RS | undefined, oldRSs: RS[], create: boolean): RS | undefined {
    const newRevision = String(maxRevision(oldRSs) + 1);
    if (existing) {
      // The annotations are worked out on a stand-in first: most syncs change nothing and need no copy.
      const probe: ReplicaSet = { metadata: { annotations: existing.metadata.annotations } };
      const annotationsUpdated = setNewReplicaSetAnnotations(state.d, probe, newRevision, true);
      const minReady = state.d.spec?.minReadySeconds;
      if (annotationsUpdated || existing.spec?.minReadySeconds !== minReady) {
        const copy = copyForWrite(existing);
        copy.metadata.annotations = annotationsUpdated
          ? probe.metadata!.annotations
          : { ...(existing.metadata.annotations ?? {}) };
        if (copy.spec) copy.spec.minReadySeconds = minReady;
        return this.ctx.store.update(copy);
      }
      const revision = existing.metadata.annotations?.[REVISION_ANNOTATION] ?? '';
      const needsProgressing = hasProgressDeadline(state.d) && !getCondition(state.d.status, 'Progressing');
      if (!needsProgressing && state.d.metadata.annotations?.[REVISION_ANNOTATION] === revision) return existing;
      const d = copyForWrite(state.d);
      let needsUpdate = setDeploymentRevision(d, revision);
      if (hasProgressDeadline(d) && !getCondition(d.status, 'Progressing')) {
        d.status = d.status ?? {};
        setCondition(
          d.status,
          newCondition(
            'Progressing',
            'True',
            FOUND_NEW_RS_REASON,
            `Found new replica set "${existing.metadata.name}"`,
            this.now(),
          ),
        );
        needsUpdate = true;
      }
      if (needsUpdate) this.writeDeployment(state, d);
      return existing;
    }
    if (!create) return undefined;

    const d = state.d;
    const hash = podTemplateHash(d.spec?.template, d.status?.collisionCount);
    const template = clone(d.spec!.template);
    template.metadata = {
      ...template.metadata,
      labels: { ...(template.metadata?.labels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash },
    };
    const selector = clone(d.spec!.selector);
    selector.matchLabels = { ...(selector.matchLabels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash };
    const newRS: ReplicaSet = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: `${d.metadata.name}-${hash}`,
        namespace: d.metadata.namespace,
        ownerReferences: [newControllerRef(d)],
        labels: { ...template.metadata.labels },
      },
      spec: { replicas: 0, minReadySeconds: d.spec?.minReadySeconds, selector, template },
    };
    const replicas = newRSNewReplicas(d, oldRSs, newRS);
    newRS.spec!.replicas = replicas;
    setNewReplicaSetAnnotations(d, newRS, newRevision, false);

    let createdRS: RS;
    let alreadyExisted = false;
    try {
      createdRS = this.ctx.store.create(newRS);
    } catch (err) {
      if (err instanceof ApiError && err.reason === 'AlreadyExists') {
        const found = this.ctx.store.get<ReplicaSet>('ReplicaSet', d.metadata.namespace ?? '', newRS.metadata!.name!);
        if (
          found &&
          controllerOf(found)?.uid === d.metadata.uid &&
          equalIgnoreHash(d.spec?.template, found.spec?.template)
        ) {
          createdRS = found;
          alreadyExisted = true;
        } else {
          // A hash collision: bump collisionCount so the next sync hashes to a different name.
          const next = copyForWrite(d);
          next.status = { ...(next.status ?? {}), collisionCount: (d.status?.collisionCount ?? 0) + 1 };
          this.writeDeployment(state, next);
          throw err;
        }
      } else {
        const message = `Failed to create new replica set "${newRS.metadata!.name}": ${(err as Error).message}`;
        if (hasProgressDeadline(d)) {
          const next = copyForWrite(d);
          next.status = next.status ?? {};
          setCondition(next.status, newCondition('Progressing', 'False', FAILED_RS_CREATE_REASON, message, this.now()));
          this.writeDeployment(state, next);
        }
        this.ctx.recorder.event(state.d, 'Warning', FAILED_RS_CREATE_REASON, message, COMPONENT);
        throw err;
      }
    }
    if (!alreadyExisted && replicas > 0) {
      this.ctx.recorder.event(
        state.d,
        'Normal',
        'ScalingReplicaSet',
        `Scaled up replica set ${createdRS.metadata.name} from 0 to ${replicas}`,
        COMPONENT,
      );
    }
    const next = copyForWrite(state.d);
    let needsUpdate = setDeploymentRevision(next, newRevision);
    if (!alreadyExisted && hasProgressDeadline(next)) {
      next.status = next.status ?? {};
      setCondition(
        next.status,
        newCondition(
          'Progressing',
          'True',
          NEW_RS_CREATED_REASON,
          `Created new replica set "${createdRS.metadata.name}"`,
          this.now(),
        ),
      );
      needsUpdate = true;
    }
    if (needsUpdate) this.writeDeployment(state, next);
    return createdRS;
  }

  /** scaleReplicaSetAndRecordEvent */
  scaleAndRecord(state: SyncState, rs: RS, newScale: number): { scaled: boolean; rs: RS } {
    if (replicasOf(rs) === newScale) return { scaled: false, rs };
    return this.scaleReplicaSet(state, rs, newScale, replicasOf(rs) < newScale ? 'up' : 'down');
  }

  /** scaleReplicaSet: sets replicas and the desired/max annotations; records ScalingReplicaSet on a size change. */
  scaleReplicaSet(state: SyncState, rs: RS, newScale: number, operation: string): { scaled: boolean; rs: RS } {
    const d = state.d;
    const desired = replicasOf(d);
    const max = desired + maxSurge(d);
    const sizeNeedsUpdate = replicasOf(rs) !== newScale;
    if (!sizeNeedsUpdate && !replicasAnnotationsNeedUpdate(rs, desired, max)) return { scaled: false, rs };
    const oldScale = replicasOf(rs);
    const copy = copyForWrite(rs);
    copy.spec = { ...copy.spec!, replicas: newScale };
    setReplicasAnnotations(copy, desired, max);
    const updated = this.ctx.store.update(copy);
    if (sizeNeedsUpdate) {
      this.ctx.recorder.event(
        d,
        'Normal',
        'ScalingReplicaSet',
        `Scaled ${operation} replica set ${updated.metadata.name} from ${oldScale} to ${newScale}`,
        COMPONENT,
      );
    }
    return { scaled: sizeNeedsUpdate, rs: updated };
  }

  /** isScalingEvent: an active ReplicaSet was sized for a different replica count. */
  isScalingEvent(state: SyncState, sets: RS[]): boolean {
    const { newRS, oldRSs } = this.getAllReplicaSetsAndSyncRevision(state, sets, false);
    const replicas = replicasOf(state.d);
    if (newRS && sizedForOther(newRS, replicas)) return true;
    for (const rs of oldRSs) if (sizedForOther(rs, replicas)) return true;
    return false;
  }

  /** sync: scaling or paused — resize ReplicaSets without rolling out. */
  sync(state: SyncState, sets: RS[]): void {
    const { newRS, oldRSs } = this.getAllReplicaSetsAndSyncRevision(state, sets, false);
    this.scale(state, newRS, oldRSs);
    if (state.d.spec?.paused) this.cleanupDeployment(state, oldRSs);
    this.syncDeploymentStatus(state, newRS ? [...oldRSs, newRS] : oldRSs, newRS);
  }

  /** The latest stored copies of ReplicaSets read earlier in this sync. */
  fresh(sets: Array<RS | undefined>): RS[] {
    const out: RS[] = [];
    for (const rs of sets) {
      if (!rs) continue;
      const now = this.ctx.store.get<ReplicaSet>('ReplicaSet', rs.metadata.namespace ?? '', rs.metadata.name);
      if (now) out.push(now);
    }
    return out;
  }

  /** scale: the one active ReplicaSet takes every replica; otherwise replicas are shared out proportionally. */
  scale(state: SyncState, newRS: RS | undefined, oldRSs: RS[]): void {
    const d = state.d;
    const replicas = replicasOf(d);
    const activeOrLatest = findActiveOrLatest(newRS, oldRSs);
    if (activeOrLatest) {
      if (replicasOf(activeOrLatest) !== replicas) this.scaleAndRecord(state, activeOrLatest, replicas);
      return;
    }
    if (isSaturated(d, newRS)) {
      for (const old of activeSets(oldRSs)) this.scaleAndRecord(state, old, 0);
      return;
    }
    if (!isRollingUpdate(d)) return;
    const all = activeSets([...oldRSs, newRS]);
    const allowed = replicas > 0 ? replicas + maxSurge(d) : 0;
    const toAdd = allowed - specReplicaCount(all);
    let operation = '';
    if (toAdd > 0) {
      all.sort(bySizeNewer);
      operation = 'up';
    } else if (toAdd < 0) {
      all.sort(bySizeOlder);
      operation = 'down';
    }
    let added = 0;
    const sizes = new Map<string, number>();
    for (const rs of all) {
      if (toAdd !== 0) {
        const proportion = getProportion(rs, d, toAdd, added);
        sizes.set(rs.metadata.name, replicasOf(rs) + proportion);
        added += proportion;
      } else {
        sizes.set(rs.metadata.name, replicasOf(rs));
      }
    }
    all.forEach((rs, i) => {
      // Leftovers from rounding go to the largest ReplicaSet.
      if (i === 0 && toAdd !== 0)
        sizes.set(rs.metadata.name, Math.max(0, (sizes.get(rs.metadata.name) ?? 0) + toAdd - added));
      this.scaleReplicaSet(state, rs, sizes.get(rs.metadata.name) ?? 0, operation);
    });
  }

  /** cleanupDeployment: deletes the oldest fully scaled-down ReplicaSets beyond revisionHistoryLimit. */
  cleanupDeployment(state: SyncState, oldRSs: RS[]): void {
    const d = state.d;
    if (!hasRevisionHistoryLimit(d)) return;
    const cleanable = this.fresh(oldRSs).filter((rs) => !rs.metadata.deletionTimestamp);
    const diff = cleanable.length - (d.spec?.revisionHistoryLimit ?? 0);
    if (diff <= 0) return;
    cleanable.sort(byRevision);
    for (let i = 0; i < diff; i++) {
      const rs = cleanable[i];
      if ((rs.status?.replicas ?? 0) !== 0 || replicasOf(rs) !== 0) continue;
      if ((rs.metadata.generation ?? 0) > (rs.status?.observedGeneration ?? 0)) continue;
      this.ctx.store.delete('ReplicaSet', rs.metadata.namespace ?? '', rs.metadata.name);
    }
  }

  /** syncDeploymentStatus */
  syncDeploymentStatus(state: SyncState, allRSs: RS[], newRS: RS | undefined): void {
    const status = this.calculateStatus(state.d, allRSs, newRS);
    if (deepEqual(state.d.status, status)) return;
    this.writeDeployment(state, { ...state.d, status });
  }

  /** calculateStatus: replica counts from the ReplicaSets, and the Available condition. */
  calculateStatus(d: Stored<Deployment>, allRSs: RS[], newRS: RS | undefined): DeploymentStatus {
    const available = availableReplicaCount(allRSs);
    const total = specReplicaCount(allRSs);
    const status: DeploymentStatus = { observedGeneration: d.metadata.generation };
    // Zero counts are left out, as the API's omitempty does.
    const replicas = actualReplicaCount(allRSs);
    if (replicas !== 0) status.replicas = replicas;
    const updated = newRS?.status?.replicas ?? 0;
    if (updated !== 0) status.updatedReplicas = updated;
    const ready = readyReplicaCount(allRSs);
    if (ready !== 0) status.readyReplicas = ready;
    if (available !== 0) status.availableReplicas = available;
    const unavailable = Math.max(0, total - available);
    if (unavailable !== 0) status.unavailableReplicas = unavailable;
    // Conditions are replaced, never edited in place (setCondition, removeCondition), so the stored list is kept.
    if (d.status?.conditions) status.conditions = d.status.conditions;
    if (d.status?.collisionCount !== undefined) status.collisionCount = d.status.collisionCount;
    const condition =
      available >= replicasOf(d) - maxUnavailable(d)
        ? newCondition(
            'Available',
            'True',
            'MinimumReplicasAvailable',
            'Deployment has minimum availability.',
            this.now(),
          )
        : newCondition(
            'Available',
            'False',
            'MinimumReplicasUnavailable',
            'Deployment does not have minimum availability.',
            this.now(),
          );
    setCondition(status, condition);
    return status;
  }
}

/** An active ReplicaSet whose desired-replicas annotation names another size (the test in isScalingEvent). */
function sizedForOther(rs: RS, replicas: number): boolean {
  if (replicasOf(rs) <= 0) return false;
  const desired = desiredReplicasAnnotation(rs);
  return desired !== undefined && desired !== replicas;
}
