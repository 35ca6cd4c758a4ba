import type { ContainerStatus, Pod, PodStatus } from 'kubernetes-types/core/v1';
import type { Stored } from '../api/meta';
import type { WatchEvent } from '../api/store';
import type { ControllerContext } from '../controllers/context';
import { isTerminating, withCondition } from '../pods/pod-util';
import { canonicalImage, imageSize } from './images';
import type { RuntimeContainer } from './runtime';

/** What the kubelet is doing with one pod. */
interface PodWork {
  uid: string;
  namespace: string;
  name: string;
  stage: 'starting' | 'running' | 'terminating';
  timers: Array<{ cancel(): void }>;
}

const COMPONENT = 'kubelet';

/** Bytes per second a node pulls image layers at (about 25 MB/s). */
const PULL_BYTES_PER_SECOND = 25_000_000;

/**
 * One node's kubelet: starts the containers of pods bound to its node, reports their status, runs graceful
 * termination. Its containers live in `runtime` — the ground truth `ps()` shows.
 */
export class Kubelet {
  readonly runtime: RuntimeContainer[] = [];
  private readonly work = new Map<string, PodWork>();
  private readonly imageCache = new Set<string>();
  /** `runtime` by pod uid, so that stopping one pod does not walk every container on the node. */
  private readonly containersByPod = new Map<string, RuntimeContainer[]>();
  /** What `runtime` looked like when `containersByPod` was last in step with it. */
  private indexedLength = 0;
  private indexedLast: RuntimeContainer | undefined;
  private nextHostOctet = 2;
  private containerSeq = 0;

  constructor(
    private readonly ctx: ControllerContext,
    readonly nodeName: string,
    /** Third octet of this node's pod CIDR, 10.244.<n>.0/24. */
    private readonly podSubnet: number,
    readonly hostIP: string,
  ) {}

  /** Called for every Pod watch event whose pod is (or was) bound to this node. */
  handlePodEvent(event: WatchEvent): void {
    const pod = event.object as Stored<Pod>;
    const uid = pod.metadata.uid ?? '';
    const work = this.work.get(uid);
    if (event.type === 'DELETED') {
      // The Pod object is gone (a force delete, or the end of a graceful one): stop whatever still runs.
      if (work) this.forget(work);
      this.killContainers(uid);
      return;
    }
    if (isTerminating(pod)) {
      if (!work || work.stage !== 'terminating') this.beginTermination(pod, work);
      return;
    }
    if (!work) {
      const fresh: PodWork = {
        uid,
        namespace: pod.metadata.namespace ?? 'default',
        name: pod.metadata.name,
        stage: 'starting',
        timers: [],
      };
      this.work.set(uid, fresh);
      this.schedule(fresh, this.ctx.random.int(15, 60), 'pod sync', () => this.createSandbox(fresh));
    }
  }

  /** Containers running on this node. */
  runningContainers(): RuntimeContainer[] {
    return this.runtime.filter((c) => c.state === 'Running');
  }

  private createSandbox(work: PodWork): void {
    const pod = this.current(work);
    if (!pod) return;
    const now = this.ctx.clock.timestamp();
    const status: PodStatus = {
      ...pod.status,
      phase: 'Pending',
      hostIP: this.hostIP,
      hostIPs: [{ ip: this.hostIP }],
      startTime: now,
      qosClass: 'BestEffort',
      conditions: orderConditions(
        withCondition(
          withCondition(
            withCondition(
              withCondition(pod.status?.conditions, 'PodReadyToStartContainers', 'False', now),
              'Initialized',
              'True',
              now,
            ),
            'Ready',
            'False',
            now,
            'ContainersNotReady',
            `containers with unready status: [${pod.spec?.containers.map((c) => c.name).join(' ')}]`,
          ),
          'ContainersReady',
          'False',
          now,
          'ContainersNotReady',
          `containers with unready status: [${pod.spec?.containers.map((c) => c.name).join(' ')}]`,
        ),
      ),
      containerStatuses: (pod.spec?.containers ?? []).map((c): ContainerStatus => ({
        name: c.name,
        image: c.image ?? '',
        imageID: '',
        ready: false,
        restartCount: 0,
        started: false,
        state: { waiting: { reason: 'ContainerCreating' } },
        lastState: {},
      })),
    };
    this.writeStatus(pod, status);
    // Sandbox and network set-up, then the image pulls run one after another.
    let delay = this.ctx.random.int(300, 900);
    for (const container of pod.spec?.containers ?? []) {
      const image = container.image ?? '';
      const cached = this.imageCache.has(canonicalImage(image));
      if (cached) {
        this.schedule(work, delay, 'image present', () =>
          this.event(work, 'Normal', 'Pulled', `Container image "${image}" already present on machine`),
        );
        delay += this.ctx.random.int(50, 200);
        continue;
      }
      const size = imageSize(image) ?? 0;
      const pullMs = Math.round((size / PULL_BYTES_PER_SECOND) * 1000) + this.ctx.random.int(400, 1500);
      this.schedule(work, delay, 'pull image', () => this.event(work, 'Normal', 'Pulling', `Pulling image "${image}"`));
      delay += pullMs;
      this.schedule(work, delay, 'pulled image', () => {
        this.imageCache.add(canonicalImage(image));
        const seconds = (pullMs / 1000).toFixed(3).replace(/\.?0+$/, '');
        this.event(
          work,
          'Normal',
          'Pulled',
          `Successfully pulled image "${image}" in ${seconds}s (${seconds}s including waiting). Image size: ${size} bytes.`,
        );
      });
    }
    this.schedule(work, delay + this.ctx.random.int(80, 250), 'start containers', () => this.startContainers(work));
  }

