import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../../../src/sim/api/meta';
import { setShape, StatefulSetPodIndex } from '../../../src/sim/controllers/statefulset/pod-index';
import { Cluster } from '../../../src/sim/index';
import { webManifest } from './fixtures-web';

/** What an index counts, in a form that compares whatever order its entries were made in. */
function summary(index: StatefulSetPodIndex, replicas: number): unknown {
  const facts = [...index.byName.entries()]
    .map(([name, e]) => ({ name, ...e, pod: e.pod.metadata.resourceVersion }))
    .sort((a, b) => a.ordinal - b.ordinal);
  return {
    facts,
    strays: index.strays,
    created: index.created,
    ready: index.ready,
    unquiet: [...index.unquiet].sort((a, b) => a - b),
    revisions: [...index.revisions.entries()].map(([r, s]) => [r, s.size, s.min(), s.max()]).sort(),
    active: [...index.active.entries()].sort(),
    missing: Array.from({ length: replicas + 2 }, (_, i) => index.nextMissing(i)),
  };
}

describe('StatefulSetPodIndex', () => {
  // Every pod write of a rolling update, fed to an index one by one, must leave it as one built from the end state.
  for (const stopAfter of ['20s', '45s', '90s', '400s']) {
    it(`fed every pod write up to ${stopAfter} into a rollout, matches an index built afresh`, () => {
      const cluster = new Cluster({ seed: 4 });
      cluster.apply(webManifest({ replicas: 5 }));
      cluster.settle();
      cluster.kubectl('set image sts/web nginx=registry.k8s.io/nginx-slim:0.24');
      cluster.run(stopAfter);
      const set = cluster.get<StatefulSet>('StatefulSet', 'web') as Stored<StatefulSet>;
      const fed = new StatefulSetPodIndex(setShape(set), 0);
      for (const change of cluster.history) {
        if (change.kind !== 'Pod') continue;
        const pod = change.type === 'DELETED' ? undefined : (change.object as Stored<Pod>);
        fed.put(set, change.name, pod);
      }
      const fresh = new StatefulSetPodIndex(setShape(set), 0);
      for (const pod of cluster.list<Pod>('Pod')) fresh.put(set, pod.metadata.name, pod);
      const replicas = set.spec?.replicas ?? 1;
      assert.deepEqual(summary(fed, replicas), summary(fresh, replicas));
    });
  }
});
