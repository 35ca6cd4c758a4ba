import type { Node, Pod } from 'kubernetes-types/core/v1';
import { deepEqual, type Stored } from '../api/meta';
import { copyToExtend } from '../api/share';
import type { WatchEvent } from '../api/store';
import type { ControllerContext } from '../controllers/context';
import { WorkQueue } from '../controllers/workqueue';
import { isTerminal, withCondition } from '../pods/pod-util';
import { parseQuantity } from '../api/quantity';
import { podRequests, COMPUTE_RESOURCES, type ResourceAmounts } from '../pods/resources';
import { LastMiss } from './last-miss';
import { isReady, isSchedulable, unfitReason } from './node-filters';
import { UnschedulablePods } from './unschedulable-pods';
import { fitErrorMessage, VOLUME_NODE_CONFLICT, VolumeBinder } from './volume-binding';

/**
 * kube-scheduler, reduced to what the course needs: filter nodes that are Ready and schedulable, score by fewest
 * pods (NodeResourcesBalancedAllocation-like spreading), break ties with seeded randomness, then bind.
 */
export class Scheduler {
  private readonly queue: WorkQueue;
  /** What is bound to each node, kept up to date from watch events so filtering and scoring need no scan. */
  private readonly loads = new Map<string, NodeLoad>();
  private readonly volumes: VolumeBinder;
  /** Pods that failed to schedule, waiting for a cluster change that might let them fit. */
  private readonly unschedulablePods: UnschedulablePods;
  /** Each bound pod's share of its node's load, for NodeResourcesFit without a scan. */
  private readonly podShare = new Map<string, { node: string; requests: ResourceAmounts }>();
  /** The nodes as listed (sorted by name), kept until a Node changes: the node informer's cache. */
  private nodes: NodeFacts[] | undefined;
  /** Whether every node in `nodes` is open. */
  private allOpen = false;
  /** Bumped whenever a node's running count or requests change. */
  private loadVersion = 0;
  private readonly lastMiss = new LastMiss();
  /** Each stored Node version's allocatable pods, parsed once (stored objects are never mutated). */
  private readonly allocatablePods = new WeakMap<object, number>();
  /** The best nodes of the pass in progress, in node order: one array reused by every pass (only its head counts). */
  private readonly bestNodes: Stored<Node>[] = [];

  constructor(private readonly ctx: ControllerContext) {
    ctx.recorder.startSeries(COMPONENT);
    this.volumes = new VolumeBinder(ctx);
    this.queue = new WorkQueue(ctx.clock, 'scheduler', 8, (key) => this.schedule(key));
    this.unschedulablePods = new UnschedulablePods(ctx.clock, this.queue);
    ctx.store.watch('Pod', (e) => this.onPod(e));
    // A claim binding, a new volume or a node change may let a waiting pod fit.
    for (const kind of ['PersistentVolumeClaim', 'PersistentVolume', 'Node']) {
      ctx.store.watch(kind, (e) => {
        if (kind === 'Node') this.nodes = undefined;
        if (kind === 'Node' && (e.type === 'DELETED' || !nodeChangeMatters(e))) return;
        this.unschedulablePods.moveAll();
      });
    }
  }

  private onPod(event: WatchEvent): void {
    const pod = event.object as Stored<Pod>;
    const uid = pod.metadata.uid ?? '';
    const node = pod.spec?.nodeName;
    if (!unchangedShare(event)) this.trackRequests(pod, event.type === 'DELETED');
    if (event.type === 'DELETED') {
      if (node) this.unbind(node, uid);
      else this.unschedulablePods.forget(podKey(pod));
      return;
    }
    if (node) {
      if (event.type === 'MODIFIED' && !(event.old as Stored<Pod> | undefined)?.spec?.nodeName) {
        this.unschedulablePods.forget(podKey(pod));
      }
      // Status writes to a bound pod leave it where it was counted.
      if (event.type === 'MODIFIED' && (event.old as Stored<Pod> | undefined)?.spec?.nodeName === node) return;
      const load = this.loadOf(node);
      if (!load.bound.has(uid)) {
        load.bound.add(uid);
        load.boundCount += 1;
      }
      return;
    }
    if (pod.metadata.deletionTimestamp) return;
    // isPodUpdated: a write to the status alone (such as the scheduler's own Unschedulable condition) is no reason
    // to try again.
    const old = event.old as Stored<Pod> | undefined;
    if (event.type === 'MODIFIED' && old && !podUpdated(old, pod)) return;
    this.unschedulablePods.forget(podKey(pod));
    this.queue.add(podKey(pod));
  }

