import type { Endpoint, EndpointPort, EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { Pod, Service } from 'kubernetes-types/core/v1';
import { isPodReady, isTerminal } from '../../pods/pod-util';

export const LABEL_SERVICE_NAME = 'kubernetes.io/service-name';
export const LABEL_MANAGED_BY = 'endpointslice.kubernetes.io/managed-by';
export const CONTROLLER_NAME = 'endpointslice-controller.k8s.io';
export const LABEL_HEADLESS = 'service.kubernetes.io/headless';
/** --max-endpoints-per-slice default. */
export const MAX_ENDPOINTS_PER_SLICE = 100;

/**
 * ShouldPodBeInEndpoints: not finished, with an IP, and not terminating unless `includeTerminating` (EndpointSlices
 * always include terminating pods; v1 Endpoints only when the Service publishes not-ready addresses).
 */
export function shouldPodBeInEndpoints(pod: Pod, includeTerminating: boolean): boolean {
  if (isTerminal(pod)) return false;
  if (!pod.status?.podIP && (pod.status?.podIPs ?? []).length === 0) return false;
  return includeTerminating || pod.metadata?.deletionTimestamp === undefined;
}

/** The Service's selector picks the pod (a Service without one selects nothing). */
export function serviceSelects(svc: Service, pod: Pod): boolean {
  const selector = svc.spec?.selector;
  if (!selector || Object.keys(selector).length === 0) return false;
  const labels = pod.metadata?.labels ?? {};
  for (const k in selector) if (labels[k] !== selector[k]) return false;
  return true;
}

/** ShouldSetHostname: the pod named itself into this service's subdomain. */
export function shouldSetHostname(pod: Pod, svc: Service): boolean {
  return (
    Boolean(pod.spec?.hostname) &&
    pod.spec?.subdomain === svc.metadata?.name &&
    (pod.metadata?.namespace ?? 'default') === (svc.metadata?.namespace ?? 'default')
  );
}

/** podToEndpoint */
export function podToEndpoint(pod: Pod, svc: Service): Endpoint {
  const publish = svc.spec?.publishNotReadyAddresses === true;
  const terminating = pod.metadata?.deletionTimestamp !== undefined;
  // A terminating pod is never "ready", unless the service publishes not-ready addresses.
  const ready = publish || (isPodReady(pod) && !terminating);
  const serving = publish || isPodReady(pod);
  const endpoint: Endpoint = {
    addresses: [pod.status?.podIP ?? pod.status?.podIPs?.[0]?.ip ?? ''],
    conditions: { ready, serving, terminating },
  };
  if (shouldSetHostname(pod, svc)) endpoint.hostname = pod.spec?.hostname;
  if (pod.spec?.nodeName) endpoint.nodeName = pod.spec.nodeName;
  endpoint.targetRef = {
    kind: 'Pod',
    namespace: pod.metadata?.namespace ?? 'default',
    name: pod.metadata?.name ?? '',
    uid: pod.metadata?.uid,
  };
  return endpoint;
}

/** The slice's ports: each service port with its targetPort resolved against the pod's container ports. */
export function endpointPorts(svc: Service, pod: Pod | undefined): EndpointPort[] {
  const out: EndpointPort[] = [];
  for (const p of svc.spec?.ports ?? []) {
    let port: number | undefined;
    const target = p.targetPort ?? p.port;
    if (typeof target === 'number') port = target;
    else if (/^\d+$/.test(String(target))) port = Number(target);
    else {
      for (const c of pod?.spec?.containers ?? []) {
        const named = (c.ports ?? []).find((cp) => cp.name === target);
        if (named) port = named.containerPort;
      }
    }
    if (port === undefined) continue;
    out.push({ name: p.name ?? '', port, protocol: p.protocol ?? 'TCP' });
  }
  return out;
}

/** The labels a managed slice carries: the service's own, plus the controller's. */
export function sliceLabels(svc: Service): Record<string, string> {
  const labels: Record<string, string> = { ...(svc.metadata?.labels ?? {}) };
  labels[LABEL_MANAGED_BY] = CONTROLLER_NAME;
  labels[LABEL_SERVICE_NAME] = svc.metadata?.name ?? '';
  if (svc.spec?.clusterIP === 'None') labels[LABEL_HEADLESS] = '';
  return labels;
}

/** The ready endpoints' addresses of a set of slices, in slice order (what DNS serves). */
export function readyAddresses(slices: EndpointSlice[]): Array<{ ip: string; endpoint: Endpoint }> {
  const out: Array<{ ip: string; endpoint: Endpoint }> = [];
  for (const slice of slices) {
    for (const endpoint of slice.endpoints ?? []) {
      if (endpoint.conditions?.ready === false) continue;
      for (const ip of endpoint.addresses) out.push({ ip, endpoint });
    }
  }
  return out;
}
