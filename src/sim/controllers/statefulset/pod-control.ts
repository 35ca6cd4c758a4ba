import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import { ApiError } from '../../api/errors';
import { clone, type Stored } from '../../api/meta';
import type { ControllerContext } from '../context';
import {
  claimOwnerRefsForPolicy,
  hasStaleOwnerRef,
  hasUnexpectedController,
  isClaimOwnerUpToDate,
  retentionPolicy,
} from './claim-retention';
import {
  applyIdentity,
  claimName,
  claimsForOrdinal,
  identityMatches,
  ordinalOf,
  storageMatches,
} from './statefulset-utils';

const COMPONENT = 'statefulset-controller';

/** A pod as the retention helpers see it: name and uid (an uncreated pod has no uid yet). */
type PodOwner = { apiVersion: string; kind: string; metadata: { name: string; uid?: string } };

function asOwner(pod: Pod): PodOwner {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: pod.metadata?.name ?? '', uid: pod.metadata?.uid } };
}

/**
 * StatefulPodControl: the seam through which the StatefulSet control loop touches pods and claims, recording an
 * event for every write as the real one does.
 */
export class StatefulPodControl {
  constructor(private readonly ctx: ControllerContext) {}

  /**
   * CreateStatefulPod: the pod's claims first, then the pod, then the claims' retention owner references.
   * `handOver`: the pod was built for this call alone (newStatefulSetPod) and is not read after it, so the store
   * keeps it as it is instead of copying it.
   */
  createStatefulPod(set: Stored<StatefulSet>, pod: Pod, handOver = false): void {
    try {
      this.createPersistentVolumeClaims(set, pod);
    } catch (err) {
      this.recordPodEvent('create', set, pod.metadata?.name ?? '', err);
      throw err;
    }
    let created: Stored<Pod>;
    try {
      created = handOver ? this.ctx.store.createOwned(pod) : this.ctx.store.create(pod);
    } catch (err) {
      if (err instanceof ApiError && err.reason === 'AlreadyExists') return;
      this.recordPodEvent('create', set, pod.metadata?.name ?? '', err);
      throw err;
    }
    this.updatePodClaimForRetentionPolicy(set, created);
    this.recordPodEvent('create', set, created.metadata.name);
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

  /**
   * UpdateStatefulPod: brings a pod's identity, storage and claim ownership in line with the set, writing the pod
   * only when something had drifted.
   */
  updateStatefulPod(set: Stored<StatefulSet>, stored: Stored<Pod>): void {
    const pod = clone(stored);
    let consistent = true;
    if (!identityMatches(set, pod) || !storageMatches(set, pod)) {
      const storageDrifted = !storageMatches(set, pod);
      applyIdentity(set, pod, ordinalOf(pod));
      consistent = false;
      if (storageDrifted) {
        try {
          this.createPersistentVolumeClaims(set, pod);
        } catch (err) {
          this.recordPodEvent('update', set, pod.metadata.name, err);
          throw err;
        }
      }
    }
    if (!this.claimsMatchRetentionPolicy(set, pod)) {
      this.updatePodClaimForRetentionPolicy(set, pod);
      consistent = false;
    }
    if (consistent) return;
    this.ctx.store.update(pod);
    this.recordPodEvent('update', set, pod.metadata.name);
  }

  /** createMissingPersistentVolumeClaims: used for pending pods whose claims may have been deleted. */
  createMissingClaims(set: Stored<StatefulSet>, pod: Stored<Pod>): void {
    this.createPersistentVolumeClaims(set, pod);
    this.updatePodClaimForRetentionPolicy(set, pod);
  }

  /** ClaimsMatchRetentionPolicy: every existing claim of the pod has the owner references the policy asks for. */
  claimsMatchRetentionPolicy(set: Stored<StatefulSet>, pod: Pod): boolean {
    for (const claim of this.existingClaims(set, pod)) {
      if (!isClaimOwnerUpToDate(claim, set, asOwner(pod))) return false;
    }
    return true;
  }

  /** UpdatePodClaimForRetentionPolicy */
  updatePodClaimForRetentionPolicy(set: Stored<StatefulSet>, pod: Pod): void {
    const owner = asOwner(pod);
    for (const claim of this.existingClaims(set, pod)) {
      if (hasUnexpectedController(claim, set, owner)) {
        this.ctx.recorder.event(
          set,
          'Warning',
          'ConflictingController',
          `PersistentVolumeClaim ${claim.metadata.name} has a conflicting OwnerReference that acts as a manging controller, the retention policy is ignored for this claim`,
          COMPONENT,
        );
      }
      if (isClaimOwnerUpToDate(claim, set, owner)) continue;
      const refs = claimOwnerRefsForPolicy(claim, set, owner);
      this.ctx.store.update<PersistentVolumeClaim>({
        ...claim,
        metadata: { ...claim.metadata, ownerReferences: refs.length > 0 ? refs : undefined },
      });
    }
  }

  /**
   * PodClaimIsStale: under whenScaled=Delete, a claim still owned by an earlier pod of the same name blocks
   * creation until the garbage collector has removed it.
   */
  podClaimIsStale(set: Stored<StatefulSet>, pod: Pod): boolean {
    if (retentionPolicy(set).whenScaled === 'Retain') return false;
    return this.existingClaims(set, pod).some((claim) => hasStaleOwnerRef(claim, asOwner(pod)));
  }

  /** createPersistentVolumeClaims: creates the claims the pod needs; a claim being deleted is an error. */
  private createPersistentVolumeClaims(set: Stored<StatefulSet>, pod: Pod): void {
    const errors: string[] = [];
    const namespace = set.metadata.namespace ?? 'default';
    const ordinal = ordinalOf(pod);
    let missing = false;
    for (const template of set.spec?.volumeClaimTemplates ?? []) {
      const name = claimName(set, template, ordinal);
      const existing = this.ctx.store.get<PersistentVolumeClaim>('PersistentVolumeClaim', namespace, name);
      if (!existing) missing = true;
      else if (existing.metadata.deletionTimestamp) errors.push(`pvc ${name} is being deleted`);
    }
    // Building the claims clones the templates: only do it when one is missing (the common case has them all).
    const claims = missing ? [...claimsForOrdinal(set, ordinal).values()] : [];
    for (const claim of claims) {
      const name = claim.metadata?.name ?? '';
      if (this.ctx.store.get('PersistentVolumeClaim', namespace, name)) continue;
      try {
        this.ctx.store.create(claim);
        this.recordClaimEvent(set, pod, name);
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        errors.push(`failed to create PVC ${name}: ${message}`);
        if (!(err instanceof ApiError && err.reason === 'AlreadyExists'))
          this.recordClaimEvent(set, pod, name, message);
      }
    }
    if (errors.length === 1) throw new Error(errors[0]);
    if (errors.length > 1) throw new Error(`[${errors.join(', ')}]`);
  }

  private existingClaims(set: Stored<StatefulSet>, pod: Pod): Stored<PersistentVolumeClaim>[] {
    const ordinal = ordinalOf(pod);
    const out: Stored<PersistentVolumeClaim>[] = [];
    for (const template of set.spec?.volumeClaimTemplates ?? []) {
      const claim = this.ctx.store.get<PersistentVolumeClaim>(
        'PersistentVolumeClaim',
        set.metadata.namespace ?? 'default',
        claimName(set, template, ordinal),
      );
      if (claim) out.push(claim);
    }
    return out;
  }

  private recordClaimEvent(set: Stored<StatefulSet>, pod: Pod, claim: string, error?: string): void {
    if (error === undefined) {
      this.ctx.recorder.event(
        set,
        'Normal',
        'SuccessfulCreate',
        `create Claim ${claim} Pod ${pod.metadata?.name} in StatefulSet ${set.metadata.name} success`,
        COMPONENT,
      );
    } else {
      this.ctx.recorder.event(
        set,
        'Warning',
        'FailedCreate',
        `create Claim ${claim} for Pod ${pod.metadata?.name} in StatefulSet ${set.metadata.name} failed error: ${error}`,
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