  /**
   * Keeps each node's running count and requests current: a bound pod counts until it is deleted or has finished (the
   * scheduler's pod informer leaves out Succeeded and Failed pods, so to it a finished pod is a deleted one).
   */
  private trackRequests(pod: Stored<Pod>, deleted: boolean): void {
    const uid = pod.metadata.uid ?? '';
    const node = pod.spec?.nodeName;
    const finished = pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
    const share = this.podShare.get(uid);
    if (deleted || finished || !node) {
      if (!share) return;
      this.podShare.delete(uid);
      const load = this.loadOf(share.node);
      this.loadVersion += 1;
      load.running -= 1;
      for (const r of COMPUTE_RESOURCES) load.requested[r] -= share.requests[r];
      // AssignedPodDelete: the room it leaves may let a waiting pod fit.
      this.unschedulablePods.moveAll();
      return;
    }
    if (share) return;
    // Worked out once per bound pod (requests do not change), even when they are zero, so status updates cost nothing.
    const requests = podRequests(pod);
    this.podShare.set(uid, { node, requests });
    const load = this.loadOf(node);
    this.loadVersion += 1;
    load.running += 1;
    for (const r of COMPUTE_RESOURCES) load.requested[r] += requests[r];
  }

  private unbind(node: string, uid: string): void {
    const load = this.loads.get(node);
    if (load?.bound.delete(uid)) load.boundCount -= 1;
  }

  /** The node's load, made empty the first time the node is named. */
  private loadOf(node: string): NodeLoad {
    let load = this.loads.get(node);
    if (!load) {
      load = { bound: new Set(), boundCount: 0, running: 0, requested: { cpu: 0, memory: 0 } };
      this.loads.set(node, load);
    }
    return load;
  }

  /** NodeResourcesFit's Filter: the reasons the node gives ("Too many pods", "Insufficient <resource>"), if any. */
  private insufficient({ node, load, allowed }: NodeFacts, requests: ResourceAmounts): string[] {
    const full = load.running + 1 > allowed;
    // A pod that requests nothing needs only room for one more pod: no lists built per node and pod.
    if (requests.cpu === 0 && requests.memory === 0) return full ? TOO_MANY_PODS : NO_REASONS;
    const used = load.requested;
    const short = COMPUTE_RESOURCES.filter((r) => {
      if (requests[r] === 0) return false;
      const allocatable = parseQuantity(node.status?.allocatable?.[r]) ?? 0;
      return requests[r] > allocatable - used[r];
    }).map((r) => `Insufficient ${r}`);
    return full ? [...TOO_MANY_PODS, ...short] : short;
  }

  /** The node's allocatable pods (the kubelet's --max-pods). */
  private allowedPods(node: Stored<Node>): number {
    let allowed = this.allocatablePods.get(node);
    if (allowed === undefined) {
      allowed = parseQuantity(node.status?.allocatable?.pods) ?? 0;
      this.allocatablePods.set(node, allowed);
    }
    return allowed;
  }

  /** The nodes' facts, listed again after a Node changed. */
  private nodeFacts(): NodeFacts[] {
    if (!this.nodes) {
      this.nodes = this.ctx.store.list<Node>('Node').map((n) => this.factsOf(n));
      this.allOpen = this.nodes.every((f) => f.open);
    }
    return this.nodes;
  }

  /** What filtering reads of a node version, worked out once: an open node passes every pod's filters. */
  private factsOf(node: Stored<Node>): NodeFacts {
    const open = !node.spec?.unschedulable && !node.spec?.taints?.length && isReady(node);
    const name = node.metadata.name;
    return { node, name, open, allowed: this.allowedPods(node), load: this.loadOf(name) };
  }

