import type { CommandResult } from '../kubectl/output';
import { CLUSTER_DNS_IP, searchDomains, type ClusterDns, type DnsAnswer } from './cluster-dns';

export interface NslookupOptions {
  /** The namespace of the pod nslookup runs in (its resolv.conf search path). Default "default". */
  namespace?: string;
  /**
   * The busybox image the pod runs. busybox:1.28 (the StatefulSet tutorial's) resolves through libc and applies
   * the search path; busybox 1.36 has its own resolver, which applies the search path only to names without a
   * dot and prints both the A and the AAAA answer. Default "busybox:1.28".
   */
  image?: string;
}

/** `nslookup NAME` run in a pod, with busybox's output, stderr and exit code. */
export function nslookup(dns: ClusterDns, name: string, options: NslookupOptions = {}): CommandResult {
  const namespace = options.namespace ?? 'default';
  const tag = /:(\d+\.\d+)/.exec(options.image ?? 'busybox:1.28')?.[1] ?? 'latest';
  return tag === '1.28' ? nslookupLibc(dns, name, namespace) : nslookupBusybox(dns, name, namespace);
}

/** busybox 1.28: gethostbyname with the pod's search path, each address followed by its reverse name. */
function nslookupLibc(dns: ClusterDns, name: string, namespace: string): CommandResult {
  let stdout = printHost(dns, CLUSTER_DNS_IP, 'Server:', [CLUSTER_DNS_IP]);
  const found = isAddress(name) ? [name] : dns.lookup(name, { namespace }).records.map((r) => r.data);
  if (found.length === 0) {
    return { stdout: `${stdout}\n`, stderr: `nslookup: can't resolve '${name}'\n`, exitCode: 1 };
  }
  stdout += printHost(dns, name, 'Name:', found);
  return { stdout, stderr: '', exitCode: 0 };
}

/** print_host: "%-10s %s", then "Address N: ip [reverse name]" per address, then a blank line. */
function printHost(dns: ClusterDns, host: string, header: string, addresses: string[]): string {
  let out = `${header.padEnd(10)} ${host}\n`;
  addresses.forEach((ip, i) => {
    const reverse = dns.query(reverseName(ip), 'PTR').records[0]?.data;
    out += reverse ? `Address ${i + 1}: ${ip} ${reverse}\n` : `Address ${i + 1}: ${ip}\n`;
  });
  return `${out}\n`;
}

/** busybox 1.36: A then AAAA queries (per search domain for a name without dots), each reply printed as it comes. */
function nslookupBusybox(dns: ClusterDns, name: string, namespace: string): CommandResult {
  const queries: DnsAnswer[] = [];
  if (isAddress(name)) {
    queries.push(dns.query(reverseName(name), 'PTR'));
  } else {
    const names = name.includes('.') ? [name] : searchDomains(namespace).map((d) => `${name}.${d}`);
    for (const type of ['A', 'AAAA'] as const) for (const n of names) queries.push({ ...dns.query(n, type), name: n });
  }
  let stdout = `Server:\t\t${CLUSTER_DNS_IP}\nAddress:\t${CLUSTER_DNS_IP}:53\n\n`;
  let exitCode = 0;
  for (const q of queries) {
    if (q.rcode !== 'NOERROR') {
      stdout += `** server can't find ${q.name}: ${q.rcode}\n`;
      exitCode = 1;
    } else {
      for (const r of q.records) {
        stdout += r.type === 'PTR' ? `${r.name}\tname = ${r.data}\n` : `Name:\t${r.name}\nAddress: ${r.data}\n`;
      }
    }
    stdout += '\n';
  }
  return { stdout, stderr: '', exitCode };
}

function isAddress(name: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(name);
}

function reverseName(ip: string): string {
  return `${ip.split('.').reverse().join('.')}.in-addr.arpa`;
}
