import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { Node, Pod, Service } from 'kubernetes-types/core/v1';
import type { KubeObject, Stored } from '../api/meta';
import { age } from './duration';
import {
  endpointSlicePrinter,
  endpointsPrinter,
  leasePrinter,
  podDisruptionBudgetPrinter,
  namespacePrinter,
} from './printers-discovery';
import { claimPrinter, controllerRevisionPrinter, storageClassPrinter, volumePrinter } from './storage-printers';
import { deploymentPrinter, replicaSetPrinter } from './printers-apps';
import { eventPrinter } from './printers-event';
import { horizontalPodAutoscalerPrinter } from './printers-autoscaling';
import { formatLabels } from './selector-string';

/**
 * One kind's table: header cells and a row function, with the extra columns of `-o wide` (the columns of
 * priority 1), which follow the others unless `wideInsertAt` puts the first `wideInsertCount` of them there.
 */
export interface TablePrinter<T extends KubeObject> {
  header: string[];
  wideHeader: string[];
  row(obj: Stored<T>, nowMs: number): string[];
  wideRow(obj: Stored<T>, nowMs: number): string[];
  wideInsertAt?: number;
  wideInsertCount?: number;
}

/** The header of a kind's table, `-o wide` or not. */
export function tableHeader(printer: TablePrinter<never>, wide: boolean): string[] {
  return wide ? withWide(printer, printer.header, printer.wideHeader) : [...printer.header];
}

/** One object's row of its kind's table, `-o wide` or not. */
export function tableRow(
  printer: TablePrinter<never>,
  obj: Stored<KubeObject>,
  nowMs: number,
  wide: boolean,
): string[] {
  const cells = printer.row(obj as never, nowMs);
  return wide ? withWide(printer, cells, printer.wideRow(obj as never, nowMs)) : cells;
}

function withWide(printer: TablePrinter<never>, cells: string[], extra: string[]): string[] {
  const at = printer.wideInsertAt;
  if (at === undefined) return [...cells, ...extra];
  const inserted = printer.wideInsertCount ?? 0;
  return [...cells.slice(0, at), ...extra.slice(0, inserted), ...cells.slice(at), ...extra.slice(inserted)];
}

/** printPod: READY counts ready running containers; STATUS is the most telling container reason. */
export function podStatusReason(pod: Pod): { ready: number; total: number; reason: string; restarts: number } {
  let reason = pod.status?.reason || pod.status?.phase || '';
  const total = pod.spec?.containers.length ?? 0;
  let ready = 0;
  let restarts = 0;
  let hasRunning = false;
  const statuses = pod.status?.containerStatuses ?? [];
  for (let i = statuses.length - 1; i >= 0; i--) {
    const c = statuses[i];
    restarts += c.restartCount ?? 0;
    if (c.state?.waiting?.reason) reason = c.state.waiting.reason;
    else if (c.state?.terminated?.reason) reason = c.state.terminated.reason;
    else if (c.state?.terminated) {
      reason = c.state.terminated.signal
        ? `Signal:${c.state.terminated.signal}`
        : `ExitCode:${c.state.terminated.exitCode}`;
    } else if (c.ready && c.state?.running) {
      hasRunning = true;
      ready++;
    }
  }
  if (reason === 'Completed' && hasRunning) {
    reason = pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ? 'Running' : 'NotReady';
  }
  const terminal = pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
  if (pod.metadata?.deletionTimestamp && pod.status?.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata?.deletionTimestamp && !terminal) reason = 'Terminating';
  return { ready, total, reason, restarts };
}

export const podPrinter: TablePrinter<Pod> = {
  header: ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
  wideHeader: ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'],
  row(pod, now) {
    const s = podStatusReason(pod);
    let restarts = String(s.restarts);
    const lastRestart = (pod.status?.containerStatuses ?? [])
      .map((c) => c.lastState?.terminated?.finishedAt)
      .filter((t): t is string => Boolean(t))
      .sort()
      .pop();
    if (s.restarts !== 0 && lastRestart) restarts = `${s.restarts} (${age(lastRestart, now)} ago)`;
    return [pod.metadata.name, `${s.ready}/${s.total}`, s.reason, restarts, age(pod.metadata.creationTimestamp, now)];
  },
  wideRow(pod) {
    return [
      pod.status?.podIPs?.[0]?.ip || '<none>',
      pod.spec?.nodeName || '<none>',
      pod.status?.nominatedNodeName || '<none>',
      '<none>',
    ];
  },
};

