import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { Cluster } from '../../../src/sim/index';

function manifest(replicas: number, image: string, partition?: number): string {
  return `
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web}
spec:
  serviceName: nginx
  replicas: ${replicas}
  selector: {matchLabels: {app: nginx}}
  ${partition === undefined ? '' : `updateStrategy: {type: RollingUpdate, rollingUpdate: {partition: ${partition}}}`}
  template:
    metadata: {labels: {app: nginx}}
    spec: {containers: [{name: nginx, image: "${image}"}]}
`;
}

const V1 = 'registry.k8s.io/nginx-slim:0.21';
const V2 = 'registry.k8s.io/nginx-slim:0.24';

function isReady(pod: Pod): boolean {
  return (
    pod.status?.phase === 'Running' &&
    pod.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') === true
  );
}

/** Pod names in the order their deletion began, with the virtual time it began. */
function deletions(cluster: Cluster, since: number): Array<{ name: string; time: number }> {
  const out: Array<{ name: string; time: number }> = [];
  const seen = new Set<string>();
  for (const h of cluster.history) {
    if (h.kind !== 'Pod' || h.time < since) continue;
    const uid = h.object.metadata.uid ?? '';
    if (h.object.metadata.deletionTimestamp && !seen.has(uid)) {
      seen.add(uid);
      out.push({ name: h.name, time: h.time });
    }
  }
  return out;
}

/** When each pod name was last seen becoming Running and Ready after `since`. */
function readyTimes(cluster: Cluster, since: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const h of cluster.history) {
    if (
      h.kind === 'Pod' &&
      h.time >= since &&
      h.type !== 'DELETED' &&
      isReady(h.object as Pod) &&
      !out.has(`${h.object.metadata.uid}`)
    ) {
      out.set(`${h.object.metadata.uid}`, h.time);
      out.set(h.name, h.time);
    }
  }
  return out;
}

describe('StatefulSet RollingUpdate (OrderedReady)', () => {
  it('replaces pods from the highest ordinal down, each after the previous replacement is Running and Ready', () => {
    const cluster = new Cluster({ seed: 4 });
    cluster.apply(manifest(12, V1));
    cluster.settle();
    const since = cluster.elapsed();
    cluster.apply(manifest(12, V2));
    cluster.settle();
    const order = deletions(cluster, since);
    assert.deepEqual(
      order.map((d) => d.name),
      Array.from({ length: 12 }, (_, i) => `web-${11 - i}`),
    );
    const ready = readyTimes(cluster, since);
    for (let i = 1; i < order.length; i++) {
      const replaced = ready.get(order[i - 1].name);
      assert.ok(replaced !== undefined && order[i].time >= replaced, `${order[i].name} waits for ${order[i - 1].name}`);
    }
    const set = cluster.get<StatefulSet>('sts', 'web');
    assert.equal(set?.status?.currentRevision, set?.status?.updateRevision);
    assert.equal(set?.status?.updatedReplicas, 12);
    assert.equal(set?.status?.readyReplicas, 12);
    for (const pod of cluster.list<Pod>('pods')) assert.equal(pod.spec?.containers[0].image, V2);
  });

  it('leaves ordinals below the partition at the old revision', () => {
    const cluster = new Cluster({ seed: 5 });
    cluster.apply(manifest(10, V1, 7));
    cluster.settle();
    const since = cluster.elapsed();
    cluster.apply(manifest(10, V2, 7));
    cluster.settle();
    assert.deepEqual(
      deletions(cluster, since).map((d) => d.name),
      ['web-9', 'web-8', 'web-7'],
    );
    const set = cluster.get<StatefulSet>('sts', 'web');
    const revisions = cluster.list<Pod>('pods').map((p) => p.metadata?.labels?.['controller-revision-hash']);
    assert.deepEqual(
      revisions.map((r) => r === set?.status?.updateRevision),
      [false, false, false, false, false, false, false, true, true, true],
    );
    assert.equal(set?.status?.updatedReplicas, 3);
    assert.equal(set?.status?.currentReplicas, 7);
    assert.notEqual(set?.status?.currentRevision, set?.status?.updateRevision);
  });

  it('scales down from the highest ordinal, one pod at a time', () => {
    const cluster = new Cluster({ seed: 6 });
    cluster.apply(manifest(9, V1));
    cluster.settle();
    const since = cluster.elapsed();
    cluster.kubectl('scale sts web --replicas=4');
    cluster.settle();
    const order = deletions(cluster, since);
    assert.deepEqual(
      order.map((d) => d.name),
      ['web-8', 'web-7', 'web-6', 'web-5', 'web-4'],
    );
    const gone = new Map(
      cluster.history.filter((h) => h.kind === 'Pod' && h.type === 'DELETED').map((h) => [h.name, h.time]),
    );
    for (let i = 1; i < order.length; i++) {
      const previousGone = gone.get(order[i - 1].name);
      assert.ok(previousGone !== undefined && order[i].time >= previousGone, `${order[i].name} waits`);
    }
    assert.equal(cluster.get<StatefulSet>('sts', 'web')?.status?.replicas, 4);
  });
});
