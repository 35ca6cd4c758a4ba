import { RecencyList } from './recency-list';
import { TokenBucket } from './token-bucket';

/** maxLruCacheEntries: each of the correlator's caches keeps this many keys. */
const LRU_ENTRIES = 4096;
/** defaultAggregateMaxEvents / defaultAggregateIntervalInSeconds: 10 messages of one reason in 10 minutes. */
const AGGREGATE_MAX_EVENTS = 10;
const AGGREGATE_INTERVAL_MS = 600_000;
/** defaultSpamBurst / defaultSpamQPS: 25 events about an object, then one more every 5 minutes. */
const SPAM_BURST = 25;
const SPAM_QPS = 1 / 300;
/** EventAggregatorByReasonMessageFunc's prefix. */
export const COMBINED_PREFIX = '(combined from similar events): ';

/** An event as the correlator sees it: the object it is about (as one key), its type, reason and message. */
export interface EventToCorrelate {
  /** Identifies the involved object (getSpamKey less the source; one correlator serves one source). */
  objectKey: string;
  type: string;
  reason: string;
  message: string;
  /** involvedObject.fieldPath: the part of the object (a container), or none. */
  fieldPath?: string;
}

/** What to write for an event: the Event of this name reaches this count (1: a new Event), or nothing. */
export type Correlation =
  | { skip: true }
  | {
      skip: false;
      /** The event's own message, or the combined one for an aggregate. */
      message: string;
      name: string;
      count: number;
      /** When the Event was first written (what a re-created Event keeps). */
      firstTimestamp: string;
    };

/** A Correlation as one reused record: when `skip` is set, the other fields mean nothing. */
export interface CorrelationResult {
  skip: boolean;
  message: string;
  name: string;
  count: number;
  firstTimestamp: string;
}

/**
 * eventLog: what the correlator remembers of an Event it wrote, an entry of its log cache. The cache's key is the
 * reason record's plus the field path and the message (getEventKey), or the reason record's alone for the aggregate
 * of its messages (EventAggregatorByReasonFunc's key, which has no field path).
 */
interface EventLog {
  readonly reason: ReasonRecord;
  /** The message of the key; undefined for the aggregate. */
  readonly message: string | undefined;
  /** The involved object's field path of the key ("" for none, and for the aggregate). */
  readonly fieldPath: string;
  readonly name: string;
  readonly firstTimestamp: string;
  count: number;
  /** The next log of the same reason record. */
  next: EventLog | undefined;
  newer: EventLog | undefined;
  older: EventLog | undefined;
}

/**
 * Events of one type and reason about one object: the aggregate cache's entry for them (while `localKeys` is set)
 * and the log cache's entries under them. Cache keys in client-go are strings of the object, type and reason; here
 * they are found by walking from the object's record, so no key string is built per event.
 */
interface ReasonRecord {
  readonly object: ObjectRecord;
  readonly type: string;
  readonly reason: string;
  /**
   * The aggregate record's localKeys: messages of the current interval, oldest first (a lone message as itself,
   * as most records never see a second); undefined when the aggregate cache has no record.
   */
  localKeys: string | string[] | undefined;
  lastMs: number;
  logs: EventLog | undefined;
  /** The next reason record of the same object. */
  next: ReasonRecord | undefined;
  newer: ReasonRecord | undefined;
  older: ReasonRecord | undefined;
}

/**
 * Everything the correlator remembers about one object: its records by type and reason, and its spam filter's
 * bucket, which is the record itself (an entry of the spam cache while `limited` is set).
 */
class ObjectRecord extends TokenBucket {
  limited = false;
  reasons: ReasonRecord | undefined = undefined;
  newer: ObjectRecord | undefined = undefined;
  older: ObjectRecord | undefined = undefined;

  constructor(
    readonly key: string,
    nowMs: number,
  ) {
    super(SPAM_QPS, SPAM_BURST, nowMs);
  }
}

/**
 * EventCorrelator (client-go tools/record/events_cache.go) for one source (component and host), as every
 * core/v1 event recorder runs it before writing: it aggregates similar events (same object, type and reason,
 * differing only in message) once there are ten in ten minutes, counts exact repeats into one Event, and drops
 * events about an object past a burst of 25, refilled one every five minutes. Its three caches keep client-go's
 * recency order and evictions exactly; only the way to an entry differs.
 */
export class EventCorrelator {
  private readonly objects = new Map<string, ObjectRecord>();
  private readonly aggregates = new RecencyList<ReasonRecord>(LRU_ENTRIES);
  private readonly logs = new RecencyList<EventLog>(LRU_ENTRIES);
  private readonly spam = new RecencyList<ObjectRecord>(LRU_ENTRIES);
  private readonly result: CorrelationResult = { skip: true, message: '', name: '', count: 0, firstTimestamp: '' };

  /**
   * EventCorrelate: EventAggregate, then eventObserve, then the spam filter. `newName` names a new Event (called
   * only when the event is not a repeat); `stamp` is the current time as Events print it.
   */
  correlate(event: EventToCorrelate, nowMs: number, stamp: string, newName: () => string): Correlation {
    const { objectKey, type, reason, message } = event;
    const r = this.observe(objectKey, type, reason, message, event.fieldPath ?? '', nowMs, stamp, newName, undefined);
    if (r.skip) return { skip: true };
    return { skip: false, message: r.message, name: r.name, count: r.count, firstTimestamp: r.firstTimestamp };
  }

