import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { VirtualClock } from '../../../src/sim/clock';
import { SeededRandom } from '../../../src/sim/random';

describe('VirtualClock task order', () => {
  for (const [tasks, spread] of [
    [1, 10],
    [7, 3],
    [200, 50],
    [5000, 1000],
  ]) {
    it(`runs ${tasks} tasks by time, then in the order they were scheduled (delays 0–${spread} ms)`, () => {
      const clock = new VirtualClock();
      const random = new SeededRandom(tasks);
      const expected: Array<{ at: number; n: number }> = [];
      const ran: number[] = [];
      let n = 0;
      const schedule = (): void => {
        const at = clock.now() + random.int(0, spread);
        const id = n++;
        expected.push({ at, n: id });
        clock.after(at - clock.now(), 'task', () => {
          ran.push(id);
          // Some tasks schedule more, as controllers do, while the queue is being drained.
          if (id % 3 === 0 && n < tasks) schedule();
        });
      };
      while (n < tasks / 2) schedule();
      while (clock.step()) if (n < tasks && random.next() < 0.5) schedule();
      expected.sort((a, b) => a.at - b.at || a.n - b.n);
      assert.deepEqual(
        ran,
        expected.map((e) => e.n),
      );
    });
  }
});
