import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { FieldError } from '../api/errors';
import type { KubeObject, Stored } from '../api/meta';
import type { ObjectStore } from '../api/store';
import { nameIsDNSSubdomain } from '../api/validation/names';
import { validateObjectMeta, validateObjectMetaUpdate } from '../api/validation/objectmeta';

/** The annotation that marks the cluster's default StorageClass. */
export const DEFAULT_CLASS_ANNOTATION = 'storageclass.kubernetes.io/is-default-class';
/** kind's provisioner: a hostPath directory per claim on the node that runs the first consumer. */
export const LOCAL_PATH_PROVISIONER = 'rancher.io/local-path';
/** nfs-subdir-external-provisioner: one NFS sub-directory per claim, mountable from every node. */
export const NFS_PROVISIONER = 'k8s-sigs.io/nfs-subdir-external-provisioner';

/** The class a fresh kind cluster ships with: `standard (default)`, local-path, WaitForFirstConsumer. */
export function kindDefaultStorageClass(): StorageClass {
  return {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: 'standard', annotations: { [DEFAULT_CLASS_ANNOTATION]: 'true' } },
    provisioner: LOCAL_PATH_PROVISIONER,
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'WaitForFirstConsumer',
  };
}

/** storageutil.IsDefaultAnnotation */
export function isDefaultClass(sc: StorageClass): boolean {
  return sc.metadata?.annotations?.[DEFAULT_CLASS_ANNOTATION] === 'true';
}

/** SetDefaults_StorageClass: reclaimPolicy Delete, volumeBindingMode Immediate. */
export function defaultStorageClass(obj: KubeObject): void {
  const sc = obj as StorageClass;
  sc.reclaimPolicy = sc.reclaimPolicy ?? 'Delete';
  sc.volumeBindingMode = sc.volumeBindingMode ?? 'Immediate';
}

/** ValidateStorageClass (with ValidateStorageClassUpdate's immutable fields). */
export function validateStorageClass(obj: KubeObject, old: Stored<KubeObject> | undefined): FieldError[] {
  const sc = obj as StorageClass;
  // ValidateStorageClass names by NameIsDNSSubdomain; a StorageClass has no namespace.
  const errs: FieldError[] = old
    ? validateObjectMetaUpdate(sc.metadata ?? {}, old.metadata)
    : validateObjectMeta(sc.metadata, false, nameIsDNSSubdomain);
  if (!sc.provisioner) errs.push({ path: 'provisioner', type: 'Required value' });
  if (sc.reclaimPolicy !== undefined && !['Delete', 'Retain'].includes(sc.reclaimPolicy)) {
    errs.push({
      path: 'reclaimPolicy',
      type: 'Unsupported value',
      value: JSON.stringify(sc.reclaimPolicy),
      detail: 'supported values: "Delete", "Retain"',
    });
  }
  if (sc.volumeBindingMode !== undefined && !['Immediate', 'WaitForFirstConsumer'].includes(sc.volumeBindingMode)) {
    errs.push({
      path: 'volumeBindingMode',
      type: 'Unsupported value',
      value: JSON.stringify(sc.volumeBindingMode),
      detail: 'supported values: "Immediate", "WaitForFirstConsumer"',
    });
  }
  if (old) {
    const before = old as Stored<StorageClass>;
    if (JSON.stringify(before.parameters ?? {}) !== JSON.stringify(sc.parameters ?? {}))
      errs.push({ path: 'parameters', type: 'Forbidden', detail: 'updates to parameters are forbidden.' });
    if (before.provisioner !== sc.provisioner)
      errs.push({ path: 'provisioner', type: 'Forbidden', detail: 'updates to provisioner are forbidden.' });
    if (before.reclaimPolicy !== sc.reclaimPolicy)
      errs.push({ path: 'reclaimPolicy', type: 'Forbidden', detail: 'updates to reclaimPolicy are forbidden.' });
    if (before.volumeBindingMode !== sc.volumeBindingMode)
      errs.push({ path: 'volumeBindingMode', type: 'Forbidden', detail: 'field is immutable' });
  }
  return errs;
}

/**
 * GetDefaultClass (DefaultStorageClass admission): the default class; with several, the newest wins, then the
 * name that sorts first.
 */
export function defaultClassName(store: ObjectStore): string | undefined {
  let best: Stored<StorageClass> | undefined;
  for (const sc of store.list<StorageClass>('StorageClass')) {
    if (!isDefaultClass(sc)) continue;
    const newer = (sc.metadata.creationTimestamp ?? '') > (best?.metadata.creationTimestamp ?? '');
    if (!best || newer) best = sc;
  }
  return best?.metadata.name;
}
