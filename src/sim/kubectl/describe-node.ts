import type { Lease } from 'kubernetes-types/coordination/v1';
import type { Event as CoreEvent, Node, Pod, Taint } from 'kubernetes-types/core/v1';
import type { Stored } from '../api/meta';
import { parseQuantity } from '../api/quantity';
import { podLimits, podRequests, type ResourceAmounts } from '../pods/resources';
import { age } from './duration';
import {
  describeEvents,
  printAnnotationsMultiline,
  printLabelsMultiline,
  PrefixWriter,
  rfc1123z,
} from './describe-util';

/** describeNode: identity, taints, lease, conditions, addresses, resources, system info, its pods and events. */
export function describeNode(
  node: Stored<Node>,
  lease: Stored<Lease> | undefined,
  pods: Stored<Pod>[],
  events: Stored<CoreEvent>[],
  nowMs: number,
): string {
  const w = new PrefixWriter();
  const { metadata: meta, spec, status } = node;
  w.write(0, `Name:\t${meta.name}\n`);
  const roles = nodeRoles(meta.labels);
  w.write(0, `Roles:\t${roles.length > 0 ? roles.join(',') : '<none>'}\n`);
  printLabelsMultiline(w, 'Labels', meta.labels);
  printAnnotationsMultiline(w, 'Annotations', meta.annotations);
  w.write(0, `CreationTimestamp:\t${rfc1123z(meta.creationTimestamp)}\n`);
  printTaints(w, spec?.taints ?? []);
  w.write(0, `Unschedulable:\t${spec?.unschedulable === true}\n`);
  // describeNodeLease
  w.write(0, 'Lease:\n');
  w.write(1, `HolderIdentity:\t${lease?.spec?.holderIdentity ?? '<unset>'}\n`);
  w.write(1, `AcquireTime:\t${lease?.spec?.acquireTime ? rfc1123z(lease.spec.acquireTime) : '<unset>'}\n`);
  w.write(1, `RenewTime:\t${lease?.spec?.renewTime ? rfc1123z(lease.spec.renewTime) : '<unset>'}\n`);
  const conditions = status?.conditions ?? [];
  if (conditions.length > 0) {
    w.write(0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of conditions) {
      const heartbeat = rfc1123z(c.lastHeartbeatTime);
      const transition = rfc1123z(c.lastTransitionTime);
      w.write(1, `${c.type} \t${c.status} \t${heartbeat} \t${transition} \t${c.reason ?? ''} \t${c.message ?? ''}\n`);
    }
  }
  w.write(0, 'Addresses:\n');
  for (const a of status?.addresses ?? []) w.write(1, `${a.type}:\t${a.address}\n`);
  for (const [title, list] of [
    ['Capacity', status?.capacity],
    ['Allocatable', status?.allocatable],
  ] as const) {
    if (!list || Object.keys(list).length === 0) continue;
    w.write(0, `${title}:\n`);
    for (const name of Object.keys(list).sort()) w.write(0, `  ${name}:\t${list[name]}\n`);
  }
  const info = status?.nodeInfo;
  w.write(0, 'System Info:\n');
  w.write(0, `  Machine ID:\t${info?.machineID ?? ''}\n`);
  w.write(0, `  System UUID:\t${info?.systemUUID ?? ''}\n`);
  w.write(0, `  Boot ID:\t${info?.bootID ?? ''}\n`);
  w.write(0, `  Kernel Version:\t${info?.kernelVersion ?? ''}\n`);
  w.write(0, `  OS Image:\t${info?.osImage ?? ''}\n`);
  w.write(0, `  Operating System:\t${info?.operatingSystem ?? ''}\n`);
  w.write(0, `  Architecture:\t${info?.architecture ?? ''}\n`);
  w.write(0, `  Container Runtime Version:\t${info?.containerRuntimeVersion ?? ''}\n`);
  w.write(0, `  Kubelet Version:\t${info?.kubeletVersion ?? ''}\n`);
  w.write(0, `  Kube-Proxy Version:\t${info?.kubeProxyVersion ?? ''}\n`);
  if (spec?.podCIDR) w.write(0, `PodCIDR:\t${spec.podCIDR}\n`);
  if (spec?.podCIDRs?.length) w.write(0, `PodCIDRs:\t${spec.podCIDRs.join(',')}\n`);
  if (spec?.providerID) w.write(0, `ProviderID:\t${spec.providerID}\n`);
  describeNodeResource(w, node, pods, nowMs);
  describeEvents(w, events, nowMs);
  return w.toString();
}

