import type { Event as CoreEvent } from 'kubernetes-types/core/v1';
import { age } from './duration';
import { eventCount, firstSeen, lastSeenAge } from './event-times';
import type { TablePrinter } from './printers';

/**
 * printEvent: LAST SEEN, TYPE, REASON, OBJECT (kind/name, kind lower-cased), MESSAGE; -o wide adds SUBOBJECT (the
 * field path) and SOURCE before MESSAGE, and FIRST SEEN, COUNT and NAME after it.
 */
export const eventPrinter: TablePrinter<CoreEvent> = {
  header: ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'],
  wideHeader: ['SUBOBJECT', 'SOURCE', 'FIRST SEEN', 'COUNT', 'NAME'],
  wideInsertAt: 4,
  wideInsertCount: 2,
  row(e, now) {
    const last = lastSeenAge(e, now);
    const kind = (e.involvedObject.kind ?? '').toLowerCase();
    const target = e.involvedObject.name ? `${kind}/${e.involvedObject.name}` : kind;
    return [last, e.type ?? '', e.reason ?? '', target, (e.message ?? '').trim()];
  },
  wideRow(e, now) {
    const source = eventSource(e);
    return [e.involvedObject.fieldPath ?? '', source, age(firstSeen(e), now), String(eventCount(e)), e.metadata.name];
  },
};

/** formatEventSource: the component and host, each falling back to reportingComponent and reportingInstance. */
function eventSource(e: CoreEvent): string {
  const component = e.source?.component || e.reportingComponent || '';
  const instance = e.source?.host || e.reportingInstance || '';
  return instance ? `${component}, ${instance}` : component;
}
