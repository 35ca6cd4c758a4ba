import type { ContainerStateTerminated, HostIP, Pod, PodIP, PodStatus } from 'kubernetes-types/core/v1';
import { kubeletContainerStatuses } from './container-status';
import { kubeletConditions } from './pod-conditions';

/** The kubelet's view of one container of a pod, from which it reports the container's status. */
export interface ContainerRun {
  name: string;
  /** The image as the spec names it ("nginx:1.27"). */
  image: string;
  state: 'waiting' | 'running' | 'terminated';
  waitingReason: string;
  waitingMessage?: string;
  restartCount: number;
  /** Runtime id of the newest container instance, once one was created. */
  runtimeId?: string;
  startedAt?: string;
  terminated?: ContainerStateTerminated;
  /** When the newest instance exited (virtual ms), for the restart back-off. */
  finishedAtMs?: number;
  lastTerminated?: ContainerStateTerminated;
  /** The image is on the node and its digest known. */
  pulled: boolean;
  ready: boolean;
}

/** What the kubelet knows about a pod beyond its containers. */
export interface PodView {
  hostIP: string;
  podIP?: string;
  startTime?: string;
  sandboxReady: boolean;
  restartPolicy: string;
  containers: ContainerRun[];
  /** The pod worker has terminated the pod (it is being deleted): its phase is terminal whatever its policy. */
  terminal?: boolean;
}

/**
 * generateAPIPodStatus: the status the kubelet writes, keeping conditions other components own. Every part it
 * would write as stored is the stored one; when nothing changed it hands back the stored status itself, which the
 * status manager then need not write at all. The rest is new, with no undefined fields.
 */
export function kubeletPodStatus(pod: Pod, view: PodView, now: string): PodStatus {
  const stored = pod.status;
  const phase = podPhase(view);
  const conditions = kubeletConditions(stored?.conditions, view, now);
  const hostIPs = singleIP(stored?.hostIPs, view.hostIP);
  const qosClass = stored?.qosClass ?? 'BestEffort';
  const containerStatuses = kubeletContainerStatuses(stored?.containerStatuses, view.containers);
  const podIPs = view.podIP ? singleIP(stored?.podIPs, view.podIP) : undefined;
  if (
    stored &&
    stored.phase === phase &&
    stored.conditions === conditions &&
    stored.hostIP === view.hostIP &&
    stored.hostIPs === hostIPs &&
    stored.startTime === view.startTime &&
    stored.qosClass === qosClass &&
    stored.containerStatuses === containerStatuses &&
    (!view.podIP || (stored.podIP === view.podIP && stored.podIPs === podIPs))
  ) {
    return stored;
  }
  // What a spread would give, key for key: Object.assign copies the varied shapes of stored statuses faster.
  const status: PodStatus = Object.assign({}, stored);
  status.phase = phase;
  status.conditions = conditions;
  status.hostIP = view.hostIP;
  status.hostIPs = hostIPs;
  // Nothing is written undefined (the kubelet's status write skips the store's copy, which would drop it).
  if (view.startTime !== undefined) status.startTime = view.startTime;
  else if ('startTime' in status) delete status.startTime;
  status.qosClass = qosClass;
  status.containerStatuses = containerStatuses;
  if (view.podIP) {
    status.podIP = view.podIP;
    status.podIPs = podIPs;
  }
  return status;
}

/** `[{ ip }]`, or the stored list when it is exactly that. */
function singleIP<T extends HostIP | PodIP>(stored: T[] | undefined, ip: string): T[] {
  if (stored?.length === 1 && stored[0].ip === ip && Object.keys(stored[0]).length === 1) return stored;
  return [{ ip } as T];
}

/** getPhase: Pending while a container has never run; Running after; terminal only without restarts. */
function podPhase(view: PodView): PodStatus['phase'] {
  if (view.terminal) {
    return view.containers.every((c) => c.state === 'terminated' && c.terminated?.exitCode === 0)
      ? 'Succeeded'
      : 'Failed';
  }
  const neverRan = view.containers.some((c) => c.state === 'waiting' && !c.lastTerminated);
  if (neverRan) return 'Pending';
  const allDone = view.containers.every((c) => c.state === 'terminated');
  if (allDone && view.restartPolicy === 'Never') {
    return view.containers.every((c) => c.terminated?.exitCode === 0) ? 'Succeeded' : 'Failed';
  }
  if (allDone && view.restartPolicy === 'OnFailure' && view.containers.every((c) => c.terminated?.exitCode === 0)) {
    return 'Succeeded';
  }
  return 'Running';
}