  private schedule(key: string): void {
    const slash = key.indexOf('/');
    const namespace = key.slice(0, slash);
    const name = key.slice(slash + 1);
    const pod = this.ctx.store.get<Pod>('Pod', namespace, name);
    if (!pod || pod.spec?.nodeName || pod.metadata.deletionTimestamp || this.volumes.isBinding(pod)) return;
    const total = this.ctx.store.count('Node');
    const volumes = this.volumes.preFilter(pod);
    if (volumes.unschedulable) {
      this.unschedulable(pod, fitErrorMessage(total, volumes.unschedulable, new Map()));
      return;
    }
    const all = this.nodeFacts();
    const requests = podRequests(pod);
    // A pod needing only room on open nodes fails as the last such pod did while nothing has changed.
    const roomOnly = this.allOpen && !volumes.pinnedNode;
    const missed = roomOnly ? this.lastMiss.lookup(all, this.loadVersion, requests) : undefined;
    if (missed !== undefined) {
      this.unschedulable(pod, missed);
      return;
    }
    // Filter and score in one pass: the feasible nodes with the fewest pods are the best, kept in node order, and
    // one of them is drawn.
    const best = this.bestNodes;
    const pinned = volumes.pinnedNode;
    let bestCount = Infinity;
    let ties = 0;
    for (let i = 0; i < all.length; i++) {
      const facts = all[i];
      const count = facts.load.boundCount;
      if (count > bestCount) continue;
      if (!facts.open && !isSchedulable(facts.node, pod)) continue;
      if (pinned && facts.name !== pinned) continue;
      if (this.insufficient(facts, requests).length > 0) continue;
      if (count < bestCount) {
        bestCount = count;
        ties = 0;
      }
      best[ties++] = facts.node;
    }
    if (ties === 0) {
      const message = this.fitFailure(all, pod, requests, pinned, total);
      if (roomOnly) this.lastMiss.record(all, this.loadVersion, requests, message);
      this.unschedulable(pod, message);
      return;
    }
    const chosen = best[this.ctx.random.int(0, ties - 1)];
    if (volumes.delayed.length > 0) {
      this.volumes.bindClaims(pod, chosen.metadata.name, volumes.delayed, () => {
        const latest = this.ctx.store.get<Pod>('Pod', namespace, name);
        if (
          latest &&
          latest.metadata.uid === pod.metadata.uid &&
          !latest.spec?.nodeName &&
          !latest.metadata.deletionTimestamp
        ) {
          // PreBind's checkBindings: a pod sharing the claim may have had it provisioned on another node first;
          // the volume's node affinity then rules this node out, and the pod goes back to the queue.
          const pinned = this.volumes.preFilter(latest).pinnedNode;
          if (pinned && pinned !== chosen.metadata.name) this.queue.add(key);
          else this.bind(latest, chosen.metadata.name);
        }
      });
      return;
    }
    this.bind(pod, chosen.metadata.name);
  }

  /** The FitError message of a pass that found no node: each node's reasons, counted across the nodes. */
  private fitFailure(
    all: NodeFacts[],
    pod: Stored<Pod>,
    requests: ResourceAmounts,
    pinnedNode: string | undefined,
    total: number,
  ): string {
    const reasons = new Map<string, number>();
    const tally = (reason: string, n: number): void => {
      if (n > 0) reasons.set(reason, (reasons.get(reason) ?? 0) + n);
    };
    let resolvable = 0;
    // A full cluster fails most pods for "Too many pods" on node after node: counted here, added once.
    let tooMany = 0;
    for (const facts of all) {
      const n = facts.node;
      if (!facts.open && !isSchedulable(n, pod)) tally(unfitReason(n, pod), 1);
      else if (pinnedNode && n.metadata.name !== pinnedNode) tally(VOLUME_NODE_CONFLICT, 1);
      else {
        resolvable++;
        const nodeReasons = this.insufficient(facts, requests);
        if (nodeReasons === TOO_MANY_PODS) tooMany++;
        else for (const reason of nodeReasons) tally(reason, 1);
      }
    }
    tally(TOO_MANY_PODS[0], tooMany);
    return fitErrorMessage(total, undefined, reasons, resolvable);
  }

  private bind(pod: Stored<Pod>, nodeName: string): void {
    const now = this.ctx.clock.timestamp();
    // nodeName (and at first conditions) are keys the pod lacks: copied to extend, not spread (see copyToExtend).
    const spec = copyToExtend(pod.spec);
    spec.containers = pod.spec?.containers ?? [];
    spec.nodeName = nodeName;
    const status = copyToExtend(pod.status);
    status.phase = 'Pending';
    status.conditions = withCondition(pod.status?.conditions, 'PodScheduled', 'True', now);
    this.ctx.store.update<Pod>({ ...pod, spec, status });
    // The scheduler's copy of the pod, as it was before the binding, is what the event is about.
    const message = `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${nodeName}`;
    this.ctx.recorder.seriesEvent(pod, 'Normal', 'Scheduled', 'Binding', message, COMPONENT);
  }

