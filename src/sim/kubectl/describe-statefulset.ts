import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { Event as CoreEvent, Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../api/meta';
import { writePodTemplate } from './describe-pod-template';
import {
  PrefixWriter,
  describeEvents,
  podsStatusLine,
  printAnnotationsMultiline,
  printLabelsMultiline,
  rfc1123z,
} from './describe-util';
import { formatSelector } from './selector-string';

/** describeVolumeClaimTemplates */
function describeVolumeClaimTemplates(w: PrefixWriter, set: StatefulSet): void {
  const templates = set.spec?.volumeClaimTemplates ?? [];
  if (templates.length === 0) {
    w.write(0, 'Volume Claims:\t<none>\n');
    return;
  }
  w.write(0, 'Volume Claims:\n');
  for (const pvc of templates) {
    w.write(1, `Name:\t${pvc.metadata?.name ?? ''}\n`);
    w.write(1, `StorageClass:\t${pvc.spec?.storageClassName ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', pvc.metadata?.labels, '  ');
    printAnnotationsMultiline(w, 'Annotations', pvc.metadata?.annotations, '  ');
    const storage = pvc.spec?.resources?.requests?.storage;
    w.write(1, `Capacity:\t${storage !== undefined ? String(storage) : '<default>'}\n`);
    w.write(1, `Access Modes:\t[${(pvc.spec?.accessModes ?? []).join(' ')}]\n`);
  }
}

/** StatefulSetDescriber: counts come from the pods the set controls (getPodStatusForController). */
export function describeStatefulSet(
  set: Stored<StatefulSet>,
  pods: Stored<Pod>[],
  events: Stored<CoreEvent>[],
  nowMs: number,
): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${set.metadata.name}\n`);
  w.write(0, `Namespace:\t${set.metadata.namespace ?? ''}\n`);
  w.write(0, `CreationTimestamp:\t${rfc1123z(set.metadata.creationTimestamp)}\n`);
  w.write(0, `Selector:\t${formatSelector(set.spec?.selector)}\n`);
  printLabelsMultiline(w, 'Labels', set.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', set.metadata.annotations);
  w.write(0, `Replicas:\t${set.spec?.replicas ?? 0} desired | ${set.status?.replicas ?? 0} total\n`);
  w.write(0, `Update Strategy:\t${set.spec?.updateStrategy?.type ?? ''}\n`);
  const ru = set.spec?.updateStrategy?.rollingUpdate;
  if (ru && ru.partition !== undefined) {
    w.write(1, `Partition:\t${ru.partition}\n`);
    if (ru.maxUnavailable !== undefined) w.write(1, `MaxUnavailable:\t${ru.maxUnavailable}\n`);
  }
  w.write(0, podsStatusLine(pods));
  writePodTemplate(w, set.spec?.template);
  describeVolumeClaimTemplates(w, set);
  describeEvents(w, events, nowMs);
  return w.toString();
}
