import type { Lease, LeaseSpec } from 'kubernetes-types/coordination/v1';
import type { Node, NodeCondition } from 'kubernetes-types/core/v1';
import type { OwnerReference } from 'kubernetes-types/meta/v1';
import { HeldObject } from '../api/held-object';
import { copyToExtend } from '../api/share';
import type { VirtualClock } from '../clock';
import type { ControllerContext } from '../controllers/context';
import type { Kubelet } from './kubelet';

/** The kubelet's node lease lasts 40 s and is renewed every quarter of that (nodeLeaseRenewIntervalFraction). */
export const NODE_LEASE_DURATION_SECONDS = 40;
export const NODE_LEASE_RENEW_MS = 10_000;
/** nodeStatusReportFrequency: with nothing changed, the kubelet still posts its node status every 5 minutes. */
export const NODE_STATUS_REPORT_MS = 5 * 60_000;

/**
 * The kubelets' shared beat: every NodeHeartbeat renews on the same 10 s grid (all nodes start at time 0), so one
 * task per period beats them all, in the order they joined, where one task per node each time would run them in
 * that same order anyway.
 */
export class HeartbeatTicker {
  private readonly heartbeats: NodeHeartbeat[] = [];

  constructor(clock: VirtualClock) {
    const tick = (): void => {
      for (const heartbeat of this.heartbeats) heartbeat.beat();
      clock.after(NODE_LEASE_RENEW_MS, 'kubelets: renew leases', tick);
    };
    clock.after(NODE_LEASE_RENEW_MS, 'kubelets: renew leases', tick);
  }

  add(heartbeat: NodeHeartbeat): void {
    this.heartbeats.push(heartbeat);
  }
}

/**
 * The kubelet's heartbeats: it renews its Lease in kube-node-lease every 10 s (the node lifecycle controller's
 * health signal) and, after a partition heals, posts its node status again. A partitioned kubelet renews nothing.
 */
export class NodeHeartbeat {
  /** When the kubelet last posted its node status (registration counts). */
  private lastReportMs: number;
  /**
   * The stored lease spec, while it is one this kubelet wrote with only the fields it sets (stored objects are never
   * mutated, so identity tells that nobody has written another since).
   */
  private ownSpec: LeaseSpec | undefined;
  /** The lease, read on every renewal. */
  private readonly lease: HeldObject<Lease>;

  constructor(
    private readonly ctx: ControllerContext,
    private readonly kubelet: Kubelet,
    ticker: HeartbeatTicker,
  ) {
    const now = ctx.clock.now();
    this.lastReportMs = now;
    this.lease = new HeldObject<Lease>(ctx.store, 'Lease', 'kube-node-lease', kubelet.nodeName);
    this.ownSpec = ctx.store.create<Lease>({
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: { name: kubelet.nodeName, namespace: 'kube-node-lease', ownerReferences: this.nodeOwner() },
      spec: {
        holderIdentity: kubelet.nodeName,
        leaseDurationSeconds: NODE_LEASE_DURATION_SECONDS,
        renewTime: ctx.clock.microTimestamp(now),
      },
    }).spec;
    ticker.add(this);
  }

  /** Reconnected: post a fresh node status and renew the lease at once (kubelet syncNodeStatus). */
  reconnect(): void {
    const node = this.ctx.store.get<Node>('Node', '', this.kubelet.nodeName);
    this.lastReportMs = this.ctx.clock.now();
    if (node) {
      const now = this.ctx.clock.timestamp();
      const conditions = (node.status?.conditions ?? []).map((c) => healthy(c, now));
      this.ctx.store.update<Node>({ ...node, status: { ...node.status, conditions } });
      const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
      if (ready && ready.status !== 'True') {
        const updated = this.ctx.store.get<Node>('Node', '', this.kubelet.nodeName);
        if (updated) {
          this.ctx.recorder.event(
            updated,
            'Normal',
            'NodeReady',
            `Node ${this.kubelet.nodeName} status is now: NodeReady`,
            'kubelet',
            this.kubelet.nodeName,
          );
        }
      }
    }
    this.renew();
  }

  /** One renew period: a reachable kubelet renews its lease, and posts its status when one is due. */
  beat(): void {
    if (this.kubelet.partitioned) return;
    this.renew();
    if (this.ctx.clock.now() - this.lastReportMs >= NODE_STATUS_REPORT_MS) this.report();
  }

  /** An unchanged node status posted again: every condition's lastHeartbeatTime moves to now. */
  private report(): void {
    this.lastReportMs = this.ctx.clock.now();
    const node = this.ctx.store.get<Node>('Node', '', this.kubelet.nodeName);
    if (!node) return;
    const now = this.ctx.clock.timestamp();
    const conditions = (node.status?.conditions ?? []).map((c) => ({ ...c, lastHeartbeatTime: now }));
    this.ctx.store.update<Node>({ ...node, status: { ...node.status, conditions } });
  }

  private renew(): void {
    const lease = this.lease.get();
    if (!lease) return;
    const renewTime = this.ctx.clock.microTimestamp();
    const owners = lease.metadata.ownerReferences?.length ? undefined : this.nodeOwner();
    // A copy made here, where every metadata is a Lease's, costs less than the store's copy of shared metadata,
    // which sees every kind's.
    const metadata = owners ? copyToExtend(lease.metadata) : { ...lease.metadata };
    if (owners) metadata.ownerReferences = owners;
    // Built from the stored lease with nothing undefined (a stored object has no undefined fields).
    if (lease.spec && lease.spec === this.ownSpec) {
      // The kubelet's own spec, renewed as a literal: a spread copy costs several times more, and leases are
      // renewed a hundred thousand times over a long run.
      const { holderIdentity, leaseDurationSeconds } = lease.spec;
      const spec = { holderIdentity, leaseDurationSeconds, renewTime };
      const renewed = { apiVersion: lease.apiVersion, kind: lease.kind, metadata, spec };
      this.ownSpec = this.ctx.store.updateOwned<Lease>(renewed).spec;
    } else {
      // A spec someone else wrote is copied whole, so the fields the kubelet does not set survive, as newLease's
      // DeepCopy keeps them.
      this.ownSpec = undefined;
      this.ctx.store.updateOwned<Lease>({ ...lease, metadata, spec: { ...lease.spec, renewTime } });
    }
  }

  /**
   * setNodeOwnerFunc: the lease names its Node as owner, so deleting the node collects the lease. Without the node
   * (not registered yet) there is no uid to name; each renewal tries again.
   */
  private nodeOwner(): OwnerReference[] | undefined {
    const node = this.ctx.store.get<Node>('Node', '', this.kubelet.nodeName);
    const uid = node?.metadata.uid;
    return uid ? [{ apiVersion: 'v1', kind: 'Node', name: this.kubelet.nodeName, uid }] : undefined;
  }
}

const HEALTHY: Record<string, { reason: string; message: string; status: string }> = {
  MemoryPressure: {
    status: 'False',
    reason: 'KubeletHasSufficientMemory',
    message: 'kubelet has sufficient memory available',
  },
  DiskPressure: { status: 'False', reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure' },
  PIDPressure: { status: 'False', reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available' },
  Ready: { status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' },
};

function healthy(condition: NodeCondition, now: string): NodeCondition {
  const want = HEALTHY[condition.type];
  if (!want) return { ...condition, lastHeartbeatTime: now };
  return {
    ...condition,
    status: want.status,
    reason: want.reason,
    message: want.message,
    lastHeartbeatTime: now,
    lastTransitionTime: condition.status === want.status ? condition.lastTransitionTime : now,
  };
}
