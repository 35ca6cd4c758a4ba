import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Pod } from 'kubernetes-types/core/v1';
import { readySince } from '../../../src/sim/pods/pod-util';
import { ReadyTimes } from '../../../src/sim/controllers/replicaset/ready-times';
import { countAvailable } from '../../../src/sim/controllers/replicaset/replicaset-status';

const NOW = Date.UTC(2026, 0, 1, 1, 0, 0);

function pod(ready: 'True' | 'False' | undefined, since: string | undefined): Pod {
  return {
    metadata: { name: 'p' },
    status: { conditions: ready === undefined ? [] : [{ type: 'Ready', status: ready, lastTransitionTime: since }] },
  };
}

const sinceText = fc.oneof(
  fc.integer({ min: 0, max: 40 }).map((s) => new Date(NOW - s * 1000).toISOString().replace('.000Z', 'Z')),
  fc.constantFrom(undefined, '', 'not a time'),
);
const podArb = fc
  .tuple(fc.constantFrom('True' as const, 'False' as const, undefined), sinceText)
  .map(([r, s]) => pod(r, s));

/** What the pod index does with a pod's ready time as the pod comes and goes. */
function track(times: ReadyTimes, p: Pod, delta: 1 | -1): void {
  const since = readySince(p);
  if (since === undefined) return;
  if (delta > 0 && !Number.isNaN(since)) times.add(since);
  if (delta < 0) times.remove(since);
}

describe('ReadyTimes', () => {
  it('counts the pods countAvailable counts, through adds and removals', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(podArb, fc.boolean()), { maxLength: 60 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: -5_000, max: 40_000 }),
        (ops, minReady, offset) => {
          const live: Pod[] = [];
          const times = new ReadyTimes();
          for (const [p, removeOne] of ops) {
            if (removeOne && live.length > 0) {
              const [gone] = live.splice(live.length >> 1, 1);
              track(times, gone, -1);
            }
            live.push(p);
            track(times, p, 1);
            assert.equal(times.countAvailable(minReady, NOW + offset), countAvailable(live, minReady, NOW + offset));
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
