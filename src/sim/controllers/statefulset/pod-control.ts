import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import { ApiError } from '../../api/errors';
import { newControllerRef, type Stored } from '../../api/meta';
import type { ControllerContext } from '../context';
import { claimsForOrdinal, ordinalOf } from './statefulset-utils';

const COMPONENT = 'statefulset-controller';

/**
 * StatefulPodControl: the seam through which the StatefulSet control loop touches pods and claims, recording an
 * event for every write as the real one does.
 */
export class StatefulPodControl {
  constructor(private readonly ctx: ControllerContext) {}

  /** CreateStatefulPod: the pod's claims first, then the pod. */
  createStatefulPod(set: Stored<StatefulSet>, pod: Pod): void {
    this.createMissingClaims(set, pod);
    try {
      const created = this.ctx.store.create(pod);
      this.recordPodEvent('create', set, created.metadata.name);
    } catch (err) {
      if (err instanceof ApiError && err.reason === 'AlreadyExists') return;
      this.recordPodEvent('create', set, pod.metadata?.name ?? '', err);
      throw err;
    }
  }

  /** DeleteStatefulPod */
  deleteStatefulPod(set: Stored<StatefulSet>, pod: Stored<Pod>): void {
    try {
      this.ctx.store.delete('Pod', pod.metadata.namespace ?? 'default', pod.metadata.name);
      this.recordPodEvent('delete', set, pod.metadata.name);
    } catch (err) {
      if (err instanceof ApiError && err.reason === 'NotFound') return;
      this.recordPodEvent('delete', set, pod.metadata.name, err);
      throw err;
    }
  }

  /** UpdateStatefulPod: rewrites a pod whose identity or storage drifted from the set's. */
  updateStatefulPod(set: Stored<StatefulSet>, pod: Stored<Pod>): void {
    this.createMissingClaims(set, pod);
    this.ctx.store.update(pod);
    this.recordPodEvent('update', set, pod.metadata.name);
  }

  /** createMissingPersistentVolumeClaims */
  createMissingClaims(set: Stored<StatefulSet>, pod: Pod): void {
    const ordinal = ordinalOf(pod);
    for (const claim of claimsForOrdinal(set, ordinal).values()) {
      const name = claim.metadata?.name ?? '';
      const existing = this.ctx.store.get<PersistentVolumeClaim>(
        'PersistentVolumeClaim',
        set.metadata.namespace ?? 'default',
        name,
      );
      if (existing) {
        if (existing.metadata.deletionTimestamp) {
          throw new Error(`pvc ${name} is to be deleted`);
        }
        continue;
      }
      if (set.spec?.persistentVolumeClaimRetentionPolicy && retainsNothing(set)) {
        claim.metadata = { ...claim.metadata, ownerReferences: [newControllerRef(set)] };
      }
      this.ctx.store.create(claim);
      this.ctx.recorder.event(
        set,
        'Normal',
        'SuccessfulCreate',
        `create Claim ${name} Pod ${pod.metadata?.name} in StatefulSet ${set.metadata.name} success`,
        COMPONENT,
      );
    }
  }

  private recordPodEvent(verb: string, set: Stored<StatefulSet>, podName: string, err?: unknown): void {
    const title = verb[0].toUpperCase() + verb.slice(1);
    if (err === undefined) {
      this.ctx.recorder.event(
        set,
        'Normal',
        `Successful${title}`,
        `${verb} Pod ${podName} in StatefulSet ${set.metadata.name} successful`,
        COMPONENT,
      );
    } else {
      const message = err instanceof Error ? err.message : String(err);
      this.ctx.recorder.event(
        set,
        'Warning',
        `Failed${title}`,
        `${verb} Pod ${podName} in StatefulSet ${set.metadata.name} failed error: ${message}`,
        COMPONENT,
      );
    }
  }
}

/** Whether the set deletes its claims when the set itself is deleted (whenDeleted: Delete). */
function retainsNothing(set: StatefulSet): boolean {
  return set.spec?.persistentVolumeClaimRetentionPolicy?.whenDeleted === 'Delete';
}
