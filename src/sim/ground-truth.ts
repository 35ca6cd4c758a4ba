import type { PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { ObjectStore } from './api/store';
import type { Kubelet } from './node/kubelet';

/** One container as the node's runtime has it (`crictl ps -a` on that node), whatever the API says. */
export interface ProcessRow {
  node: string;
  /** The node is cut off from the control plane. */
  partitioned: boolean;
  containerId: string;
  pod: string;
  namespace: string;
  podUid: string;
  container: string;
  image: string;
  state: 'Running' | 'Exited';
  /** PersistentVolumeClaims the container mounts. */
  claims: string[];
  /** A Pod with this uid still exists in the API. */
  inApi: boolean;
}

/** Every container on every node, by node, then pod, then container. */
export function listProcesses(store: ObjectStore, kubelets: Iterable<Kubelet>): ProcessRow[] {
  const rows: ProcessRow[] = [];
  for (const kubelet of kubelets) {
    for (const c of kubelet.runtime) {
      const pod = store.get('Pod', c.podNamespace, c.podName);
      rows.push({
        node: c.node,
        partitioned: kubelet.partitioned,
        containerId: c.id,
        pod: c.podName,
        namespace: c.podNamespace,
        podUid: c.podUid,
        container: c.container,
        image: c.image,
        state: c.state,
        claims: [...c.claims],
        inApi: pod?.metadata.uid === c.podUid,
      });
    }
  }
  const key = (r: ProcessRow): string =>
    `${r.node}\u0000${r.namespace}/${r.pod}\u0000${r.container}\u0000${r.containerId}`;
  return rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/**
 * `ps()` as a table, one container a line, the way `kubesim ps` prints it: columns padded like kubectl's, a
 * partitioned node marked, and whether the container's pod still exists in the API.
 */
export function formatProcessTable(rows: readonly ProcessRow[]): string {
  const header = ['NODE', 'CONTAINER ID', 'POD', 'CONTAINER', 'IMAGE', 'STATE', 'IN API'];
  const lines = rows.map((r) => [
    r.partitioned ? `${r.node} (partitioned)` : r.node,
    r.containerId,
    r.namespace === 'default' ? r.pod : `${r.namespace}/${r.pod}`,
    r.container,
    r.image,
    r.state,
    r.inApi ? 'yes' : 'no',
  ]);
  const table = [header, ...lines];
  const widths = header.map((_, i) => Math.max(...table.map((cells) => cells[i].length)));
  return (
    table
      .map((cells) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] + 3))).join(''))
      .join('\n') + '\n'
  );
}

/**
 * The at-most-one guarantees a StatefulSet exists for: no two running instances of one pod identity, and no
 * ReadWriteOnce claim mounted on two nodes at once. Returns a description of each breach.
 */
export function atMostOneViolations(store: ObjectStore, rows: ProcessRow[]): string[] {
  const running = rows.filter((r) => r.state === 'Running');
  const out: string[] = [];
  const where = (r: ProcessRow): string => (r.partitioned ? `${r.node} (partitioned)` : r.node);
  const byIdentity = groupBy(running, (r) => `${r.namespace}/${r.pod}`);
  for (const [identity, group] of byIdentity) {
    const pods = new Map<string, ProcessRow>();
    for (const r of group) if (!pods.has(r.podUid)) pods.set(r.podUid, r);
    if (pods.size < 2) continue;
    const name = identity.split('/')[1];
    out.push(`at-most-one violated: ${name} runs on ${[...pods.values()].map(where).join(' and ')}`);
  }
  const byClaim = new Map<string, ProcessRow[]>();
  for (const r of running) for (const claim of r.claims) push(byClaim, `${r.namespace}/${claim}`, r);
  for (const [key, group] of [...byClaim].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const nodes = new Map<string, ProcessRow>();
    for (const r of group) if (!nodes.has(r.node)) nodes.set(r.node, r);
    if (nodes.size < 2) continue;
    const [namespace, claim] = key.split('/');
    const pvc = store.get<PersistentVolumeClaim>('PersistentVolumeClaim', namespace, claim);
    const modes = pvc?.spec?.accessModes ?? ['ReadWriteOnce'];
    if (!modes.includes('ReadWriteOnce') && !modes.includes('ReadWriteOncePod')) continue;
    const users = [...nodes.values()].map((r) => `${r.pod} on ${where(r)}`).join(' and ');
    out.push(`at-most-one violated: ReadWriteOnce claim ${claim} is mounted by ${users}`);
  }
  return out;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) push(map, key(item), item);
  return new Map([...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function push<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}