  private startContainers(work: PodWork): void {
    const pod = this.current(work);
    if (!pod) return;
    const nowMs = this.ctx.clock.now();
    const now = this.ctx.clock.timestamp();
    const podIP = `10.244.${this.podSubnet}.${this.nextHostOctet++}`;
    const claims = (pod.spec?.volumes ?? []).flatMap((v) =>
      v.persistentVolumeClaim ? [v.persistentVolumeClaim.claimName] : [],
    );
    for (const container of pod.spec?.containers ?? []) {
      this.event(work, 'Normal', 'Created', `Created container: ${container.name}`);
      this.event(work, 'Normal', 'Started', `Started container ${container.name}`);
      this.addContainer({
        id: this.containerId(),
        node: this.nodeName,
        podNamespace: work.namespace,
        podName: work.name,
        podUid: work.uid,
        container: container.name,
        image: container.image ?? '',
        state: 'Running',
        startedAtMs: nowMs,
        claims,
      });
    }
    // Without a readiness probe a started container is ready at once.
    const probed = (pod.spec?.containers ?? []).some((c) => c.readinessProbe);
    work.stage = 'running';
    const conditions = withCondition(pod.status?.conditions, 'PodReadyToStartContainers', 'True', now);
    const readyNow = !probed;
    this.writeStatus(pod, {
      ...pod.status,
      phase: 'Running',
      podIP,
      podIPs: [{ ip: podIP }],
      conditions: orderConditions(readyNow ? markReady(conditions, now) : conditions),
      containerStatuses: (pod.spec?.containers ?? []).map((c): ContainerStatus => ({
        name: c.name,
        image: canonicalImage(c.image ?? ''),
        imageID: `${canonicalImage(c.image ?? '').replace(/:[^:]*$/, '')}@sha256:${digestOf(c.image ?? '')}`,
        containerID: `containerd://${this.runtime[this.runtime.length - 1].id}`,
        ready: readyNow,
        restartCount: 0,
        started: true,
        state: { running: { startedAt: now } },
        lastState: {},
      })),
    });
    if (probed) {
      const initialDelay = Math.max(
        ...(pod.spec?.containers ?? []).map((c) => c.readinessProbe?.initialDelaySeconds ?? 0),
      );
      this.schedule(work, initialDelay * 1000 + this.ctx.random.int(200, 1000), 'readiness probe', () =>
        this.becomeReady(work),
      );
    }
  }

  private becomeReady(work: PodWork): void {
    const pod = this.current(work);
    if (!pod || work.stage !== 'running') return;
    const now = this.ctx.clock.timestamp();
    this.writeStatus(pod, {
      ...pod.status,
      conditions: orderConditions(markReady(pod.status?.conditions, now)),
      containerStatuses: (pod.status?.containerStatuses ?? []).map((s) => ({ ...s, ready: true })),
    });
  }

