import type { EndpointAddress, EndpointPort, EndpointSubset } from 'kubernetes-types/core/v1';

/** One pod's address offered on one port: what syncService collects before repacking. */
export interface AddressOnPort {
  address: EndpointAddress;
  ready: boolean;
  /** undefined for a headless Service without ports (RepackSubsets' sentinel port). */
  port: EndpointPort | undefined;
}

/**
 * endpoints.RepackSubsets: each port with the addresses that offer it (an address not ready on a port stays not
 * ready there), then ports offered by the very same addresses merged into one subset, ready addresses under
 * `addresses` and the others under `notReadyAddresses`, each sorted by IP as text, then uid (LessEndpointAddress).
 * kubernetes orders ports and subsets by a hash of their Go printout; here they go by name, number and protocol,
 * which agrees whenever a subset has one port and there is one subset.
 */
export function repackSubsets(entries: AddressOnPort[]): EndpointSubset[] {
  const addresses = new Map<string, EndpointAddress>();
  const byPort = new Map<string, { port: EndpointPort | undefined; ready: Map<string, boolean> }>();
  for (const entry of entries) {
    const addressKey = `${entry.address.ip}\u0000${entry.address.targetRef?.uid ?? ''}`;
    if (!addresses.has(addressKey)) addresses.set(addressKey, entry.address);
    const portKey = entry.port ? portText(entry.port) : '';
    let group = byPort.get(portKey);
    if (!group) byPort.set(portKey, (group = { port: entry.port, ready: new Map() }));
    const was = group.ready.get(addressKey);
    if (was === undefined || was) group.ready.set(addressKey, entry.ready);
  }
  const bySet = new Map<string, { ports: EndpointPort[]; ready: Map<string, boolean> }>();
  for (const group of byPort.values()) {
    const setKey = [...group.ready]
      .map(([k, r]) => `${k}\u0000${r}`)
      .sort()
      .join('\u0001');
    let subset = bySet.get(setKey);
    if (!subset) bySet.set(setKey, (subset = { ports: [], ready: group.ready }));
    if (group.port) subset.ports.push(group.port);
  }
  const subsets: EndpointSubset[] = [];
  for (const group of bySet.values()) {
    const ready: EndpointAddress[] = [];
    const notReady: EndpointAddress[] = [];
    for (const [key, isReady] of group.ready) (isReady ? ready : notReady).push(addresses.get(key) as EndpointAddress);
    const subset: EndpointSubset = {};
    if (ready.length > 0) subset.addresses = ready.sort(compareAddresses);
    if (notReady.length > 0) subset.notReadyAddresses = notReady.sort(compareAddresses);
    if (group.ports.length > 0) subset.ports = group.ports.sort((a, b) => compareText(portText(a), portText(b)));
    subsets.push(subset);
  }
  return subsets.sort((a, b) => compareText(JSON.stringify(a.ports ?? []), JSON.stringify(b.ports ?? [])));
}

function portText(port: EndpointPort): string {
  return `${port.name ?? ''}\u0000${String(port.port).padStart(5, '0')}\u0000${port.protocol ?? ''}`;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** LessEndpointAddress: the IP as text, then the target's uid. */
function compareAddresses(a: EndpointAddress, b: EndpointAddress): number {
  if (a.ip !== b.ip) return compareText(a.ip, b.ip);
  return compareText(a.targetRef?.uid ?? '', b.targetRef?.uid ?? '');
}
