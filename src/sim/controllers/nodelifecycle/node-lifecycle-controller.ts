import type { Lease } from 'kubernetes-types/coordination/v1';
import type { Node, NodeCondition, Pod, Taint } from 'kubernetes-types/core/v1';
import { HeldObject } from '../../api/held-object';
import type { Stored } from '../../api/meta';
import { withCondition } from '../../pods/pod-util';
import type { ControllerContext } from '../context';
import type { PodNodeIndex } from '../pod-node-index';
import { TAINT_NOT_READY, TAINT_UNREACHABLE } from './taints';

/** --node-monitor-period */
export const NODE_MONITOR_PERIOD_MS = 5_000;
/** --node-monitor-grace-period: 50 s since v1.32 (it was 40 s before). */
export const NODE_MONITOR_GRACE_PERIOD_MS = 50_000;
/** The NoExecute tainter's rate-limited queue is drained every nodeEvictionPeriod. */
const NODE_EVICTION_PERIOD_MS = 100;
const COMPONENT = 'node-controller';

/** nodeHealthData: when the controller last saw the node alive, and the status it last observed. */
interface NodeHealth {
  probeTimestamp: number;
  leaseRenewTime?: string;
  heartbeat?: string;
}

/**
 * The node lifecycle controller (pkg/controller/nodelifecycle): watches node leases and statuses; a node silent
 * for the grace period gets its conditions set to Unknown, its pods marked not ready, and the unreachable
 * NoSchedule and NoExecute taints (the taint eviction controller then evicts its pods). A node that reports
 * again loses the taints.
 */
export class NodeLifecycleController {
  private readonly health = new Map<string, NodeHealth>();
  private readonly leases = new Map<string, HeldObject<Lease>>();

  constructor(
    private readonly ctx: ControllerContext,
    private readonly podsByNode: PodNodeIndex,
  ) {
    ctx.store.watch('Node', (e) => {
      if (e.type !== 'DELETED')
        this.ctx.clock.after(10, 'node-lifecycle: taint pass', () =>
          this.doNoScheduleTaintingPass(e.object.metadata.name),
        );
    });
    this.scheduleMonitor();
  }

  /** The node's lease, read every monitor period. */
  private leaseOf(nodeName: string): HeldObject<Lease> {
    let lease = this.leases.get(nodeName);
    if (!lease) {
      lease = new HeldObject<Lease>(this.ctx.store, 'Lease', 'kube-node-lease', nodeName);
      this.leases.set(nodeName, lease);
    }
    return lease;
  }

  /** Pod keys bound to a node (the pod informer's node index). */
  podsOn(nodeName: string): string[] {
    return this.podsByNode.podsOn(nodeName);
  }

  private scheduleMonitor(): void {
    this.ctx.clock.after(NODE_MONITOR_PERIOD_MS, 'node-lifecycle: monitor node health', () => {
      this.monitorNodeHealth();
      this.scheduleMonitor();
    });
  }

  /** monitorNodeHealth */
  private monitorNodeHealth(): void {
    for (const node of this.ctx.store.list<Node>('Node')) {
      const before = readyCondition(node)?.status;
      const updated = this.tryUpdateNodeHealth(node);
      const after = updated === node ? before : readyCondition(updated)?.status;
      if (before === 'True' && after !== 'True') {
        this.ctx.recorder.event(
          updated,
          'Normal',
          'NodeNotReady',
          `Node ${node.metadata.name} status is now: NodeNotReady`,
          COMPONENT,
        );
        this.markPodsNotReady(node.metadata.name);
      }
      this.processTaintBaseEviction(updated, after);
    }
  }

  /** tryUpdateNodeHealth: a renewed lease or a new heartbeat counts as a sign of life. */
  private tryUpdateNodeHealth(node: Stored<Node>): Stored<Node> {
    const now = this.ctx.clock.now();
    const name = node.metadata.name;
    const lease = this.leaseOf(name).get();
    const heartbeat = readyCondition(node)?.lastHeartbeatTime;
    let h = this.health.get(name);
    if (!h) {
      h = { probeTimestamp: now, leaseRenewTime: lease?.spec?.renewTime, heartbeat };
      this.health.set(name, h);
    }
    if (lease?.spec?.renewTime && lease.spec.renewTime !== h.leaseRenewTime) {
      h.leaseRenewTime = lease.spec.renewTime;
      h.probeTimestamp = now;
    }
    if (heartbeat !== h.heartbeat) {
      h.heartbeat = heartbeat;
      h.probeTimestamp = now;
    }
    if (now <= h.probeTimestamp + NODE_MONITOR_GRACE_PERIOD_MS) return node;
    const stamp = this.ctx.clock.timestamp();
    let changed = false;
    const conditions = (node.status?.conditions ?? []).map((c): NodeCondition => {
      if (c.status === 'Unknown') return c;
      changed = true;
      return {
        ...c,
        status: 'Unknown',
        reason: 'NodeStatusUnknown',
        message: 'Kubelet stopped posting node status.',
        lastTransitionTime: stamp,
      };
    });
    if (!changed) return node;
    return this.ctx.store.update<Node>({ ...node, status: { ...node.status, conditions } });
  }

