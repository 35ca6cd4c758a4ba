import type { ObjectStore } from '../api/store';
import { validateObjectMetaUpdate } from '../api/validation/objectmeta';
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
    // On update only the metadata is checked: the spec's immutability rules are not modelled.
    validate: (obj, old) => (old ? validateObjectMetaUpdate(obj.metadata ?? {}, old.metadata) : validateClaim(obj)),
  });
  store.registerStrategy('PersistentVolume', {
    prepareForCreate: preparePersistentVolumeForCreate,
    applyDefaults: defaultPersistentVolume,
    validate: validatePersistentVolume,
  });
  store.registerStrategy('StorageClass', { applyDefaults: defaultStorageClass, validate: validateStorageClass });
}
