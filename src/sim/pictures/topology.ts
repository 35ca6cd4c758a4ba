import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { Node, PersistentVolume, PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import { el, num, pictureId, svgRoot, text } from './svg';

/** The objects the topology draws (Cluster.topology() gathers them from the store). */
export interface TopologyInput {
  statefulSets: StatefulSet[];
  pods: Pod[];
  claims: PersistentVolumeClaim[];
  volumes?: PersistentVolume[];
  nodes?: Node[];
}

interface Box {
  id: string;
  label: string;
  sub?: string;
  column: number;
  row: number;
}

const COLUMNS = ['StatefulSet', 'Pods', 'PersistentVolumeClaims', 'PersistentVolumes', 'Nodes'];
const BOX_WIDTH = 150;
const BOX_HEIGHT = 34;
const COLUMN_GAP = 40;
const ROW_GAP = 10;
const TOP = 30;

/**
 * StatefulSet → Pods → PersistentVolumeClaims → PersistentVolumes, with the node each pod runs on: who owns
 * and mounts what. Returns an SVG string.
 */
export function topology(input: TopologyInput): string {
  const boxes: Box[] = [];
  const edges: Array<{ from: string; to: string; dashed?: boolean }> = [];
  const byId = new Map<string, Box>();
  const rows = [0, 0, 0, 0, 0];
  const add = (column: number, id: string, label: string, sub?: string): void => {
    if (byId.has(id)) return;
    const box: Box = { id, label, sub, column, row: rows[column]++ };
    boxes.push(box);
    byId.set(id, box);
  };
  const sets = [...input.statefulSets].sort((a, b) => cmp(name(a), name(b)));
  const pods = [...input.pods].sort((a, b) => cmpPods(name(a), name(b)));
  const claims = new Map(input.claims.map((c) => [`${c.metadata?.namespace}/${name(c)}`, c]));
  const volumes = new Map((input.volumes ?? []).map((v) => [name(v), v]));
  const nodes = new Map((input.nodes ?? []).map((n) => [name(n), n]));
  for (const set of sets) {
    add(0, `sts/${name(set)}`, name(set), `${set.status?.readyReplicas ?? 0}/${set.spec?.replicas ?? 0} ready`);
  }
  for (const pod of pods) {
    const owner = pod.metadata?.ownerReferences?.find((r) => r.controller && r.kind === 'StatefulSet');
    if (!owner || !byId.has(`sts/${owner.name}`)) continue;
    const podId = `pod/${name(pod)}`;
    add(1, podId, name(pod), pod.metadata?.deletionTimestamp ? 'Terminating' : (pod.status?.phase ?? ''));
    edges.push({ from: `sts/${owner.name}`, to: podId });
    for (const volume of pod.spec?.volumes ?? []) {
      const claimName = volume.persistentVolumeClaim?.claimName;
      if (!claimName) continue;
      const claim = claims.get(`${pod.metadata?.namespace}/${claimName}`);
      const claimId = `pvc/${claimName}`;
      add(2, claimId, claimName, claim?.status?.phase ?? 'missing');
      edges.push({ from: podId, to: claimId });
      const pvName = claim?.spec?.volumeName;
      if (pvName) {
        add(3, `pv/${pvName}`, pvName, volumes.get(pvName)?.spec?.capacity?.storage);
        edges.push({ from: claimId, to: `pv/${pvName}` });
      }
    }
    const nodeName = pod.spec?.nodeName;
    if (nodeName) {
      add(4, `node/${nodeName}`, nodeName, nodeStatus(nodes.get(nodeName)));
      edges.push({ from: podId, to: `node/${nodeName}`, dashed: true });
    }
  }
  // Claims whose pod is gone still hold their data: show them too.
  for (const set of sets) {
    for (const claim of [...claims.values()].sort((a, b) => cmpPods(name(a), name(b)))) {
      const templates = set.spec?.volumeClaimTemplates ?? [];
      if (!templates.some((t) => new RegExp(`^${t.metadata?.name}-${name(set)}-[0-9]+$`).test(name(claim)))) continue;
      add(2, `pvc/${name(claim)}`, name(claim), `${claim.status?.phase ?? 'Pending'} (no pod)`);
      const pvName = claim.spec?.volumeName;
      if (pvName) {
        add(3, `pv/${pvName}`, pvName, volumes.get(pvName)?.spec?.capacity?.storage);
        edges.push({ from: `pvc/${name(claim)}`, to: `pv/${pvName}` });
      }
    }
  }
  const usedColumns = COLUMNS.map((_, i) => i).filter((i) => rows[i] > 0);
  const columnX = new Map(usedColumns.map((c, i) => [c, 8 + i * (BOX_WIDTH + COLUMN_GAP)]));
  const width = Math.max(200, 16 + usedColumns.length * (BOX_WIDTH + COLUMN_GAP) - COLUMN_GAP);
  const height = TOP + Math.max(1, ...rows) * (BOX_HEIGHT + ROW_GAP) + 4;
  const position = (box: Box) => ({ x: columnX.get(box.column) ?? 0, y: TOP + box.row * (BOX_HEIGHT + ROW_GAP) });
  let body = '';
  for (const c of usedColumns) {
    body += text((columnX.get(c) ?? 0) + BOX_WIDTH / 2, 16, COLUMNS[c], {
      'text-anchor': 'middle',
      'font-weight': 'bold',
    });
  }
  let lines = '';
  for (const edge of edges) {
    const a = byId.get(edge.from);
    const b = byId.get(edge.to);
    if (!a || !b) continue;
    const pa = position(a);
    const pb = position(b);
    const x1 = pa.x + BOX_WIDTH;
    const y1 = pa.y + BOX_HEIGHT / 2;
    const x2 = pb.x;
    const y2 = pb.y + BOX_HEIGHT / 2;
    const mid = (x1 + x2) / 2;
    lines += el('path', {
      d: `M${num(x1)} ${num(y1)} C${num(mid)} ${num(y1)} ${num(mid)} ${num(y2)} ${num(x2)} ${num(y2)}`,
      fill: 'none',
      stroke: 'currentColor',
      'stroke-opacity': 0.45,
      'stroke-dasharray': edge.dashed ? '4 3' : undefined,
      'data-edge': `${edge.from} ${edge.to}`,
    });
  }
  body += el('g', { class: 'edges', 'aria-hidden': 'true' }, lines);
  for (const box of boxes) {
    const { x, y } = position(box);
    body += el(
      'g',
      { class: 'node', 'data-id': box.id },
      el('rect', {
        x,
        y,
        width: BOX_WIDTH,
        height: BOX_HEIGHT,
        rx: 5,
        style: 'fill: var(--kubesim-box-bg, transparent)',
        stroke: 'currentColor',
        'stroke-opacity': 0.7,
      }) +
        text(x + 8, y + 14, box.label, { 'font-weight': 'bold' }) +
        (box.sub ? text(x + 8, y + 28, box.sub, { 'font-size': 10, 'fill-opacity': 0.75 }) : ''),
    );
  }
  const counts = usedColumns.map((c) => `${rows[c]} ${COLUMNS[c]}`).join(', ');
  const title = 'StatefulSet topology';
  const description = boxes.length === 0 ? 'No StatefulSets.' : `${counts}. ${describeEdges(edges)}`;
  return svgRoot(pictureId('topology', description), width, height, title, description, body);
}

function describeEdges(edges: Array<{ from: string; to: string }>): string {
  return edges.map((e) => `${e.from} → ${e.to}`).join('; ');
}

function nodeStatus(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
  return ready?.status === 'True' ? 'Ready' : 'NotReady';
}

function name(obj: { metadata?: { name?: string } }): string {
  return obj.metadata?.name ?? '';
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Names with a trailing ordinal sort numerically: web-2 before web-10. */
function cmpPods(a: string, b: string): number {
  const ma = /^(.*)-([0-9]+)$/.exec(a);
  const mb = /^(.*)-([0-9]+)$/.exec(b);
  if (ma && mb && ma[1] === mb[1]) return Number(ma[2]) - Number(mb[2]);
  return cmp(a, b);
}
