import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Pod, PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { ObjectMeta } from 'kubernetes-types/meta/v1';
import { ApiError } from '../../api/errors';
import { clone, newControllerRef, type Stored } from '../../api/meta';
import type { ControllerContext } from '../context';

const COMPONENT = 'replicaset-controller';

/**
 * GetPodFromTemplate: an unsaved pod from the template, named by generateName "<owner>-". Everything in it is
 * new and no field is left undefined, so the store may keep it as built (createOwned).
 */
export function podFromTemplate(template: PodTemplateSpec, owner: Stored<ReplicaSet>): Pod {
  const meta = template.metadata ?? {};
  const metadata: ObjectMeta = { generateName: `${owner.metadata.name}-` };
  if (owner.metadata.namespace !== undefined) metadata.namespace = owner.metadata.namespace;
  if (meta.labels) metadata.labels = { ...meta.labels };
  if (meta.annotations) metadata.annotations = { ...meta.annotations };
  if (meta.finalizers) metadata.finalizers = [...meta.finalizers];
  metadata.ownerReferences = [clone(newControllerRef(owner))];
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec: clone(template.spec ?? { containers: [] }) };
}

/** RealPodControl: creates and deletes a ReplicaSet's pods, recording an event on the ReplicaSet for each. */
export class ReplicaSetPodControl {
  constructor(private readonly ctx: ControllerContext) {}

  /** CreatePods */
  createPod(rs: Stored<ReplicaSet>): Stored<Pod> {
    try {
      const created = this.ctx.store.createOwned(podFromTemplate(rs.spec?.template ?? {}, rs));
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
