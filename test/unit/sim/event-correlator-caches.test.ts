import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  COMBINED_PREFIX,
  EventCorrelator,
  type Correlation,
  type EventToCorrelate,
} from '../../../src/sim/events/event-correlator';
import { LruCache } from './lru-cache-reference';
import { RecencyList } from '../../../src/sim/events/recency-list';
import { TokenBucket } from '../../../src/sim/events/token-bucket';

/**
 * events_cache.go as written there: three LRU caches of 4096 string keys (object, type and reason; plus the
 * field path and the message; the object alone). The correlator must give the same answers, evictions included.
 */
class StringKeyedCorrelator {
  private readonly aggregates = new LruCache<{ localKeys: Set<string>; lastMs: number }>(4096);
  private readonly logs = new LruCache<{ count: number; name: string; firstTimestamp: string }>(4096);
  private readonly spam = new LruCache<TokenBucket>(4096);

  correlate(event: EventToCorrelate, nowMs: number, stamp: string, newName: () => string): Correlation {
    const aggregateKey = `${event.objectKey}\u0000${event.type}\u0000${event.reason}`;
    let record = this.aggregates.get(aggregateKey);
    if (!record || nowMs - record.lastMs > 600_000) {
      record = { localKeys: new Set(), lastMs: nowMs };
      this.aggregates.add(aggregateKey, record);
    }
    record.localKeys.add(event.message);
    record.lastMs = nowMs;
    let message = event.message;
    let key = `${aggregateKey}\u0000${event.fieldPath ?? ''}\u0000${event.message}`;
    if (record.localKeys.size >= 10) {
      record.localKeys.delete(record.localKeys.values().next().value as string);
      message = COMBINED_PREFIX + event.message;
      key = aggregateKey;
    }
    let observed = this.logs.get(key);
    if (observed) observed.count += 1;
    else {
      observed = { count: 1, name: newName(), firstTimestamp: stamp };
      this.logs.add(key, observed);
    }
    let bucket = this.spam.get(event.objectKey);
    if (!bucket) {
      bucket = new TokenBucket(1 / 300, 25, nowMs);
      this.spam.add(event.objectKey, bucket);
    }
    if (!bucket.tryAccept(nowMs)) return { skip: true };
    return {
      skip: false,
      message,
      name: observed.name,
      count: observed.count,
      firstTimestamp: observed.firstTimestamp,
    };
  }
}

/** A small deterministic generator (mulberry32) for the event streams: a whole number below n per call. */
function generator(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

/** A stream of events: few reasons, each with one steady message and `varying` others, and some quiet gaps. */
function stream(
  seed: number,
  length: number,
  objects: number,
  varying: number,
): Array<{ at: number; event: EventToCorrelate }> {
  const pick = generator(seed);
  const out: Array<{ at: number; event: EventToCorrelate }> = [];
  let at = 0;
  for (let i = 0; i < length; i++) {
    at += pick(200) === 0 ? 300_000 + pick(700_000) : pick(50);
    const reason = `R${pick(4)}`;
    // Some events have no message at all.
    const variant = pick(varying);
    const message = pick(3) !== 0 ? `steady ${reason}` : variant === 0 ? '' : `varying ${variant}`;
    const objectKey = `uid-${pick(objects)}`;
    const type = pick(8) === 0 ? 'Warning' : 'Normal';
    // Most events are about a whole object, some about one of two containers.
    const part = pick(4);
    const fieldPath = part < 2 ? undefined : `spec.containers{c${part - 2}}`;
    out.push({ at, event: { objectKey, type, reason, message, fieldPath } });
  }
  return out;
}

describe('event correlator caches', () => {
  const cases = [
    { name: 'few objects, so aggregation and the spam filter act', seed: 1, length: 20_000, objects: 20, varying: 40 },
    { name: 'keys coming back about when the caches drop them', seed: 2, length: 60_000, objects: 150, varying: 4 },
    {
      name: 'objects coming back about when the caches drop them',
      seed: 4,
      length: 60_000,
      objects: 4_200,
      varying: 1,
    },
    { name: 'many objects, each seen a few times', seed: 3, length: 60_000, objects: 12_000, varying: 40 },
  ];
  for (const c of cases) {
    it(`answers as string-keyed LRU caches do: ${c.name}`, () => {
      const correlator = new EventCorrelator();
      const reference = new StringKeyedCorrelator();
      let names = 0;
      let referenceNames = 0;
      for (const [i, { at, event }] of stream(c.seed, c.length, c.objects, c.varying).entries()) {
        const got = correlator.correlate(event, at, `t${at}`, () => `e${++names}`);
        const want = reference.correlate(event, at, `t${at}`, () => `e${++referenceNames}`);
        assert.deepEqual(got, want, `event ${i}`);
      }
    });
  }
});

describe('recency list', () => {
  it('hands back the least recently added or touched entry past its capacity', () => {
    type Item = { id: string; newer: Item | undefined; older: Item | undefined };
    const item = (id: string): Item => ({ id, newer: undefined, older: undefined });
    const list = new RecencyList<Item>(2);
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map(item);
    assert.equal(list.add(a), undefined);
    assert.equal(list.add(b), undefined);
    list.touch(a);
    assert.equal(list.add(c)?.id, 'b');
    assert.equal(list.add(d)?.id, 'a');
    assert.equal(list.size, 2);
  });
});