  /** MarkPodsNotReady: the pods of an unresponsive node lose their Ready condition. */
  private markPodsNotReady(nodeName: string): void {
    const now = this.ctx.clock.timestamp();
    for (const key of this.podsOn(nodeName)) {
      const [namespace, name] = key.split('/');
      const pod = this.ctx.store.get<Pod>('Pod', namespace, name);
      const ready = pod?.status?.conditions?.find((c) => c.type === 'Ready');
      if (!pod || pod.spec?.nodeName !== nodeName || !ready || ready.status === 'False') continue;
      const conditions = withCondition(pod.status?.conditions, 'Ready', 'False', now, ready.reason, ready.message);
      const updated = this.ctx.store.update<Pod>({ ...pod, status: { ...pod.status, conditions } });
      this.ctx.recorder.event(updated, 'Warning', 'NodeNotReady', 'Node is not ready', COMPONENT);
    }
  }

  /** processTaintBaseEviction: Unknown → unreachable:NoExecute, False → not-ready:NoExecute, True → neither. */
  private processTaintBaseEviction(node: Stored<Node>, ready: string | undefined): void {
    const want = ready === 'Unknown' ? TAINT_UNREACHABLE : ready === 'False' ? TAINT_NOT_READY : undefined;
    // Counted in place: every node is checked every monitor period, and almost always nothing is to change.
    let held = 0;
    let heldKey: string | undefined;
    for (const t of node.spec?.taints ?? NO_TAINTS) {
      if (t.effect === 'NoExecute' && (t.key === TAINT_UNREACHABLE || t.key === TAINT_NOT_READY)) {
        held++;
        heldKey = t.key;
      }
    }
    if (held === 1 && heldKey === want) return;
    if (held === 0 && want === undefined) return;
    // The zone NoExecute tainter applies the swap on its next tick.
    this.ctx.clock.after(NODE_EVICTION_PERIOD_MS, 'node-lifecycle: NoExecute tainter', () => {
      const current = this.ctx.store.get<Node>('Node', '', node.metadata.name);
      if (!current) return;
      const keep = (current.spec?.taints ?? []).filter(
        (t) => !(t.effect === 'NoExecute' && (t.key === TAINT_UNREACHABLE || t.key === TAINT_NOT_READY)),
      );
      const add: Taint[] = want ? [{ key: want, effect: 'NoExecute', timeAdded: this.ctx.clock.timestamp() }] : [];
      this.writeTaints(current, [...keep, ...add]);
    });
  }

  /** doNoScheduleTaintingPass: the NoSchedule taint mirrors the Ready condition. */
  private doNoScheduleTaintingPass(nodeName: string): void {
    const node = this.ctx.store.get<Node>('Node', '', nodeName);
    if (!node) return;
    const ready = readyCondition(node)?.status;
    const want = ready === 'Unknown' ? TAINT_UNREACHABLE : ready === 'False' ? TAINT_NOT_READY : undefined;
    const taints = node.spec?.taints ?? [];
    const isOurs = (t: Taint): boolean =>
      t.effect === 'NoSchedule' && (t.key === TAINT_UNREACHABLE || t.key === TAINT_NOT_READY);
    const ours = taints.filter(isOurs);
    if ((ours.length === 0 && !want) || (ours.length === 1 && ours[0].key === want)) return;
    const next = taints.filter((t) => !isOurs(t));
    if (want) next.push({ key: want, effect: 'NoSchedule' });
    this.writeTaints(node, next);
  }

  private writeTaints(node: Stored<Node>, taints: Taint[]): void {
    const spec = { ...node.spec };
    if (taints.length > 0) spec.taints = taints;
    else delete spec.taints;
    this.ctx.store.update<Node>({ ...node, spec });
  }
}

const NO_TAINTS: readonly Taint[] = [];

function readyCondition(node: Node): NodeCondition | undefined {
  return node.status?.conditions?.find((c) => c.type === 'Ready');
}
