import type { VirtualClock } from '../clock';
import { Backoff, goDuration } from './backoff';
import type { ContainerRun } from './pod-status';

/**
 * The kubelet's container restart rules: the pod's restartPolicy, and the crash-loop back-off — a container that
 * exited waits 10 s, 20 s, 40 s … up to 300 s before each restart (the first restart is immediate), and the
 * back-off resets after a container ran ten minutes without failing.
 */
export class ContainerRestarts {
  private readonly backoff = new Backoff(10_000, 300_000);

  constructor(private readonly clock: VirtualClock) {}

  /** The container ran and exited, and has not been started again since. */
  exitedBefore(run: ContainerRun): boolean {
    return run.state === 'terminated' || (run.state === 'waiting' && run.waitingReason === 'CrashLoopBackOff');
  }

  /** Whether the restart policy wants the container (re)started. */
  shouldStart(restartPolicy: string, run: ContainerRun): boolean {
    if (run.state !== 'terminated') return true;
    if (restartPolicy === 'Never') return false;
    if (restartPolicy === 'OnFailure') return run.terminated?.exitCode !== 0;
    return true;
  }

  /**
   * doBackOff: while the back-off since the container's last exit lasts, returns the CrashLoopBackOff message;
   * otherwise records the restart (growing the back-off) and returns undefined.
   */
  doBackOff(podRef: string, uid: string, run: ContainerRun): string | undefined {
    const key = `${podRef}_${uid}_${run.name}`;
    const finishedMs = run.finishedAtMs ?? this.clock.now();
    if (this.backoff.isInBackOffSince(key, finishedMs, this.clock.now())) {
      return `back-off ${goDuration(this.backoff.get(key))} restarting failed container=${run.name} pod=${podRef}`;
    }
    this.backoff.next(key, finishedMs);
    return undefined;
  }
}
