import type { Pod } from 'kubernetes-types/core/v1';
import type { ObjectStore } from './api/store';
import type { NodeHeartbeat } from './node/heartbeat';
import type { Kubelet, PodWork } from './node/kubelet';

/**
 * Faults to inject into a running cluster: network partitions of nodes and misbehaving containers. Each mirrors
 * something that happens to real clusters; the control plane reacts to it with its ordinary algorithms.
 */
export class Faults {
  constructor(
    private readonly store: ObjectStore,
    private readonly kubelets: ReadonlyMap<string, Kubelet>,
    private readonly heartbeats: ReadonlyMap<string, NodeHeartbeat>,
  ) {}

  /**
   * Cuts a node off from the control plane: its kubelet stops renewing its lease and posting status and no longer
   * sees API changes — but its containers keep running.
   */
  partitionNode(name: string): void {
    this.kubelet(name).partitioned = true;
  }

  /** Ends a partition: the kubelet reports again and reconciles, killing containers whose pods are gone. */
  healNode(name: string): void {
    const kubelet = this.kubelet(name);
    if (!kubelet.partitioned) return;
    kubelet.partitioned = false;
    this.heartbeats.get(name)?.reconnect();
    kubelet.resyncAfterPartition();
  }

  /** Whether a node is cut off. */
  isPartitioned(name: string): boolean {
    return this.kubelet(name).partitioned;
  }

  /** The pod's readiness probe starts failing (it must have one). */
  unready(pod: string, namespace = 'default'): void {
    const { kubelet, work, spec } = this.podWork(pod, namespace);
    if (!spec.spec?.containers.some((c) => c.readinessProbe)) {
      throw new Error(`pod "${pod}" has no readiness probe: nothing would notice it is unready`);
    }
    kubelet.setProbeFailing(work, true);
  }

  /** The pod's readiness probe succeeds again. */
  ready(pod: string, namespace = 'default'): void {
    const { kubelet, work } = this.podWork(pod, namespace);
    kubelet.setProbeFailing(work, false);
  }

  /** The pod's (first running) container exits with a non-zero code once; the kubelet restarts it. */
  crash(pod: string, namespace = 'default', exitCode = 1): void {
    const { kubelet, work } = this.podWork(pod, namespace);
    const index = work.containers.findIndex((c) => c.state === 'running');
    if (index < 0) throw new Error(`pod "${pod}" has no running container`);
    kubelet.crashContainer(work, index, exitCode);
  }

  private kubelet(name: string): Kubelet {
    const kubelet = this.kubelets.get(name);
    if (!kubelet) throw new Error(`node "${name}" not found`);
    return kubelet;
  }

  private podWork(name: string, namespace: string): { kubelet: Kubelet; work: PodWork; spec: Pod } {
    const pod = this.store.get<Pod>('Pod', namespace, name);
    if (!pod) throw new Error(`pod "${name}" not found in namespace "${namespace}"`);
    const kubelet = pod.spec?.nodeName ? this.kubelets.get(pod.spec.nodeName) : undefined;
    const work = kubelet?.workFor(pod.metadata.uid ?? '');
    if (!kubelet || !work) throw new Error(`pod "${name}" is not running on any node yet`);
    return { kubelet, work, spec: pod };
  }
}
