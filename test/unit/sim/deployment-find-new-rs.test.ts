import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Deployment } from 'kubernetes-types/apps/v1';
import {
  byCreation,
  findNewReplicaSet,
  findOldReplicaSets,
  otherReplicaSets,
  sortedByCreation,
  type RS,
} from '../../../src/sim/controllers/deployment/deployment-util';

const TEMPLATES = [
  { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx:1' }] } },
  { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx:2' }] } },
];

function replicaSet(name: string, createdSecond: number, template: number): RS {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace: 'default',
      creationTimestamp: new Date(Date.UTC(2026, 0, 1, 0, 0, createdSecond)).toISOString().replace('.000Z', 'Z'),
    },
    spec: { selector: {}, template: TEMPLATES[template] },
  };
}

const deployment: Deployment = { metadata: { name: 'web' }, spec: { selector: {}, template: TEMPLATES[0] } };

/** The ReplicaSets as a list: distinct names, creation seconds that often tie, either template. */
const sets = fc
  .uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { maxLength: 6 })
  .chain((names) =>
    fc.tuple(
      ...names.map((name) =>
        fc
          .tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 1 }))
          .map(([s, t]) => replicaSet(name, s, t)),
      ),
    ),
  );

describe('FindNewReplicaSet without a sorted copy', () => {
  it('picks what sorting by creation and taking the first match picks', () => {
    fc.assert(
      fc.property(sets, (list) => {
        const reference = [...list].sort(byCreation).find((rs) => rs.spec?.template === TEMPLATES[0]);
        assert.equal(findNewReplicaSet(deployment, list), reference);
        assert.deepEqual(
          findOldReplicaSets(deployment, list),
          list.filter((rs) => rs !== reference),
        );
        assert.deepEqual(
          otherReplicaSets(list, reference),
          list.filter((rs) => rs !== reference),
        );
      }),
    );
  });

  it('sortedByCreation sorts a copy and leaves the list as it was', () => {
    fc.assert(
      fc.property(sets, (list) => {
        const before = [...list];
        assert.deepEqual(sortedByCreation(list), [...list].sort(byCreation));
        assert.deepEqual(list, before);
      }),
    );
  });
});
