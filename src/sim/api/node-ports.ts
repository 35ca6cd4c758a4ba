import type { Service, ServicePort } from 'kubernetes-types/core/v1';
import type { SeededRandom } from '../random';
import { ApiError, invalid } from './errors';
import { index, invalidField } from './validation/field';

/** kube-apiserver's default --service-node-port-range. */
export const NODE_PORT_MIN = 30000;
export const NODE_PORT_MAX = 32767;

/**
 * calculateRangeOffset: min(max(16, size / 32), 128). Ports below MIN + offset are the static band, which
 * automatic allocation uses only once the rest is full, so that ports users pick by hand rarely collide.
 */
const STATIC_BAND = Math.min(Math.max(16, Math.floor((NODE_PORT_MAX - NODE_PORT_MIN + 1) / 32)), 128);

/** needsNodePort: NodePort Services, and LoadBalancers unless allocateLoadBalancerNodePorts is false. */
export function needsNodePort(svc: Service | undefined): boolean {
  const type = svc?.spec?.type;
  return type === 'NodePort' || (type === 'LoadBalancer' && svc?.spec?.allocateLoadBalancerNodePorts !== false);
}

/**
 * The service REST storage's node ports on create and update. An update that leaves a port's nodePort out keeps
 * the one it had under the same port name (patchAllocatedValues). A requested port must lie in the range and be
 * free (portallocator's ErrNotInRange and ErrAllocated, as an Invalid error on the field); the others get a random
 * free port. On create, ports of one number share a node port (initNodePorts); an update allocates each port on
 * its own (updateNodePorts). `taken` holds the node ports of every other Service. Gives `svc` a new spec; throws
 * the apiserver's error.
 */
export function allocateNodePorts(
  svc: Service,
  old: Service | undefined,
  taken: Set<number>,
  random: SeededRandom,
): void {
  if (!needsNodePort(svc)) return;
  // Copies: on an update the spec may still be the stored object's, which is never edited in place.
  const ports = (svc.spec?.ports ?? []).map((p) => ({ ...p }));
  svc.spec = { ...svc.spec, ports };
  const used = new Set(taken);
  const claim = (port: number, i: number): number => {
    const problem =
      port < NODE_PORT_MIN || port > NODE_PORT_MAX
        ? `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_MIN}-${NODE_PORT_MAX}`
        : used.has(port)
          ? 'provided port is already allocated'
          : undefined;
    if (problem) {
      const field = `${index('spec.ports', i)}.nodePort`;
      throw invalid('Service', svc.metadata?.name ?? '', [invalidField(field, port, problem)]);
    }
    used.add(port);
    return port;
  };
  if (old) {
    if (needsNodePort(old)) keepOldNodePorts(ports, old.spec?.ports ?? []);
    const mine = new Set<string>();
    ports.forEach((port, i) => {
      if (!port.nodePort) port.nodePort = claim(nextFree(used, random), i);
      else if (!used.has(port.nodePort) || !ports.slice(0, i).some((p) => p.nodePort === port.nodePort)) {
        claim(port.nodePort, i);
      }
      const key = `{${port.protocol} ${port.nodePort}}`;
      if (mine.has(key))
        throw new ApiError('InternalError', 500, `Internal error occurred: duplicate nodePort: ${key}`);
      mine.add(key);
    });
    return;
  }
  const byPortNumber = new Map<number, number>();
  ports.forEach((port, i) => {
    const shared = byPortNumber.get(port.port);
    if (shared !== undefined) {
      if (!port.nodePort) port.nodePort = shared;
      else if (port.nodePort !== shared) claim(port.nodePort, i);
      return;
    }
    const requested = requestedFor(port.port, ports);
    port.nodePort = claim(requested || nextFree(used, random), i);
    byPortNumber.set(port.port, port.nodePort);
  });
}

/** patchAllocatedValues: a port without a nodePort keeps the old port's of the same name, if no other port has it. */
function keepOldNodePorts(ports: ServicePort[], oldPorts: ServicePort[]): void {
  const byName = new Map<string, number>();
  for (const p of oldPorts) if (p.nodePort) byName.set(p.name ?? '', p.nodePort);
  const inUse = new Set(ports.map((p) => p.nodePort ?? 0));
  for (const port of ports) {
    const oldPort = byName.get(port.name ?? '');
    if (!port.nodePort && oldPort !== undefined && !inUse.has(oldPort)) {
      port.nodePort = oldPort;
      inUse.add(oldPort);
    }
  }
}

/** findRequestedNodePort: the first node port any port of this number asks for. */
function requestedFor(portNumber: number, ports: ServicePort[]): number {
  return ports.find((p) => p.port === portNumber && p.nodePort)?.nodePort ?? 0;
}

/** AllocateNext: a random free port above the static band, then anywhere, as the bitmap allocator scans. */
function nextFree(used: Set<number>, random: SeededRandom): number {
  for (const low of [NODE_PORT_MIN + STATIC_BAND, NODE_PORT_MIN]) {
    const size = NODE_PORT_MAX - low + 1;
    const start = random.int(0, size - 1);
    for (let i = 0; i < size; i++) {
      const port = low + ((start + i) % size);
      if (!used.has(port)) return port;
    }
  }
  throw new ApiError('InternalError', 500, 'Internal error occurred: failed to allocate a nodePort: range is full');
}
