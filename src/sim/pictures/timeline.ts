import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject, Stored } from '../api/meta';
import { humanDuration } from '../kubectl/duration';
import { el, escapeXml, num, pictureId, revisionColor, svgRoot, text } from './svg';

/** The slice of a history entry the timeline reads (Cluster.history entries fit). */
export interface TimelineEntry {
  time: number;
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  kind: string;
  name: string;
  namespace: string;
  object: Stored<KubeObject>;
}

export interface TimelineOptions {
  /** Only the pods of this StatefulSet (or ReplicaSet/Deployment prefix): "web" keeps web-0, web-1, … */
  set?: string;
  namespace?: string;
  /** Width in pixels (default 720). */
  width?: number;
  /** Virtual ms the time axis ends at (default: the last change). */
  until?: number;
}

export type PodPhase = 'Pending' | 'ContainerCreating' | 'Running' | 'Terminating';

/** How strongly each phase fills its bar: a pod comes to life left to right, and fades as it terminates. */
const PHASE_OPACITY: Record<PodPhase, number> = { Pending: 0.25, ContainerCreating: 0.5, Running: 1, Terminating: 0.5 };

interface Segment {
  start: number;
  end: number;
  phase: PodPhase;
  revision: string;
}

interface Row {
  label: string;
  parent: string;
  ordinal: number;
  segments: Segment[];
}

/** The phase a pod shows on the timeline: the kubectl STATUS it would print, reduced to four. */
export function timelinePhase(pod: Pod): PodPhase {
  if (pod.metadata?.deletionTimestamp) return 'Terminating';
  if (pod.status?.phase === 'Running') return 'Running';
  const waiting = pod.status?.containerStatuses?.some((c) => c.state?.waiting?.reason === 'ContainerCreating');
  return waiting ? 'ContainerCreating' : 'Pending';
}

function revisionOf(pod: Pod): string {
  const labels = pod.metadata?.labels ?? {};
  return labels['controller-revision-hash'] ?? labels['pod-template-hash'] ?? '';
}

/**
 * Pods over virtual time: one row per pod name (per ordinal for a StatefulSet), bars coloured by the revision
 * the pod was created from and shaded by phase. Returns an SVG string.
 */
export function podTimeline(history: readonly TimelineEntry[], options: TimelineOptions = {}): string {
  const width = options.width ?? 720;
  const rows = new Map<string, Row>();
  const open = new Map<string, Segment & { row: Row }>();
  const revisions: string[] = [];
  let first = Infinity;
  let last = -Infinity;
  for (const entry of history) {
    if (entry.kind !== 'Pod') continue;
    if (options.namespace !== undefined && entry.namespace !== options.namespace) continue;
    const ordinalMatch = /^(.*)-([0-9]+)$/.exec(entry.name);
    const parent = ordinalMatch ? ordinalMatch[1] : entry.name;
    if (options.set !== undefined && !belongsTo(entry.object, entry.name, options.set)) continue;
    const uid = entry.object.metadata.uid ?? entry.name;
    first = Math.min(first, entry.time);
    last = Math.max(last, entry.time);
    const previous = open.get(uid);
    if (previous) {
      previous.end = entry.time;
      close(previous);
      open.delete(uid);
    }
    if (entry.type === 'DELETED') continue;
    let row = rows.get(entry.name);
    if (!row) {
      row = { label: entry.name, parent, ordinal: ordinalMatch ? Number(ordinalMatch[2]) : -1, segments: [] };
      rows.set(entry.name, row);
    }
    const pod = entry.object as Stored<Pod>;
    const revision = revisionOf(pod);
    if (!revisions.includes(revision)) revisions.push(revision);
    open.set(uid, { start: entry.time, end: entry.time, phase: timelinePhase(pod), revision, row });
  }
  const end = Math.max(options.until ?? last, last);
  for (const segment of open.values()) {
    segment.end = end;
    close(segment);
  }
  const sorted = [...rows.values()].sort((a, b) =>
    a.parent < b.parent ? -1 : a.parent > b.parent ? 1 : a.ordinal - b.ordinal || cmp(a.label, b.label),
  );
  const title = options.set ? `Pods of ${options.set} over time` : 'Pods over time';
  if (sorted.length === 0 || first === Infinity) {
    return svgRoot(pictureId('timeline', title), width, 40, title, 'No pods yet.', text(8, 24, 'No pods yet.'));
  }
  return draw(sorted, revisions, first, Math.max(end, first + 1000), width, title);
}

function belongsTo(obj: Stored<KubeObject>, name: string, set: string): boolean {
  const owner = obj.metadata.ownerReferences?.find((r) => r.controller);
  if (owner?.name === set) return true;
  return new RegExp(`^${set.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-[0-9]+$`).test(name);
}

