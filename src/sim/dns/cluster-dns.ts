import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { Service } from 'kubernetes-types/core/v1';
import type { Stored } from '../api/meta';
import type { ObjectStore } from '../api/store';
import { readyAddresses } from '../controllers/endpointslice/endpoints';

export const CLUSTER_DOMAIN = 'cluster.local';
/** The kube-dns Service's ClusterIP, the nameserver in every ClusterFirst pod's resolv.conf. */
export const CLUSTER_DNS_IP = '10.96.0.10';
/** The kubernetes plugin's default TTL. */
const TTL = 5;

export type RecordType = 'A' | 'AAAA' | 'SRV' | 'PTR';

export interface DnsRecord {
  /** Owner name, fully qualified, without the trailing dot. */
  name: string;
  type: RecordType;
  ttl: number;
  /** A: the address; PTR: the name it points to; SRV: the target. */
  data: string;
  priority?: number;
  weight?: number;
  port?: number;
}

export interface DnsAnswer {
  /** The fully qualified name that was asked. */
  name: string;
  type: RecordType;
  rcode: 'NOERROR' | 'NXDOMAIN';
  records: DnsRecord[];
}

/** A service-level match: an address (and port) with the name SRV records point at. */
interface Target {
  ip: string;
  host: string;
  port: number;
}

/**
 * CoreDNS with the kubernetes plugin, as kubeadm configures it (`kubernetes cluster.local in-addr.arpa ip6.arpa {
 * pods insecure }`): answers from Services and EndpointSlices as they stand in the API now.
 *
 * - `<svc>.<ns>.svc.cluster.local` A: the ClusterIP, or for a headless service the ready endpoints' addresses.
 * - `<hostname>.<svc>.<ns>.svc.cluster.local` A: one endpoint of a headless service, while it is ready.
 * - `_<port>._<proto>.<svc>.<ns>.svc.cluster.local` SRV: one record per ready endpoint (or the service).
 * - `a-b-c-d.<ns>.pod.cluster.local` A, and PTR records for service and endpoint addresses.
 *
 * A name the plugin finds nothing for is NXDOMAIN; a name that exists without records of the asked type is an
 * empty NOERROR (NODATA).
 */
export class ClusterDns {
  constructor(private readonly store: ObjectStore) {}

