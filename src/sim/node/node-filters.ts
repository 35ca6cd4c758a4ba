import type { Node, NodeCondition, Pod, Taint } from 'kubernetes-types/core/v1';
import type { Stored } from '../api/meta';

/*
 * The scheduler's node filters that read a pod's tolerations: NodeUnschedulable, TaintToleration and the node's
 * readiness, with the words a failed pass gives for each.
 */

/**
 * Why a node that isSchedulable rejects fails the pod, in the first filter plugin's words: NodeUnschedulable
 * ("were unschedulable", a cordoned node), then TaintToleration (the first taint the pod does not tolerate).
 */
export function unfitReason(node: Stored<Node>, pod: Pod): string {
  if (node.spec?.unschedulable && !tolerates(pod, UNSCHEDULABLE_TAINT)) return 'node(s) were unschedulable';
  const taint = untoleratedTaint(node, pod);
  return taint ? `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}` : 'node(s) were unschedulable';
}

/** The taint NodeUnschedulable lets a pod past a cordoned node with (v1.TaintNodeUnschedulable). */
const UNSCHEDULABLE_TAINT: Taint = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };

/** TaintToleration's Filter: the first NoSchedule or NoExecute taint the pod does not tolerate. */
function untoleratedTaint(node: Stored<Node>, pod: Pod): Taint | undefined {
  const taints = node.spec?.taints;
  if (!taints) return undefined;
  return taints.find((t) => (t.effect === 'NoSchedule' || t.effect === 'NoExecute') && !tolerates(pod, t));
}

/** v1.Toleration.ToleratesTaint for one of the pod's tolerations. */
function tolerates(pod: Pod, taint: Taint): boolean {
  return (pod.spec?.tolerations ?? []).some((t) => {
    if (t.effect && t.effect !== taint.effect) return false;
    if (t.key && t.key !== taint.key) return false;
    if (!t.key && t.operator !== 'Exists') return false;
    return t.operator === 'Exists' || (t.value ?? '') === (taint.value ?? '');
  });
}

/** NodeUnschedulable and TaintToleration pass the pod, and the node is Ready. */
export function isSchedulable(node: Stored<Node>, pod: Pod): boolean {
  if (node.spec?.unschedulable && !tolerates(pod, UNSCHEDULABLE_TAINT)) return false;
  if (untoleratedTaint(node, pod)) return false;
  return isReady(node);
}

export function isReady(node: Stored<Node>): boolean {
  for (const c of node.status?.conditions ?? NO_CONDITIONS) if (c.type === 'Ready') return c.status === 'True';
  return false;
}

const NO_CONDITIONS: NodeCondition[] = [];
