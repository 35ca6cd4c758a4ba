import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { VirtualClock } from '../../../src/sim/clock';
import { WorkQueue } from '../../../src/sim/controllers/workqueue';

describe('WorkQueue', () => {
  const cases: Array<{ name: string; adds: string[]; synced: string[]; waiting: number }> = [
    { name: 'one key', adds: ['a'], synced: ['a'], waiting: 1 },
    { name: 'one key added again and again', adds: ['a', 'a', 'a'], synced: ['a'], waiting: 1 },
    { name: 'keys in the order first added', adds: ['b', 'a', 'c'], synced: ['b', 'a', 'c'], waiting: 3 },
    {
      name: 'repeats of the first and later keys',
      adds: ['a', 'b', 'a', 'c', 'b'],
      synced: ['a', 'b', 'c'],
      waiting: 3,
    },
  ];
  for (const c of cases) {
    it(`syncs each waiting key once: ${c.name}`, () => {
      const clock = new VirtualClock();
      const synced: string[] = [];
      const queue = new WorkQueue(clock, 'test', 5, (key) => synced.push(key));
      for (const key of c.adds) queue.add(key);
      assert.equal(queue.length, c.waiting);
      clock.advanceTo(clock.now() + 5);
      assert.deepEqual(synced, c.synced);
      assert.equal(queue.length, 0);
    });
  }

  it('syncs a key added during a sync in the next drain, after the latency', () => {
    const clock = new VirtualClock();
    const start = clock.now();
    const synced: Array<[string, number]> = [];
    const queue = new WorkQueue(clock, 'test', 5, (key) => {
      synced.push([key, clock.now() - start]);
      if (key === 'a' && synced.length === 1) {
        queue.add('a');
        queue.add('b');
      }
    });
    queue.add('a');
    queue.add('c');
    clock.advanceTo(start + 100);
    assert.deepEqual(synced, [
      ['a', 5],
      ['c', 5],
      ['a', 10],
      ['b', 10],
    ]);
  });
});
