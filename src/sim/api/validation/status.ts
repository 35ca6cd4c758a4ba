/**
 * Status subresource validation (pkg/apis/apps/validation): what the apiserver checks when only status is
 * written. The store applies these to a write that leaves spec and metadata as they were; ValidateObjectMetaUpdate
 * is left out because unchanged metadata that passed validation once cannot fail it.
 */
import type { DeploymentStatus, ReplicaSetStatus, StatefulSetStatus } from 'kubernetes-types/apps/v1';
import type { ContainerStatus, Pod } from 'kubernetes-types/core/v1';
import type { FieldError } from '../errors';
import type { KubeObject } from '../meta';
import { child, dedupe, forbidden, index, invalidField, validateNonnegative } from './field';

const MORE_THAN_REPLICAS = 'cannot be greater than status.replicas';

/** A KindStrategy.validateStatus: the new object and the stored one. */
export type StatusValidator = (obj: KubeObject, old: KubeObject) => FieldError[];

function statusOf<T>(obj: KubeObject): T {
  return ((obj as { status?: T }).status ?? {}) as T;
}

function notAbove(value: number, limit: number, path: string, detail: string): FieldError[] {
  return value > limit ? [invalidField(path, value, detail)] : [];
}

/** IsDecremented on status.collisionCount: the hash-collision counter only grows. */
function collisionNotDecremented(now: number | undefined, old: number | undefined): FieldError[] {
  if (old === undefined || (now !== undefined && now >= old)) return [];
  return [invalidField('status.collisionCount', now ?? 0, 'cannot be decremented')];
}

/** ValidateStatefulSetStatus */
export function validateStatefulSetStatus(status: StatefulSetStatus): FieldError[] {
  const replicas = status.replicas ?? 0;
  const ready = status.readyReplicas ?? 0;
  const available = status.availableReplicas ?? 0;
  return [
    ...validateNonnegative(replicas, 'status.replicas'),
    ...validateNonnegative(ready, 'status.readyReplicas'),
    ...validateNonnegative(status.currentReplicas ?? 0, 'status.currentReplicas'),
    ...validateNonnegative(status.updatedReplicas ?? 0, 'status.updatedReplicas'),
    ...validateNonnegative(available, 'status.availableReplicas'),
    ...validateNonnegative(status.observedGeneration ?? 0, 'status.observedGeneration'),
    ...validateNonnegative(status.collisionCount ?? 0, 'status.collisionCount'),
    ...notAbove(ready, replicas, 'status.readyReplicas', MORE_THAN_REPLICAS),
    ...notAbove(status.currentReplicas ?? 0, replicas, 'status.currentReplicas', MORE_THAN_REPLICAS),
    ...notAbove(status.updatedReplicas ?? 0, replicas, 'status.updatedReplicas', MORE_THAN_REPLICAS),
    ...notAbove(available, replicas, 'status.availableReplicas', MORE_THAN_REPLICAS),
    ...notAbove(available, ready, 'status.availableReplicas', 'cannot be greater than status.readyReplicas'),
  ];
}

/** ValidateStatefulSetStatusUpdate */
export const validateStatefulSetStatusUpdate: StatusValidator = (obj, old) => {
  const status = statusOf<StatefulSetStatus>(obj);
  return dedupe([
    ...validateStatefulSetStatus(status),
    ...collisionNotDecremented(status.collisionCount, statusOf<StatefulSetStatus>(old).collisionCount),
  ]);
};

/** ValidateReplicaSetStatus */
export function validateReplicaSetStatus(status: ReplicaSetStatus): FieldError[] {
  const replicas = status.replicas ?? 0;
  const ready = status.readyReplicas ?? 0;
  const available = status.availableReplicas ?? 0;
  const fullyLabeled = status.fullyLabeledReplicas ?? 0;
  return [
    ...validateNonnegative(replicas, 'status.replicas'),
    ...validateNonnegative(fullyLabeled, 'status.fullyLabeledReplicas'),
    ...validateNonnegative(ready, 'status.readyReplicas'),
    ...validateNonnegative(available, 'status.availableReplicas'),
    ...validateNonnegative(status.observedGeneration ?? 0, 'status.observedGeneration'),
    ...notAbove(fullyLabeled, replicas, 'status.fullyLabeledReplicas', MORE_THAN_REPLICAS),
    ...notAbove(ready, replicas, 'status.readyReplicas', MORE_THAN_REPLICAS),
    ...notAbove(available, replicas, 'status.availableReplicas', MORE_THAN_REPLICAS),
    ...notAbove(available, ready, 'status.availableReplicas', 'cannot be greater than readyReplicas'),
  ];
}

