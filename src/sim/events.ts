import type { Event as CoreEvent, EventSource, ObjectReference } from 'kubernetes-types/core/v1';
import type { ObjectStore } from './api/store';
import type { KubeObject, Stored } from './api/meta';
import type { VirtualClock } from './clock';
import { EventCorrelator } from './events/event-correlator';
import { EventSeriesCache } from './events/event-series';

export type EventType = 'Normal' | 'Warning';

/** One component (and host) that records core/v1 events. */
interface RecordingSource {
  source: EventSource;
  correlator: EventCorrelator;
  /** The Events' reportingComponent and reportingInstance. */
  component: string;
  instance: string;
}

/** One reporting controller that records through events.k8s.io, and its broadcaster's cache. */
interface SeriesSource {
  controller: string;
  /** reportingInstance: "<controller>-<hostname>". */
  instance: string;
  cache: EventSeriesCache;
}

/** The hostname of the control-plane node the scheduler runs on, the second half of its reportingInstance. */
const CONTROL_PLANE_HOST = 'control-plane';
/** The source of an Event written through events.k8s.io: none (deprecatedSource), printed as `source: {}`. */
const NO_SOURCE: EventSource = {};
/**
 * A timestamp the writer does not set: metav1.Time and MicroTime are structs (`omitempty` keeps them), and a zero
 * one marshals as null. An events.k8s.io Event has no first or last timestamp; a core/v1 one no eventTime.
 */
const NO_TIME = null as unknown as undefined;

/**
 * record.EventRecorder: writes core/v1 Events about an object, each component through its own EventCorrelator
 * (aggregation, counted repeats, the per-object spam filter). `seriesEvent` is events.k8s.io's recorder instead,
 * as the scheduler uses it.
 */
export class EventRecorder {
  private seq = 0;
  private readonly suffix = new HexSuffix();
  /**
   * Each source (component and host): its source object, shared by all its Events (stored objects are never
   * mutated), and its own correlator, as each process runs its own broadcaster.
   */
  private readonly sources = new Map<string, Map<string, RecordingSource>>();
  private readonly seriesSources = new Map<string, SeriesSource>();
  private lastReferenced: Stored<KubeObject> | undefined;
  private lastFieldPath = '';
  private lastReference: ObjectReference | undefined;
  /** newName as one function for every correlator call, rather than a closure per event. */
  private readonly nameFor = (obj: Stored<KubeObject>): string => this.newName(obj);

  constructor(
    private readonly store: ObjectStore,
    private readonly clock: VirtualClock,
  ) {}

  /**
   * Records an event about `obj` as `component` (on `host`, for a kubelet). `fieldPath` names the part of the
   * object it is about, as the kubelet's container events carry `spec.containers{NAME}` (GenerateContainerRef).
   */
  event(
    obj: Stored<KubeObject>,
    type: EventType,
    reason: string,
    message: string,
    component: string,
    host?: string,
    fieldPath = '',
  ): void {
    const namespace = obj.metadata.namespace || 'default';
    const now = this.clock.timestamp();
    const source = this.sourceOf(component, host);
    const result = source.correlator.observe(
      objectKey(obj),
      type,
      reason,
      message,
      fieldPath,
      this.clock.now(),
      now,
      this.nameFor,
      obj,
    );
    if (result.skip) return;
    if (result.count > 1) {
      const existing = this.store.get<CoreEvent>('Event', namespace, result.name);
      if (existing) {
        // The stored Event's own parts and three new values: the store need not copy it.
        this.store.updateOwned({ ...existing, count: result.count, lastTimestamp: now, message: result.message });
        return;
      }
    }
    // A first occurrence, or a repeat whose Event is gone: recordEvent creates it (with the count it reached).
    const { name, count, firstTimestamp } = result;
    const involved = this.referenceTo(obj, fieldPath);
    this.create(involved, namespace, name, type, reason, result.message, source, count, firstTimestamp, now);
  }

  /**
   * events.EventRecorder's Eventf about `regarding`, as `controller` (the scheduler) records: a new Event, unless an
   * isomorphic one is cached, whose series it then counts into. Its core/v1 view has eventTime, action and the
   * reporting controller and instance, but no source, first or last timestamp or count.
   */
  seriesEvent(
    regarding: Stored<KubeObject>,
    type: EventType,
    reason: string,
    action: string,
    note: string,
    controller: string,
  ): void {
    const source = this.seriesSourceOf(controller);
    const involvedObject = this.referenceTo(regarding, '');
    // getKey: the reporting controller and instance are the source's; the regarding reference is the object's
    // version, which its uid and resourceVersion tell apart.
    const key = `${involvedObject.uid}\u0000${involvedObject.resourceVersion}\u0000${type}\u0000${reason}\u0000${action}`;
    source.cache.record(key, () =>
      this.store.createOwned<CoreEvent>({
        apiVersion: 'v1',
        kind: 'Event',
        metadata: {
          name: this.newName(regarding),
          namespace: regarding.metadata.namespace || 'default',
          uid: '',
          resourceVersion: '',
          creationTimestamp: '',
        },
        involvedObject,
        reason,
        message: note,
        source: NO_SOURCE,
        firstTimestamp: NO_TIME,
        lastTimestamp: NO_TIME,
        type,
        eventTime: this.clock.microTimestamp(),
        action,
        reportingComponent: controller,
        reportingInstance: source.instance,
      }),
    );
  }