/** findNodeRoles: node-role.kubernetes.io/<role> labels and kubernetes.io/role, sorted. */
function nodeRoles(labels: Record<string, string> | undefined): string[] {
  const roles = new Set<string>();
  for (const [key, value] of Object.entries(labels ?? {})) {
    if (key.startsWith('node-role.kubernetes.io/')) {
      const role = key.slice('node-role.kubernetes.io/'.length);
      if (role) roles.add(role);
    } else if (key === 'kubernetes.io/role' && value) {
      roles.add(value);
    }
  }
  return [...roles].sort();
}

/** printNodeTaintsMultiline: sorted by effect, then key; Taint.ToString is key[=value]:effect. */
function printTaints(w: PrefixWriter, taints: Taint[]): void {
  w.write(0, 'Taints:\t');
  if (taints.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  const order = (t: Taint): string => `${t.effect},${t.key}`;
  const sorted = [...taints].sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(0, '\t');
    w.write(0, `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}\n`);
  });
}

/** describeNodeResource: each non-terminated pod's requests and limits against the allocatable, then the totals. */
function describeNodeResource(w: PrefixWriter, node: Stored<Node>, pods: Stored<Pod>[], nowMs: number): void {
  const allocatable = node.status?.allocatable ?? node.status?.capacity ?? {};
  const cpu = parseQuantity(allocatable.cpu) ?? 0;
  const memory = parseQuantity(allocatable.memory) ?? 0;
  const storage = parseQuantity(allocatable['ephemeral-storage']) ?? 0;
  const percent = (part: number, whole: number): number => (whole === 0 ? 0 : Math.trunc((part / whole) * 100));
  w.write(0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const requests: ResourceAmounts = { cpu: 0, memory: 0 };
  const limits: ResourceAmounts = { cpu: 0, memory: 0 };
  for (const pod of pods) {
    const req = podRequests(pod);
    const lim = podLimits(pod);
    requests.cpu += req.cpu;
    requests.memory += req.memory;
    limits.cpu += lim.cpu;
    limits.memory += lim.memory;
    const cells = [
      `${cpuString(req.cpu)} (${percent(req.cpu, cpu)}%)`,
      `${cpuString(lim.cpu)} (${percent(lim.cpu, cpu)}%)`,
      `${memoryString(req.memory)} (${percent(req.memory, memory)}%)`,
      `${memoryString(lim.memory)} (${percent(lim.memory, memory)}%)`,
    ];
    const { namespace, name, creationTimestamp } = pod.metadata;
    w.write(1, `${namespace ?? ''}\t${name}\t\t${cells.join('\t')}\t${age(creationTimestamp, nowMs)}\n`);
  }
  w.write(0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(1, 'Resource\tRequests\tLimits\n');
  w.write(1, '--------\t--------\t------\n');
  w.write(
    1,
    `cpu\t${cpuString(requests.cpu)} (${percent(requests.cpu, cpu)}%)\t${cpuString(limits.cpu)} (${percent(limits.cpu, cpu)}%)\n`,
  );
  w.write(
    1,
    `memory\t${memoryString(requests.memory)} (${percent(requests.memory, memory)}%)\t${memoryString(limits.memory)} (${percent(limits.memory, memory)}%)\n`,
  );
  // Nothing here asks for ephemeral storage.
  w.write(1, `ephemeral-storage\t0 (${percent(0, storage)}%)\t0 (0%)\n`);
}

/** A CPU quantity as Quantity.String prints it: whole cores bare, others in millicores. */
function cpuString(cores: number): string {
  const milli = Math.round(cores * 1000);
  return milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`;
}

const BINARY = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
const DECIMAL = ['', 'k', 'M', 'G', 'T', 'P', 'E'];

/** A byte quantity in its canonical form: the largest binary (or else decimal) suffix that keeps it whole. */
function memoryString(bytes: number): string {
  if (bytes === 0) return '0';
  const [base, suffixes] = bytes % 1024 === 0 ? [1024, BINARY] : [1000, DECIMAL];
  let value = bytes;
  let i = 0;
  while (i < suffixes.length - 1 && value % base === 0) {
    value /= base;
    i++;
  }
  return `${value}${suffixes[i]}`;
}