/** ValidateReplicaSetStatusUpdate */
export const validateReplicaSetStatusUpdate: StatusValidator = (obj) =>
  dedupe(validateReplicaSetStatus(statusOf<ReplicaSetStatus>(obj)));

/** ValidateDeploymentStatus */
export function validateDeploymentStatus(status: DeploymentStatus): FieldError[] {
  const replicas = status.replicas ?? 0;
  const ready = status.readyReplicas ?? 0;
  const available = status.availableReplicas ?? 0;
  const updated = status.updatedReplicas ?? 0;
  return [
    ...validateNonnegative(status.observedGeneration ?? 0, 'status.observedGeneration'),
    ...validateNonnegative(replicas, 'status.replicas'),
    ...validateNonnegative(updated, 'status.updatedReplicas'),
    ...validateNonnegative(ready, 'status.readyReplicas'),
    ...validateNonnegative(available, 'status.availableReplicas'),
    ...validateNonnegative(status.unavailableReplicas ?? 0, 'status.unavailableReplicas'),
    ...validateNonnegative(status.collisionCount ?? 0, 'status.collisionCount'),
    ...notAbove(updated, replicas, 'status.updatedReplicas', MORE_THAN_REPLICAS),
    ...notAbove(ready, replicas, 'status.readyReplicas', MORE_THAN_REPLICAS),
    ...notAbove(available, replicas, 'status.availableReplicas', MORE_THAN_REPLICAS),
    ...notAbove(available, ready, 'status.availableReplicas', 'cannot be greater than readyReplicas'),
  ];
}

/** ValidateDeploymentStatusUpdate */
export const validateDeploymentStatusUpdate: StatusValidator = (obj, old) => {
  const status = statusOf<DeploymentStatus>(obj);
  return dedupe([
    ...validateDeploymentStatus(status),
    ...collisionNotDecremented(status.collisionCount, statusOf<DeploymentStatus>(old).collisionCount),
  ]);
};

/**
 * ValidateContainerStateTransition: unless the pod restarts containers, a terminated container stays terminated
 * (with OnFailure, one that failed may run again).
 */
function validateContainerStateTransition(
  now: ContainerStatus[] | undefined,
  old: ContainerStatus[] | undefined,
  path: string,
  restartPolicy: string | undefined,
): FieldError[] {
  if (restartPolicy === 'Always') return [];
  const errs: FieldError[] = [];
  (old ?? []).forEach((was, i) => {
    const terminated = was.state?.terminated;
    if (!terminated) return;
    if (terminated.exitCode !== 0 && restartPolicy === 'OnFailure') return;
    for (const status of now ?? []) {
      if (status.name === was.name && !status.state?.terminated) {
        errs.push(forbidden(child(index(path, i), 'state'), 'may not be transitioned to non-terminated state'));
      }
    }
  });
  return errs;
}

/** ValidatePodStatusUpdate, for the rules the simulated kubelet's reports can touch. */
export const validatePodStatusUpdate: StatusValidator = (obj, old) => {
  const pod = obj as Pod;
  const was = old as Pod;
  const policy = was.spec?.restartPolicy;
  return dedupe([
    ...validateContainerStateTransition(
      pod.status?.containerStatuses,
      was.status?.containerStatuses,
      'status.containerStatuses',
      policy,
    ),
    ...validateContainerStateTransition(
      pod.status?.initContainerStatuses,
      was.status?.initContainerStatuses,
      'status.initContainerStatuses',
      policy,
    ),
  ]);
};
