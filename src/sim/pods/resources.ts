import type { Container, Pod } from 'kubernetes-types/core/v1';

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};

/** resource.Quantity's value in base units ("500m" → 0.5, "128Mi" → 134217728); undefined when malformed. */
export function parseQuantity(value: string | number | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number') return value;
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?)$/.exec(value.trim());
  if (!m) return undefined;
  const number = Number(m[1]);
  if (m[2]) return number * 10 ** Number(m[2].slice(1));
  const suffix = m[3] ?? '';
  return number * (BINARY[suffix] ?? DECIMAL[suffix]);
}

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
  const total: ResourceAmounts = { cpu: 0, memory: 0 };
  for (const resource of COMPUTE_RESOURCES) {
    const app = (pod.spec?.containers ?? []).reduce((sum, c) => sum + containerRequest(c, resource), 0);
    const init = Math.max(0, ...(pod.spec?.initContainers ?? []).map((c) => containerRequest(c, resource)));
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
