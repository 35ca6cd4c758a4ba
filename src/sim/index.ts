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
export { humanDuration } from './kubectl/duration';
export { parseDuration } from './clock';
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
  type DnsRecord,
  type PodPhase,
  type TimelineEntry,
  type TimelineOptions,
  type TopologyInput,
} from './pictures/index';
