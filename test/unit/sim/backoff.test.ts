import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Backoff, goDuration } from '../../../src/sim/node/backoff';

describe('flowcontrol.Backoff as the kubelet configures it (10 s doubling to 300 s)', () => {
  it('doubles from 10 s and stops at 300 s', () => {
    const backoff = new Backoff(10_000, 300_000);
    const seen: number[] = [];
    let t = 0;
    for (let i = 0; i < 8; i++) {
      backoff.next('pod_nginx', t);
      seen.push(backoff.get('pod_nginx'));
      t += backoff.get('pod_nginx');
    }
    assert.deepEqual(seen, [10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000, 300_000]);
  });

  it('tells whether the window since an event or the last update is still open', () => {
    const backoff = new Backoff(10_000, 300_000);
    assert.equal(backoff.isInBackOffSince('k', 0, 1), false, 'unknown key: no back-off');
    backoff.next('k', 1_000);
    const cases: Array<[number, boolean]> = [
      [1_000, true],
      [10_999, true],
      [11_000, false],
    ];
    for (const [now, want] of cases) {
      assert.equal(backoff.isInBackOffSinceUpdate('k', now), want, `since update at ${now}`);
      assert.equal(backoff.isInBackOffSince('k', 1_000, now), want, `since event at ${now}`);
    }
  });

  it('forgets a key after twice the maximum without events', () => {
    const backoff = new Backoff(10_000, 300_000);
    backoff.next('k', 0);
    backoff.next('k', 10_000);
    assert.equal(backoff.get('k'), 20_000);
    backoff.next('k', 10_000 + 600_001);
    assert.equal(backoff.get('k'), 10_000);
  });

  it('prints durations as Go does', () => {
    const cases: Array<[number, string]> = [
      [512, '512ms'],
      [4_078, '4.078s'],
      [10_000, '10s'],
      [40_000, '40s'],
      [80_000, '1m20s'],
      [160_000, '2m40s'],
      [300_000, '5m0s'],
      [3_723_500, '1h2m3.5s'],
    ];
    for (const [ms, want] of cases) assert.equal(goDuration(ms), want);
  });
});
