import type { Event as CoreEvent, PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../api/meta';
import { age } from './duration';
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline, PrefixWriter } from './describe-util';
import { accessModesString } from './storage-printers';

/** describePersistentVolumeClaim (printPersistentVolumeClaim of a full claim, then who uses it). */
export function describePersistentVolumeClaim(
  claim: Stored<PersistentVolumeClaim>,
  usedBy: Stored<Pod>[],
  events: Stored<CoreEvent>[],
  nowMs: number,
): string {
  const w = new PrefixWriter();
  const meta = claim.metadata;
  w.write(0, `Name:\t${meta.name}\n`);
  w.write(0, `Namespace:\t${meta.namespace ?? ''}\n`);
  w.write(0, `StorageClass:\t${claim.spec?.storageClassName ?? ''}\n`);
  if (meta.deletionTimestamp) w.write(0, `Status:\tTerminating (lasts ${age(meta.deletionTimestamp, nowMs)})\n`);
  else w.write(0, `Status:\t${claim.status?.phase ?? ''}\n`);
  w.write(0, `Volume:\t${claim.spec?.volumeName ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', meta.labels);
  printAnnotationsMultiline(w, 'Annotations', meta.annotations);
  // Go's %v of a string slice.
  w.write(0, `Finalizers:\t[${(meta.finalizers ?? []).join(' ')}]\n`);
  const bound = !!claim.spec?.volumeName;
  w.write(0, `Capacity:\t${bound ? (claim.status?.capacity?.storage ?? '') : ''}\n`);
  w.write(0, `Access Modes:\t${bound ? accessModesString(claim.status?.accessModes) : ''}\n`);
  if (claim.spec?.volumeMode) w.write(0, `VolumeMode:\t${claim.spec.volumeMode}\n`);
  // printPodsMultiline: sorted by name, one per line.
  const names = usedBy.map((p) => p.metadata.name).sort();
  w.write(0, `Used By:\t${names.length === 0 ? '<none>' : names.join('\n\t')}\n`);
  describeEvents(w, events, nowMs);
  return w.toString();
}