export const statefulSetPrinter: TablePrinter<StatefulSet> = {
  header: ['NAME', 'READY', 'AGE'],
  wideHeader: ['CONTAINERS', 'IMAGES'],
  row(set, now) {
    return [
      set.metadata.name,
      `${set.status?.readyReplicas ?? 0}/${set.spec?.replicas ?? 0}`,
      age(set.metadata.creationTimestamp, now),
    ];
  },
  wideRow(set) {
    const containers = set.spec?.template.spec?.containers ?? [];
    return [containers.map((c) => c.name).join(','), containers.map((c) => c.image ?? '').join(',')];
  },
};

export const servicePrinter: TablePrinter<Service> = {
  header: ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'],
  wideHeader: ['SELECTOR'],
  row(svc, now) {
    const ports = (svc.spec?.ports ?? []).map((p) =>
      p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol}` : `${p.port}/${p.protocol}`,
    );
    return [
      svc.metadata.name,
      svc.spec?.type ?? 'ClusterIP',
      svc.spec?.clusterIPs?.[0] || svc.spec?.clusterIP || '<none>',
      serviceExternalIP(svc),
      ports.length > 0 ? ports.join(',') : '<none>',
      age(svc.metadata.creationTimestamp, now),
    ];
  },
  wideRow(svc) {
    return [formatLabels(svc.spec?.selector)];
  },
};

/** getServiceExternalIP (without -o wide): what EXTERNAL-IP shows for each Service type. */
function serviceExternalIP(svc: Service): string {
  const external = svc.spec?.externalIPs ?? [];
  switch (svc.spec?.type ?? 'ClusterIP') {
    case 'ClusterIP':
    case 'NodePort':
      return external.length > 0 ? external.join(',') : '<none>';
    case 'LoadBalancer':
      // No cloud provider runs here, so no load balancer ever reports an ingress address.
      return external.length > 0 ? external.join(',') : '<pending>';
    case 'ExternalName':
      return svc.spec?.externalName ?? '';
    default:
      return '<unknown>';
  }
}

export const nodePrinter: TablePrinter<Node> = {
  header: ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'],
  wideHeader: ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME'],
  row(node, now) {
    const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
    // printNode: a Ready condition that is not True (False or Unknown) prints NotReady; none at all, Unknown.
    let status = ready?.status === 'True' ? 'Ready' : ready ? 'NotReady' : 'Unknown';
    if (node.spec?.unschedulable) status += ',SchedulingDisabled';
    const roles = Object.keys(node.metadata.labels ?? {})
      .filter((k) => k.startsWith('node-role.kubernetes.io/'))
      .map((k) => k.slice('node-role.kubernetes.io/'.length))
      .sort();
    return [
      node.metadata.name,
      status,
      roles.length > 0 ? roles.join(',') : '<none>',
      age(node.metadata.creationTimestamp, now),
      node.status?.nodeInfo?.kubeletVersion ?? '',
    ];
  },
  wideRow(node) {
    const info = node.status?.nodeInfo;
    const ip = node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '<none>';
    return [
      ip,
      '<none>',
      info?.osImage ?? '<unknown>',
      info?.kernelVersion ?? '<unknown>',
      info?.containerRuntimeVersion ?? '<unknown>',
    ];
  },
};

/** Printers by Kind. Kinds without one fall back to NAME and AGE, as kubectl's default table does. */
export const PRINTERS: Record<string, TablePrinter<never>> = {
  Pod: podPrinter as TablePrinter<never>,
  StatefulSet: statefulSetPrinter as TablePrinter<never>,
  Service: servicePrinter as TablePrinter<never>,
  Node: nodePrinter as TablePrinter<never>,
  EndpointSlice: endpointSlicePrinter as TablePrinter<never>,
  Endpoints: endpointsPrinter as TablePrinter<never>,
  Lease: leasePrinter as TablePrinter<never>,
  Namespace: namespacePrinter as TablePrinter<never>,
  PersistentVolumeClaim: claimPrinter as TablePrinter<never>,
  PersistentVolume: volumePrinter as TablePrinter<never>,
  StorageClass: storageClassPrinter as TablePrinter<never>,
  ControllerRevision: controllerRevisionPrinter as TablePrinter<never>,
  Deployment: deploymentPrinter as TablePrinter<never>,
  ReplicaSet: replicaSetPrinter as TablePrinter<never>,
  Event: eventPrinter as TablePrinter<never>,
  PodDisruptionBudget: podDisruptionBudgetPrinter as TablePrinter<never>,
  HorizontalPodAutoscaler: horizontalPodAutoscalerPrinter as TablePrinter<never>,
};