/** Ends a segment on its row, merged into the previous one when nothing the picture shows changed. */
function close(s: Segment & { row: Row }): void {
  const segments = s.row.segments;
  const last = segments[segments.length - 1];
  if (last && last.end === s.start && last.phase === s.phase && last.revision === s.revision) last.end = s.end;
  else if (s.end > s.start) {
    segments.push({ start: s.start, end: s.end, phase: s.phase, revision: s.revision });
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const LABEL_WIDTH = 90;
const ROW_HEIGHT = 22;
const TOP = 12;
const TICK_STEPS_S = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14400, 28800, 86400];

function draw(rows: Row[], revisions: string[], start: number, end: number, width: number, title: string): string {
  const plotLeft = LABEL_WIDTH;
  const plotWidth = Math.max(50, width - LABEL_WIDTH - 12);
  const x = (t: number) => plotLeft + ((t - start) / (end - start)) * plotWidth;
  const axisY = TOP + rows.length * ROW_HEIGHT + 4;
  let body = '';
  rows.forEach((row, i) => {
    const y = TOP + i * ROW_HEIGHT;
    let bars = text(plotLeft - 8, y + 15, row.label, { 'text-anchor': 'end' });
    for (const s of row.segments) {
      const color = revisionColor(revisions.indexOf(s.revision));
      const w = Math.max(0.5, x(s.end) - x(s.start));
      bars += el(
        'rect',
        {
          x: num(x(s.start)),
          y: y + 3,
          width: num(w),
          height: ROW_HEIGHT - 6,
          style: `fill: ${color}; fill-opacity: ${PHASE_OPACITY[s.phase]}`,
          stroke: s.phase === 'Terminating' ? 'currentColor' : undefined,
          'stroke-dasharray': s.phase === 'Terminating' ? '3 2' : undefined,
          'stroke-width': s.phase === 'Terminating' ? 1 : undefined,
          'data-phase': s.phase,
          'data-revision': s.revision,
        },
        el(
          'title',
          {},
          escapeXml(
            `${row.label}: ${s.phase}${s.revision ? ` (revision ${s.revision})` : ''}, ${humanDuration(s.start - start)}–${humanDuration(s.end - start)}`,
          ),
        ),
      );
    }
    body += el(
      'g',
      { class: 'row', 'data-pod': row.label, 'data-ordinal': row.ordinal >= 0 ? row.ordinal : undefined },
      bars,
    );
  });
  body += axis(start, end, x, axisY, plotLeft, plotWidth);
  const legendY = axisY + 34;
  const { svg: legendSvg, height: legendHeight } = legend(revisions, legendY, width);
  body += legendSvg;
  const height = legendY + legendHeight;
  const description = `${rows.length} pod${rows.length === 1 ? '' : 's'} over ${humanDuration(end - start)} of virtual time; ${revisions.length} revision${revisions.length === 1 ? '' : 's'}: ${revisions.map((r) => r || 'none').join(', ')}.`;
  return svgRoot(pictureId('timeline', title + description), width, height, title, description, body);
}

function axis(start: number, end: number, x: (t: number) => number, y: number, left: number, w: number): string {
  const spanS = (end - start) / 1000;
  const step = TICK_STEPS_S.find((s) => spanS / s <= 8) ?? TICK_STEPS_S[TICK_STEPS_S.length - 1];
  let out = el('line', {
    x1: num(left),
    y1: y,
    x2: num(left + w),
    y2: y,
    stroke: 'currentColor',
    'stroke-opacity': 0.5,
  });
  for (let s = 0; s <= spanS + 1e-9; s += step) {
    const tx = x(start + s * 1000);
    out += el('line', { x1: num(tx), y1: y, x2: num(tx), y2: y + 4, stroke: 'currentColor', 'stroke-opacity': 0.5 });
    out += text(tx, y + 16, humanDuration(s * 1000), { 'text-anchor': 'middle', 'font-size': 10 });
  }
  return el('g', { class: 'axis', 'aria-hidden': 'true' }, out);
}

function legend(revisions: string[], y: number, width: number): { svg: string; height: number } {
  const items: Array<{ label: string; style: string; dashed?: boolean }> = revisions.map((r, i) => ({
    label: r ? `revision ${r}` : 'no revision',
    style: `fill: ${revisionColor(i)}`,
  }));
  for (const phase of Object.keys(PHASE_OPACITY) as PodPhase[]) {
    items.push({
      label: phase,
      style: `fill: currentColor; fill-opacity: ${PHASE_OPACITY[phase] * 0.6}`,
      dashed: phase === 'Terminating',
    });
  }
  let out = '';
  let cx = 8;
  let cy = y;
  for (const item of items) {
    const w = 20 + item.label.length * 6.5 + 14;
    if (cx + w > width && cx > 8) {
      cx = 8;
      cy += 18;
    }
    out += el('rect', {
      x: num(cx),
      y: num(cy - 9),
      width: 14,
      height: 10,
      style: item.style,
      stroke: item.dashed ? 'currentColor' : undefined,
      'stroke-dasharray': item.dashed ? '3 2' : undefined,
    });
    out += text(cx + 18, cy, item.label);
    cx += w;
  }
  return { svg: el('g', { class: 'legend' }, out), height: cy - y + 14 };
}
