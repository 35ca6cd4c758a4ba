import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Deployment } from 'kubernetes-types/apps/v1';
import {
  maxSurge,
  maxUnavailable,
  newRSNewReplicas,
  resolveFenceposts,
} from '../../../src/sim/controllers/deployment/deployment-util';
import type { Stored } from '../../../src/sim/api/meta';

function deployment(replicas: number, surge: number | string, unavailable: number | string): Deployment {
  return {
    spec: {
      replicas,
      selector: { matchLabels: { app: 'x' } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: surge, maxUnavailable: unavailable } },
      template: {},
    },
  };
}

describe('ResolveFenceposts', () => {
  // Cases from deployment_util_test.go TestResolveFenceposts plus the 25% defaults at common sizes.
  const cases: Array<{
    surge: number | string;
    unavailable: number | string;
    desired: number;
    want: [number, number];
  }> = [
    { surge: '0%', unavailable: '0%', desired: 0, want: [0, 1] },
    { surge: '39%', unavailable: '39%', desired: 10, want: [4, 3] },
    { surge: 0, unavailable: 0, desired: 5, want: [0, 1] },
    { surge: 2, unavailable: 0, desired: 5, want: [2, 0] },
    { surge: '25%', unavailable: '25%', desired: 3, want: [1, 0] },
    { surge: '25%', unavailable: '25%', desired: 4, want: [1, 1] },
    { surge: '25%', unavailable: '25%', desired: 10, want: [3, 2] },
    { surge: '25%', unavailable: '25%', desired: 1, want: [1, 0] },
    { surge: '100%', unavailable: '0%', desired: 7, want: [7, 0] },
    { surge: '0%', unavailable: '50%', desired: 5, want: [0, 2] },
  ];
  for (const c of cases) {
    it(`surge ${c.surge}, unavailable ${c.unavailable} of ${c.desired} → ${c.want.join('/')}`, () => {
      const got = resolveFenceposts(c.surge, c.unavailable, c.desired);
      assert.deepEqual([got.surge, got.unavailable], c.want);
    });
  }

  it('rejects a string that is not a percentage', () => {
    assert.throws(() => resolveFenceposts('oops', '25%', 10), /string is not a percentage/);
  });

  it('caps MaxUnavailable at the replica count and gives 0 to a Recreate deployment', () => {
    assert.equal(maxUnavailable(deployment(2, 0, 5)), 2);
    assert.equal(maxUnavailable(deployment(0, 1, 1)), 0);
    const recreate: Deployment = { spec: { ...deployment(4, 1, 1).spec!, strategy: { type: 'Recreate' } } };
    assert.equal(maxSurge(recreate), 0);
    assert.equal(maxUnavailable(recreate), 0);
  });
});

describe('NewRSNewReplicas', () => {
  const rs = (name: string, replicas: number) =>
    ({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name }, spec: { replicas } }) as Stored<never>;
  // The new ReplicaSet may grow until the total reaches replicas + maxSurge, and never beyond replicas.
  const cases = [
    { replicas: 3, old: 3, current: 0, want: 1 },
    { replicas: 3, old: 2, current: 1, want: 2 },
    { replicas: 3, old: 1, current: 2, want: 3 },
    { replicas: 3, old: 3, current: 1, want: 1 },
    { replicas: 10, old: 10, current: 0, want: 3 },
    { replicas: 10, old: 0, current: 0, want: 10 },
  ];
  for (const c of cases) {
    it(`${c.replicas} replicas, old ${c.old}, new ${c.current} → ${c.want}`, () => {
      const d = deployment(c.replicas, '25%', '25%');
      const newRS = rs('new', c.current);
      assert.equal(newRSNewReplicas(d, [rs('old', c.old), newRS], newRS), c.want);
    });
  }
});
