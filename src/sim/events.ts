import type { Event as CoreEvent, ObjectReference } from 'kubernetes-types/core/v1';
import type { ObjectStore } from './api/store';
import type { KubeObject, Stored } from './api/meta';
import type { VirtualClock } from './clock';

export type EventType = 'Normal' | 'Warning';

/** One Event the correlator can fold repeats into: what tells it apart among events with the same message. */
interface RecordedEvent {
  reason: string;
  component: string;
  name: string;
}

/**
 * record.EventRecorder: writes core/v1 Events about an object. Repeats of the same reason and message about the
 * same object are folded into one Event with a higher count, as the event correlator does.
 */
export class EventRecorder {
  private seq = 0;
  /**
   * Events recorded so far, by involved object uid and then message: how the correlator finds the event to fold a
   * repeat into. Keyed in two steps so that no signature string is built (and kept) per event.
   */
  private readonly byObject = new Map<string | undefined, Map<string, RecordedEvent[]>>();

  constructor(
    private readonly store: ObjectStore,
    private readonly clock: VirtualClock,
  ) {}

  event(
    obj: Stored<KubeObject>,
    type: EventType,
    reason: string,
    message: string,
    component: string,
    host?: string,
  ): void {
    const namespace = obj.metadata.namespace || 'default';
    const now = this.clock.timestamp();
    const similar = this.similarTo(obj, message);
    const existing = this.findSimilar(namespace, similar, reason, component);
    if (existing) {
      this.store.update({ ...existing, count: (existing.count ?? 1) + 1, lastTimestamp: now });
      return;
    }
    this.seq += 1;
    const name = `${obj.metadata.name}.${eventNameSuffix(this.clock.now() * 1000 + this.seq)}`;
    similar.push({ reason, component, name });
    // Built here and handed over whole, with no undefined fields: the store need not copy it.
    this.store.createOwned<CoreEvent>({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace },
      involvedObject: objectReference(obj),
      reason,
      message,
      type,
      source: host ? { component, host } : { component },
      reportingComponent: component,
      reportingInstance: host ?? '',
      count: 1,
      firstTimestamp: now,
      lastTimestamp: now,
    });
  }

  /** The events recorded about `obj` with this message (a list the caller may add to). */
  private similarTo(obj: Stored<KubeObject>, message: string): RecordedEvent[] {
    let byMessage = this.byObject.get(obj.metadata.uid);
    if (!byMessage) {
      byMessage = new Map();
      this.byObject.set(obj.metadata.uid, byMessage);
    }
    let list = byMessage.get(message);
    if (!list) {
      list = [];
      byMessage.set(message, list);
    }
    return list;
  }

  private findSimilar(
    namespace: string,
    similar: RecordedEvent[],
    reason: string,
    component: string,
  ): Stored<CoreEvent> | undefined {
    for (let i = similar.length - 1; i >= 0; i--) {
      const recorded = similar[i];
      if (recorded.reason !== reason || recorded.component !== component) continue;
      return this.store.get<CoreEvent>('Event', namespace, recorded.name);
    }
    return undefined;
  }
}

/** ref.GetReference: the involved object, without the fields it lacks (a copy would drop them too). */
function objectReference(obj: Stored<KubeObject>): ObjectReference {
  const ref: { -readonly [K in keyof ObjectReference]: ObjectReference[K] } = {};
  if (obj.apiVersion !== undefined) ref.apiVersion = obj.apiVersion;
  if (obj.kind !== undefined) ref.kind = obj.kind;
  if (obj.metadata.name !== undefined) ref.name = obj.metadata.name;
  if (obj.metadata.namespace !== undefined) ref.namespace = obj.metadata.namespace;
  if (obj.metadata.uid !== undefined) ref.uid = obj.metadata.uid;
  if (obj.metadata.resourceVersion !== undefined) ref.resourceVersion = obj.metadata.resourceVersion;
  return ref;
}

const LOW_DIGITS = 6;
const LOW_RANGE = 16 ** LOW_DIGITS;

/**
 * `%x` of the event's time, as makeEvent names events "<object>.<hex>". Printed in two small-integer halves:
 * Number#toString(16) of a 51-bit value takes the slow floating-point path.
 */
function eventNameSuffix(value: number): string {
  const high = Math.floor(value / LOW_RANGE);
  const low = value - high * LOW_RANGE;
  return high === 0 ? low.toString(16) : high.toString(16) + low.toString(16).padStart(LOW_DIGITS, '0');
}
