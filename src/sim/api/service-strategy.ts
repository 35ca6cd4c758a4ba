import type { Service } from 'kubernetes-types/core/v1';
import type { SeededRandom } from '../random';
import { defaultService } from './defaults';
import type { KubeObject } from './meta';
import { allocateNodePorts, needsNodePort } from './node-ports';
import type { ObjectStore } from './store';
import { invalid } from './errors';
import { invalidField } from './validation/field';
import { validateServiceStrategy } from './validation';

/** The service CIDR, kind's default: 10.96.0.0/16. */
const SERVICE_RANGE = '10.96.0.0/16';

/**
 * The Service registry: defaults, a cluster IP for every Service that is not headless, node ports for NodePort
 * and LoadBalancer Services, and validation. Addresses in use are read from the stored Services (they are few),
 * so a rejected or deleted Service holds none; `reserved` ones are never handed out at random.
 */
export function registerServiceStrategy(store: ObjectStore, random: SeededRandom, reserved: string[]): void {
  const allocateClusterIP = (): string => {
    const used = new Set([...reserved, ...clusterIPsOfOthers(store, undefined)]);
    for (;;) {
      const ip = `10.96.${random.int(0, 255)}.${random.int(1, 254)}`;
      if (!used.has(ip)) return ip;
    }
  };
  store.registerStrategy('Service', {
    prepareForUpdate: (obj, old) => keepClusterIPs(obj as Service, old as Service),
    applyDefaults: (obj) => defaultService(obj, allocateClusterIP),
    allocate: (obj, old) => {
      if (old) dropTypeDependentFields(obj as Service, old as Service);
      else claimRequestedClusterIP(obj as Service, clusterIPsOfOthers(store, obj));
      allocateNodePorts(obj as Service, old as Service | undefined, nodePortsOfOthers(store, obj), random);
    },
    validate: validateServiceStrategy,
  });
}

/**
 * patchAllocatedValues: an update that leaves the cluster IP out (a manifest sent again with `kubectl replace`)
 * keeps the one allocated, unless the Service becomes or stops being an ExternalName. Node ports are kept the same
 * way by allocateNodePorts.
 */
function keepClusterIPs(svc: Service, old: Service): void {
  const needsClusterIP = (s: Service): boolean => (s.spec?.type ?? 'ClusterIP') !== 'ExternalName';
  const ip = old.spec?.clusterIP;
  const ips = old.spec?.clusterIPs ?? [];
  if (!needsClusterIP(svc) || !needsClusterIP(old) || !ip) return;
  // A fresh spec: the caller's may still be the stored object's, which is never edited in place.
  const spec = (svc.spec = { ...svc.spec });
  if (!spec.clusterIP) spec.clusterIP = ip;
  if ((spec.clusterIPs ?? []).length === 0 && ips.length > 0) spec.clusterIPs = ips;
}

/**
 * The IP allocator's answer to a cluster IP asked for on create: it must lie in the service range and not belong to
 * another Service (ErrNotInRange, ErrAllocated), reported on spec.clusterIPs.
 */
function claimRequestedClusterIP(svc: Service, taken: Set<string>): void {
  const ip = svc.spec?.clusterIP;
  if (!ip || ip === 'None') return;
  const inRange = /^10\.96\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  const problem =
    !inRange || Number(inRange[1]) > 255 || Number(inRange[2]) > 255
      ? `the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${SERVICE_RANGE}`
      : taken.has(ip)
        ? 'provided IP is already allocated'
        : undefined;
  if (!problem) return;
  const ips = svc.spec?.clusterIPs ?? [ip];
  throw invalid('Service', svc.metadata?.name ?? '', [
    invalidField('spec.clusterIPs', ips, `failed to allocate IP ${ip}: ${problem}`),
  ]);
}

/** The cluster IPs of every stored Service other than `svc`. */
function clusterIPsOfOthers(store: ObjectStore, svc: KubeObject | undefined): Set<string> {
  const ips = new Set<string>();
  for (const other of otherServices(store, svc)) {
    const ip = other.spec?.clusterIP;
    if (ip && ip !== 'None') ips.add(ip);
  }
  return ips;
}

/** Every stored Service but `svc` (Services are few: a scan costs little). */
function otherServices(store: ObjectStore, svc: KubeObject | undefined): Service[] {
  const { name, namespace } = svc?.metadata ?? {};
  return store
    .list<Service>('Service')
    .filter((other) => other.metadata.name !== name || other.metadata.namespace !== namespace);
}

/** The node ports held by every Service other than `svc`. */
function nodePortsOfOthers(store: ObjectStore, svc: KubeObject): Set<number> {
  const ports = new Set<number>();
  for (const other of otherServices(store, svc))
    for (const p of other.spec?.ports ?? []) if (p.nodePort) ports.add(p.nodePort);
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
