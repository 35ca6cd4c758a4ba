import type { Event as CoreEvent } from 'kubernetes-types/core/v1';
import { age } from './duration';
import type { TablePrinter } from './printers';

/** printEvent: LAST SEEN, TYPE, REASON, OBJECT (kind/name, kind lower-cased), MESSAGE; -o wide adds the rest. */
export const eventPrinter: TablePrinter<CoreEvent> = {
  header: ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'],
  wideHeader: ['FIRST SEEN', 'COUNT', 'NAME'],
  row(e, now) {
    const first = age(e.firstTimestamp, now);
    const last = e.lastTimestamp ? age(e.lastTimestamp, now) : first;
    const kind = (e.involvedObject.kind ?? '').toLowerCase();
    const target = e.involvedObject.name ? `${kind}/${e.involvedObject.name}` : kind;
    return [last, e.type ?? '', e.reason ?? '', target, (e.message ?? '').trim()];
  },
  wideRow(e, now) {
    return [age(e.firstTimestamp, now), String(e.count ?? 1), e.metadata.name];
  },
};
