import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { age } from './duration';
import type { TablePrinter } from './printers';

/** metav1.FormatLabelSelector: requirements sorted by key, "<none>" for an empty selector. */
export function formatLabelSelector(selector: LabelSelector | undefined): string {
  const parts: Array<{ key: string; text: string }> = [];
  for (const [k, v] of Object.entries(selector?.matchLabels ?? {})) parts.push({ key: k, text: `${k}=${v}` });
  for (const e of selector?.matchExpressions ?? []) {
    const values = [...(e.values ?? [])].sort().join(',');
    const text =
      e.operator === 'In'
        ? `${e.key} in (${values})`
        : e.operator === 'NotIn'
          ? `${e.key} notin (${values})`
          : e.operator === 'Exists'
            ? e.key
            : `!${e.key}`;
    parts.push({ key: e.key, text });
  }
  parts.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return parts.length > 0 ? parts.map((p) => p.text).join(',') : '<none>';
}

function containerColumns(template: PodTemplateSpec | undefined): string[] {
  const containers = template?.spec?.containers ?? [];
  return [containers.map((c) => c.name).join(','), containers.map((c) => c.image ?? '').join(',')];
}

/** printDeployment */
export const deploymentPrinter: TablePrinter<Deployment> = {
  header: ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'],
  wideHeader: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  row(d, now) {
    const s = d.status ?? {};
    return [
      d.metadata.name,
      `${s.readyReplicas ?? 0}/${d.spec?.replicas ?? 0}`,
      String(s.updatedReplicas ?? 0),
      String(s.availableReplicas ?? 0),
      age(d.metadata.creationTimestamp, now),
    ];
  },
  wideRow(d) {
    return [...containerColumns(d.spec?.template), formatLabelSelector(d.spec?.selector)];
  },
};

/** printReplicaSet */
export const replicaSetPrinter: TablePrinter<ReplicaSet> = {
  header: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'],
  wideHeader: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  row(rs, now) {
    return [
      rs.metadata.name,
      String(rs.spec?.replicas ?? 0),
      String(rs.status?.replicas ?? 0),
      String(rs.status?.readyReplicas ?? 0),
      age(rs.metadata.creationTimestamp, now),
    ];
  },
  wideRow(rs) {
    return [...containerColumns(rs.spec?.template), formatLabelSelector(rs.spec?.selector)];
  },
};