  /** One query, exactly as sent (no search path). */
  query(name: string, type: RecordType = 'A'): DnsAnswer {
    const fqdn = name.toLowerCase().replace(/\.$/, '');
    const nx: DnsAnswer = { name: fqdn, type, rcode: 'NXDOMAIN', records: [] };
    if (type === 'PTR') return this.reverse(fqdn);
    if (!fqdn.endsWith(`.${CLUSTER_DOMAIN}`)) return nx; // outside the cluster zone; no upstream is simulated
    const labels = fqdn.slice(0, -CLUSTER_DOMAIN.length - 1).split('.');
    const kind = labels[labels.length - 1];
    if (kind === 'pod' && labels.length === 3) {
      const ip = labels[0].replace(/-/g, '.');
      if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(ip) || !this.store.get('Namespace', '', labels[1])) return nx;
      return answer(fqdn, type, type === 'A' ? [{ name: fqdn, type: 'A', ttl: TTL, data: ip }] : []);
    }
    if (kind !== 'svc' || labels.length < 3) return nx;
    const [svcName, ns] = labels.slice(-3, -1);
    const rest = labels.slice(0, -3);
    const svc = this.store.get<Service>('Service', ns, svcName);
    if (!svc) return nx;
    let port: string | undefined;
    let protocol: string | undefined;
    let endpoint: string | undefined;
    if (rest.length >= 2 && rest[0].startsWith('_') && rest[1].startsWith('_')) {
      port = rest[0].slice(1);
      protocol = rest[1].slice(1);
      if (rest.length === 3) endpoint = rest[2];
      else if (rest.length > 3) return nx;
    } else if (rest.length === 1) endpoint = rest[0];
    else if (rest.length > 1) return nx;
    const targets = this.targets(svc, endpoint, port, protocol);
    if (targets.length === 0) return nx;
    if (type === 'A') {
      const owner = endpoint ? fqdn : fqdn;
      return answer(
        fqdn,
        type,
        unique(targets.map((t) => t.ip)).map((ip) => ({ name: owner, type, ttl: TTL, data: ip })),
      );
    }
    if (type === 'SRV') {
      const weight = Math.floor(100 / targets.length);
      const records = targets.map((t) => ({
        name: fqdn,
        type: 'SRV' as const,
        ttl: TTL,
        data: t.host,
        priority: 0,
        weight,
        port: t.port,
      }));
      return answer(fqdn, type, records);
    }
    return answer(fqdn, type, []); // AAAA in an IPv4 cluster: NODATA
  }

  /** What a pod's resolver returns for a name: the search path applied as glibc does with ndots:5. */
  lookup(name: string, options: { namespace?: string; type?: RecordType } = {}): DnsAnswer {
    const type = options.type ?? 'A';
    for (const candidate of searchCandidates(name, options.namespace ?? 'default')) {
      const result = this.query(candidate, type);
      if (result.rcode === 'NOERROR' && result.records.length > 0) return result;
    }
    return { name: name.replace(/\.$/, ''), type, rcode: 'NXDOMAIN', records: [] };
  }

  /** findServices: the addresses a service name (with optional endpoint, port and protocol) stands for. */
  private targets(svc: Stored<Service>, endpoint?: string, port?: string, protocol?: string): Target[] {
    const ns = svc.metadata.namespace ?? 'default';
    const svcFqdn = `${svc.metadata.name}.${ns}.svc.${CLUSTER_DOMAIN}`;
    const portMatches = (name: string | undefined, proto: string | undefined): boolean =>
      (port === undefined || port === '*' || port === (name ?? '').toLowerCase()) &&
      (protocol === undefined || protocol === '*' || protocol === (proto ?? 'TCP').toLowerCase());
    const headless = svc.spec?.clusterIP === 'None';
    if (headless || endpoint !== undefined) {
      const out: Target[] = [];
      for (const { ip, endpoint: ep, ports } of this.endpointAddresses(svc)) {
        const host = endpointHostname(ip, ep.hostname);
        if (endpoint !== undefined && endpoint !== host) continue;
        const list = ports.length > 0 ? ports : [{ name: '', port: -1, protocol: 'TCP' }];
        for (const p of list) {
          if (portMatches(p.name ?? '', p.protocol)) out.push({ ip, host: `${host}.${svcFqdn}`, port: p.port ?? -1 });
        }
      }
      return out;
    }
    const out: Target[] = [];
    for (const p of svc.spec?.ports ?? []) {
      if (!portMatches(p.name, p.protocol)) continue;
      for (const ip of svc.spec?.clusterIPs ?? [svc.spec?.clusterIP ?? ''])
        out.push({ ip, host: svcFqdn, port: p.port });
    }
    return out;
  }

  private endpointAddresses(svc: Stored<Service>) {
    const slices = this.store
      .listControlledBy<EndpointSlice>('EndpointSlice', svc.metadata.uid ?? '')
      .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
    const out = [];
    for (const slice of slices) {
      for (const { ip, endpoint } of readyAddresses([slice])) out.push({ ip, endpoint, ports: slice.ports ?? [] });
    }
    return out;
  }

  /** Reverse lookups: a service's ClusterIP, else an endpoint address (reverse.go serviceRecordForIP). */
  private reverse(fqdn: string): DnsAnswer {
    const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\.in-addr\.arpa$/.exec(fqdn);
    const nx: DnsAnswer = { name: fqdn, type: 'PTR', rcode: 'NXDOMAIN', records: [] };
    if (!m) return nx;
    const ip = `${m[4]}.${m[3]}.${m[2]}.${m[1]}`;
    const ptr = (target: string): DnsAnswer =>
      answer(fqdn, 'PTR', [{ name: fqdn, type: 'PTR', ttl: TTL, data: target }]);
    const services = this.store.list<Service>('Service');
    for (const svc of services) {
      if ((svc.spec?.clusterIPs ?? [svc.spec?.clusterIP]).includes(ip)) {
        return ptr(`${svc.metadata.name}.${svc.metadata.namespace}.svc.${CLUSTER_DOMAIN}`);
      }
    }
    for (const svc of services) {
      for (const { ip: addr, endpoint } of this.endpointAddresses(svc)) {
        if (addr !== ip) continue;
        return ptr(
          `${endpointHostname(ip, endpoint.hostname)}.${svc.metadata.name}.${svc.metadata.namespace}.svc.${CLUSTER_DOMAIN}`,
        );
      }
    }
    return nx;
  }
}

/** endpointHostname: the endpoint's hostname, else its address with dashes. */
function endpointHostname(ip: string, hostname: string | undefined): string {
  return hostname || ip.replace(/\./g, '-');
}

/** The names a glibc resolver tries: search domains first when the name has fewer than 5 dots. */
export function searchCandidates(name: string, namespace: string): string[] {
  if (name.endsWith('.')) return [name.slice(0, -1)];
  const search = searchDomains(namespace).map((d) => `${name}.${d}`);
  const dots = name.split('.').length - 1;
  return dots >= 5 ? [name, ...search] : [...search, name];
}

/** The search line of a ClusterFirst pod's resolv.conf. */
export function searchDomains(namespace: string): string[] {
  return [`${namespace}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN];
}

function answer(name: string, type: RecordType, records: DnsRecord[]): DnsAnswer {
  return { name, type, rcode: 'NOERROR', records };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
