import type { Pod } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { selectorMatches, type KubeObject, type Stored } from '../api/meta';
import { lookupResource, qualifiedResource } from '../api/resources';
import { isPodReady, readySince } from '../pods/pod-util';
import type { KubectlHost } from './host';
import { podTargetName } from './pod-target';

/** The kinds whose pods `kubectl logs TYPE/NAME` finds through the object's selector (SelectorsForObject). */
const WITH_SELECTOR = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'Service']);

/** What `TYPE/NAME` resolved to: the first of its pods in the order asked for and how many it had, or kubectl's error. */
export type PodForObject = { pod: Stored<Pod>; count: number } | { error: string };

/** How a command ranks an object's pods, best first. */
export type PodOrder = (a: Pod, b: Pod) => number;

/**
 * polymorphichelpers for a workload or Service: its pods by selector (SelectorsForObject), the first in `order`
 * (GetFirstPod), waiting up to `timeoutMs` for one to exist. Undefined for a type it does not take.
 */
export function podForObject(
  host: KubectlHost,
  typeName: string,
  name: string,
  namespace: string,
  timeoutMs: number,
  order: PodOrder,
): PodForObject | undefined {
  const type = lookupResource(typeName);
  if (!type || !WITH_SELECTOR.has(type.kind)) return undefined;
  const obj = host.store.get<KubeObject & { spec?: { selector?: LabelSelector | Record<string, string> } }>(
    type.kind,
    namespace,
    name,
  );
  if (!obj) return { error: `Error from server (NotFound): ${qualifiedResource(type)} "${name}" not found` };
  const raw = obj.spec?.selector;
  // A Service selects with a plain map; the workloads with a LabelSelector.
  const selector: LabelSelector | undefined =
    type.kind === 'Service'
      ? raw
        ? { matchLabels: raw as Record<string, string> }
        : undefined
      : (raw as LabelSelector);
  const matching = (): Stored<Pod>[] =>
    host.store.list<Pod>('Pod', namespace).filter((p) => selectorMatches(selector, p.metadata.labels));
  let pods = matching();
  if (pods.length === 0 && host.waitFor(() => matching().length > 0, timeoutMs)) pods = matching();
  if (pods.length === 0) return { error: 'error: timed out waiting for the condition' };
  return { pod: [...pods].sort(order)[0], count: pods.length };
}

/**
 * The pod a one-pod command (`exec`, `logs`) works on: "NAME" or "pod/NAME" itself, or the first pod of a workload
 * or Service in `order`; `verb` words the message for a type it cannot resolve.
 */
export function resolvePod(
  host: KubectlHost,
  verb: string,
  target: string,
  namespace: string,
  timeoutMs: number,
  order: PodOrder,
): PodForObject {
  const podName = podTargetName(target);
  if (podName !== undefined) {
    const pod = host.store.get<Pod>('Pod', namespace, podName);
    return pod ? { pod, count: 1 } : { error: `Error from server (NotFound): pods "${podName}" not found` };
  }
  const slash = target.indexOf('/');
  const found = podForObject(host, target.slice(0, slash), target.slice(slash + 1), namespace, timeoutMs, order);
  return (
    found ?? {
      error: `error: kubesim: ${verb} takes a pod, deployment, replicaset, statefulset or service, not "${target}"`,
    }
  );
}

/** podutils.ByLogging's phase order; phases it does not name count as Running, as its map's zero value does. */
const PHASE_RANK: Record<string, number> = { Running: 0, Unknown: 1, Pending: 2 };

/** podutils.ByLogging (kubectl logs): bound, running, ready, ready longest, most restarted, oldest. */
export function byLogging(a: Pod, b: Pod): number {
  const boundA = !!a.spec?.nodeName;
  const boundB = !!b.spec?.nodeName;
  if (a.spec?.nodeName !== b.spec?.nodeName && boundA !== boundB) return boundA ? -1 : 1;
  const phase = (p: Pod): number => PHASE_RANK[p.status?.phase ?? ''] ?? 0;
  if (phase(a) !== phase(b)) return phase(a) - phase(b);
  if (isPodReady(a) !== isPodReady(b)) return isPodReady(a) ? -1 : 1;
  const readyA = readySince(a);
  const readyB = readySince(b);
  if (isPodReady(a) && isPodReady(b) && readyA !== readyB) return earlierFirst(readyA, readyB);
  if (maxRestarts(a) !== maxRestarts(b)) return maxRestarts(b) - maxRestarts(a);
  const createdA = Date.parse(a.metadata?.creationTimestamp ?? '');
  const createdB = Date.parse(b.metadata?.creationTimestamp ?? '');
  return createdA === createdB ? 0 : earlierFirst(createdA, createdB);
}

/** ActivePods' phase order, reversed: Running, then Unknown, then Pending and the phases it does not name. */
const ACTIVE_PHASE_RANK: Record<string, number> = { Running: 0, Unknown: 1 };

/**
 * sort.Reverse(podutils.ActivePods) (kubectl exec and attach): bound, running, ready, ready longest, fewest
 * restarts, oldest.
 */
export function mostActiveFirst(a: Pod, b: Pod): number {
  const boundA = !!a.spec?.nodeName;
  const boundB = !!b.spec?.nodeName;
  if (a.spec?.nodeName !== b.spec?.nodeName && boundA !== boundB) return boundA ? -1 : 1;
  const phase = (p: Pod): number => ACTIVE_PHASE_RANK[p.status?.phase ?? ''] ?? 2;
  if (phase(a) !== phase(b)) return phase(a) - phase(b);
  if (isPodReady(a) !== isPodReady(b)) return isPodReady(a) ? -1 : 1;
  const readyA = readySince(a);
  const readyB = readySince(b);
  if (isPodReady(a) && isPodReady(b) && readyA !== readyB) return earlierFirst(readyA, readyB);
  if (maxRestarts(a) !== maxRestarts(b)) return maxRestarts(a) - maxRestarts(b);
  const createdA = Date.parse(a.metadata?.creationTimestamp ?? '');
  const createdB = Date.parse(b.metadata?.creationTimestamp ?? '');
  return createdA === createdB ? 0 : earlierFirst(createdA, createdB);
}

function maxRestarts(p: Pod): number {
  return Math.max(0, ...(p.status?.containerStatuses ?? []).map((c) => c.restartCount));
}

/** afterOrZero's order: the earlier time first, a missing time last. */
function earlierFirst(a: number | undefined, b: number | undefined): number {
  const valid = (t: number | undefined): t is number => t !== undefined && !Number.isNaN(t);
  if (!valid(a)) return valid(b) ? 1 : 0;
  if (!valid(b)) return -1;
  return a - b;
}
