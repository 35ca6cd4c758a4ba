import type { ControllerRevision } from 'kubernetes-types/apps/v1';
import type { PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import { controllerOf } from '../api/meta';
import { isDefaultClass } from '../storage/storage-class';
import { age } from './duration';
import type { TablePrinter } from './printers';

/** GetAccessModesAsString: RWO, ROX, RWX, RWOP in that fixed order. */
export function accessModesString(modes: readonly string[] | undefined): string {
  const have = new Set(modes ?? []);
  const out: string[] = [];
  if (have.has('ReadWriteOnce')) out.push('RWO');
  if (have.has('ReadOnlyMany')) out.push('ROX');
  if (have.has('ReadWriteMany')) out.push('RWX');
  if (have.has('ReadWriteOncePod')) out.push('RWOP');
  return out.join(',');
}

/** printPersistentVolumeClaim: capacity and modes only once bound. */
export const claimPrinter: TablePrinter<PersistentVolumeClaim> = {
  header: ['NAME', 'STATUS', 'VOLUME', 'CAPACITY', 'ACCESS MODES', 'STORAGECLASS', 'VOLUMEATTRIBUTESCLASS', 'AGE'],
  wideHeader: ['VOLUMEMODE'],
  row(claim, now) {
    const phase = claim.metadata.deletionTimestamp ? 'Terminating' : (claim.status?.phase ?? '');
    const bound = !!claim.spec?.volumeName;
    return [
      claim.metadata.name,
      phase,
      claim.spec?.volumeName ?? '',
      bound ? String(claim.status?.capacity?.storage ?? '') : '',
      bound ? accessModesString(claim.status?.accessModes) : '',
      claim.spec?.storageClassName ?? '',
      claim.spec?.volumeAttributesClassName ?? '<unset>',
      age(claim.metadata.creationTimestamp, now),
    ];
  },
  wideRow(claim) {
    return [claim.spec?.volumeMode ?? '<unset>'];
  },
};

/** printPersistentVolume */
export const volumePrinter: TablePrinter<PersistentVolume> = {
  header: [
    'NAME',
    'CAPACITY',
    'ACCESS MODES',
    'RECLAIM POLICY',
    'STATUS',
    'CLAIM',
    'STORAGECLASS',
    'VOLUMEATTRIBUTESCLASS',
    'REASON',
    'AGE',
  ],
  wideHeader: ['VOLUMEMODE'],
  row(pv, now) {
    const ref = pv.spec?.claimRef;
    return [
      pv.metadata.name,
      String(pv.spec?.capacity?.storage ?? ''),
      accessModesString(pv.spec?.accessModes),
      pv.spec?.persistentVolumeReclaimPolicy ?? '',
      pv.metadata.deletionTimestamp ? 'Terminating' : (pv.status?.phase ?? ''),
      ref ? `${ref.namespace ?? ''}/${ref.name ?? ''}` : '',
      pv.spec?.storageClassName ?? '',
      pv.spec?.volumeAttributesClassName ?? '<unset>',
      pv.status?.reason ?? '',
      age(pv.metadata.creationTimestamp, now),
    ];
  },
  wideRow(pv) {
    return [pv.spec?.volumeMode ?? '<unset>'];
  },
};

/** printStorageClass: the default class is marked "(default)". */
export const storageClassPrinter: TablePrinter<StorageClass> = {
  header: ['NAME', 'PROVISIONER', 'RECLAIMPOLICY', 'VOLUMEBINDINGMODE', 'ALLOWVOLUMEEXPANSION', 'AGE'],
  wideHeader: [],
  row(sc, now) {
    return [
      isDefaultClass(sc) ? `${sc.metadata.name} (default)` : sc.metadata.name,
      sc.provisioner,
      sc.reclaimPolicy ?? 'Delete',
      sc.volumeBindingMode ?? 'Immediate',
      String(sc.allowVolumeExpansion ?? false),
      age(sc.metadata.creationTimestamp, now),
    ];
  },
  wideRow() {
    return [];
  },
};

/** printControllerRevision: CONTROLLER is "<kind>.<group>/<name>", e.g. statefulset.apps/web. */
export const controllerRevisionPrinter: TablePrinter<ControllerRevision> = {
  header: ['NAME', 'CONTROLLER', 'REVISION', 'AGE'],
  wideHeader: [],
  row(rev, now) {
    const ref = controllerOf(rev);
    let controller = '<none>';
    if (ref) {
      const slash = ref.apiVersion.indexOf('/');
      const group = slash >= 0 ? ref.apiVersion.slice(0, slash) : '';
      controller = `${ref.kind.toLowerCase()}${group ? `.${group}` : ''}/${ref.name}`;
    }
    return [rev.metadata.name, controller, String(rev.revision), age(rev.metadata.creationTimestamp, now)];
  },
  wideRow() {
    return [];
  },
};
