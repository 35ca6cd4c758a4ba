import type { PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import { splitKey, type Stored } from '../../api/meta';
import type { WatchEvent } from '../../api/store';
import { PVC_PROTECTION_FINALIZER } from '../../storage/claim-strategy';
import type { ControllerContext } from '../context';
import { WorkQueue } from '../workqueue';
import { claimKey, podClaimNames } from './volume-util';

/**
 * PVC protection controller (pkg/controller/volume/pvcprotection): a claim marked for deletion keeps its
 * kubernetes.io/pvc-protection finalizer while a scheduled, unfinished pod still uses it. Users are tracked from
 * pod events, so no pod scan is needed.
 */
export class PvcProtectionController {
  /** Pod uids using each claim, by "namespace/claim". */
  private readonly users = new Map<string, Set<string>>();
  private readonly queue: WorkQueue;

  constructor(private readonly ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, 'pvc-protection', 5, (key) => this.processClaim(key));
    ctx.store.watch('Pod', (e) => this.onPod(e));
    ctx.store.watch('PersistentVolumeClaim', (e) => {
      const claim = e.object as Stored<PersistentVolumeClaim>;
      if (e.type !== 'DELETED' && claim.metadata.deletionTimestamp)
        this.queue.add(claimKey(claim.metadata.namespace ?? 'default', claim.metadata.name));
    });
  }

  private onPod(event: WatchEvent): void {
    const pod = event.object as Stored<Pod>;
    const claims = podClaimNames(pod);
    if (claims.length === 0) return;
    const namespace = pod.metadata.namespace ?? 'default';
    const uid = pod.metadata.uid ?? '';
    const phase = pod.status?.phase;
    // podUsesPVC: only scheduled pods that have not finished count.
    const using = event.type !== 'DELETED' && !!pod.spec?.nodeName && phase !== 'Succeeded' && phase !== 'Failed';
    for (const name of claims) {
      const key = claimKey(namespace, name);
      let set = this.users.get(key);
      if (using) {
        if (!set) {
          set = new Set();
          this.users.set(key, set);
        }
        set.add(uid);
        continue;
      }
      if (!set?.delete(uid)) continue;
      if (set.size === 0) this.users.delete(key);
      this.queue.add(key);
    }
  }

  /** processPVC: drop the finalizer from a terminating claim nobody uses. */
  private processClaim(key: string): void {
    const { namespace, name } = splitKey(key);
    const claim = this.ctx.store.get<PersistentVolumeClaim>('PersistentVolumeClaim', namespace, name);
    if (!claim?.metadata.deletionTimestamp) return;
    const finalizers = claim.metadata.finalizers ?? [];
    if (!finalizers.includes(PVC_PROTECTION_FINALIZER)) return;
    if ((this.users.get(key)?.size ?? 0) > 0) return;
    const rest = finalizers.filter((f) => f !== PVC_PROTECTION_FINALIZER);
    this.ctx.store.update<PersistentVolumeClaim>({
      ...claim,
      metadata: { ...claim.metadata, finalizers: rest.length > 0 ? rest : undefined },
    });
  }
}
