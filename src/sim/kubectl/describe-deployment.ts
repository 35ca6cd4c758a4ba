import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Event as CoreEvent } from 'kubernetes-types/core/v1';
import type { Stored } from '../api/meta';
import { findNewReplicaSet, findOldReplicaSets, replicasOf } from '../controllers/deployment/deployment-util';
import { writePodTemplate } from './describe-pod-template';
import {
  PrefixWriter,
  describeEvents,
  printAnnotationsMultiline,
  printLabelsMultiline,
  rfc1123z,
} from './describe-util';
import { formatSelector } from './selector-string';

/** printReplicaSetsByLabels: "name (current/desired replicas created)", comma-separated, or <none>. */
function replicaSetsLine(sets: ReplicaSet[]): string {
  if (sets.length === 0) return '<none>';
  return sets
    .map((rs) => `${rs.metadata?.name} (${rs.status?.replicas ?? 0}/${replicasOf(rs)} replicas created)`)
    .join(', ');
}

/** DeploymentDescriber: spec and status, the pod template, conditions, the old and new ReplicaSets, events. */
export function describeDeployment(
  d: Stored<Deployment>,
  sets: Stored<ReplicaSet>[],
  events: Stored<CoreEvent>[],
  nowMs: number,
): string {
  const w = new PrefixWriter();
  const status = d.status;
  w.write(0, `Name:\t${d.metadata.name}\n`);
  w.write(0, `Namespace:\t${d.metadata.namespace ?? ''}\n`);
  w.write(0, `CreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp)}\n`);
  printLabelsMultiline(w, 'Labels', d.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', d.metadata.annotations);
  w.write(0, `Selector:\t${formatSelector(d.spec?.selector)}\n`);
  w.write(
    0,
    `Replicas:\t${replicasOf(d)} desired | ${status?.updatedReplicas ?? 0} updated | ${status?.replicas ?? 0} total | ${status?.availableReplicas ?? 0} available | ${status?.unavailableReplicas ?? 0} unavailable\n`,
  );
  w.write(0, `StrategyType:\t${d.spec?.strategy?.type ?? ''}\n`);
  w.write(0, `MinReadySeconds:\t${d.spec?.minReadySeconds ?? 0}\n`);
  const ru = d.spec?.strategy?.rollingUpdate;
  if (ru) {
    w.write(
      0,
      `RollingUpdateStrategy:\t${String(ru.maxUnavailable)} max unavailable, ${String(ru.maxSurge)} max surge\n`,
    );
  }
  writePodTemplate(w, d.spec?.template);
  const conditions = status?.conditions ?? [];
  if (conditions.length > 0) {
    w.write(0, 'Conditions:\n  Type\tStatus\tReason\n');
    w.write(1, '----\t------\t------\n');
    for (const c of conditions) w.write(1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
  }
  // GetAllReplicaSets: the old sets listed are the ones that still have pods.
  const newRS = findNewReplicaSet(d, sets);
  const oldWithPods = findOldReplicaSets(d, sets).filter((rs) => (rs.status?.replicas ?? 0) > 0 || replicasOf(rs) > 0);
  w.write(0, `OldReplicaSets:\t${replicaSetsLine(oldWithPods)}\n`);
  w.write(0, `NewReplicaSet:\t${replicaSetsLine(newRS ? [newRS] : [])}\n`);
  describeEvents(w, events, nowMs);
  return w.toString();
}
