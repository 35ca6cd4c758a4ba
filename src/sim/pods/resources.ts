import type { Container, Pod } from 'kubernetes-types/core/v1';
import { parseQuantity } from '../api/quantity';

/** The compute resources the scheduler and QoS look at. */
export const COMPUTE_RESOURCES = ['cpu', 'memory'] as const;
export type ComputeResource = (typeof COMPUTE_RESOURCES)[number];
export type ResourceAmounts = Record<ComputeResource, number>;

/** A container's request: its `requests`, else its limit (the apiserver defaults requests to limits). */
function containerRequest(c: Container, resource: ComputeResource): number {
  return parseQuantity(c.resources?.requests?.[resource] ?? c.resources?.limits?.[resource]) ?? 0;
}

/** computePodResourceRequest: the sum over app containers, or the largest init container if that is more. */
export function podRequests(pod: Pod): ResourceAmounts {
  return podTotal(pod, containerRequest);
}

/** PodRequestsAndLimits' limits: summed the way requests are; a container without a limit adds nothing. */
export function podLimits(pod: Pod): ResourceAmounts {
  return podTotal(pod, (c, resource) => parseQuantity(c.resources?.limits?.[resource]) ?? 0);
}

function podTotal(pod: Pod, amount: (c: Container, resource: ComputeResource) => number): ResourceAmounts {
  // Plain loops: the scheduler asks on every attempt, and lists built here would be garbage at once.
  const total: ResourceAmounts = { cpu: 0, memory: 0 };
  const containers = pod.spec?.containers;
  const initContainers = pod.spec?.initContainers;
  for (const resource of COMPUTE_RESOURCES) {
    let app = 0;
    if (containers) for (const c of containers) app += amount(c, resource);
    let init = 0;
    if (initContainers) for (const c of initContainers) init = Math.max(init, amount(c, resource));
    total[resource] = Math.max(app, init);
  }
  return total;
}

/** GetPodQOS: Guaranteed when every container limits cpu and memory at its request, BestEffort when none asks. */
export function podQOSClass(pod: Pod): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const containers = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
  const asks = (c: Container) =>
    COMPUTE_RESOURCES.some((r) => c.resources?.requests?.[r] !== undefined || c.resources?.limits?.[r] !== undefined);
  if (!containers.some(asks)) return 'BestEffort';
  const guaranteed = containers.every((c) =>
    COMPUTE_RESOURCES.every((r) => {
      const limit = parseQuantity(c.resources?.limits?.[r]);
      return limit !== undefined && parseQuantity(c.resources?.requests?.[r] ?? c.resources?.limits?.[r]) === limit;
    }),
  );
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
