import type { Deployment } from 'kubernetes-types/apps/v1';
import {
  activeSets,
  byCreation,
  desiredReplicasAnnotation,
  maxReplicasAnnotation,
  maxSurge,
  replicasOf,
  type RS,
} from './deployment-util';

/** The pure helpers behind DeploymentSync.scale (deployment_util.go). */

/** FindActiveOrLatest: the only active ReplicaSet, or the newest when none is active. */
export function findActiveOrLatest(newRS: RS | undefined, oldRSs: RS[]): RS | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  const olderLast = [...oldRSs].sort((a, b) => byCreation(b, a));
  const active = activeSets([...olderLast, newRS]);
  if (active.length === 0) return newRS ?? olderLast[0];
  if (active.length === 1) return active[0];
  return undefined;
}

/** IsSaturated: the new ReplicaSet has every replica and all are available. */
export function isSaturated(d: Deployment, rs: RS | undefined): boolean {
  if (!rs) return false;
  const desired = desiredReplicasAnnotation(rs);
  const replicas = replicasOf(d);
  return (
    desired !== undefined &&
    replicasOf(rs) === replicas &&
    desired === replicas &&
    (rs.status?.availableReplicas ?? 0) === replicas
  );
}

/** GetProportion: this ReplicaSet's share of a scaling step, bounded by what is left to hand out. */
export function getProportion(rs: RS, d: Deployment, toAdd: number, added: number): number {
  if (replicasOf(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  const fraction = getReplicaSetFraction(rs, d);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

/** getReplicaSetFraction */
function getReplicaSetFraction(rs: RS, d: Deployment): number {
  const replicas = replicasOf(d);
  if (replicas === 0) return -replicasOf(rs);
  const deploymentReplicas = replicas + maxSurge(d);
  const annotated = maxReplicasAnnotation(rs) ?? d.status?.replicas ?? 0;
  const size = (replicasOf(rs) * deploymentReplicas) / annotated;
  return roundHalfAway(size) - replicasOf(rs);
}

/** integer.RoundToInt32 (math.Round: halves away from zero). */
function roundHalfAway(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}
