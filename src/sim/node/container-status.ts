import type { ContainerState, ContainerStatus } from 'kubernetes-types/core/v1';
import { storesAs } from '../pods/stored-json';
import { imageIdOf } from './image-ids';
import { canonicalImage } from './images';
import type { ContainerRun } from './pod-status';

/**
 * The container statuses the kubelet reports, one per container. Each one it would write exactly as stored is
 * handed back as stored (the whole list too, when none changed), so the store neither copies nor compares it again.
 */
export function kubeletContainerStatuses(
  stored: ContainerStatus[] | undefined,
  runs: readonly ContainerRun[],
): ContainerStatus[] {
  let changed = stored === undefined || stored.length !== runs.length;
  const statuses = new Array<ContainerStatus>(runs.length);
  for (let i = 0; i < runs.length; i++) {
    const fresh = containerStatus(runs[i]);
    const was = stored?.[i];
    if (was !== undefined && storesAs(fresh, was)) statuses[i] = was;
    else {
      statuses[i] = fresh;
      changed = true;
    }
  }
  return changed || stored === undefined ? statuses : stored;
}

/** convertToAPIContainerStatuses, for one container. */
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