  /**
   * StartRecordingToSink for `controller`'s events.k8s.io broadcaster: its finishSeries and refresh loops run from
   * the component's start, not from its first event.
   */
  startSeries(controller: string): void {
    this.seriesSourceOf(controller);
  }

  private seriesSourceOf(controller: string): SeriesSource {
    let source = this.seriesSources.get(controller);
    if (!source) {
      const cache = new EventSeriesCache(this.store, this.clock, `${controller}: events broadcaster`);
      source = { controller, instance: `${controller}-${CONTROL_PLANE_HOST}`, cache };
      this.seriesSources.set(controller, source);
    }
    return source;
  }

  /**
   * ref.GetPartialReference of `obj` and `fieldPath`, shared with the previous Event when it was about the same
   * stored version and part (a component often records several events in a row about one object, and stored
   * objects are never mutated).
   */
  private referenceTo(obj: Stored<KubeObject>, fieldPath: string): ObjectReference {
    if (obj !== this.lastReferenced || fieldPath !== this.lastFieldPath) {
      this.lastReferenced = obj;
      this.lastFieldPath = fieldPath;
      this.lastReference = objectReference(obj, fieldPath);
    }
    return this.lastReference as ObjectReference;
  }

  /** The source of this component and host, found through both strings as given (no key built per event). */
  private sourceOf(component: string, host: string | undefined): RecordingSource {
    const instance = host || '';
    let byHost = this.sources.get(component);
    if (!byHost) {
      byHost = new Map();
      this.sources.set(component, byHost);
    }
    let source = byHost.get(instance);
    if (!source) {
      source = {
        source: instance ? { component, host: instance } : { component },
        correlator: new EventCorrelator(),
        component,
        instance,
      };
      byHost.set(instance, source);
    }
    return source;
  }

  /** makeEvent's name: "<object>.<hex of the time>". */
  private newName(obj: Stored<KubeObject>): string {
    this.seq += 1;
    return `${obj.metadata.name}.${this.suffix.of(this.clock.now() * 1000 + this.seq)}`;
  }

  private create(
    involvedObject: ObjectReference,
    namespace: string,
    name: string,
    type: EventType,
    reason: string,
    message: string,
    source: RecordingSource,
    count: number,
    firstTimestamp: string,
    lastTimestamp: string,
  ): void {
    // Built here and handed over whole, with no undefined fields: the store need not copy it. The metadata has
    // the fields the store fills in on create already, in the order it sets them, so filling them in keeps the
    // object's shape (no property array is added to each stored Event) and the fields print as they would.
    this.store.createOwned<CoreEvent>({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace, uid: '', resourceVersion: '', creationTimestamp: '' },
      involvedObject,
      reason,
      message,
      type,
      source: source.source,
      reportingComponent: source.component,
      reportingInstance: source.instance,
      count,
      eventTime: NO_TIME,
      firstTimestamp,
      lastTimestamp,
    });
  }
}

/**
 * getSpamKey without the source: the involved object's kind, namespace, name, uid and apiVersion. A stored
 * object's uid alone already tells it from every other, so it stands for the whole key.
 */
function objectKey(obj: Stored<KubeObject>): string {
  const m = obj.metadata;
  return m.uid ?? `${obj.kind}\u0000${m.namespace ?? ''}\u0000${m.name}\u0000${obj.apiVersion ?? ''}`;
}

/**
 * ref.GetReference: the involved object, without the fields it lacks (a copy would drop them too), and the field
 * path when there is one. A stored object has all of them (its namespace aside, when cluster-scoped): then the
 * reference is built whole, in one shape with every field in the object itself, as Events keep their references
 * for their lifetime.
 */
function objectReference(obj: Stored<KubeObject>, fieldPath: string): ObjectReference {
  const { apiVersion, kind } = obj;
  const { name, namespace, uid, resourceVersion } = obj.metadata;
  const whole = apiVersion !== undefined && kind !== undefined && name !== undefined && uid !== undefined;
  if (whole && resourceVersion !== undefined && namespace !== undefined) {
    return fieldPath
      ? { apiVersion, kind, name, namespace, uid, resourceVersion, fieldPath }
      : { apiVersion, kind, name, namespace, uid, resourceVersion };
  }
  if (whole && resourceVersion !== undefined && !fieldPath) return { apiVersion, kind, name, uid, resourceVersion };
  const ref = partialReference(obj);
  if (fieldPath) ref.fieldPath = fieldPath;
  return ref;
}

/** objectReference of an object lacking some of the fields, field by field. */
function partialReference(obj: Stored<KubeObject>): { -readonly [K in keyof ObjectReference]: ObjectReference[K] } {
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
 * Number#toString(16) of a 51-bit value takes the slow floating-point path. The high half changes once in about
 * 17 virtual seconds, so its digits are kept from the previous call.
 */
class HexSuffix {
  private high = -1;
  private highDigits = '';

  of(value: number): string {
    const high = Math.floor(value / LOW_RANGE);
    const low = value - high * LOW_RANGE;
    if (high === 0) return low.toString(16);
    if (high !== this.high) {
      this.high = high;
      this.highDigits = high.toString(16);
    }
    return this.highDigits + low.toString(16).padStart(LOW_DIGITS, '0');
  }
}
