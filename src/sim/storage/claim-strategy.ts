import type { PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { FieldError } from '../api/errors';
import { writable, type KubeObject, type Stored } from '../api/meta';
import type { ObjectStore } from '../api/store';
import { parseQuantity } from '../api/quantity';
import { defaultClassName } from './storage-class';
import { nameIsDNSSubdomain } from '../api/validation/names';
import { validateObjectMeta } from '../api/validation/objectmeta';

/** The finalizer the PVC protection controller removes once no pod uses the claim. */
export const PVC_PROTECTION_FINALIZER = 'kubernetes.io/pvc-protection';
/** The finalizer the PV protection controller removes once the volume is no longer bound. */
export const PV_PROTECTION_FINALIZER = 'kubernetes.io/pv-protection';

const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];

/**
 * PVC create path: the registry's PrepareForCreate (status Pending), the StorageObjectInUseProtection admission
 * plugin (the pvc-protection finalizer) and DefaultStorageClass admission (a claim without storageClassName gets
 * the default class; an explicit "" stays classless).
 */
export function prepareClaimForCreate(store: ObjectStore, obj: KubeObject): void {
  const claim = obj as PersistentVolumeClaim;
  writable(claim).status = { phase: 'Pending' };
  const finalizers = claim.metadata?.finalizers ?? [];
  if (!finalizers.includes(PVC_PROTECTION_FINALIZER)) {
    claim.metadata = { ...claim.metadata, finalizers: [...finalizers, PVC_PROTECTION_FINALIZER] };
  }
  if (claim.spec && claim.spec.storageClassName === undefined) {
    const name = defaultClassName(store);
    if (name !== undefined) claim.spec.storageClassName = name;
  }
}

/** SetDefaults_PersistentVolumeClaimSpec */
export function defaultClaimObject(obj: KubeObject): void {
  const claim = obj as PersistentVolumeClaim;
  claim.spec = claim.spec ?? {};
  claim.spec.volumeMode = claim.spec.volumeMode ?? 'Filesystem';
}

/** ValidatePersistentVolumeClaimSpec: access modes and a positive storage request. */
export function validateClaimSpec(claim: PersistentVolumeClaim, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const modes = claim.spec?.accessModes ?? [];
  if (modes.length === 0) {
    errs.push({
      path: `${path}.accessModes`,
      type: 'Required value',
      detail: 'at least 1 access mode is required',
    });
  }
  for (const mode of modes) {
    if (!ACCESS_MODES.includes(mode)) {
      errs.push({
        path: `${path}.accessModes`,
        type: 'Unsupported value',
        value: JSON.stringify(mode),
        detail: `supported values: ${ACCESS_MODES.map((m) => `"${m}"`).join(', ')}`,
      });
    }
  }
  const storage = claim.spec?.resources?.requests?.storage;
  if (storage === undefined) {
    errs.push({ path: `${path}.resources[storage]`, type: 'Required value' });
  } else {
    const bytes = parseQuantity(storage);
    if (bytes === undefined || bytes <= 0) {
      errs.push({
        path: `${path}.resources[storage]`,
        type: 'Invalid value',
        value: JSON.stringify(String(storage)),
        detail: 'must be greater than zero',
      });
    }
  }
  return errs;
}

export function validateClaim(obj: KubeObject): FieldError[] {
  // ValidatePersistentVolumeClaim: ValidatePersistentVolumeName is NameIsDNSSubdomain.
  return [
    ...validateObjectMeta(obj.metadata, true, nameIsDNSSubdomain),
    ...validateClaimSpec(obj as PersistentVolumeClaim, 'spec'),
  ];
}

/** PV create path: status Available (or Pending until the controller looks), default volume mode. */
export function preparePersistentVolumeForCreate(obj: KubeObject): void {
  writable(obj as PersistentVolume).status = { phase: 'Pending' };
  const finalizers = obj.metadata?.finalizers ?? [];
  if (!finalizers.includes(PV_PROTECTION_FINALIZER)) {
    obj.metadata = { ...obj.metadata, finalizers: [...finalizers, PV_PROTECTION_FINALIZER] };
  }
}

/** SetDefaults_PersistentVolume: Retain for hand-made volumes, Filesystem mode. */
export function defaultPersistentVolume(obj: KubeObject): void {
  const pv = obj as PersistentVolume;
  pv.spec = pv.spec ?? {};
  pv.spec.persistentVolumeReclaimPolicy = pv.spec.persistentVolumeReclaimPolicy ?? 'Retain';
  pv.spec.volumeMode = pv.spec.volumeMode ?? 'Filesystem';
}

/** ValidatePersistentVolume: capacity and access modes. */
export function validatePersistentVolume(obj: KubeObject): FieldError[] {
  const pv = obj as Stored<PersistentVolume>;
  const errs: FieldError[] = [];
  if ((pv.spec?.accessModes ?? []).length === 0) {
    errs.push({ path: 'spec.accessModes', type: 'Required value' });
  }
  const capacity = pv.spec?.capacity?.storage;
  if (capacity === undefined) errs.push({ path: 'spec.capacity', type: 'Required value' });
  return errs;
}
