import type { PersistentVolume, PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { Stored } from '../../api/meta';
import type { ObjectStore } from '../../api/store';

/** Annotations the binder and provisioners write on claims and volumes. */
export const ANN_SELECTED_NODE = 'volume.kubernetes.io/selected-node';
export const ANN_STORAGE_PROVISIONER = 'volume.kubernetes.io/storage-provisioner';
export const ANN_BETA_STORAGE_PROVISIONER = 'volume.beta.kubernetes.io/storage-provisioner';
export const ANN_BIND_COMPLETED = 'pv.kubernetes.io/bind-completed';
export const ANN_BOUND_BY_CONTROLLER = 'pv.kubernetes.io/bound-by-controller';
export const ANN_PROVISIONED_BY = 'pv.kubernetes.io/provisioned-by';

export function claimKey(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}

/** GetPersistentVolumeClaimClass: storageClassName, or "" for a classless claim. */
export function claimClass(claim: PersistentVolumeClaim): string {
  return claim.spec?.storageClassName ?? '';
}

export function storageClassOf(store: ObjectStore, name: string): Stored<StorageClass> | undefined {
  return name ? store.get<StorageClass>('StorageClass', '', name) : undefined;
}

/**
 * IsDelayBindingMode: the claim's class exists and binds on first consumer. A missing class counts as Immediate,
 * which is why a pod using such a claim reports "unbound immediate PersistentVolumeClaims".
 */
export function isDelayBinding(store: ObjectStore, claim: PersistentVolumeClaim): boolean {
  return storageClassOf(store, claimClass(claim))?.volumeBindingMode === 'WaitForFirstConsumer';
}

/** The claims a pod mounts, by name, in volume order. */
export function podClaimNames(pod: Pod): readonly string[] {
  const volumes = pod.spec?.volumes;
  // Most pods have no volumes, and every pod event asks: no list is built for them.
  if (!volumes || volumes.length === 0) return NO_CLAIMS;
  return volumes.flatMap((v) => (v.persistentVolumeClaim ? [v.persistentVolumeClaim.claimName] : []));
}

const NO_CLAIMS: readonly string[] = [];

/** A claim is bound once the binder has set both sides: volumeName and phase Bound. */
export function isClaimBound(claim: PersistentVolumeClaim | undefined): boolean {
  return !!claim?.spec?.volumeName && claim.status?.phase === 'Bound';
}

/** Claims of the pod that are missing or not yet Bound (the kubelet's volume manager waits on these). */
export function unboundPodClaims(store: ObjectStore, pod: Stored<Pod>): string[] {
  const namespace = pod.metadata.namespace ?? 'default';
  return podClaimNames(pod).filter(
    (name) => !isClaimBound(store.get<PersistentVolumeClaim>('PersistentVolumeClaim', namespace, name)),
  );
}

/** The node a local volume is pinned to by its nodeAffinity (kubernetes.io/hostname In [node]). */
export function volumeNode(pv: PersistentVolume): string | undefined {
  for (const term of pv.spec?.nodeAffinity?.required?.nodeSelectorTerms ?? []) {
    for (const expr of term.matchExpressions ?? []) {
      if (expr.key === 'kubernetes.io/hostname' && expr.operator === 'In' && expr.values?.length === 1)
        return expr.values[0];
    }
  }
  return undefined;
}
