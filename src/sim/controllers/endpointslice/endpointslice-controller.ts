import type { Endpoint, EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { Pod, Service } from 'kubernetes-types/core/v1';
import { deepEqual, newControllerRef, type Stored } from '../../api/meta';
import type { WatchEvent } from '../../api/store';
import type { ControllerContext } from '../context';
import { WorkQueue } from '../workqueue';
import {
  endpointPorts,
  MAX_ENDPOINTS_PER_SLICE,
  podToEndpoint,
  serviceSelects,
  shouldPodBeInEndpoints,
  sliceLabels,
} from './endpoints';

/** The controller's memory of one service: which pods it selects and where each one's endpoint lives. */
interface ServiceState {
  members: Set<string>;
  /** Pod keys whose endpoint may have changed since the last sync. */
  dirty: Set<string>;
  /** Slice name per pod key. */
  sliceOf: Map<string, string>;
  /** Endpoints per slice name, in slice order. */
  slices: Map<string, Map<string, Endpoint>>;
}

/**
 * The EndpointSlice controller (pkg/controller/endpointslice): for every service with a selector it keeps
 * EndpointSlices named `<service>-<random>` listing the selected pods' addresses and conditions, at most 100
 * endpoints per slice. Like the real reconciler it only rewrites slices whose endpoints changed.
 */
export class EndpointSliceController {
  private readonly queue: WorkQueue;
  private readonly services = new Map<string, ServiceState>();
  /** Service names by namespace, so a pod event checks only its namespace's selectors. */
  private readonly byNamespace = new Map<string, Set<string>>();

  constructor(private readonly ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, 'endpointslice-controller', 5, (key) => this.sync(key));
    ctx.store.watch('Service', (e) => this.onService(e));
    ctx.store.watch('Pod', (e) => this.onPod(e));
  }

  private onService(event: WatchEvent): void {
    const svc = event.object as Stored<Service>;
    const ns = svc.metadata.namespace ?? 'default';
    const key = `${ns}/${svc.metadata.name}`;
    if (event.type === 'DELETED') {
      this.byNamespace.get(ns)?.delete(svc.metadata.name);
      this.services.delete(key);
      // The slices go with their service, as the garbage collector follows their owner reference.
      const uid = svc.metadata.uid ?? '';
      this.ctx.clock.after(0, `endpointslice-controller: collect slices of ${key}`, () => {
        for (const slice of this.ctx.store.listControlledBy('EndpointSlice', uid)) {
          this.ctx.store.delete('EndpointSlice', ns, slice.metadata.name);
        }
      });
      return;
    }
    let names = this.byNamespace.get(ns);
    if (!names) {
      names = new Set();
      this.byNamespace.set(ns, names);
    }
    names.add(svc.metadata.name);
    // A new service or a changed spec: recompute every member.
    const state = this.state(key);
    state.members = new Set(
      this.ctx.store
        .list<Pod>('Pod', ns)
        .filter((p) => serviceSelects(svc, p))
        .map((p) => `${ns}/${p.metadata.name}`),
    );
    for (const member of state.members) state.dirty.add(member);
    for (const member of state.sliceOf.keys()) state.dirty.add(member);
    state.dirty.add('');
    this.queue.add(key);
  }

  private onPod(event: WatchEvent): void {
    const pod = event.object as Stored<Pod>;
    const ns = pod.metadata.namespace ?? 'default';
    const names = this.byNamespace.get(ns);
    if (!names) return;
    const podKey = `${ns}/${pod.metadata.name}`;
    for (const name of names) {
      const svc = this.ctx.store.get<Service>('Service', ns, name);
      if (!svc) continue;
      const member = event.type !== 'DELETED' && serviceSelects(svc, pod);
      const key = `${ns}/${name}`;
      // A service the pod is not in and was not in (the kubernetes Service, for every pod) has nothing to do.
      if (!member && !this.services.get(key)?.members.has(podKey)) continue;
      const state = this.state(key);
      if (member) state.members.add(podKey);
      else state.members.delete(podKey);
      state.dirty.add(podKey);
      this.queue.add(key);
    }
  }

  private state(key: string): ServiceState {
    let state = this.services.get(key);
    if (!state) {
      state = { members: new Set(), dirty: new Set(), sliceOf: new Map(), slices: new Map() };
      this.services.set(key, state);
    }
    return state;
  }

  /** syncService */
  private sync(key: string): void {
    const [ns, name] = key.split('/');
    const svc = this.ctx.store.get<Service>('Service', ns, name);
    const state = this.services.get(key);
    if (!svc || !state) return;
    if (!svc.spec?.selector || Object.keys(svc.spec.selector).length === 0) return;
    const existing = this.ctx.store.listControlledBy<EndpointSlice>('EndpointSlice', svc.metadata.uid ?? '');
    const touched = new Set<string>();
    if (state.slices.size === 0) {
      for (const slice of existing.sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1))) {
        state.slices.set(slice.metadata.name, new Map());
        touched.add(slice.metadata.name);
      }
    }
    const all = state.dirty.has('');
    const dirty = [...state.dirty].filter((k) => k !== '').sort();
    state.dirty.clear();
    const pending: Array<[string, Endpoint]> = [];
    for (const podKey of dirty) {
      const pod = this.ctx.store.get<Pod>('Pod', ns, podKey.slice(ns.length + 1));
      const want =
        pod && state.members.has(podKey) && shouldPodBeInEndpoints(pod, true) ? podToEndpoint(pod, svc) : undefined;
      const sliceName = state.sliceOf.get(podKey);
      if (sliceName !== undefined) {
        const endpoints = state.slices.get(sliceName);
        if (!endpoints) continue;
        if (want) {
          if (!deepEqual(endpoints.get(podKey), want)) touched.add(sliceName);
          endpoints.set(podKey, want);
        } else {
          endpoints.delete(podKey);
          state.sliceOf.delete(podKey);
          touched.add(sliceName);
        }
      } else if (want) pending.push([podKey, want]);
    }
    for (const [podKey, endpoint] of pending) {
      let target: string | undefined;
      for (const [sliceName, endpoints] of state.slices) {
        if (endpoints.size < MAX_ENDPOINTS_PER_SLICE) {
          target = sliceName;
          break;
        }
      }
      if (target === undefined) {
        target = `${name}-${this.ctx.random.suffix(5)}`;
        state.slices.set(target, new Map());
      }
      state.slices.get(target)?.set(podKey, endpoint);
      state.sliceOf.set(podKey, target);
      touched.add(target);
    }
    if (state.slices.size === 0) {
      // A service without endpoints still gets one empty placeholder slice.
      const placeholder = `${name}-${this.ctx.random.suffix(5)}`;
      state.slices.set(placeholder, new Map());
      touched.add(placeholder);
    }
    for (const sliceName of all ? [...state.slices.keys()] : [...touched]) {
      if (state.slices.has(sliceName)) this.writeSlice(svc, state, sliceName);
    }
  }

  private writeSlice(svc: Stored<Service>, state: ServiceState, sliceName: string): void {
    const ns = svc.metadata.namespace ?? 'default';
    const endpoints = state.slices.get(sliceName) ?? new Map<string, Endpoint>();
    const current = this.ctx.store.get<EndpointSlice>('EndpointSlice', ns, sliceName);
    if (endpoints.size === 0 && state.slices.size > 1) {
      // An emptied slice goes, as long as another one is left.
      state.slices.delete(sliceName);
      if (current) this.ctx.store.delete('EndpointSlice', ns, sliceName);
      return;
    }
    const firstPodKey = endpoints.keys().next().value as string | undefined;
    const firstPod = firstPodKey ? this.ctx.store.get<Pod>('Pod', ns, firstPodKey.slice(ns.length + 1)) : undefined;
    const ports = endpoints.size > 0 ? endpointPorts(svc, firstPod) : undefined;
    const desired = {
      labels: sliceLabels(svc),
      endpoints: [...endpoints.values()],
      ports,
    };
    if (
      current &&
      deepEqual(current.metadata.labels, desired.labels) &&
      deepEqual(current.endpoints, desired.endpoints) &&
      deepEqual(current.ports, desired.ports)
    ) {
      return;
    }
    const annotations = { 'endpoints.kubernetes.io/last-change-trigger-time': this.ctx.clock.timestamp() };
    if (current) {
      const next: EndpointSlice = {
        ...current,
        metadata: { ...current.metadata, labels: desired.labels, annotations },
        endpoints: desired.endpoints,
      };
      if (ports) next.ports = ports;
      else delete next.ports;
      this.ctx.store.update<EndpointSlice>(next);
      return;
    }
    const slice: EndpointSlice = {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: {
        name: sliceName,
        generateName: `${svc.metadata.name}-`,
        namespace: ns,
        labels: desired.labels,
        annotations,
        ownerReferences: [newControllerRef(svc)],
      },
      addressType: 'IPv4',
      endpoints: desired.endpoints,
    };
    if (ports) slice.ports = ports;
    this.ctx.store.create<EndpointSlice>(slice);
  }
}
