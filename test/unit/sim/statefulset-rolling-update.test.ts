import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ControllerRevision } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { Cluster } from '../../../src/sim/index';
import {
  NEW_IMAGE,
  OLD_IMAGE,
  deletionOrder,
  images,
  isRunningAndReady,
  podHistory,
  statefulSet,
  webManifest,
  type WebOptions,
} from './statefulset-fixtures';

function running(options: WebOptions = {}, seed = 7): Cluster {
  const cluster = new Cluster({ seed });
  cluster.apply(webManifest(options));
  cluster.settle();
  return cluster;
}

describe('StatefulSet RollingUpdate', () => {
  it('replaces web-2, then web-1, then web-0, each after its successor is Running and Ready again', () => {
    const cluster = running();
    const start = cluster.history.length;
    cluster.apply(webManifest({ image: NEW_IMAGE }));
    cluster.settle();
    assert.deepEqual(deletionOrder(cluster, start), ['web-2', 'web-1', 'web-0']);
    const events = podHistory(cluster, start);
    const readyAt = (name: string): number =>
      events.find(
        (h) =>
          h.name === name &&
          h.type !== 'DELETED' &&
          isRunningAndReady(h.object as Pod) &&
          (h.object as Pod).spec?.containers[0].image === NEW_IMAGE,
      )?.time ?? Infinity;
    const terminatingAt = (name: string): number =>
      events.find((h) => h.name === name && h.type === 'MODIFIED' && h.object.metadata.deletionTimestamp)?.time ?? -1;
    assert.ok(terminatingAt('web-1') >= readyAt('web-2'), 'web-1 waits for the new web-2');
    assert.ok(terminatingAt('web-0') >= readyAt('web-1'), 'web-0 waits for the new web-1');
    assert.deepEqual(images(cluster), [NEW_IMAGE, NEW_IMAGE, NEW_IMAGE]);
    const status = statefulSet(cluster).status;
    assert.equal(status?.currentRevision, status?.updateRevision);
    assert.equal(status?.updatedReplicas, 3);
    assert.equal(status?.currentReplicas, 3);
  });

  it('keeps each pod on its claim across the update', () => {
    const cluster = running();
    const before = cluster.list('pvc').map((c) => `${c.metadata.name}:${c.metadata.uid}`);
    cluster.apply(webManifest({ image: NEW_IMAGE }));
    cluster.settle();
    assert.deepEqual(
      cluster.list('pvc').map((c) => `${c.metadata.name}:${c.metadata.uid}`),
      before,
    );
    for (let i = 0; i < 3; i++) {
      const pod = cluster.get<Pod>('pod', `web-${i}`);
      assert.equal(pod?.spec?.volumes?.[0]?.persistentVolumeClaim?.claimName, `www-web-${i}`);
    }
  });

  const partitions: Array<{ partition: number; expected: string[] }> = [
    { partition: 0, expected: [NEW_IMAGE, NEW_IMAGE, NEW_IMAGE] },
    { partition: 1, expected: [OLD_IMAGE, NEW_IMAGE, NEW_IMAGE] },
    { partition: 2, expected: [OLD_IMAGE, OLD_IMAGE, NEW_IMAGE] },
    { partition: 3, expected: [OLD_IMAGE, OLD_IMAGE, OLD_IMAGE] },
    { partition: 5, expected: [OLD_IMAGE, OLD_IMAGE, OLD_IMAGE] },
  ];
  for (const { partition, expected } of partitions) {
    it(`partition=${partition} of 3 updates only ordinals >= ${partition}`, () => {
      const strategy = `{type: RollingUpdate, rollingUpdate: {partition: ${partition}}}`;
      const cluster = running({ updateStrategy: strategy });
      cluster.apply(webManifest({ updateStrategy: strategy, image: NEW_IMAGE }));
      cluster.settle();
      assert.deepEqual(images(cluster), expected);
      const status = statefulSet(cluster).status;
      const updated = expected.filter((i) => i === NEW_IMAGE).length;
      assert.equal(status?.updatedReplicas, updated);
      if (updated === 3) {
        // completeRollingUpdate: the update revision becomes the current one.
        assert.equal(status?.currentRevision, status?.updateRevision);
        assert.equal(status?.currentReplicas, 3);
      } else {
        assert.notEqual(status?.currentRevision, status?.updateRevision, 'a partitioned rollout stays open');
        assert.equal(status?.currentReplicas, 3 - updated);
      }
    });
  }

  it('brings a deleted pod below the partition back at the current revision', () => {
    const strategy = '{type: RollingUpdate, rollingUpdate: {partition: 2}}';
    const cluster = running({ updateStrategy: strategy });
    cluster.apply(webManifest({ updateStrategy: strategy, image: NEW_IMAGE }));
    cluster.settle();
    const oldUid = cluster.get<Pod>('pod', 'web-1')?.metadata?.uid;
    cluster.kubectl('delete pod web-1');
    cluster.settle();
    const web1 = cluster.get<Pod>('pod', 'web-1');
    assert.notEqual(web1?.metadata?.uid, oldUid, 'web-1 was recreated');
    assert.equal(web1?.spec?.containers[0].image, OLD_IMAGE);
    assert.equal(web1?.metadata?.labels?.['controller-revision-hash'], statefulSet(cluster).status?.currentRevision);
    assert.deepEqual(images(cluster), [OLD_IMAGE, OLD_IMAGE, NEW_IMAGE]);
  });

  it('rolls out in phases as the partition is lowered', () => {
    const strategy = (p: number): string => `{type: RollingUpdate, rollingUpdate: {partition: ${p}}}`;
    const cluster = running({ updateStrategy: strategy(3) });
    const steps: Array<{ partition: number; expected: string[] }> = [
      { partition: 3, expected: [OLD_IMAGE, OLD_IMAGE, OLD_IMAGE] },
      { partition: 2, expected: [OLD_IMAGE, OLD_IMAGE, NEW_IMAGE] },
      { partition: 1, expected: [OLD_IMAGE, NEW_IMAGE, NEW_IMAGE] },
      { partition: 0, expected: [NEW_IMAGE, NEW_IMAGE, NEW_IMAGE] },
    ];
    for (const { partition, expected } of steps) {
      cluster.apply(webManifest({ updateStrategy: strategy(partition), image: NEW_IMAGE }));
      cluster.settle();
      assert.deepEqual(images(cluster), expected, `partition ${partition}`);
    }
    const status = statefulSet(cluster).status;
    assert.equal(status?.currentRevision, status?.updateRevision, 'partition 0 completes the rollout');
  });

  it('OnDelete changes nothing until a pod is deleted, then recreates only that pod at the new revision', () => {
    const cluster = running({ updateStrategy: '{type: OnDelete}' });
    const start = cluster.history.length;
    cluster.apply(webManifest({ updateStrategy: '{type: OnDelete}', image: NEW_IMAGE }));
    cluster.settle();
    assert.deepEqual(deletionOrder(cluster, start), []);
    assert.deepEqual(images(cluster), [OLD_IMAGE, OLD_IMAGE, OLD_IMAGE]);
    cluster.kubectl('delete pod web-0');
    cluster.settle();
    assert.deepEqual(images(cluster), [NEW_IMAGE, OLD_IMAGE, OLD_IMAGE]);
    assert.equal(statefulSet(cluster).status?.updatedReplicas, 1);
  });

  it('waits minReadySeconds of availability before replacing the next pod', () => {
    const cluster = running({ minReadySeconds: 30 });
    const start = cluster.history.length;
    cluster.apply(webManifest({ minReadySeconds: 30, image: NEW_IMAGE }));
    cluster.settle();
    const events = podHistory(cluster, start);
    const readyNew = events.find(
      (h) =>
        h.name === 'web-2' &&
        isRunningAndReady(h.object as Pod) &&
        (h.object as Pod).spec?.containers[0].image === NEW_IMAGE,
    );
    const web1Terminating = events.find((h) => h.name === 'web-1' && h.object.metadata.deletionTimestamp);
    assert.ok(readyNew && web1Terminating);
    assert.ok(web1Terminating.time - readyNew.time >= 30_000, `${web1Terminating.time - readyNew.time} ms`);
    assert.deepEqual(images(cluster), [NEW_IMAGE, NEW_IMAGE, NEW_IMAGE]);
  });

  it('Parallel creates every pod without waiting for its predecessors', () => {
    const cluster = new Cluster({ seed: 4 });
    cluster.apply(webManifest({ podManagementPolicy: 'Parallel', withClaims: false, readinessDelaySeconds: 20 }));
    cluster.run('5s');
    const pods = cluster.list<Pod>('pod');
    assert.deepEqual(
      pods.map((p) => p.metadata.name),
      ['web-0', 'web-1', 'web-2'],
    );
    assert.ok(
      pods.every((p) => !isRunningAndReady(p)),
      'none is ready yet, all exist',
    );
  });

  it('Parallel still updates one pod at a time, highest ordinal first', () => {
    const cluster = running({ podManagementPolicy: 'Parallel', withClaims: false });
    const start = cluster.history.length;
    cluster.apply(webManifest({ podManagementPolicy: 'Parallel', withClaims: false, image: NEW_IMAGE }));
    cluster.settle();
    assert.deepEqual(deletionOrder(cluster, start), ['web-2', 'web-1', 'web-0']);
  });

  it('records a ControllerRevision per template and keeps revisionHistoryLimit old ones', () => {
    const cluster = running({ revisionHistoryLimit: 2, withClaims: false });
    const tags = ['0.24', '0.8', '0.9', '0.21'];
    for (const tag of tags) {
      cluster.apply(
        webManifest({ revisionHistoryLimit: 2, withClaims: false, image: `registry.k8s.io/nginx-slim:${tag}` }),
      );
      cluster.settle();
    }
    const revisions = cluster.list<ControllerRevision>('controllerrevisions');
    // Five templates were applied (the first tag comes back last): live revision + 2 of history.
    assert.equal(revisions.length, 3);
    const numbers = revisions.map((r) => r.revision).sort((a, b) => a - b);
    assert.deepEqual(numbers, [3, 4, 5]);
    const live = statefulSet(cluster).status?.updateRevision;
    assert.equal(revisions.find((r) => r.revision === 5)?.metadata?.name, live);
    assert.ok(revisions.every((r) => r.metadata?.ownerReferences?.[0]?.kind === 'StatefulSet'));
  });
});
