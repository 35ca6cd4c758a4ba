import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { VirtualClock } from '../../../src/sim/clock';
import { WorkQueue } from '../../../src/sim/controllers/workqueue';

describe('clock task handles', () => {
  it('cancel the task they were returned for', () => {
    const clock = new VirtualClock();
    const ran: string[] = [];
    const a = clock.after(10, 'a', () => ran.push('a'));
    clock.after(20, 'b', () => ran.push('b'), 'subject');
    a.cancel();
    clock.advanceTo(clock.now() + 100);
    assert.deepEqual(ran, ['b']);
  });

  it('an earlier AddAfter of a key cancels the later one', () => {
    const clock = new VirtualClock();
    const synced: number[] = [];
    const start = clock.now();
    const queue = new WorkQueue(clock, 'test', 0, () => synced.push(clock.now() - start));
    queue.addAfter('k', 1000);
    queue.addAfter('k', 500);
    clock.advanceTo(start + 5000);
    assert.deepEqual(synced, [500]);
  });
});
