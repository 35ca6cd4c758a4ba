import type { Container, Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../api/meta';
import type { ObjectStore } from '../api/store';
import type { SeededRandom } from '../random';
import { podClaimNames } from '../controllers/volume/volume-util';
import { ContainerTable } from './container-table';
import type { ContainerFiles } from './container-files';
import type { ExecResult } from './container-shell';
import { execInContainer, type PodNslookup } from './container-exec';
import { HostLocalIPAM } from './host-local-ipam';
import { canonicalImage } from './images';
import { newContainerId, type RuntimeContainer } from './runtime';

/**
 * One node's container runtime as the kubelet drives it through the CRI: pod sandboxes and their addresses, the
 * containers (running or exited), their writable layers, logs and exec. It is the ground truth: what runs here,
 * whatever the API says.
 */
export class NodeRuntime {
  private readonly containers = new ContainerTable();
  private readonly ipam: HostLocalIPAM;

  constructor(
    private readonly store: ObjectStore,
    private readonly random: SeededRandom,
    private readonly files: ContainerFiles,
    readonly nodeName: string,
    /** Third octet of this node's pod CIDR, 10.244.<n>.0/24. */
    podSubnet: number,
  ) {
    this.ipam = new HostLocalIPAM(podSubnet);
  }

  /** Every container on this node, running or exited, oldest first. */
  all(): RuntimeContainer[] {
    return this.containers.all();
  }

  running(): RuntimeContainer[] {
    return this.all().filter((c) => c.state === 'Running');
  }

  /** Whether any container of the pod still runs. */
  anyRunning(podUid: string): boolean {
    return this.containers.ofPod(podUid).some((c) => c.state === 'Running');
  }

  /** The sandbox's address from host-local IPAM; undefined when the range is used up. */
  allocateSandboxIP(podUid: string): string | undefined {
    return this.ipam.allocate(podUid);
  }

  ipRangeSet(): string {
    return this.ipam.rangeSet();
  }

  /**
   * CreateContainer + StartContainer: a new instance of the pod's container, running from now. The runtime keeps
   * only the newest exited instance of each container besides it (`keepId`, the one being replaced).
   */
  start(pod: Stored<Pod>, spec: Container, keepId: string | undefined, nowMs: number): RuntimeContainer {
    const uid = pod.metadata.uid ?? '';
    this.containers.removeOfPod(uid, (c) => c.container === spec.name && c.state === 'Exited' && c.id !== keepId);
    const container: RuntimeContainer = {
      id: newContainerId(this.random),
      node: this.nodeName,
      podNamespace: pod.metadata.namespace ?? 'default',
      podName: pod.metadata.name,
      podUid: uid,
      container: spec.name,
      image: canonicalImage(spec.image ?? ''),
      state: 'Running',
      startedAtMs: nowMs,
      claims: podClaimNames(pod),
      log: '',
    };
    this.containers.add(container);
    return container;
  }

  /** The container instance `id` of the pod has exited. */
  exited(podUid: string, id: string | undefined): void {
    for (const c of this.containers.ofPod(podUid)) if (c.id === id) c.state = 'Exited';
  }

  /** Every container of the pod has exited (it was stopped). */
  stopPod(podUid: string): void {
    for (const c of this.containers.ofPod(podUid)) c.state = 'Exited';
  }

  /**
   * Removes the pod's containers with their layers, its volumes' files and its sandbox, whose address goes back to
   * the range. Exited containers of deleted pods are garbage-collected: the list stays short.
   */
  removePod(podUid: string): void {
    for (const c of this.containers.ofPod(podUid)) this.files.removeLayer(c.id);
    this.files.removePodVolumes(podUid);
    this.containers.removeOfPod(podUid);
    this.ipam.release(podUid);
  }

  /** ExecSync in one of the pod's running containers; undefined when that container is not running here. */
  exec(pod: Stored<Pod>, container: string, argv: string[], nslookup?: PodNslookup): ExecResult | undefined {
    const uid = pod.metadata.uid ?? '';
    const running = this.containers.ofPod(uid).find((c) => c.container === container && c.state === 'Running');
    return running ? execInContainer(this.store, this.files, pod, running, argv, nslookup) : undefined;
  }

  /**
   * The log of the pod's container: the instance `currentId` (or the last one), or with `previous` the one
   * before. Undefined when the runtime holds no such instance.
   */
  log(podUid: string, container: string, currentId: string | undefined, previous: boolean): string | undefined {
    const instances = this.containers.ofPod(podUid).filter((c) => c.container === container);
    const current = instances.find((c) => c.id === currentId) ?? instances[instances.length - 1];
    const wanted = previous ? instances.filter((c) => c !== current).pop() : current;
    return wanted?.log;
  }
}
