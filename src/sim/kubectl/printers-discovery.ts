import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import type { Lease } from 'kubernetes-types/coordination/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { Endpoints, Namespace } from 'kubernetes-types/core/v1';
import { age } from './duration';
import type { TablePrinter } from './printers';

/** Printers for Endpoints, discovery.k8s.io EndpointSlices, coordination.k8s.io Leases and Namespaces. */

/** listWithMoreString: up to three items, then "+ N more..."; "<unset>" when empty. */
function listWithMore(items: string[]): string {
  const max = 3;
  if (items.length > max) return `${items.slice(0, max).join(',')} + ${items.length - max} more...`;
  return items.length > 0 ? items.join(',') : '<unset>';
}

/** printEndpoints: NAME ENDPOINTS AGE. */
export const endpointsPrinter: TablePrinter<Endpoints> = {
  header: ['NAME', 'ENDPOINTS', 'AGE'],
  wideHeader: [],
  row(endpoints, now) {
    return [endpoints.metadata.name, formatEndpoints(endpoints), age(endpoints.metadata.creationTimestamp, now)];
  },
  wideRow() {
    return [];
  },
};

/**
 * formatEndpoints: the ready addresses as ip:port for every port of each subset (bare IPs for a headless Service
 * without ports), the first three, then "+ N more..."; "<none>" without subsets.
 */
export function formatEndpoints(endpoints: Endpoints): string {
  const subsets = endpoints.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const max = 3;
  const list: string[] = [];
  let count = 0;
  for (const subset of subsets) {
    const addresses = subset.addresses ?? [];
    const ports = subset.ports ?? [];
    if (ports.length === 0) {
      count += addresses.length;
      for (const a of addresses) if (list.length < max) list.push(a.ip);
      continue;
    }
    for (const port of ports) {
      count += addresses.length;
      for (const a of addresses) if (list.length < max) list.push(`${a.ip}:${port.port}`);
    }
  }
  return count > max ? `${list.join(',')} + ${count - max} more...` : list.join(',');
}

/** printEndpointSlice: NAME ADDRESSTYPE PORTS ENDPOINTS AGE. */
export const endpointSlicePrinter: TablePrinter<EndpointSlice> = {
  header: ['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE'],
  wideHeader: [],
  row(slice, now) {
    const ports = (slice.ports ?? []).map((p) => (p.port !== undefined ? String(p.port) : p.name || '*'));
    const addresses = (slice.endpoints ?? []).flatMap((e) => e.addresses);
    return [
      slice.metadata.name,
      slice.addressType,
      listWithMore(ports),
      listWithMore(addresses),
      age(slice.metadata.creationTimestamp, now),
    ];
  },
  wideRow() {
    return [];
  },
};

/** printLease: NAME HOLDER AGE. */
export const leasePrinter: TablePrinter<Lease> = {
  header: ['NAME', 'HOLDER', 'AGE'],
  wideHeader: [],
  row(lease, now) {
    return [lease.metadata.name, lease.spec?.holderIdentity ?? '', age(lease.metadata.creationTimestamp, now)];
  },
  wideRow() {
    return [];
  },
};

/** kubectl's namespace columns: NAME STATUS AGE. */
export const namespacePrinter: TablePrinter<Namespace> = {
  header: ['NAME', 'STATUS', 'AGE'],
  wideHeader: [],
  row(ns, now) {
    return [ns.metadata.name, ns.status?.phase ?? '', age(ns.metadata.creationTimestamp, now)];
  },
  wideRow() {
    return [];
  },
};

/** printPodDisruptionBudget: N/A for the bound that is not set. */
export const podDisruptionBudgetPrinter: TablePrinter<PodDisruptionBudget> = {
  header: ['NAME', 'MIN AVAILABLE', 'MAX UNAVAILABLE', 'ALLOWED DISRUPTIONS', 'AGE'],
  wideHeader: [],
  row(pdb, now) {
    const bound = (value: number | string | undefined): string => (value === undefined ? 'N/A' : String(value));
    return [
      pdb.metadata.name,
      bound(pdb.spec?.minAvailable),
      bound(pdb.spec?.maxUnavailable),
      String(pdb.status?.disruptionsAllowed ?? 0),
      age(pdb.metadata.creationTimestamp, now),
    ];
  },
  wideRow() {
    return [];
  },
};
