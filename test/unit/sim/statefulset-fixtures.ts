import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { Cluster, HistoryEntry } from '../../../src/sim/cluster';

export const OLD_IMAGE = 'registry.k8s.io/nginx-slim:0.21';
export const NEW_IMAGE = 'registry.k8s.io/nginx-slim:0.24';

export interface WebOptions {
  image?: string;
  replicas?: number;
  /** The whole spec.updateStrategy, as YAML flow text. */
  updateStrategy?: string;
  podManagementPolicy?: 'OrderedReady' | 'Parallel';
  minReadySeconds?: number;
  revisionHistoryLimit?: number;
  retention?: { whenScaled?: 'Retain' | 'Delete'; whenDeleted?: 'Retain' | 'Delete' };
  /** Adds a readiness probe that only passes after this many seconds. */
  readinessDelaySeconds?: number;
  storageClassName?: string;
  withClaims?: boolean;
}

/** The StatefulSet "web" of the Kubernetes tutorial, with knobs. */
export function webManifest(o: WebOptions = {}): string {
  const lines = [
    'apiVersion: apps/v1',
    'kind: StatefulSet',
    'metadata:',
    '  name: web',
    'spec:',
    '  serviceName: nginx',
    `  replicas: ${o.replicas ?? 3}`,
    '  selector: {matchLabels: {app: nginx}}',
  ];
  if (o.updateStrategy) lines.push(`  updateStrategy: ${o.updateStrategy}`);
  if (o.podManagementPolicy) lines.push(`  podManagementPolicy: ${o.podManagementPolicy}`);
  if (o.minReadySeconds !== undefined) lines.push(`  minReadySeconds: ${o.minReadySeconds}`);
  if (o.revisionHistoryLimit !== undefined) lines.push(`  revisionHistoryLimit: ${o.revisionHistoryLimit}`);
  if (o.retention) {
    lines.push(
      `  persistentVolumeClaimRetentionPolicy: {whenScaled: ${o.retention.whenScaled ?? 'Retain'}, whenDeleted: ${o.retention.whenDeleted ?? 'Retain'}}`,
    );
  }
  lines.push(
    '  template:',
    '    metadata: {labels: {app: nginx}}',
    '    spec:',
    '      containers:',
    '      - name: nginx',
    `        image: ${o.image ?? OLD_IMAGE}`,
    '        ports: [{containerPort: 80, name: web}]',
  );
  if (o.readinessDelaySeconds !== undefined) {
    lines.push(`        readinessProbe: {tcpSocket: {port: 80}, initialDelaySeconds: ${o.readinessDelaySeconds}}`);
  }
  if (o.withClaims !== false) {
    lines.push(
      '        volumeMounts: [{name: www, mountPath: /usr/share/nginx/html}]',
      '  volumeClaimTemplates:',
      '  - metadata: {name: www}',
      '    spec:',
      '      accessModes: [ReadWriteOnce]',
      '      resources: {requests: {storage: 1Gi}}',
    );
    if (o.storageClassName !== undefined) lines.push(`      storageClassName: ${o.storageClassName}`);
  }
  return `${lines.join('\n')}\n`;
}

export function imageOf(pod: Pod | undefined): string | undefined {
  return pod?.spec?.containers[0]?.image;
}

/** Image of each pod web-0..web-(n-1), "" for a missing pod. */
export function images(cluster: Cluster, replicas = 3): string[] {
  return Array.from({ length: replicas }, (_, i) => imageOf(cluster.get<Pod>('pod', `web-${i}`)) ?? '');
}

export function isRunningAndReady(pod: Pod): boolean {
  return (
    pod.status?.phase === 'Running' &&
    pod.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') === true &&
    !pod.metadata?.deletionTimestamp
  );
}

/** Pod history entries from index `from`. */
export function podHistory(cluster: Cluster, from: number): HistoryEntry[] {
  return cluster.history.slice(from).filter((h) => h.kind === 'Pod');
}

/** The order in which pods were first marked for deletion after `from`. */
export function deletionOrder(cluster: Cluster, from: number): string[] {
  const seen: string[] = [];
  for (const h of podHistory(cluster, from)) {
    if (h.type === 'MODIFIED' && h.object.metadata.deletionTimestamp && !seen.includes(h.name)) seen.push(h.name);
  }
  return seen;
}

export function statefulSet(cluster: Cluster): StatefulSet {
  const sts = cluster.get<StatefulSet>('sts', 'web');
  if (!sts) throw new Error('statefulset web is missing');
  return sts;
}
