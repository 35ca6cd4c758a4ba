import type { ContainerStateTerminated, Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../api/meta';
import type { Slot } from '../api/object-table';
import type { ContainerRun, PodView } from './pod-status';

/** What the kubelet is doing with one pod. */
export interface PodWork extends PodView {
  uid: string;
  namespace: string;
  name: string;
  stage: 'starting' | 'running' | 'terminating';
  /**
   * Every timer set for the pod remembers the epoch it was set in and does nothing once the epoch has moved on:
   * bumping it cancels all of the pod's pending timers at once.
   */
  timerEpoch: number;
  /** A sync is in progress; another one is wanted when it ends. */
  syncing: boolean;
  resync: boolean;
  /** Requeue handle of the pod worker after a failed sync. */
  requeue?: { cancel(): void };
  /** The readiness probe's endpoint answers with an error (the `unready` fault). */
  probeFailing: boolean;
  /** Where the store keeps the pod, once looked up (see ObjectStore.slotOf). */
  slot?: Readonly<Slot>;
}

/** The work item for a pod the kubelet has just seen, none of its containers created yet. */
export function newPodWork(pod: Stored<Pod>, stage: PodWork['stage'], hostIP: string): PodWork {
  return {
    uid: pod.metadata.uid ?? '',
    namespace: pod.metadata.namespace ?? 'default',
    name: pod.metadata.name,
    stage,
    timerEpoch: 0,
    syncing: false,
    resync: false,
    probeFailing: false,
    hostIP,
    sandboxReady: false,
    restartPolicy: pod.spec?.restartPolicy ?? 'Always',
    containers: (pod.spec?.containers ?? []).map((c): ContainerRun => ({
      name: c.name,
      image: c.image ?? '',
      state: 'waiting',
      waitingReason: 'ContainerCreating',
      restartCount: 0,
      pulled: false,
      ready: false,
    })),
  };
}

/** The state of a container instance that exited with `exitCode`: nginx stops cleanly (0) on SIGTERM. */
export function terminatedState(run: ContainerRun, exitCode: number, finishedAt: string): ContainerStateTerminated {
  return {
    exitCode,
    reason: exitCode === 0 ? 'Completed' : 'Error',
    startedAt: run.startedAt,
    finishedAt,
    containerID: `containerd://${run.runtimeId ?? ''}`,
  };
}
