import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { VirtualClock } from '../../../src/sim/clock';

describe('virtual clock timestamps', () => {
  const cases: Array<{ ms: number; time: string; micro: string }> = [
    { ms: 0, time: '1970-01-01T00:00:00Z', micro: '1970-01-01T00:00:00.000000Z' },
    { ms: 7, time: '1970-01-01T00:00:00Z', micro: '1970-01-01T00:00:00.007000Z' },
    { ms: 45, time: '1970-01-01T00:00:00Z', micro: '1970-01-01T00:00:00.045000Z' },
    { ms: 999, time: '1970-01-01T00:00:00Z', micro: '1970-01-01T00:00:00.999000Z' },
    { ms: 1000, time: '1970-01-01T00:00:01Z', micro: '1970-01-01T00:00:01.000000Z' },
    { ms: 1767225600123, time: '2026-01-01T00:00:00Z', micro: '2026-01-01T00:00:00.123000Z' },
  ];
  for (const c of cases) {
    it(`${c.ms} ms: metav1.Time ${c.time}, metav1.MicroTime ${c.micro}`, () => {
      const clock = new VirtualClock();
      assert.equal(clock.timestamp(c.ms), c.time);
      assert.equal(clock.microTimestamp(c.ms), c.micro);
    });
  }
});
