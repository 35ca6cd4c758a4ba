import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { humanDuration } from '../../../src/sim/index';

// Cases from apimachinery's duration.HumanDuration.
const CASES: Array<[number, string]> = [
  [-2000, '<invalid>'],
  [-1000, '0s'],
  [0, '0s'],
  [59_000, '59s'],
  [119_000, '119s'],
  [120_000, '2m'],
  [123_000, '2m3s'],
  [599_000, '9m59s'],
  [600_000, '10m'],
  [179 * 60_000, '179m'],
  [3 * 3600_000, '3h'],
  [3 * 3600_000 + 5 * 60_000, '3h5m'],
  [8 * 3600_000, '8h'],
  [47 * 3600_000, '47h'],
  [48 * 3600_000, '2d'],
  [50 * 3600_000, '2d2h'],
  [8 * 24 * 3600_000, '8d'],
  [2 * 365 * 24 * 3600_000, '2y'],
  [(2 * 365 + 10) * 24 * 3600_000, '2y10d'],
  [9 * 365 * 24 * 3600_000, '9y'],
];

describe('humanDuration (the AGE column)', () => {
  for (const [ms, want] of CASES) {
    it(`${ms} ms → ${want}`, () => assert.equal(humanDuration(ms), want));
  }
});
