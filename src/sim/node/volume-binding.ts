import type { PersistentVolume, PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../api/meta';
import type { ControllerContext } from '../controllers/context';
import {
  ANN_SELECTED_NODE,
  claimKey,
  isClaimBound,
  isDelayBinding,
  podClaimNames,
  volumeNode,
} from '../controllers/volume/volume-util';

/** What the VolumeBinding plugin concluded about a pod's claims before nodes are filtered. */
export interface VolumePreFilter {
  /** Set when the pod cannot be scheduled at all (the PreFilter message). */
  unschedulable?: string;
  /** A node the pod's bound local volumes pin it to. */
  pinnedNode?: string;
  /** Unbound WaitForFirstConsumer claims the scheduler must get bound on the chosen node before binding the pod. */
  delayed: string[];
}

/** The per-node Filter reason when a bound volume lives on another node. */
export const VOLUME_NODE_CONFLICT = 'node(s) had volume node affinity conflict';

/**
 * The scheduler's VolumeBinding plugin: PreFilter rejects pods with missing claims or unbound immediate claims,
 * Filter keeps pods on the node their local volumes live on, and PreBind writes the selected-node annotation on
 * WaitForFirstConsumer claims and holds the pod until the provisioner and PV controller have bound them.
 */
export class VolumeBinder {
  /** Pods in PreBind, waiting for their claims: pod uid → what to do once every claim is bound. */
  private readonly waiting = new Map<string, { namespace: string; claims: string[]; done: () => void }>();
  /** Claim key → pod uids waiting on it. */
  private readonly waitersByClaim = new Map<string, Set<string>>();

  constructor(private readonly ctx: ControllerContext) {
    ctx.store.watch('PersistentVolumeClaim', (e) => {
      const claim = e.object as Stored<PersistentVolumeClaim>;
      if (e.type === 'DELETED' || !isClaimBound(claim)) return;
      const key = claimKey(claim.metadata.namespace ?? 'default', claim.metadata.name);
      for (const uid of [...(this.waitersByClaim.get(key) ?? [])]) this.checkWaiting(uid);
    });
  }

  /** Whether the pod is already in PreBind. */
  isBinding(pod: Pod): boolean {
    return this.waiting.has(pod.metadata?.uid ?? '');
  }

  /** PreFilter (GetPodVolumeClaims) plus the bound volumes' node affinity. */
  preFilter(pod: Stored<Pod>): VolumePreFilter {
    const namespace = pod.metadata.namespace ?? 'default';
    const result: VolumePreFilter = { delayed: [] };
    let immediateUnbound = false;
    for (const name of podClaimNames(pod)) {
      const claim = this.ctx.store.get<PersistentVolumeClaim>('PersistentVolumeClaim', namespace, name);
      if (!claim) return { unschedulable: `persistentvolumeclaim "${name}" not found`, delayed: [] };
      if (claim.metadata.deletionTimestamp)
        return { unschedulable: `persistentvolumeclaim "${name}" is being deleted`, delayed: [] };
      if (isClaimBound(claim)) {
        const pv = this.ctx.store.get<PersistentVolume>('PersistentVolume', '', claim.spec?.volumeName ?? '');
        const node = pv ? volumeNode(pv) : undefined;
        if (node) result.pinnedNode = node;
      } else if (isDelayBinding(this.ctx.store, claim)) {
        result.delayed.push(name);
      } else {
        immediateUnbound = true;
      }
    }
    if (immediateUnbound) return { unschedulable: 'pod has unbound immediate PersistentVolumeClaims', delayed: [] };
    return result;
  }

  /** PreBind: select the node on each delayed claim, then run `done` once all of them are bound. */
  bindClaims(pod: Stored<Pod>, nodeName: string, claims: string[], done: () => void): void {
    const namespace = pod.metadata.namespace ?? 'default';
    const uid = pod.metadata.uid ?? '';
    for (const name of claims) {
      const claim = this.ctx.store.get<PersistentVolumeClaim>('PersistentVolumeClaim', namespace, name);
      if (!claim) continue;
      if (claim.metadata.annotations?.[ANN_SELECTED_NODE] !== nodeName) {
        this.ctx.store.update<PersistentVolumeClaim>({
          ...claim,
          metadata: {
            ...claim.metadata,
            annotations: { ...(claim.metadata.annotations ?? {}), [ANN_SELECTED_NODE]: nodeName },
          },
        });
      }
      const key = claimKey(namespace, name);
      let set = this.waitersByClaim.get(key);
      if (!set) {
        set = new Set();
        this.waitersByClaim.set(key, set);
      }
      set.add(uid);
    }
    this.waiting.set(uid, { namespace, claims, done });
    this.checkWaiting(uid);
  }

  private checkWaiting(uid: string): void {
    const entry = this.waiting.get(uid);
    if (!entry) return;
    const allBound = entry.claims.every((name) =>
      isClaimBound(this.ctx.store.get<PersistentVolumeClaim>('PersistentVolumeClaim', entry.namespace, name)),
    );
    if (!allBound) return;
    this.waiting.delete(uid);
    for (const name of entry.claims) {
      const key = claimKey(entry.namespace, name);
      const set = this.waitersByClaim.get(key);
      set?.delete(uid);
      if (set && set.size === 0) this.waitersByClaim.delete(key);
    }
    // Bind on the scheduler's own turn rather than inside the claim's watch event.
    this.ctx.clock.after(1, `scheduler: volumes bound for pod ${uid}`, entry.done);
  }
}

/**
 * FitError.Error: "0/N nodes are available: <PreFilter message | sorted per-node reasons>. preemption: …". Nodes
 * that only lack room (`resolvable`) could take the pod if lower-priority pods were evicted, but every pod here has
 * the same priority, so none is a victim; for every other reason preemption cannot help.
 */
export function fitErrorMessage(
  total: number,
  preFilter: string | undefined,
  nodeReasons: Map<string, number>,
  resolvable = 0,
): string {
  let message = `0/${total} nodes are available:`;
  if (preFilter) {
    message += ` ${preFilter}.`;
  } else {
    const parts = [...nodeReasons.entries()].map(([reason, count]) => `${count} ${reason}`).sort();
    if (parts.length > 0) message += ` ${parts.join(', ')}.`;
  }
  const preemption = [
    ...(total - resolvable > 0 ? [`${total - resolvable} Preemption is not helpful for scheduling`] : []),
    ...(resolvable > 0 ? [`${resolvable} No preemption victims found for incoming pod`] : []),
  ].sort();
  return `${message} preemption: 0/${total} nodes are available: ${preemption.join(', ')}.`;
}
