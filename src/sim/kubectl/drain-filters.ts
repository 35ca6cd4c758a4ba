import type { Pod } from 'kubernetes-types/core/v1';

/** What drain does with one pod (PodDeleteStatus): evict it, leave it, and why. */
export interface PodDeleteStatus {
  delete: boolean;
  reason: 'Okay' | 'Skip' | 'Warning' | 'Error';
  message?: string;
}

export interface DrainFilterOptions {
  force: boolean;
  deleteEmptyDirData: boolean;
  ignoreDaemonSets: boolean;
}

const UNMANAGED_FATAL = 'cannot delete Pods that declare no controller (use --force to override)';
const UNMANAGED_WARNING = 'deleting Pods that declare no controller';
const LOCAL_STORAGE_FATAL = 'Pods with local storage (use --delete-emptydir-data to override)';
const LOCAL_STORAGE_WARNING = 'deleting Pods with local storage';
const DAEMONSET_FATAL = 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)';
const DAEMONSET_WARNING = 'ignoring DaemonSet-managed Pods';
const MIRROR_ANNOTATION = 'kubernetes.io/config.mirror';

const okay: PodDeleteStatus = { delete: true, reason: 'Okay' };

function finished(pod: Pod): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

function controllerOf(pod: Pod): { kind: string } | undefined {
  return pod.metadata?.ownerReferences?.find((r) => r.controller);
}

/** makeFilters, in order: daemonSetFilter, mirrorPodFilter, localStorageFilter, unreplicatedFilter. */
const FILTERS: Array<(pod: Pod, o: DrainFilterOptions) => PodDeleteStatus> = [
  (pod, o) => {
    if (controllerOf(pod)?.kind !== 'DaemonSet' || finished(pod)) return okay;
    return o.ignoreDaemonSets
      ? { delete: false, reason: 'Warning', message: DAEMONSET_WARNING }
      : { delete: false, reason: 'Error', message: DAEMONSET_FATAL };
  },
  (pod) => (pod.metadata?.annotations?.[MIRROR_ANNOTATION] !== undefined ? { delete: false, reason: 'Skip' } : okay),
  (pod, o) => {
    if (!(pod.spec?.volumes ?? []).some((v) => v.emptyDir) || finished(pod)) return okay;
    return o.deleteEmptyDirData
      ? { delete: true, reason: 'Warning', message: LOCAL_STORAGE_WARNING }
      : { delete: false, reason: 'Error', message: LOCAL_STORAGE_FATAL };
  },
  (pod, o) => {
    if (finished(pod) || controllerOf(pod)) return okay;
    return o.force
      ? { delete: true, reason: 'Warning', message: UNMANAGED_WARNING }
      : { delete: false, reason: 'Error', message: UNMANAGED_FATAL };
  },
];

/** GetPodsForDeletion's per-pod verdict: the filters in turn, stopping at the first that keeps the pod. */
export function podDeleteStatus(pod: Pod, options: DrainFilterOptions): PodDeleteStatus {
  let status = okay;
  for (const filter of FILTERS) {
    status = filter(pod, options);
    if (!status.delete) break;
  }
  return status;
}

/**
 * PodDeleteList.errors and Warnings: pods grouped by message (`message: ns/a, ns/b`), an error message given a
 * "cannot delete" prefix unless it has one. Groups come in the order first met (kubectl's map has none).
 */
export function groupedMessages(
  items: Array<{ pod: Pod; status: PodDeleteStatus }>,
  reason: 'Error' | 'Warning',
): string[] {
  const groups = new Map<string, string[]>();
  for (const { pod, status } of items) {
    if (status.reason !== reason) continue;
    const message = status.message || 'unexpected error';
    const list = groups.get(message) ?? [];
    list.push(`${pod.metadata?.namespace ?? 'default'}/${pod.metadata?.name ?? ''}`);
    groups.set(message, list);
  }
  return [...groups].map(([message, pods]) => {
    const text =
      reason === 'Error' && !message.toLowerCase().startsWith('cannot delete') ? `cannot delete ${message}` : message;
    return `${text}: ${pods.join(', ')}`;
  });
}
