import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../../api/meta';
import { withCondition } from '../../pods/pod-util';
import type { ControllerContext } from '../context';
import type { PodNodeIndex } from '../pod-node-index';

/** gcCheckPeriod: how often the pod garbage collector runs. */
export const POD_GC_PERIOD_MS = 20_000;
/** quarantineTime: a node must stay absent this long before its pods count as orphaned. */
export const POD_GC_QUARANTINE_MS = 40_000;

/**
 * The pod garbage collector (pkg/controller/podgc): pods bound to a node that no longer exists are orphans. Once
 * the node has been gone for the quarantine time, each such pod is marked Failed with a DisruptionTarget condition
 * and deleted with a zero grace period, which frees its name so that its controller can replace it. This is what
 * makes deleting the Node object of a dead machine a safe way to release a StatefulSet pod stuck Terminating.
 */
export class PodGCController {
  /** Nodes seen missing, with the time they were first seen missing. */
  private readonly missingSince = new Map<string, number>();

  constructor(
    private readonly ctx: ControllerContext,
    private readonly podsByNode: PodNodeIndex,
  ) {
    this.scheduleGC();
  }

  private scheduleGC(): void {
    this.ctx.clock.after(POD_GC_PERIOD_MS, 'podgc: gc', () => {
      this.gcOrphaned();
      this.scheduleGC();
    });
  }

  /** gcOrphaned: only nodes that hold pods are checked, so a pass costs nothing while every node exists. */
  private gcOrphaned(): void {
    const now = this.ctx.clock.now();
    const nodesWithPods = this.podsByNode.nodes();
    for (const node of nodesWithPods) {
      if (this.ctx.store.get<Node>('Node', '', node)) {
        this.missingSince.delete(node);
        continue;
      }
      const since = this.missingSince.get(node);
      if (since === undefined) this.missingSince.set(node, now);
      else if (now - since >= POD_GC_QUARANTINE_MS) this.deleteOrphans(node);
    }
    for (const node of [...this.missingSince.keys()]) if (!nodesWithPods.includes(node)) this.missingSince.delete(node);
  }

  private deleteOrphans(node: string): void {
    for (const key of this.podsByNode.podsOn(node)) {
      const [namespace, name] = key.split('/');
      const pod = this.ctx.store.get<Pod>('Pod', namespace, name);
      if (pod) this.markFailedAndDelete(pod);
    }
  }

  /** markFailedAndDeletePodWithCondition */
  private markFailedAndDelete(pod: Stored<Pod>): void {
    const phase = pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed' ? pod.status.phase : 'Failed';
    const conditions = withCondition(
      pod.status?.conditions,
      'DisruptionTarget',
      'True',
      this.ctx.clock.timestamp(),
      'DeletionByPodGC',
      'PodGC: node no longer exists',
    );
    this.ctx.store.update<Pod>({ ...pod, status: { ...pod.status, phase, conditions } });
    this.ctx.store.delete('Pod', pod.metadata.namespace ?? 'default', pod.metadata.name, { gracePeriodSeconds: 0 });
  }
}
