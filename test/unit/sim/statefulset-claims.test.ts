import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import type { OwnerReference } from 'kubernetes-types/meta/v1';
import { Cluster } from '../../../src/sim/index';
import { statefulSet, webManifest, type WebOptions } from './statefulset-fixtures';

function running(options: WebOptions = {}, seed = 13): Cluster {
  const cluster = new Cluster({ seed });
  cluster.apply(webManifest(options));
  cluster.settle();
  return cluster;
}

function claim(cluster: Cluster, name: string): PersistentVolumeClaim {
  const found = cluster.get<PersistentVolumeClaim>('pvc', name);
  if (!found) throw new Error(`claim ${name} is missing`);
  return found;
}

/** Owner references as "Kind/name" plus whether the uid is that object's current uid. */
function owners(cluster: Cluster, claimName: string, podUids: Map<string, string>): string[] {
  const setUid = statefulSet(cluster).metadata?.uid;
  return (claim(cluster, claimName).metadata?.ownerReferences ?? []).map((r: OwnerReference) => {
    assert.equal(r.controller, true);
    assert.equal(r.blockOwnerDeletion, true);
    const uid = r.kind === 'StatefulSet' ? setUid : podUids.get(r.name);
    assert.equal(r.uid, uid, `${r.kind}/${r.name} uid`);
    return `${r.kind}/${r.name}`;
  });
}

function podUids(cluster: Cluster): Map<string, string> {
  return new Map(cluster.list<Pod>('pod').map((p) => [p.metadata.name, p.metadata.uid ?? '']));
}

describe('StatefulSet volumeClaimTemplates', () => {
  it('creates a claim per ordinal named <template>-<set>-<ordinal>, labelled with the selector', () => {
    const cluster = running();
    const claims = cluster.list<PersistentVolumeClaim>('pvc');
    assert.deepEqual(
      claims.map((c) => c.metadata.name),
      ['www-web-0', 'www-web-1', 'www-web-2'],
    );
    for (const c of claims) {
      assert.equal(c.metadata.labels?.app, 'nginx');
      assert.equal(c.status?.phase, 'Bound');
      assert.equal(c.metadata.ownerReferences, undefined, 'Retain/Retain leaves claims unowned');
    }
  });

  it('keeps the claims on scale-down (Retain) and reuses the same claim and volume on scale-up', () => {
    const cluster = running();
    const before = new Map(
      cluster
        .list<PersistentVolumeClaim>('pvc')
        .map((c) => [c.metadata.name, `${c.metadata.uid}:${c.spec?.volumeName}`]),
    );
    cluster.kubectl('scale sts web --replicas=1');
    cluster.settle();
    assert.deepEqual(
      cluster.list<Pod>('pod').map((p) => p.metadata.name),
      ['web-0'],
    );
    const lines = cluster.kubectl('get pvc').trimEnd().split('\n').slice(1);
    assert.deepEqual(
      lines.map((l) => l.split(/\s+/).slice(0, 2).join(' ')),
      ['www-web-0 Bound', 'www-web-1 Bound', 'www-web-2 Bound'],
    );
    cluster.kubectl('scale sts web --replicas=3');
    cluster.settle();
    for (const c of cluster.list<PersistentVolumeClaim>('pvc')) {
      assert.equal(`${c.metadata.uid}:${c.spec?.volumeName}`, before.get(c.metadata.name), c.metadata.name);
    }
    for (const i of [1, 2]) {
      const pod = cluster.get<Pod>('pod', `web-${i}`);
      assert.equal(pod?.spec?.volumes?.[0].persistentVolumeClaim?.claimName, `www-web-${i}`);
      assert.equal(pod?.status?.phase, 'Running');
    }
  });

  it('puts a whenScaled=Delete claim under its condemned pod, so the garbage collector removes it with the pod', () => {
    const retention = { whenScaled: 'Delete', whenDeleted: 'Retain' } as const;
    const cluster = running({ retention });
    const uids = podUids(cluster);
    for (const name of ['www-web-0', 'www-web-1', 'www-web-2']) assert.deepEqual(owners(cluster, name, uids), []);
    cluster.kubectl('scale sts web --replicas=2');
    cluster.run('200ms');
    // The condemned pod is terminating; its claim now names it as owner.
    assert.deepEqual(owners(cluster, 'www-web-2', uids), ['Pod/web-2']);
    cluster.kubectl('scale sts web --replicas=1');
    cluster.settle();
    assert.deepEqual(owners(cluster, 'www-web-0', uids), []);
    // Once the pods are gone, the garbage collector deletes the claims they owned.
    assert.equal(cluster.get('pvc', 'www-web-1'), undefined);
    assert.equal(cluster.get('pvc', 'www-web-2'), undefined);
  });

  const policies: Array<{
    whenScaled: 'Retain' | 'Delete';
    whenDeleted: 'Retain' | 'Delete';
    live: string[];
    condemned: string[];
  }> = [
    { whenScaled: 'Retain', whenDeleted: 'Retain', live: [], condemned: [] },
    { whenScaled: 'Retain', whenDeleted: 'Delete', live: ['StatefulSet/web'], condemned: ['StatefulSet/web'] },
    { whenScaled: 'Delete', whenDeleted: 'Retain', live: [], condemned: ['Pod/web-1'] },
    { whenScaled: 'Delete', whenDeleted: 'Delete', live: ['StatefulSet/web'], condemned: ['Pod/web-1'] },
  ];
  for (const { whenScaled, whenDeleted, live, condemned } of policies) {
    it(`whenScaled=${whenScaled} whenDeleted=${whenDeleted}: live claim owned by [${live.join(', ')}], condemned by [${condemned.join(', ')}]`, () => {
      const cluster = running({ replicas: 2, retention: { whenScaled, whenDeleted } });
      const uids = podUids(cluster);
      assert.deepEqual(owners(cluster, 'www-web-1', uids), live, 'before scale-down');
      cluster.kubectl('scale sts web --replicas=1');
      cluster.run('200ms');
      assert.deepEqual(owners(cluster, 'www-web-1', uids), condemned, 'while web-1 terminates');
      cluster.settle();
      assert.deepEqual(owners(cluster, 'www-web-0', uids), live);
      if (whenScaled === 'Delete') assert.equal(cluster.get('pvc', 'www-web-1'), undefined, 'collected with web-1');
      else assert.deepEqual(owners(cluster, 'www-web-1', uids), condemned);
    });
  }

  it('rewrites the owner references of existing claims when the policy changes', () => {
    const cluster = running({ replicas: 2 });
    const uids = podUids(cluster);
    cluster.apply(webManifest({ replicas: 2, retention: { whenDeleted: 'Delete' } }));
    cluster.settle();
    assert.deepEqual(owners(cluster, 'www-web-0', uids), ['StatefulSet/web']);
    assert.deepEqual(owners(cluster, 'www-web-1', uids), ['StatefulSet/web']);
  });
});
