import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { COMBINED_PREFIX, EventCorrelator, type Correlation } from '../../../src/sim/events/event-correlator';
import { LruCache } from './lru-cache-reference';
import { TokenBucket } from '../../../src/sim/events/token-bucket';

const SET = 'StatefulSet\u0000default\u0000web\u0000uid-1\u0000apps/v1';
const MIN = 60_000;

/** Feeds events to one correlator at the given times; names are "e1", "e2", … in the order they are made. */
function feed(
  events: Array<{ at: number; reason?: string; message: string; object?: string; fieldPath?: string }>,
): Correlation[] {
  const correlator = new EventCorrelator();
  let names = 0;
  return events.map((e) =>
    correlator.correlate(
      {
        objectKey: e.object ?? SET,
        type: 'Normal',
        reason: e.reason ?? 'SuccessfulCreate',
        message: e.message,
        fieldPath: e.fieldPath,
      },
      e.at,
      `t${e.at}`,
      () => `e${++names}`,
    ),
  );
}

function written(c: Correlation): { message: string; name: string; count: number } | 'skipped' {
  return c.skip ? 'skipped' : { message: c.message, name: c.name, count: c.count };
}

describe('event correlator (client-go EventCorrelator defaults)', () => {
  it('counts an exact repeat into the first Event', () => {
    const out = feed([
      { at: 0, message: 'create Pod web-0' },
      { at: 1000, message: 'create Pod web-0' },
    ]).map(written);
    assert.deepEqual(out, [
      { message: 'create Pod web-0', name: 'e1', count: 1 },
      { message: 'create Pod web-0', name: 'e1', count: 2 },
    ]);
  });

  it('counts a repeat only about the same part of the object (getEventKey has the field path)', () => {
    const probe = 'Readiness probe failed: HTTP probe failed with statuscode: 503';
    const out = feed([
      { at: 0, reason: 'Unhealthy', message: probe, fieldPath: 'spec.containers{web}' },
      { at: 1000, reason: 'Unhealthy', message: probe, fieldPath: 'spec.containers{sidecar}' },
      { at: 2000, reason: 'Unhealthy', message: probe, fieldPath: 'spec.containers{web}' },
      { at: 3000, reason: 'Unhealthy', message: probe },
    ]).map(written);
    assert.deepEqual(out, [
      { message: probe, name: 'e1', count: 1 },
      { message: probe, name: 'e2', count: 1 },
      { message: probe, name: 'e1', count: 2 },
      { message: probe, name: 'e3', count: 1 },
    ]);
  });

  it('combines messages across field paths (EventAggregatorByReasonFunc has none)', () => {
    const events = Array.from({ length: 11 }, (_, i) => ({
      at: i * 1000,
      reason: 'Unhealthy',
      message: `probe failed ${i}`,
      fieldPath: `spec.containers{c${i % 2}}`,
    }));
    const out = feed(events).map(written);
    assert.deepEqual(out[9], { message: `${COMBINED_PREFIX}probe failed 9`, name: 'e10', count: 1 });
    assert.deepEqual(out[10], { message: `${COMBINED_PREFIX}probe failed 10`, name: 'e10', count: 2 });
  });

  it('combines the tenth message of one reason into a new Event that later ones update', () => {
    const events = Array.from({ length: 12 }, (_, i) => ({ at: i * 1000, message: `create Pod web-${i}` }));
    const out = feed(events).map(written);
    assert.deepEqual(out[8], { message: 'create Pod web-8', name: 'e9', count: 1 });
    assert.deepEqual(out[9], { message: `${COMBINED_PREFIX}create Pod web-9`, name: 'e10', count: 1 });
    assert.deepEqual(out[10], { message: `${COMBINED_PREFIX}create Pod web-10`, name: 'e10', count: 2 });
    assert.deepEqual(out[11], { message: `${COMBINED_PREFIX}create Pod web-11`, name: 'e10', count: 3 });
  });

  it('keeps reasons apart when combining', () => {
    const events = Array.from({ length: 10 }, (_, i) => ({
      at: i,
      reason: i % 2 ? 'SuccessfulDelete' : 'SuccessfulCreate',
      message: `pod ${i}`,
    }));
    for (const c of feed(events)) assert.ok(!c.skip && !c.message.startsWith(COMBINED_PREFIX));
  });

  it('starts combining afresh after ten quiet minutes', () => {
    const first = Array.from({ length: 9 }, (_, i) => ({ at: i, message: `m${i}` }));
    const out = feed([...first, { at: 8 + 10 * MIN + 1, message: 'm9' }]).map(written);
    assert.deepEqual(out[9], { message: 'm9', name: 'e10', count: 1 });
  });

  it('drops events about one object past a burst of 25, then lets one through every 5 minutes', () => {
    const burst = Array.from({ length: 26 }, (_, i) => ({ at: 0, message: `same`, reason: `R${i}` }));
    const out = feed([
      ...burst,
      { at: 4 * MIN, message: 'x', reason: 'A' },
      { at: 5 * MIN, message: 'y', reason: 'B' },
    ]);
    assert.equal(out.slice(0, 25).filter((c) => c.skip).length, 0);
    assert.equal(out[25].skip, true);
    assert.equal(out[26].skip, true, 'no token back after 4 minutes');
    assert.equal(out[27].skip, false, 'a token back after 5 minutes');
  });

  it('gives each object its own burst', () => {
    const events = Array.from({ length: 30 }, (_, i) => ({ at: 0, message: 'm', reason: `R${i}`, object: `pod-${i}` }));
    assert.equal(feed(events).filter((c) => c.skip).length, 0);
  });

  it('counts a repeat that the spam filter dropped', () => {
    const burst = Array.from({ length: 25 }, (_, i) => ({ at: 0, message: `m${i}`, reason: `R${i}` }));
    const repeats = [
      { at: 1, message: 'm0', reason: 'R0' },
      { at: 2, message: 'm0', reason: 'R0' },
      { at: 5 * MIN + 2, message: 'm0', reason: 'R0' },
    ];
    const out = feed([...burst, ...repeats]).map(written);
    assert.deepEqual(out.slice(25), ['skipped', 'skipped', { message: 'm0', name: 'e1', count: 4 }]);
  });
});

describe('LRU cache and token bucket', () => {
  it('drops the least recently used key past its capacity', () => {
    const cache = new LruCache<number>(2);
    cache.add('a', 1);
    cache.add('b', 2);
    cache.get('a');
    cache.add('c', 3);
    assert.deepEqual([cache.get('a'), cache.get('b'), cache.get('c')], [1, undefined, 3]);
  });

  it('starts full and refills at its rate, never above its burst', () => {
    const bucket = new TokenBucket(1, 2, 0);
    assert.deepEqual([bucket.tryAccept(0), bucket.tryAccept(0), bucket.tryAccept(0)], [true, true, false]);
    assert.deepEqual([bucket.tryAccept(999), bucket.tryAccept(1000)], [false, true]);
    assert.deepEqual(
      [bucket.tryAccept(60_000), bucket.tryAccept(60_000), bucket.tryAccept(60_000)],
      [true, true, false],
    );
  });
});