  private beginTermination(pod: Stored<Pod>, existing: PodWork | undefined): void {
    const work: PodWork = existing ?? {
      uid: pod.metadata.uid ?? '',
      namespace: pod.metadata.namespace ?? 'default',
      name: pod.metadata.name,
      stage: 'terminating',
      timers: [],
    };
    for (const t of work.timers) t.cancel();
    work.timers = [];
    work.stage = 'terminating';
    this.work.set(work.uid, work);
    const grace = pod.metadata.deletionGracePeriodSeconds ?? 30;
    const running = this.containersOf(work.uid).some((c) => c.state === 'Running');
    if (running) {
      for (const c of pod.spec?.containers ?? []) this.event(work, 'Normal', 'Killing', `Stopping container ${c.name}`);
    }
    // nginx and busybox-style processes exit on SIGTERM within a second or two; never later than the grace period.
    const shutdownMs = running ? Math.min(grace * 1000, this.ctx.random.int(400, 2000)) : this.ctx.random.int(20, 80);
    this.schedule(work, shutdownMs, 'containers exited', () => {
      this.killContainers(work.uid);
      try {
        this.ctx.store.delete('Pod', work.namespace, work.name, { gracePeriodSeconds: 0 });
      } catch {
        // Already gone: another actor force-deleted it meanwhile.
      }
    });
  }

  private killContainers(uid: string): void {
    const containers = this.containersOf(uid);
    if (containers.length === 0) return;
    // Exited containers of deleted pods are garbage-collected by the kubelet; keep the list short.
    for (const c of containers) {
      c.state = 'Exited';
      const i = this.runtime.indexOf(c);
      if (i >= 0) this.runtime.splice(i, 1);
    }
    this.containersByPod.delete(uid);
    this.markIndexed();
  }

  private addContainer(container: RuntimeContainer): void {
    const list = this.containersOf(container.podUid);
    this.runtime.push(container);
    if (list.length === 0) this.containersByPod.set(container.podUid, list);
    list.push(container);
    this.markIndexed();
  }

  /** A pod's containers in `runtime`; the index is rebuilt if `runtime` was changed other than through it. */
  private containersOf(uid: string): RuntimeContainer[] {
    const runtime = this.runtime;
    if (runtime.length !== this.indexedLength || runtime[runtime.length - 1] !== this.indexedLast) {
      this.containersByPod.clear();
      for (const c of runtime) {
        const list = this.containersByPod.get(c.podUid);
        if (list) list.push(c);
        else this.containersByPod.set(c.podUid, [c]);
      }
      this.markIndexed();
    }
    return this.containersByPod.get(uid) ?? [];
  }

  private markIndexed(): void {
    this.indexedLength = this.runtime.length;
    this.indexedLast = this.runtime[this.runtime.length - 1];
  }

  private forget(work: PodWork): void {
    for (const t of work.timers) t.cancel();
    this.work.delete(work.uid);
  }

  private current(work: PodWork): Stored<Pod> | undefined {
    const pod = this.ctx.store.get<Pod>('Pod', work.namespace, work.name);
    return pod && pod.metadata.uid === work.uid ? pod : undefined;
  }

  private writeStatus(pod: Stored<Pod>, status: PodStatus): void {
    this.ctx.store.update<Pod>({ ...pod, status });
  }

  private schedule(work: PodWork, delayMs: number, label: string, run: () => void): void {
    work.timers.push(this.ctx.clock.after(delayMs, `kubelet ${this.nodeName}: ${label} ${work.name}`, run));
  }

  private event(work: PodWork, type: 'Normal' | 'Warning', reason: string, message: string): void {
    const pod = this.ctx.store.get<Pod>('Pod', work.namespace, work.name);
    if (pod && pod.metadata.uid === work.uid)
      this.ctx.recorder.event(pod, type, reason, message, COMPONENT, this.nodeName);
  }

  private containerId(): string {
    this.containerSeq += 1;
    let id = '';
    for (let i = 0; i < 13; i++) id += Math.floor(this.ctx.random.next() * 16).toString(16);
    return id;
  }
}

function markReady(conditions: PodStatus['conditions'], now: string): NonNullable<PodStatus['conditions']> {
  return withCondition(withCondition(conditions, 'Ready', 'True', now), 'ContainersReady', 'True', now);
}

/** The order kubelet reports pod conditions in. */
const CONDITION_ORDER = ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'];

function orderConditions(conditions: NonNullable<PodStatus['conditions']>): NonNullable<PodStatus['conditions']> {
  return [...conditions].sort((a, b) => CONDITION_ORDER.indexOf(a.type) - CONDITION_ORDER.indexOf(b.type));
}

/** A stable fake digest per image reference. */
function digestOf(image: string): string {
  let h = 2166136261;
  let out = '';
  for (let round = 0; round < 8; round++) {
    for (let i = 0; i < image.length; i++) h = Math.imul(h ^ image.charCodeAt(i) ^ round, 16777619) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out;
}
