import type { Container, Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../api/meta';
import type { WatchEvent } from '../api/store';
import type { ControllerContext } from '../controllers/context';
import { unboundPodClaims } from '../controllers/volume/volume-util';
import { isTerminating } from '../pods/pod-util';
import { jitter } from './backoff';
import { EventMessages } from './event-messages';
import { ImageManager } from './image-manager';
import { kubeletPodStatus, type ContainerRun } from './pod-status';
import { newPodWork, terminatedState, type PodWork } from './pod-work';
import { ReadinessProber } from './prober';
import type { ContainerFiles } from './container-files';
import type { ExecResult } from './container-shell';
import type { PodNslookup } from './container-exec';
import { runMainProcess } from './main-process';
import { ContainerRestarts } from './restarts';
import { NodeRuntime } from './node-runtime';
import type { RuntimeContainer } from './runtime';

export type { PodWork } from './pod-work';

const COMPONENT = 'kubelet';
const CREATED = new EventMessages((container) => `Created container: ${container}`);
const STARTED = new EventMessages((container) => `Started container ${container}`);
const STOPPING = new EventMessages((container) => `Stopping container ${container}`);
/** GenerateContainerRef's field path of one of the containers (this kubelet runs spec.containers alone). */
const CONTAINER_FIELD_PATH = new EventMessages((container) => `spec.containers{${container}}`);
/** How often a pod waiting for its volumes checks again. */
const VOLUME_RETRY_MS = 2000;
/** How soon the pod worker tries a failed sandbox again. */
const SANDBOX_RETRY_MS = 10_000;
/** pod_workers.go: a sync that failed is retried after backOffPeriod (10 s) with 50 % jitter. */
const WORKER_BACKOFF_MS = 10_000;
/** The PLEG notices a container exit within its one-second relist. */
const PLEG_RELIST_MS = 1000;

/**
 * One node's kubelet: starts the containers of pods bound to its node, pulls images with back-off, restarts
 * crashed containers with back-off, probes readiness, reports status, runs graceful termination. Its containers
 * live in its NodeRuntime — the ground truth `ps()` shows. A partitioned kubelet keeps its containers running but
 * neither sees nor writes the API until it is healed.
 */
export class Kubelet {
  partitioned = false;
  private readonly containers: NodeRuntime;
  private readonly work = new Map<string, PodWork>();
  private readonly timerLabels = new Map<string, string>();
  private readonly images: ImageManager;
  /** The container restart back-off: keyed by pod and container. */
  private readonly restarts: ContainerRestarts;
  private readonly prober: ReadinessProber;

  constructor(
    private readonly ctx: ControllerContext,
    readonly nodeName: string,
    /** Third octet of this node's pod CIDR, 10.244.<n>.0/24. */
    podSubnet: number,
    readonly hostIP: string,
    private readonly files: ContainerFiles,
    /** nslookup from one of this node's pods, for a container whose own process runs it. */
    private readonly podNslookup?: (pod: Stored<Pod>) => PodNslookup,
  ) {
    this.restarts = new ContainerRestarts(ctx.clock);
    this.containers = new NodeRuntime(ctx.store, ctx.random, files, nodeName, podSubnet);
    this.images = new ImageManager(ctx, {
      schedule: (work, ms, label, run) => this.schedule(work, ms, label, run),
      event: (work, container, type, reason, message) => this.event(work, type, reason, message, container),
      setWaiting: (work, run, reason, message) => this.setWaiting(work, run, reason, message),
      alive: (work) => this.current(work) !== undefined && work.stage !== 'terminating',
    });
    this.prober = new ReadinessProber(ctx, {
      current: (work) => this.current(work),
      schedule: (work, ms, label, run) => this.schedule(work, ms, label, run),
      event: (work, container, type, reason, message) => this.event(work, type, reason, message, container),
      statusChanged: (work) => this.pushStatus(work),
    });
  }

  /** Called for every Pod watch event whose pod is (or was) bound to this node. */
  handlePodEvent(event: WatchEvent): void {
    if (this.partitioned) return; // the watch is broken: the kubelet catches up when it is healed
    if (changesNothingHere(event)) return;
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
    if (!work) this.admit(pod);
  }

  /** Every container on this node, running or exited, oldest first. */
  get runtime(): RuntimeContainer[] {
    return this.containers.all();
  }

  /**
   * The kubelet's exec endpoint, which the apiserver proxies `kubectl exec` to: runs a command in one of the pod's
   * running containers. Undefined when that container is not running here.
   */
  exec(pod: Stored<Pod>, container: string, argv: string[], nslookup?: PodNslookup): ExecResult | undefined {
    return this.containers.exec(pod, container, argv, nslookup);
  }

  /** Containers running on this node. */
  runningContainers(): RuntimeContainer[] {
    return this.containers.running();
  }

  /** The work item for a pod by uid (faults use it). */
  workFor(uid: string): PodWork | undefined {
    return this.work.get(uid);
  }

  /** Every pod the kubelet is running, by uid. */
  allWork(): PodWork[] {
    return [...this.work.values()];
  }

  /** The `unready` / `ready` faults: the pod's readiness endpoint starts or stops failing. */
  setProbeFailing(work: PodWork, failing: boolean): void {
    work.probeFailing = failing;
  }

  /** The `crash` fault and crashing commands: the pod's first running container exits with `exitCode`. */
  crashContainer(work: PodWork, index: number, exitCode: number): void {
    const run = work.containers[index];
    if (!run || run.state !== 'running') return;
    const finishedMs = this.ctx.clock.now();
    const finishedAt = this.ctx.clock.timestamp();
    this.containers.exited(work.uid, run.runtimeId);
    run.state = 'terminated';
    run.ready = false;
    run.terminated = terminatedState(run, exitCode, finishedAt);
    this.prober.stop(work, run);
    this.pushStatus(work);
    run.finishedAtMs = finishedMs;
    this.schedule(work, PLEG_RELIST_MS, 'PLEG container died', () => this.sync(work));
  }

  /** Heals a partition: the kubelet relists its pods and reconciles the runtime with the API (HandlePodCleanups). */
  resyncAfterPartition(): void {
    const bound = new Map<string, Stored<Pod>>();
    for (const pod of this.ctx.store.list<Pod>('Pod')) {
      if (pod.spec?.nodeName === this.nodeName) bound.set(pod.metadata.uid ?? '', pod);
    }
    for (const work of [...this.work.values()]) {
      if (!bound.has(work.uid)) {
        this.forget(work);
        this.killContainers(work.uid);
      }
    }
    for (const c of [...this.runtime]) if (!bound.has(c.podUid)) this.killContainers(c.podUid);
    for (const [uid, pod] of bound) {
      const work = this.work.get(uid);
      if (isTerminating(pod)) {
        if (!work || work.stage !== 'terminating') this.beginTermination(pod, work);
        else if (!this.containers.anyRunning(uid)) this.finishDeletion(work);
      } else if (!work) {
        this.admit(pod);
      } else {
        this.pushStatus(work);
      }
    }
  }

  private admit(pod: Stored<Pod>): void {
    const work = newPodWork(pod, 'starting', this.hostIP);
    this.work.set(work.uid, work);
    this.schedule(work, this.ctx.random.int(15, 60), 'pod sync', () => this.createSandbox(work));
  }

  private createSandbox(work: PodWork): void {
    const pod = this.current(work);
    if (!pod) return;
    // The volume manager mounts every claim before the sandbox starts; an unbound claim keeps the pod waiting.
    if (unboundPodClaims(this.ctx.store, pod).length > 0) {
      this.schedule(work, VOLUME_RETRY_MS, 'wait for volumes', () => this.createSandbox(work));
      return;
    }
    work.startTime = this.ctx.clock.timestamp();
    this.pushStatus(work);
    // The sandbox and its network come up before any image is pulled: the pod has its IP from here on.
    this.schedule(work, this.ctx.random.int(300, 900), 'sandbox ready', () => {
      const ip = this.containers.allocateSandboxIP(work.uid);
      if (ip === undefined) {
        // Only reachable with more sandboxes than the /24 holds (max-pods keeps a node well below that).
        const reason = `failed to allocate for range 0: no IP addresses available in range set: ${this.containers.ipRangeSet()}`;
        this.event(work, 'Warning', 'FailedCreatePodSandBox', `Failed to create pod sandbox: ${reason}`);
        this.schedule(work, SANDBOX_RETRY_MS, 'retry sandbox', () => this.createSandbox(work));
        return;
      }
      work.podIP = ip;
      work.sandboxReady = true;
      this.sync(work);
    });
  }

  /** SyncPod: starts, one after another, every container that should run and does not. */
  private sync(work: PodWork): void {
    if (work.stage === 'terminating' || !this.work.has(work.uid)) return;
    if (work.syncing) {
      work.resync = true;
      return;
    }
    work.requeue?.cancel();
    work.requeue = undefined;
    work.syncing = true;
    this.syncContainer(work, 0, false);
  }

  private syncContainer(work: PodWork, index: number, failed: boolean): void {
    const pod = this.current(work);
    if (!pod || work.stage === 'terminating') {
      work.syncing = false;
      return;
    }
    const spec = pod.spec?.containers[index];
    const run = work.containers[index];
    if (!spec || !run) {
      this.endSync(work, failed);
      return;
    }
    const next = (delay: number, nowFailed: boolean): void => {
      this.schedule(work, delay, 'sync next container', () => this.syncContainer(work, index + 1, nowFailed));
    };
    if (run.state === 'running' || !this.restarts.shouldStart(work.restartPolicy, run)) {
      next(0, failed);
      return;
    }
    if (this.restarts.exitedBefore(run) && this.inCrashBackoff(work, run)) {
      next(0, true);
      return;
    }
    this.images.ensure(work, spec, run, (ok) => {
      if (!ok) {
        next(0, true);
        return;
      }
      this.schedule(work, this.ctx.random.int(80, 250), 'start container', () => {
        this.startContainer(work, spec, run);
        next(this.ctx.random.int(50, 150), failed);
      });
    });
  }

  private endSync(work: PodWork, failed: boolean): void {
    work.syncing = false;
    if (work.stage === 'starting' && work.containers.every((c) => c.state === 'running')) work.stage = 'running';
    this.pushStatus(work);
    if (work.resync) {
      work.resync = false;
      this.sync(work);
    } else if (failed) {
      const delay = jitter(WORKER_BACKOFF_MS, 0.5, this.ctx.random.next());
      work.requeue = this.schedule(work, delay, 'resync', () => this.sync(work));
    }
  }

  /** doBackOff: a container that exited recently waits out the restart back-off in CrashLoopBackOff. */
  private inCrashBackoff(work: PodWork, run: ContainerRun): boolean {
    const podRef = `${work.name}_${work.namespace}(${work.uid})`;
    const message = this.restarts.doBackOff(podRef, work.uid, run);
    if (message === undefined) return false;
    const backOff = `Back-off restarting failed container ${run.name} in pod ${podRef}`;
    this.event(work, 'Warning', 'BackOff', backOff, run.name);
    run.lastTerminated = run.terminated ?? run.lastTerminated;
    run.state = 'waiting';
    run.terminated = undefined;
    run.waitingReason = 'CrashLoopBackOff';
    run.waitingMessage = message;
    return true;
  }

  private setWaiting(work: PodWork, run: ContainerRun, reason: string, message: string): void {
    if (run.state === 'terminated') run.lastTerminated = run.terminated;
    run.state = 'waiting';
    run.terminated = undefined;
    run.waitingReason = reason;
    run.waitingMessage = message;
    this.pushStatus(work);
  }

  private startContainer(work: PodWork, spec: Container, run: ContainerRun): void {
    const pod = this.current(work);
    if (!pod || work.stage === 'terminating') return;
    const restarting = run.state !== 'waiting' || run.lastTerminated !== undefined;
    if (run.state === 'terminated') run.lastTerminated = run.terminated;
    // The kubelet keeps only the newest dead instance of each container.
    const container = this.containers.start(pod, spec, run.runtimeId, this.ctx.clock.now());
    const id = container.id;
    this.event(work, 'Normal', 'Created', CREATED.of(spec.name), spec.name);
    this.event(work, 'Normal', 'Started', STARTED.of(spec.name), spec.name);
    if (restarting) run.restartCount += 1;
    run.runtimeId = id;
    run.state = 'running';
    run.terminated = undefined;
    run.waitingMessage = undefined;
    run.startedAt = this.ctx.clock.timestamp();
    // Without a readiness probe a started container is ready at once.
    run.ready = !spec.readinessProbe;
    if (spec.readinessProbe) this.prober.start(work, run, spec.readinessProbe);
    this.pushStatus(work);
    const nslookup = this.podNslookup;
    const process = runMainProcess(this.ctx.store, this.files, pod, container, nslookup && (() => nslookup(pod)));
    if (process.exitCode === undefined) {
      container.log = process.log;
      return;
    }
    const exit = process.exitCode;
    const index = work.containers.indexOf(run);
    this.schedule(work, this.ctx.random.int(100, 600), 'container exits', () => {
      if (run.runtimeId !== id) return;
      // A command that runs to its end has written all it prints by then.
      container.log = process.log;
      this.crashContainer(work, index, exit);
    });
  }

  /**
   * The log of the pod's container as the runtime keeps it: the running (or last) instance, or with `previous`
   * the one before. Undefined when the runtime holds no such instance.
   */
  containerLog(uid: string, container: string, previous: boolean): string | undefined {
    const run = this.work.get(uid)?.containers.find((c) => c.name === container);
    return this.containers.log(uid, container, run?.runtimeId, previous);
  }

  private beginTermination(pod: Stored<Pod>, existing: PodWork | undefined): void {
    const work = existing ?? newPodWork(pod, 'terminating', this.hostIP);
    work.timerEpoch += 1;
    work.stage = 'terminating';
    this.work.set(work.uid, work);
    const grace = pod.metadata.deletionGracePeriodSeconds ?? 30;
    const running = this.containers.anyRunning(work.uid);
    if (running) {
      for (const c of pod.spec?.containers ?? []) this.event(work, 'Normal', 'Killing', STOPPING.of(c.name), c.name);
    }
    // nginx and busybox-style processes exit on SIGTERM within a second or two; never later than the grace period.
    const shutdownMs = running ? Math.min(grace * 1000, this.ctx.random.int(400, 2000)) : this.ctx.random.int(20, 80);
    this.schedule(work, shutdownMs, 'containers exited', () => {
      this.containers.stopPod(work.uid);
      if (!running) {
        this.finishDeletion(work);
        return;
      }
      // The status manager reports the stopped containers and the pod's terminal phase before the kubelet
      // confirms the deletion: kubectl shows the pod as 0/1 Completed for that moment.
      this.reportTerminated(work, shutdownMs >= grace * 1000);
      this.schedule(work, this.ctx.random.int(40, 200), 'confirm deletion', () => this.finishDeletion(work));
    });
  }

  /** generateAPIPodStatus once the pod worker has terminated the pod: containers exited, phase terminal. */
  private reportTerminated(work: PodWork, killed: boolean): void {
    const finishedAt = this.ctx.clock.timestamp();
    for (const run of work.containers) {
      if (run.state !== 'running') continue;
      this.prober.stop(work, run);
      run.state = 'terminated';
      run.ready = false;
      // A container still running when the grace period ends is killed (SIGKILL: 137).
      run.terminated = terminatedState(run, killed ? 137 : 0, finishedAt);
    }
    work.terminal = true;
    const pod = this.current(work);
    if (!pod || this.partitioned) return;
    this.writeStatus(pod, work, finishedAt);
  }

  /** The containers are gone: the kubelet confirms the deletion with a zero-grace delete (unless cut off). */
  private finishDeletion(work: PodWork): void {
    if (this.partitioned) return;
    this.killContainers(work.uid);
    try {
      this.ctx.store.delete('Pod', work.namespace, work.name, { gracePeriodSeconds: 0 });
    } catch {
      // Already gone: another actor force-deleted it meanwhile.
    }
  }

  private killContainers(uid: string): void {
    this.containers.removePod(uid);
  }

  private forget(work: PodWork): void {
    work.timerEpoch += 1;
    for (const run of work.containers) this.prober.stop(work, run);
    this.work.delete(work.uid);
  }

  private current(work: PodWork): Stored<Pod> | undefined {
    // The pod's slot is kept while it holds the pod: timers read the pod many times over its life.
    let slot = work.slot;
    if (!slot?.stored) {
      slot = this.ctx.store.slotOf('Pod', work.namespace, work.name);
      if (!slot) return undefined;
      work.slot = slot;
    }
    const pod = slot.object as Stored<Pod>;
    return pod.metadata.uid === work.uid ? pod : undefined;
  }

  /** The status manager: writes the kubelet's view of the pod, unless the apiserver is out of reach. */
  private pushStatus(work: PodWork): void {
    if (this.partitioned || work.stage === 'terminating') return;
    const pod = this.current(work);
    if (!pod) return;
    this.writeStatus(pod, work, this.ctx.clock.timestamp());
  }

  /** A status the pod already has would be a no-op write: the status manager skips it (needsUpdate). */
  private writeStatus(pod: Stored<Pod>, work: PodWork, now: string): void {
    const status = kubeletPodStatus(pod, work, now);
    // The status is the stored one's parts and new ones (kubeletPodStatus): the store need not copy it.
    if (status !== pod.status) this.ctx.store.updateOwned<Pod>({ ...pod, status });
  }

  private schedule(work: PodWork, delayMs: number, label: string, run: () => void): { cancel(): void } {
    const epoch = work.timerEpoch;
    const guarded = () => {
      if (work.timerEpoch === epoch) run();
    };
    // "kubelet <node>: <label>" is built once per label; the pod's name goes apart, as the task's subject.
    let full = this.timerLabels.get(label);
    if (full === undefined) this.timerLabels.set(label, (full = `kubelet ${this.nodeName}: ${label}`));
    return this.ctx.clock.after(delayMs, full, guarded, work.name);
  }

  /** An event about the pod, or (`container` given) about one of its containers. */
  private event(work: PodWork, type: 'Normal' | 'Warning', reason: string, message: string, container?: string): void {
    if (this.partitioned) return;
    const pod = this.current(work);
    if (!pod) return;
    const fieldPath = container === undefined ? '' : CONTAINER_FIELD_PATH.of(container);
    this.ctx.recorder.event(pod, type, reason, message, COMPONENT, this.nodeName, fieldPath);
  }
}

/**
 * A write to a pod already bound to this node that does not begin its deletion: the kubelet admitted the pod (or
 * began terminating it) when it saw the version before, or when it relisted after a partition, so nothing is new.
 */
function changesNothingHere(event: WatchEvent): boolean {
  if (event.type !== 'MODIFIED' || !event.old) return false;
  const pod = event.object as Stored<Pod>;
  const old = event.old as Stored<Pod>;
  return old.spec?.nodeName === pod.spec?.nodeName && isTerminating(old) === isTerminating(pod);
}
