import { decodeClaim, decodeVolume } from '../api/decode-quantities';
import type { PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api/meta';
import type { ObjectStore } from '../api/store';
import type { FieldError } from '../api/errors';
import { validateImmutable } from '../api/validation/field';
import { validateObjectMetaUpdate } from '../api/validation/objectmeta';
import {
  defaultClaimObject,
  defaultPersistentVolume,
  prepareClaimForCreate,
  preparePersistentVolumeForCreate,
  validateClaim,
  validateClaimSpec,
  validatePersistentVolume,
} from './claim-strategy';
import { admitClaimResize, validateClaimSpecUpdate } from './claim-update';
import { defaultStorageClass, validateStorageClass } from './storage-class';

/** The registry strategies (defaults, admission, validation) of PVCs, PVs and StorageClasses. */
export function registerStorageStrategies(store: ObjectStore): void {
  store.registerStrategy('PersistentVolumeClaim', {
    decode: decodeClaim,
    prepareForCreate: (obj) => prepareClaimForCreate(store, obj),
    applyDefaults: defaultClaimObject,
    validate: (obj, old) => (old ? validateClaimUpdate(obj, old) : validateClaim(obj)),
    admit: (obj, old) => {
      if (old) admitClaimResize(store, obj as PersistentVolumeClaim, old as PersistentVolumeClaim);
    },
  });
  store.registerStrategy('PersistentVolume', {
    decode: decodeVolume,
    prepareForCreate: preparePersistentVolumeForCreate,
    applyDefaults: defaultPersistentVolume,
    validate: validatePersistentVolume,
  });
  store.registerStrategy('StorageClass', { applyDefaults: defaultStorageClass, validate: validateStorageClass });
}

/** ValidatePersistentVolumeClaimUpdate: metadata, the claim itself, then what may change in its spec. */
function validateClaimUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  const claim = obj as PersistentVolumeClaim;
  const before = old as PersistentVolumeClaim;
  const errs = [
    ...validateObjectMetaUpdate(obj.metadata ?? {}, old.metadata ?? {}),
    ...validateClaimSpec(claim, 'spec'),
    ...validateClaimSpecUpdate(claim, before),
  ];
  const mode = claim.spec?.volumeMode;
  errs.push(...validateImmutable(mode === before.spec?.volumeMode, mode ?? '', 'volumeMode'));
  return errs;
}
