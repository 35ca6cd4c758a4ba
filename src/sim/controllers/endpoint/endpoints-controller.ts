import type { EndpointAddress, EndpointPort, Endpoints, Pod, Service, ServicePort } from 'kubernetes-types/core/v1';
import { deepEqual, type Stored } from '../../api/meta';
import type { WatchEvent } from '../../api/store';
import { isPodReady } from '../../pods/pod-util';
import type { ControllerContext } from '../context';
import { LABEL_HEADLESS, serviceSelects, shouldPodBeInEndpoints, shouldSetHostname } from '../endpointslice/endpoints';
import { WorkQueue } from '../workqueue';
import { repackSubsets, type AddressOnPort } from './repack-subsets';

/** The annotation that records when the change behind the newest write happened. */
const LAST_CHANGE_TRIGGER_TIME = 'endpoints.kubernetes.io/last-change-trigger-time';

/**
 * The Endpoints controller (pkg/controller/endpoint): one v1 Endpoints object per Service with a selector, named
 * after it, listing the selected pods' addresses, ready or not, per port. Each sync lists the Service's pods, as
 * the real one does; Services without a selector are left to whoever writes their Endpoints.
 */
export class EndpointsController {
  private readonly queue: WorkQueue;

  constructor(private readonly ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, 'endpoint-controller', 5, (key) => this.syncService(key));
    ctx.store.watch('Service', (e) => this.queue.add(keyOf(e.object as Stored<Service>)));
    ctx.store.watch('Pod', (e) => this.onPod(e));
  }

  /** addPod / updatePod / deletePod: every Service that selects the pod, before or after the change. */
  private onPod(event: WatchEvent): void {
    const pod = event.object as Stored<Pod>;
    const old = event.old as Stored<Pod> | undefined;
    const namespace = pod.metadata.namespace ?? 'default';
    for (const svc of this.ctx.store.list<Service>('Service', namespace)) {
      if (serviceSelects(svc, pod) || (old && serviceSelects(svc, old))) this.queue.add(keyOf(svc));
    }
  }

  /** syncService */
  private syncService(key: string): void {
    const slash = key.indexOf('/');
    const namespace = key.slice(0, slash);
    const name = key.slice(slash + 1);
    const svc = this.ctx.store.get<Service>('Service', namespace, name);
    const current = this.ctx.store.get<Endpoints>('Endpoints', namespace, name);
    if (!svc) {
      if (current) this.ctx.store.delete('Endpoints', namespace, name);
      return;
    }
    if (!svc.spec?.selector) return;
    const publish = svc.spec.publishNotReadyAddresses === true;
    const entries: AddressOnPort[] = [];
    for (const pod of this.ctx.store.list<Pod>('Pod', namespace)) {
      if (!serviceSelects(svc, pod) || !shouldPodBeInEndpoints(pod, publish)) continue;
      const address = podToEndpointAddress(pod, svc);
      const ready = publish || isPodReady(pod);
      const ports = svc.spec.ports ?? [];
      // A headless Service may have no ports at all.
      if (ports.length === 0) {
        if (svc.spec.clusterIP === 'None') entries.push({ address, ready, port: undefined });
        continue;
      }
      for (const servicePort of ports) {
        const port = findPort(pod, servicePort);
        if (port !== undefined) entries.push({ address, ready, port: endpointPort(servicePort, port) });
      }
    }
    const subsets = repackSubsets(entries);
    const labels: Record<string, string> = { ...(svc.metadata.labels ?? {}) };
    if (svc.spec.clusterIP === 'None' || !svc.spec.clusterIP) labels[LABEL_HEADLESS] = '';
    else delete labels[LABEL_HEADLESS];
    if (current && deepEqual(current.subsets ?? [], subsets) && deepEqual(current.metadata.labels ?? {}, labels))
      return;
    const annotations = {
      ...(current?.metadata.annotations ?? {}),
      [LAST_CHANGE_TRIGGER_TIME]: this.ctx.clock.timestamp(),
    };
    const metadata = { ...(current?.metadata ?? { name, namespace }), annotations };
    // An empty label map is left out, as the API's omitempty does.
    if (Object.keys(labels).length > 0) metadata.labels = labels;
    else delete metadata.labels;
    const endpoints: Endpoints = { apiVersion: 'v1', kind: 'Endpoints', metadata };
    if (subsets.length > 0) endpoints.subsets = subsets;
    if (current) this.ctx.store.update<Endpoints>(endpoints);
    else this.ctx.store.create<Endpoints>(endpoints);
  }
}

function keyOf(svc: Stored<Service>): string {
  return `${svc.metadata.namespace ?? 'default'}/${svc.metadata.name}`;
}

/** podToEndpointAddressForService, with the hostname ShouldSetHostname gives. */
function podToEndpointAddress(pod: Stored<Pod>, svc: Service): EndpointAddress {
  const address: EndpointAddress = { ip: pod.status?.podIP ?? pod.status?.podIPs?.[0]?.ip ?? '' };
  if (shouldSetHostname(pod, svc)) address.hostname = pod.spec?.hostname;
  if (pod.spec?.nodeName) address.nodeName = pod.spec.nodeName;
  address.targetRef = {
    kind: 'Pod',
    namespace: pod.metadata.namespace ?? 'default',
    name: pod.metadata.name,
    uid: pod.metadata.uid,
  };
  return address;
}

/** podutil.FindPort: a numeric targetPort as is, a named one through the pod's container ports. */
function findPort(pod: Pod, servicePort: ServicePort): number | undefined {
  const target = servicePort.targetPort ?? servicePort.port;
  if (typeof target === 'number') return target;
  if (/^\d+$/.test(target)) return Number(target);
  for (const c of pod.spec?.containers ?? []) {
    const named = (c.ports ?? []).find(
      (p) => p.name === target && (p.protocol ?? 'TCP') === (servicePort.protocol ?? 'TCP'),
    );
    if (named) return named.containerPort;
  }
  return undefined;
}

/** endpointPortFromServicePort */
function endpointPort(servicePort: ServicePort, port: number): EndpointPort {
  // The fields in the API type's order, as -o json prints them.
  const out: EndpointPort = servicePort.name ? { name: servicePort.name, port } : { port };
  out.protocol = servicePort.protocol ?? 'TCP';
  if (servicePort.appProtocol) out.appProtocol = servicePort.appProtocol;
  return out;
}