  private unschedulable(pod: Stored<Pod>, message: string): void {
    // handleSchedulingFailure's updatePod writes nothing when UpdatePodCondition finds the condition unchanged:
    // a pod that fails again for the same reason is not written again.
    const scheduled = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
    const unchanged =
      pod.status?.phase === 'Pending' &&
      scheduled?.status === 'False' &&
      scheduled.reason === 'Unschedulable' &&
      scheduled.message === message;
    if (!unchanged) {
      const now = this.ctx.clock.timestamp();
      // conditions is a key a new pod's status lacks: copied to extend, not spread (see copyToExtend).
      const status = copyToExtend(pod.status);
      status.phase = 'Pending';
      status.conditions = withCondition(pod.status?.conditions, 'PodScheduled', 'False', now, 'Unschedulable', message);
      this.ctx.store.update<Pod>({ ...pod, status });
    }
    this.ctx.recorder.seriesEvent(pod, 'Warning', 'FailedScheduling', 'Scheduling', message, COMPONENT);
    this.unschedulablePods.park(podKey(pod));
  }
}

/**
 * A write that leaves a pod on the node it was on and neither ends nor revives it: its share of the node's
 * requests stays what it was.
 */
function unchangedShare(event: WatchEvent): boolean {
  if (event.type !== 'MODIFIED' || !event.old) return false;
  const pod = event.object as Stored<Pod>;
  const old = event.old as Stored<Pod>;
  const node = pod.spec?.nodeName;
  return !!node && old.spec?.nodeName === node && isTerminal(old) === isTerminal(pod);
}

/** The scheduler's reporting controller. */
const COMPONENT = 'default-scheduler';
const NO_REASONS: string[] = [];
/** fitsRequest checks the pod count first. */
const TOO_MANY_PODS = ['Too many pods'];

/**
 * Whether a Node event could let a waiting pod fit (the queueing hints of NodeUnschedulable, TaintToleration,
 * NodeResourcesFit and NodeAffinity): a new node, or a change of its spec, labels, allocatable or readiness; a status
 * post that only moves heartbeat times is none.
 */
function nodeChangeMatters(event: WatchEvent): boolean {
  const old = event.old as Stored<Node> | undefined;
  const node = event.object as Stored<Node>;
  if (event.type !== 'MODIFIED' || !old) return true;
  const ready = (n: Node): string | undefined => n.status?.conditions?.find((c) => c.type === 'Ready')?.status;
  return (
    !deepEqual(old.spec, node.spec) ||
    !deepEqual(old.metadata.labels, node.metadata.labels) ||
    !deepEqual(old.status?.allocatable, node.status?.allocatable) ||
    ready(old) !== ready(node)
  );
}

/** isPodUpdated: whether anything but the status, resourceVersion and generation changed. */
function podUpdated(old: Stored<Pod>, pod: Stored<Pod>): boolean {
  if (!deepEqual(old.spec, pod.spec)) return true;
  const { resourceVersion: _a, generation: _b, ...oldMeta } = old.metadata;
  const { resourceVersion: _c, generation: _d, ...meta } = pod.metadata;
  return !deepEqual(oldMeta, meta);
}

function podKey(pod: Stored<Pod>): string {
  return `${pod.metadata.namespace}/${pod.metadata.name}`;
}
/** A node as the scheduler's filters see it. */
interface NodeFacts {
  node: Stored<Node>;
  name: string;
  /** Ready, not cordoned and untainted: every pod passes NodeUnschedulable and TaintToleration here. */
  open: boolean;
  /** Allocatable pods. */
  allowed: number;
  /** The node's load, the scheduler's own (it changes as pods come and go; the facts stay). */
  load: NodeLoad;
}

/** What is bound to one node: read by every scheduling pass straight from the node's facts, without a lookup. */
interface NodeLoad {
  /** Uids of the pods bound to the node, for scoring, and how many (read for every node on every pass). */
  bound: Set<string>;
  boundCount: number;
  /** Bound pods that have not finished: NodeResourcesFit's pod count. */
  running: number;
  /** What those pods request. */
  requested: ResourceAmounts;
}
