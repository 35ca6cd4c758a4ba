import type {
  ContainerState,
  ContainerStateTerminated,
  ContainerStatus,
  Pod,
  PodStatus,
} from 'kubernetes-types/core/v1';
import { withCondition } from '../pods/pod-util';
import { canonicalImage } from './images';

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

/** The order the kubelet reports pod conditions in; conditions owned by others follow. */
const CONDITION_ORDER = ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'];

/** generateAPIPodStatus: the status the kubelet writes, keeping conditions other components own. */
export function kubeletPodStatus(pod: Pod, view: PodView, now: string): PodStatus {
  const unready = view.containers.filter((c) => !c.ready).map((c) => c.name);
  const message = `containers with unready status: [${unready.join(' ')}]`;
  let conditions = withCondition(
    pod.status?.conditions,
    'PodReadyToStartContainers',
    view.sandboxReady ? 'True' : 'False',
    now,
  );
  conditions = withCondition(conditions, 'Initialized', 'True', now);
  for (const type of ['Ready', 'ContainersReady']) {
    conditions =
      unready.length === 0
        ? withCondition(conditions, type, 'True', now)
        : withCondition(conditions, type, 'False', now, 'ContainersNotReady', message);
  }
  const rank = (type: string): number => {
    const i = CONDITION_ORDER.indexOf(type);
    return i < 0 ? CONDITION_ORDER.length : i;
  };
  conditions.sort((a, b) => rank(a.type) - rank(b.type));
  const status: PodStatus = {
    ...pod.status,
    phase: podPhase(view),
    conditions,
    hostIP: view.hostIP,
    hostIPs: [{ ip: view.hostIP }],
    startTime: view.startTime,
    qosClass: pod.status?.qosClass ?? 'BestEffort',
    containerStatuses: view.containers.map(containerStatus),
  };
  if (view.podIP) {
    status.podIP = view.podIP;
    status.podIPs = [{ ip: view.podIP }];
  }
  return status;
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

function containerStatus(run: ContainerRun): ContainerStatus {
  let state: ContainerState;
  if (run.state === 'running') state = { running: { startedAt: run.startedAt } };
  else if (run.state === 'terminated' && run.terminated) state = { terminated: run.terminated };
  else
    state = {
      waiting: run.waitingMessage
        ? { reason: run.waitingReason, message: run.waitingMessage }
        : { reason: run.waitingReason },
    };
  const status: ContainerStatus = {
    name: run.name,
    image: run.pulled ? canonicalImage(run.image) : run.image,
    imageID: run.pulled ? imageIdOf(run.image) : '',
    ready: run.ready,
    restartCount: run.restartCount,
    started: run.state === 'running',
    state,
    lastState: run.lastTerminated ? { terminated: run.lastTerminated } : {},
  };
  if (run.runtimeId) status.containerID = `containerd://${run.runtimeId}`;
  return status;
}

/** Digests by image reference: a pure function of the string, worked out once per image. */
const digests = new Map<string, string>();
const imageIds = new Map<string, string>();

/** The imageID the runtime reports for a pulled image: repository@sha256:digest. */
function imageIdOf(image: string): string {
  let id = imageIds.get(image);
  if (id === undefined) {
    id = `${canonicalImage(image).replace(/:[^:/]*$/, '')}@sha256:${digestOf(image)}`;
    imageIds.set(image, id);
  }
  return id;
}

/** A stable fake digest per image reference. */
export function digestOf(image: string): string {
  let digest = digests.get(image);
  if (digest === undefined) {
    digest = computeDigest(image);
    digests.set(image, digest);
  }
  return digest;
}

function computeDigest(image: string): string {
  const ref = canonicalImage(image);
  let h = 2166136261;
  let out = '';
  for (let round = 0; round < 8; round++) {
    for (let i = 0; i < ref.length; i++) h = Math.imul(h ^ ref.charCodeAt(i) ^ round, 16777619) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out;
}
