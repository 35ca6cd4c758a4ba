import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../api/meta';
import type { WatchEvent } from '../api/store';
import type { ControllerContext } from '../controllers/context';
import { WorkQueue } from '../controllers/workqueue';
import { withCondition } from '../pods/pod-util';

/**
 * kube-scheduler, reduced to what the course needs: filter nodes that are Ready and schedulable, score by fewest
 * pods (NodeResourcesBalancedAllocation-like spreading), break ties with seeded randomness, then bind.
 */
export class Scheduler {
  private readonly queue: WorkQueue;
  /** Pods bound per node, kept up to date from watch events so scoring needs no scan. */
  private readonly podsPerNode = new Map<string, Set<string>>();

  constructor(private readonly ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, 'scheduler', 8, (key) => this.schedule(key));
    ctx.store.watch('Pod', (e) => this.onPod(e));
  }

  private onPod(event: WatchEvent): void {
    const pod = event.object as Stored<Pod>;
    const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
    const uid = pod.metadata.uid ?? '';
    const node = pod.spec?.nodeName;
    if (event.type === 'DELETED') {
      if (node) this.podsPerNode.get(node)?.delete(uid);
      return;
    }
    if (node) {
      let set = this.podsPerNode.get(node);
      if (!set) {
        set = new Set();
        this.podsPerNode.set(node, set);
      }
      set.add(uid);
      return;
    }
    if (!pod.metadata.deletionTimestamp) this.queue.add(key);
  }

  private schedule(key: string): void {
    const [namespace, name] = key.split('/');
    const pod = this.ctx.store.get<Pod>('Pod', namespace, name);
    if (!pod || pod.spec?.nodeName || pod.metadata.deletionTimestamp) return;
    const nodes = this.ctx.store.list<Node>('Node').filter(isSchedulable);
    if (nodes.length === 0) {
      this.unschedulable(pod, this.ctx.store.count('Node'));
      return;
    }
    let best: Stored<Node>[] = [];
    let bestCount = Infinity;
    for (const node of nodes) {
      const count = this.podsPerNode.get(node.metadata.name)?.size ?? 0;
      if (count < bestCount) {
        best = [node];
        bestCount = count;
      } else if (count === bestCount) {
        best.push(node);
      }
    }
    const chosen = best[this.ctx.random.int(0, best.length - 1)];
    this.bind(pod, chosen.metadata.name);
  }

  private bind(pod: Stored<Pod>, nodeName: string): void {
    const now = this.ctx.clock.timestamp();
    const bound = this.ctx.store.update<Pod>({
      ...pod,
      spec: { ...pod.spec, containers: pod.spec?.containers ?? [], nodeName },
      status: {
        ...pod.status,
        phase: 'Pending',
        conditions: withCondition(pod.status?.conditions, 'PodScheduled', 'True', now),
      },
    });
    this.ctx.recorder.event(
      bound,
      'Normal',
      'Scheduled',
      `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${nodeName}`,
      'default-scheduler',
    );
  }

  private unschedulable(pod: Stored<Pod>, total: number): void {
    const now = this.ctx.clock.timestamp();
    const message = `0/${total} nodes are available: ${total} node(s) were unschedulable. preemption: 0/${total} nodes are available: ${total} Preemption is not helpful for scheduling.`;
    this.ctx.store.update<Pod>({
      ...pod,
      status: {
        ...pod.status,
        phase: 'Pending',
        conditions: withCondition(pod.status?.conditions, 'PodScheduled', 'False', now, 'Unschedulable', message),
      },
    });
    this.ctx.recorder.event(pod, 'Warning', 'FailedScheduling', message, 'default-scheduler');
    this.queue.addAfter(`${pod.metadata.namespace}/${pod.metadata.name}`, 10_000);
  }
}

function isSchedulable(node: Stored<Node>): boolean {
  if (node.spec?.unschedulable) return false;
  if ((node.spec?.taints ?? []).some((t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute')) return false;
  return node.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}