  /**
   * `correlate` without allocating per event: the result is the correlator's own, valid until the next call, and
   * `newName` takes `subject`, so one function serves every call.
   */
  observe<S>(
    objectKey: string,
    type: string,
    reason: string,
    message: string,
    fieldPath: string,
    nowMs: number,
    stamp: string,
    newName: (subject: S) => string,
    subject: S,
  ): Readonly<CorrelationResult> {
    const object = this.objectRecord(objectKey, nowMs);
    const record = reasonRecord(object, type, reason);
    const combined = this.aggregate(record, message, nowMs);
    const logKey = combined ? undefined : message;
    const logPath = combined ? '' : fieldPath;
    let log = findLog(record, logKey, logPath);
    if (log) {
      this.logs.touch(log);
      log.count += 1;
    } else {
      log = addLog(record, logKey, logPath, newName(subject), stamp);
      this.forgetLog(this.logs.add(log));
    }
    // eventObserve records the observation before the filter runs: a dropped event still counts.
    const result = this.result;
    result.skip = !this.accept(object, nowMs);
    if (result.skip) return result;
    result.message = combined ? COMBINED_PREFIX + message : message;
    result.name = log.name;
    result.count = log.count;
    result.firstTimestamp = log.firstTimestamp;
    return result;
  }

  private objectRecord(objectKey: string, nowMs: number): ObjectRecord {
    let object = this.objects.get(objectKey);
    if (!object) {
      object = new ObjectRecord(objectKey, nowMs);
      this.objects.set(objectKey, object);
    }
    return object;
  }

  /** EventAggregate: records the message; whether the event goes into its reason's aggregate (the tenth on). */
  private aggregate(record: ReasonRecord, message: string, nowMs: number): boolean {
    const keys = record.localKeys;
    if (keys === undefined) {
      record.localKeys = message;
      this.forgetAggregate(this.aggregates.add(record));
    } else {
      this.aggregates.touch(record);
      if (nowMs - record.lastMs > AGGREGATE_INTERVAL_MS) record.localKeys = message;
      else if (typeof keys === 'string') {
        if (keys !== message) record.localKeys = [keys, message];
      } else if (!keys.includes(message)) keys.push(message);
    }
    record.lastMs = nowMs;
    const localKeys = record.localKeys as string | string[];
    if (typeof localKeys === 'string' || localKeys.length < AGGREGATE_MAX_EVENTS) return false;
    // PopAny keeps the set at its bound; the oldest message goes, so the choice is reproducible.
    localKeys.shift();
    return true;
  }

  /** EventSourceObjectSpamFilter.Filter, inverted: whether the object's bucket has a token. */
  private accept(object: ObjectRecord, nowMs: number): boolean {
    if (object.limited) this.spam.touch(object);
    else {
      object.refill(nowMs);
      object.limited = true;
      this.forgetBucket(this.spam.add(object));
    }
    return object.tryAccept(nowMs);
  }

  /** An object record the spam cache dropped. */
  private forgetBucket(object: ObjectRecord | undefined): void {
    if (!object) return;
    object.limited = false;
    this.forgetObjectIfUnused(object);
  }

  /** A reason record the aggregate cache dropped. */
  private forgetAggregate(record: ReasonRecord | undefined): void {
    if (!record) return;
    record.localKeys = undefined;
    this.forgetReasonIfUnused(record);
  }

  /** A log the log cache dropped. */
  private forgetLog(log: EventLog | undefined): void {
    if (!log) return;
    unlinkLog(log);
    this.forgetReasonIfUnused(log.reason);
  }

  private forgetReasonIfUnused(record: ReasonRecord): void {
    if (record.localKeys !== undefined || record.logs) return;
    unlinkReason(record);
    this.forgetObjectIfUnused(record.object);
  }

  private forgetObjectIfUnused(object: ObjectRecord): void {
    if (!object.limited && !object.reasons) this.objects.delete(object.key);
  }
}

/** The object's record of this type and reason, added (in no cache yet) when it has none. */
function reasonRecord(object: ObjectRecord, type: string, reason: string): ReasonRecord {
  for (let r = object.reasons; r; r = r.next) if (r.reason === reason && r.type === type) return r;
  const record: ReasonRecord = {
    object,
    type,
    reason,
    localKeys: undefined,
    lastMs: 0,
    logs: undefined,
    next: object.reasons,
    newer: undefined,
    older: undefined,
  };
  object.reasons = record;
  return record;
}

function unlinkReason(record: ReasonRecord): void {
  const object = record.object;
  if (object.reasons === record) {
    object.reasons = record.next;
    return;
  }
  for (let r = object.reasons; r; r = r.next) {
    if (r.next === record) {
      r.next = record.next;
      return;
    }
  }
}

/** The log under this message (undefined: the aggregate's) and field path of the reason record. */
function findLog(record: ReasonRecord, message: string | undefined, fieldPath: string): EventLog | undefined {
  for (let log = record.logs; log; log = log.next) {
    if (log.message === message && log.fieldPath === fieldPath) return log;
  }
  return undefined;
}

function addLog(
  record: ReasonRecord,
  message: string | undefined,
  fieldPath: string,
  name: string,
  stamp: string,
): EventLog {
  const log: EventLog = {
    reason: record,
    message,
    fieldPath,
    name,
    firstTimestamp: stamp,
    count: 1,
    next: record.logs,
    newer: undefined,
    older: undefined,
  };
  record.logs = log;
  return log;
}

function unlinkLog(log: EventLog): void {
  const record = log.reason;
  if (record.logs === log) {
    record.logs = log.next;
    return;
  }
  for (let l = record.logs; l; l = l.next) {
    if (l.next === log) {
      l.next = log.next;
      return;
    }
  }
}
