import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Pod, PodTemplateSpec } from 'kubernetes-types/core/v1';
import { ApiError } from '../../api/errors';
import { clone, newControllerRef, type Stored } from '../../api/meta';
import type { ControllerContext } from '../context';

const COMPONENT = 'replicaset-controller';

/** GetPodFromTemplate: an unsaved pod from the template, named by generateName "<owner>-". */
export function podFromTemplate(template: PodTemplateSpec, owner: Stored<ReplicaSet>): Pod {
  const meta = template.metadata ?? {};
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: `${owner.metadata.name}-`,
      namespace: owner.metadata.namespace,
      labels: meta.labels ? { ...meta.labels } : undefined,
      annotations: meta.annotations ? { ...meta.annotations } : undefined,
      finalizers: meta.finalizers ? [...meta.finalizers] : undefined,
      ownerReferences: [newControllerRef(owner)],
    },
    spec: clone(template.spec ?? { containers: [] }),
  };
  return pod;
}

/** RealPodControl: creates and deletes a ReplicaSet's pods, recording an event on the ReplicaSet for each. */
export class ReplicaSetPodControl {
  constructor(private readonly ctx: ControllerContext) {}

  /** CreatePods */
  createPod(rs: Stored<ReplicaSet>): Stored<Pod> {
    try {
      const created = this.ctx.store.create(podFromTemplate(rs.spec?.template ?? {}, rs));
      this.ctx.recorder.event(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name}`, COMPONENT);
      return created;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.ctx.recorder.event(rs, 'Warning', 'FailedCreate', `Error creating: ${message}`, COMPONENT);
      throw err;
    }
  }

  /** DeletePod */
  deletePod(rs: Stored<ReplicaSet>, pod: Stored<Pod>): void {
    try {
      this.ctx.store.delete('Pod', pod.metadata.namespace ?? 'default', pod.metadata.name);
      this.ctx.recorder.event(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`, COMPONENT);
    } catch (err) {
      if (err instanceof ApiError && err.reason === 'NotFound') return;
      const message = err instanceof Error ? err.message : String(err);
      this.ctx.recorder.event(rs, 'Warning', 'FailedDelete', `Error deleting: ${message}`, COMPONENT);
      throw err;
    }
  }
}
