import { LruCache } from './lru-cache';
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

interface AggregateRecord {
  /** Messages seen in the current interval, oldest first. */
  localKeys: Set<string>;
  lastMs: number;
}

/** eventLog: what the correlator remembers of an Event it wrote. */
interface EventLog {
  count: number;
  name: string;
  firstTimestamp: string;
}

/**
 * EventCorrelator (client-go tools/record/events_cache.go) for one source (component and host), as every
 * core/v1 event recorder runs it before writing: it aggregates similar events (same object, type and reason,
 * differing only in message) once there are ten in ten minutes, counts exact repeats into one Event, and drops
 * events about an object past a burst of 25, refilled one every five minutes.
 */
export class EventCorrelator {
  private readonly aggregates = new LruCache<AggregateRecord>(LRU_ENTRIES);
  private readonly logs = new LruCache<EventLog>(LRU_ENTRIES);
  private readonly spam = new LruCache<TokenBucket>(LRU_ENTRIES);

  /**
   * EventCorrelate: EventAggregate, then eventObserve, then the spam filter. `newName` names a new Event (called
   * only when the event is not a repeat); `stamp` is the current time as Events print it.
   */
  correlate(event: EventToCorrelate, nowMs: number, stamp: string, newName: () => string): Correlation {
    const { message, key } = this.aggregate(event, nowMs);
    let observed = this.logs.get(key);
    if (observed) observed.count += 1;
    else {
      observed = { count: 1, name: newName(), firstTimestamp: stamp };
      this.logs.add(key, observed);
    }
    // eventObserve records the observation before the filter runs: a dropped event still counts.
    if (!this.accept(event.objectKey, nowMs)) return { skip: true };
    return {
      skip: false,
      message,
      name: observed.name,
      count: observed.count,
      firstTimestamp: observed.firstTimestamp,
    };
  }

  /** EventAggregate: the event's key, or the aggregate's once ten messages share a reason. */
  private aggregate(event: EventToCorrelate, nowMs: number): { message: string; key: string } {
    const aggregateKey = `${event.objectKey}\u0000${event.type}\u0000${event.reason}`;
    let record = this.aggregates.get(aggregateKey);
    if (!record || nowMs - record.lastMs > AGGREGATE_INTERVAL_MS) {
      record = { localKeys: new Set(), lastMs: nowMs };
      this.aggregates.add(aggregateKey, record);
    }
    record.localKeys.add(event.message);
    record.lastMs = nowMs;
    if (record.localKeys.size < AGGREGATE_MAX_EVENTS) {
      return { message: event.message, key: `${aggregateKey}\u0000${event.message}` };
    }
    // PopAny keeps the set at its bound; the oldest message goes, so the choice is reproducible.
    record.localKeys.delete(record.localKeys.values().next().value as string);
    return { message: COMBINED_PREFIX + event.message, key: aggregateKey };
  }

  /** EventSourceObjectSpamFilter.Filter, inverted: whether the object's bucket has a token. */
  private accept(objectKey: string, nowMs: number): boolean {
    let bucket = this.spam.get(objectKey);
    if (!bucket) {
      bucket = new TokenBucket(SPAM_QPS, SPAM_BURST, nowMs);
      this.spam.add(objectKey, bucket);
    }
    return bucket.tryAccept(nowMs);
  }
}
