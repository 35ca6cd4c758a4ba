import type { Event as CoreEvent, Toleration } from 'kubernetes-types/core/v1';
import type { KubeObject, Stored } from '../api/meta';
import type { ObjectStore } from '../api/store';
import { eventInterval, lastSeenMs } from './event-times';
import { LAST_APPLIED } from './apply';

/** PrefixWriter: each level indents two spaces. `flush()` ends a tabwriter section (kubectl's w.Flush()). */
export class PrefixWriter {
  private text = '';

  write(level: number, s: string): void {
    this.text += '  '.repeat(level) + s;
  }

  flush(): void {
    this.text += '\f';
  }

  toString(): string {
    return this.text;
  }
}

/** RFC 1123 with a numeric zone, as Go's time.RFC1123Z formats it (the simulator's clock is UTC). */
export function rfc1123z(timestamp: string | undefined): string {
  if (!timestamp) return '<unset>';
  const d = new Date(Date.parse(timestamp));
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${days[d.getUTCDay()]}, ${p(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

/** printLabelsMultilineWithIndent */
export function printLabelsMultiline(
  w: PrefixWriter,
  title: string,
  labels: Record<string, string> | undefined,
  initialIndent = '',
): void {
  w.write(0, `${initialIndent}${title}:\t`);
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  keys.forEach((k, i) => {
    if (i !== 0) w.write(0, `${initialIndent}\t`);
    w.write(0, `${k}=${labels![k]}\n`);
  });
}

const MAX_ANNOTATION_LEN = 140;

/** printAnnotationsMultiline: last-applied-configuration is skipped; long or multi-line values go below the key. */
export function printAnnotationsMultiline(
  w: PrefixWriter,
  title: string,
  annotations: Record<string, string> | undefined,
  initialIndent = '',
): void {
  w.write(0, `${initialIndent}${title}:\t`);
  const keys = Object.keys(annotations ?? {})
    .filter((k) => k !== LAST_APPLIED)
    .sort();
  if (keys.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  const indent = `${initialIndent}\t`;
  keys.forEach((k, i) => {
    if (i !== 0) w.write(0, indent);
    const value = annotations![k].replace(/\n$/, '');
    if (value.length + k.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(0, `${k}:\n`);
      for (const s of value.split('\n')) {
        const short = s.length > MAX_ANNOTATION_LEN - 2 ? `${s.slice(0, MAX_ANNOTATION_LEN - 5)}...` : s;
        w.write(0, `${indent}  ${short}\n`);
      }
    } else {
      w.write(0, `${k}: ${value}\n`);
    }
  });
}

/** printTolerationsMultilineWithIndent */
export function printTolerationsMultiline(
  w: PrefixWriter,
  title: string,
  tolerations: Toleration[] | undefined,
  initialIndent = '',
): void {
  w.write(0, `${initialIndent}${title}:\t`);
  const list = [...(tolerations ?? [])].sort((a, b) =>
    (a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0,
  );
  if (list.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  list.forEach((t, i) => {
    if (i !== 0) w.write(0, `${initialIndent}\t`);
    let s = t.key ?? '';
    if (t.value) s += `=${t.value}`;
    if (t.effect) s += `:${t.effect}`;
    if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined) s += ` for ${t.tolerationSeconds}s`;
    w.write(0, `${s}\n`);
  });
}

/**
 * The events about objects of one namespace (searchEvents: involvedObject name, namespace, kind and uid). The
 * namespace's Events are listed and grouped once, so describing many objects reads them once, not once each.
 */
export class EventLookup {
  private byObject: Map<string, Stored<CoreEvent>[]> | undefined;

  constructor(
    private readonly store: ObjectStore,
    private readonly namespace: string,
  ) {}

  about(obj: Stored<KubeObject>): Stored<CoreEvent>[] {
    const events = this.grouped().get(involvedKey(obj.kind ?? '', obj.metadata.name)) ?? [];
    return events.filter((e) => !e.involvedObject.uid || e.involvedObject.uid === obj.metadata.uid);
  }

  private grouped(): Map<string, Stored<CoreEvent>[]> {
    if (this.byObject) return this.byObject;
    const byObject = new Map<string, Stored<CoreEvent>[]>();
    for (const event of this.store.list<CoreEvent>('Event', this.namespace)) {
      const key = involvedKey(event.involvedObject.kind ?? '', event.involvedObject.name ?? '');
      const list = byObject.get(key);
      if (list) list.push(event);
      else byObject.set(key, [event]);
    }
    this.byObject = byObject;
    return byObject;
  }
}

function involvedKey(kind: string, name: string): string {
  return `${kind}\u0000${name}`;
}

/** DescribeEvents: sorted by when each was last seen (SortableEvents), with "(xN over …)" for repeats. */
export function describeEvents(w: PrefixWriter, events: Stored<CoreEvent>[], nowMs: number): void {
  if (events.length === 0) {
    w.write(0, 'Events:\t<none>\n');
    return;
  }
  w.flush();
  const sorted = events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => lastSeenMs(a.e) - lastSeenMs(b.e) || a.i - b.i)
    .map((x) => x.e);
  w.write(0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    const interval = eventInterval(e, nowMs);
    const source = e.source?.component || e.reportingComponent || '';
    w.write(1, `${e.type ?? ''}\t${e.reason ?? ''}\t${interval}\t${source}\t${(e.message ?? '').trim()}\n`);
  }
}

/** getPodStatusForController's line: the pods counted by phase, Pending ones as Waiting. */
export function podsStatusLine(pods: ReadonlyArray<{ status?: { phase?: string } }>): string {
  const count = (phase: string) => pods.filter((p) => p.status?.phase === phase).length;
  return `Pods Status:\t${count('Running')} Running / ${count('Pending')} Waiting / ${count('Succeeded')} Succeeded / ${count('Failed')} Failed\n`;
}
