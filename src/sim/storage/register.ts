import type { ObjectStore } from '../api/store';
import {
  defaultClaimObject,
  defaultPersistentVolume,
  prepareClaimForCreate,
  preparePersistentVolumeForCreate,
  validateClaim,
  validatePersistentVolume,
} from './claim-strategy';
import { defaultStorageClass, validateStorageClass } from './storage-class';

/** The registry strategies (defaults, admission, validation) of PVCs, PVs and StorageClasses. */
export function registerStorageStrategies(store: ObjectStore): void {
  store.registerStrategy('PersistentVolumeClaim', {
    prepareForCreate: (obj) => prepareClaimForCreate(store, obj),
    applyDefaults: defaultClaimObject,
    validate: (obj, old) => (old ? [] : validateClaim(obj)),
  });
  store.registerStrategy('PersistentVolume', {
    prepareForCreate: preparePersistentVolumeForCreate,
    applyDefaults: defaultPersistentVolume,
    validate: validatePersistentVolume,
  });
  store.registerStrategy('StorageClass', { applyDefaults: defaultStorageClass, validate: validateStorageClass });
}
