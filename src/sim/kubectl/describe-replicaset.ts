import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Event as CoreEvent, Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../api/meta';
import { writePodTemplate } from './describe-pod-template';
import {
  PrefixWriter,
  describeEvents,
  podsStatusLine,
  printAnnotationsMultiline,
  printLabelsMultiline,
} from './describe-util';
import { formatSelector } from './selector-string';

/** describeReplicaSet: `pods` are those it controls (getPodStatusForController counts them by phase). */
export function describeReplicaSet(
  rs: Stored<ReplicaSet>,
  pods: Stored<Pod>[],
  events: Stored<CoreEvent>[],
  nowMs: number,
): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${rs.metadata.name}\n`);
  w.write(0, `Namespace:\t${rs.metadata.namespace ?? ''}\n`);
  w.write(0, `Selector:\t${formatSelector(rs.spec?.selector)}\n`);
  printLabelsMultiline(w, 'Labels', rs.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', rs.metadata.annotations);
  const owner = rs.metadata.ownerReferences?.find((r) => r.controller);
  if (owner) w.write(0, `Controlled By:\t${owner.kind}/${owner.name}\n`);
  w.write(0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 1} desired\n`);
  w.write(0, podsStatusLine(pods));
  writePodTemplate(w, rs.spec?.template);
  const conditions = rs.status?.conditions ?? [];
  if (conditions.length > 0) {
    w.write(0, 'Conditions:\n  Type\tStatus\tReason\n');
    w.write(1, '----\t------\t------\n');
    for (const c of conditions) w.write(1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
  }
  describeEvents(w, events, nowMs);
  return w.toString();
}
