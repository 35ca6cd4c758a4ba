import type { Pod, Probe } from 'kubernetes-types/core/v1';
import type { Stored } from '../api/meta';
import type { ControllerContext } from '../controllers/context';
import type { PodWork } from './pod-work';
import type { ContainerRun } from './pod-status';

/** What the prober needs from its kubelet. */
export interface ProberHost {
  current(work: PodWork): Stored<Pod> | undefined;
  schedule(work: PodWork, delayMs: number, label: string, run: () => void): void;
  /** An event about the pod's container `container`. */
  event(work: PodWork, container: string, type: 'Normal' | 'Warning', reason: string, message: string): void;
  statusChanged(work: PodWork): void;
}

interface WorkerState {
  /** The last probe's outcome and how many times in a row it came out that way (worker.lastResult, resultRun). */
  lastResult?: boolean;
  resultRun: number;
  stopped: boolean;
}

/**
 * The kubelet's readiness probe workers (pkg/kubelet/prober/worker.go): one per container, probing every
 * periodSeconds after initialDelaySeconds. Readiness flips only after successThreshold successes or
 * failureThreshold failures in a row; every failed probe records an Unhealthy event.
 */
export class ReadinessProber {
  private readonly workers = new WeakMap<ContainerRun, WorkerState>();

  constructor(
    private readonly ctx: ControllerContext,
    private readonly host: ProberHost,
  ) {}

  start(work: PodWork, run: ContainerRun, probe: Probe): void {
    this.stop(work, run);
    const state: WorkerState = { resultRun: 0, stopped: false };
    this.workers.set(run, state);
    const periodMs = (probe.periodSeconds ?? 10) * 1000;
    const tick = (): void => {
      if (state.stopped || run.state !== 'running') return;
      this.doProbe(work, run, probe, state);
      this.host.schedule(work, periodMs, 'readiness probe', tick);
    };
    // The manager triggers a first probe as soon as the container is running; initialDelaySeconds defers it.
    this.host.schedule(
      work,
      (probe.initialDelaySeconds ?? 0) * 1000 + this.ctx.random.int(100, 400),
      'readiness probe',
      tick,
    );
  }

  stop(_work: PodWork, run: ContainerRun): void {
    const state = this.workers.get(run);
    if (state) state.stopped = true;
  }

  /** worker.doProbe */
  private doProbe(work: PodWork, run: ContainerRun, probe: Probe, state: WorkerState): void {
    const pod = this.host.current(work);
    if (!pod) return;
    const success = !work.probeFailing;
    if (!success) {
      this.host.event(work, run.name, 'Warning', 'Unhealthy', `Readiness probe failed: ${failureOutput(probe, work)}`);
    }
    if (state.lastResult === success) state.resultRun += 1;
    else {
      state.lastResult = success;
      state.resultRun = 1;
    }
    const threshold = success ? (probe.successThreshold ?? 1) : (probe.failureThreshold ?? 3);
    if (state.resultRun < threshold) return; // below the threshold: the reported state stays as it is
    if (run.ready === success) return;
    run.ready = success;
    this.host.statusChanged(work);
  }
}

/** What a failing probe of each kind reports. */
function failureOutput(probe: Probe, work: PodWork): string {
  if (probe.httpGet) return 'HTTP probe failed with statuscode: 503';
  if (probe.tcpSocket) {
    const port = probe.tcpSocket.port;
    return `dial tcp ${work.podIP ?? ''}:${String(port)}: connect: connection refused`;
  }
  if (probe.grpc) return 'service unhealthy (responded with "NOT_SERVING")';
  return '';
}
