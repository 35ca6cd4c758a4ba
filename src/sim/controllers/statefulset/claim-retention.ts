import type { StatefulSet, StatefulSetPersistentVolumeClaimRetentionPolicy } from 'kubernetes-types/apps/v1';
import type { PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import type { OwnerReference } from 'kubernetes-types/meta/v1';
import { newControllerRef, type KubeObject, type Stored } from '../../api/meta';
import { podInOrdinalRange } from './statefulset-utils';

/**
 * persistentVolumeClaimRetentionPolicy (StatefulSetAutoDeletePVC, GA in v1.32) is carried out through owner
 * references on the claims, and the garbage collector does the deleting:
 *
 *   whenScaled Retain, whenDeleted Retain: no owner reference
 *   whenScaled Retain, whenDeleted Delete: the set owns every claim
 *   whenScaled Delete, whenDeleted Retain: the pod owns the claim once its ordinal is condemned
 *   whenScaled Delete, whenDeleted Delete: the set owns live claims, the pod owns condemned ones
 */

type Owner = { apiVersion: string; kind: string; metadata: { name: string; uid?: string } };

/** getPersistentVolumeClaimRetentionPolicy: Retain/Retain when unset. */
export function retentionPolicy(set: StatefulSet): Required<StatefulSetPersistentVolumeClaimRetentionPolicy> {
  return {
    whenDeleted: set.spec?.persistentVolumeClaimRetentionPolicy?.whenDeleted ?? 'Retain',
    whenScaled: set.spec?.persistentVolumeClaimRetentionPolicy?.whenScaled ?? 'Retain',
  };
}

/** matchesRef: same apiVersion, kind and name (the uid may differ). */
function matchesRef(ref: OwnerReference, owner: Owner): boolean {
  return ref.apiVersion === owner.apiVersion && ref.kind === owner.kind && ref.name === owner.metadata.name;
}

/** hasOwnerRef: an owner reference with the owner's uid, controller or not. */
export function hasOwnerRef(target: KubeObject, owner: Owner): boolean {
  const uid = owner.metadata.uid;
  return (target.metadata?.ownerReferences ?? []).some((r) => r.uid === uid);
}

/** hasStaleOwnerRef: a reference to an object of this name and kind but another uid (an earlier incarnation). */
export function hasStaleOwnerRef(target: KubeObject, owner: Owner): boolean {
  const ref = (target.metadata?.ownerReferences ?? []).find((r) => matchesRef(r, owner));
  return ref !== undefined && ref.uid !== owner.metadata.uid;
}

/** hasUnexpectedController: under a Delete policy, a controller other than this set or pod manages the claim. */
export function hasUnexpectedController(claim: PersistentVolumeClaim, set: Stored<StatefulSet>, pod: Owner): boolean {
  const policy = retentionPolicy(set);
  if (policy.whenScaled === 'Retain' && policy.whenDeleted === 'Retain') return false;
  for (const ref of claim.metadata?.ownerReferences ?? []) {
    if (matchesRef(ref, set)) {
      if (ref.uid !== set.metadata.uid) return true;
      continue;
    }
    if (matchesRef(ref, pod)) {
      if (ref.uid !== pod.metadata.uid) return true;
      continue;
    }
    if (ref.controller) return true;
  }
  return false;
}

/** hasNonControllerOwner: the set or pod is an owner without being the controller. */
function hasNonControllerOwner(claim: PersistentVolumeClaim, set: Stored<StatefulSet>, pod: Owner): boolean {
  return (claim.metadata?.ownerReferences ?? []).some(
    (r) => (r.uid === set.metadata.uid || r.uid === pod.metadata.uid) && !r.controller,
  );
}

/** isClaimOwnerUpToDate: whether the claim's owner references already say what the policy wants. */
export function isClaimOwnerUpToDate(claim: PersistentVolumeClaim, set: Stored<StatefulSet>, pod: Owner): boolean {
  if (hasStaleOwnerRef(claim, set) || hasStaleOwnerRef(claim, pod)) return true;
  if (hasUnexpectedController(claim, set, pod)) return !(hasOwnerRef(claim, set) || hasOwnerRef(claim, pod));
  if (hasNonControllerOwner(claim, set, pod)) return false;
  const policy = retentionPolicy(set);
  const scaledDown = !podInOrdinalRange(pod as Pod, set);
  const setRef = hasOwnerRef(claim, set);
  const podRef = hasOwnerRef(claim, pod);
  if (policy.whenScaled === 'Delete' && policy.whenDeleted === 'Delete')
    return scaledDown !== setRef && scaledDown === podRef;
  if (policy.whenScaled === 'Delete') return !setRef && scaledDown === podRef;
  if (policy.whenDeleted === 'Delete') return setRef && !podRef;
  return !setRef && !podRef;
}

/** updateClaimOwnerRefForSetAndPod: rewrites this set's and pod's references on the claim to match the policy. */
export function claimOwnerRefsForPolicy(
  claim: PersistentVolumeClaim,
  set: Stored<StatefulSet>,
  pod: Owner,
): OwnerReference[] {
  const unexpected = hasUnexpectedController(claim, set, pod);
  let refs = (claim.metadata?.ownerReferences ?? []).filter((r) => !matchesRef(r, set) && !matchesRef(r, pod));
  if (unexpected) return refs;
  const policy = retentionPolicy(set);
  const scaledDown = !podInOrdinalRange(pod as Pod, set);
  const add = (owner: Owner): void => {
    if (!refs.some((r) => r.uid === owner.metadata.uid))
      refs = [...refs, newControllerRef(owner as Stored<KubeObject>)];
  };
  if (policy.whenScaled === 'Retain' && policy.whenDeleted === 'Delete') add(set);
  if (policy.whenScaled === 'Delete' && scaledDown) add(pod);
  if (policy.whenScaled === 'Delete' && policy.whenDeleted === 'Delete' && !scaledDown) add(set);
  return refs;
}
