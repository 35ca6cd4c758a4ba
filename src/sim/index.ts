/**
 * kubesim: a deterministic simulator of the Kubernetes control plane for learning Deployments and StatefulSets.
 *
 * ```ts
 * import { Cluster } from "kubesim";
 * const cluster = new Cluster({ seed: 1 });
 * ```
 */
export { Cluster, type ClusterOptions } from './cluster';
export type { CommandResult } from './kubectl/output';
export type { Editor } from './kubectl/host';
export { humanDuration } from './kubectl/duration';
export { parseDuration } from './clock';
export { Faults } from './faults';
export type { ProcessRow } from './ground-truth';
export { ClusterDns, CLUSTER_DNS_IP, CLUSTER_DOMAIN } from './dns/cluster-dns';
export type { DnsAnswer, DnsRecord, RecordType } from './dns/cluster-dns';
export type { NslookupOptions } from './dns/nslookup';
export {
  NODE_MONITOR_GRACE_PERIOD_MS,
  NODE_MONITOR_PERIOD_MS,
} from './controllers/nodelifecycle/node-lifecycle-controller';
export type { HistoryEntry } from './cluster';
export {
  parseScript,
  runScript,
  ScriptReader,
  ScriptSession,
  type ScriptHost,
  type ScriptOptions,
  type ScriptResult,
} from './script/index';
export { KUBERNETES_VERSION } from './node/nodes';
export {
  dnsTable,
  podTimeline,
  timelinePhase,
  topology,
  type DnsRecord as DnsTableRow,
  type PodPhase,
  type TimelineEntry,
  type TimelineOptions,
  type TopologyInput,
} from './pictures/index';
/** The Kubernetes object shapes kubesim stores, for typed `get<Pod>()` / `list<StatefulSet>()` calls. */
export type { Pod, Service, Node, PersistentVolume, PersistentVolumeClaim, Event } from 'kubernetes-types/core/v1';
export type { Deployment, ReplicaSet, StatefulSet, ControllerRevision } from 'kubernetes-types/apps/v1';
export type { EndpointSlice } from 'kubernetes-types/discovery/v1';
export type { StorageClass } from 'kubernetes-types/storage/v1';
