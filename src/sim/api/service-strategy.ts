import type { Service } from 'kubernetes-types/core/v1';
import type { SeededRandom } from '../random';
import { defaultService } from './defaults';
import type { KubeObject } from './meta';
import { allocateNodePorts, needsNodePort } from './node-ports';
import type { ObjectStore } from './store';
import { validateServiceStrategy } from './validation';

/**
 * The Service registry: defaults, a cluster IP from 10.96.0.0/16 for every Service that is not headless (the
 * `reserved` ones excepted), node ports for NodePort and LoadBalancer Services, and validation.
 */
export function registerServiceStrategy(store: ObjectStore, random: SeededRandom, reserved: string[]): void {
  const allocated = new Set<string>(reserved);
  const allocateClusterIP = (): string => {
    for (;;) {
      const ip = `10.96.${random.int(0, 255)}.${random.int(1, 254)}`;
      if (!allocated.has(ip)) {
        allocated.add(ip);
        return ip;
      }
    }
  };
  store.registerStrategy('Service', {
    applyDefaults: (obj) => defaultService(obj, allocateClusterIP),
    allocate: (obj, old) => {
      if (old) dropTypeDependentFields(obj as Service, old as Service);
      allocateNodePorts(obj as Service, old as Service | undefined, nodePortsOfOthers(store, obj), random);
    },
    validate: validateServiceStrategy,
  });
}

/** The node ports held by every Service other than `svc` (Services are few: a scan costs little). */
function nodePortsOfOthers(store: ObjectStore, svc: KubeObject): Set<number> {
  const ports = new Set<number>();
  for (const other of store.list<Service>('Service')) {
    const same = other.metadata.name === svc.metadata?.name && other.metadata.namespace === svc.metadata?.namespace;
    if (!same) for (const p of other.spec?.ports ?? []) if (p.nodePort) ports.add(p.nodePort);
  }
  return ports;
}

/**
 * dropTypeDependentFields: a Service changed to a type without node ports loses the ones it was given, and one
 * changed to a type without external traffic loses its externalTrafficPolicy, unless the update also changed
 * them (then validation answers).
 */
function dropTypeDependentFields(svc: Service, old: Service): void {
  const spec = svc.spec;
  if (!spec) return;
  const oldPorts = old.spec?.ports ?? [];
  const ports = spec.ports ?? [];
  const sameNodePorts = ports.length === oldPorts.length && ports.every((p, i) => p.nodePort === oldPorts[i].nodePort);
  if (needsNodePort(old) && !needsNodePort(svc) && sameNodePorts) {
    svc.spec = { ...spec, ports: ports.map(({ nodePort: _dropped, ...rest }) => rest) };
  }
  const external = (s: Service): boolean => s.spec?.type === 'NodePort' || s.spec?.type === 'LoadBalancer';
  if (!external(svc) && spec.externalTrafficPolicy === old.spec?.externalTrafficPolicy) {
    const { externalTrafficPolicy: _dropped, ...rest } = svc.spec as typeof spec;
    svc.spec = rest;
  }
}
