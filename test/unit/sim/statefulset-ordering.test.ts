import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Pod } from 'kubernetes-types/core/v1';
import { Cluster } from '../../../src/sim/index';

const WEB = `
apiVersion: v1
kind: Service
metadata:
  name: nginx
  labels: {app: nginx}
spec:
  clusterIP: None
  selector: {app: nginx}
  ports: [{port: 80, name: web}]
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: nginx
  replicas: 3
  selector: {matchLabels: {app: nginx}}
  template:
    metadata: {labels: {app: nginx}}
    spec:
      containers:
      - name: nginx
        image: registry.k8s.io/nginx-slim:0.21
`;

function isReady(pod: Pod): boolean {
  return (
    pod.status?.phase === 'Running' &&
    pod.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') === true
  );
}

/** The virtual time each pod was first ADDED, and first Running and Ready. */
function milestones(cluster: Cluster): Map<string, { created: number; ready?: number }> {
  const out = new Map<string, { created: number; ready?: number }>();
  for (const h of cluster.history) {
    if (h.kind !== 'Pod') continue;
    if (h.type === 'ADDED') out.set(h.name, { created: h.time });
    const m = out.get(h.name);
    if (m && m.ready === undefined && h.type !== 'DELETED' && isReady(h.object as Pod)) m.ready = h.time;
  }
  return out;
}

describe('StatefulSet OrderedReady creation', () => {
  it('creates web-N only after web-(N-1) is Running and Ready', () => {
    const cluster = new Cluster({ seed: 3 });
    cluster.apply(WEB);
    cluster.settle();
    const m = milestones(cluster);
    assert.deepEqual([...m.keys()], ['web-0', 'web-1', 'web-2']);
    for (const [prev, next] of [
      ['web-0', 'web-1'],
      ['web-1', 'web-2'],
    ]) {
      const before = m.get(prev);
      const after = m.get(next);
      assert.ok(before?.ready !== undefined, `${prev} became ready`);
      assert.ok(
        after && after.created >= before.ready,
        `${next} created at ${after?.created} ms, ${prev} ready at ${before.ready} ms`,
      );
    }
  });

  it('lists the pods as kubectl does once the set is settled', () => {
    const cluster = new Cluster({ seed: 3 });
    cluster.apply(WEB);
    cluster.settle();
    const lines = cluster.kubectl('get pods').trimEnd().split('\n');
    assert.equal(lines[0], 'NAME    READY   STATUS    RESTARTS   AGE');
    assert.deepEqual(
      lines.slice(1).map((l) => l.split(/\s+/).slice(0, 4).join(' ')),
      ['web-0 1/1 Running 0', 'web-1 1/1 Running 0', 'web-2 1/1 Running 0'],
    );
  });

  it('scales down from the highest ordinal, one pod at a time', () => {
    const cluster = new Cluster({ seed: 5 });
    cluster.apply(WEB);
    cluster.settle();
    cluster.kubectl('scale sts web --replicas=5');
    cluster.settle();
    const start = cluster.history.length;
    assert.equal(cluster.kubectl('scale sts web --replicas=1'), 'statefulset.apps/web scaled\n');
    cluster.settle();
    const deletions = cluster.history.slice(start).filter((h) => h.kind === 'Pod' && h.type === 'DELETED');
    assert.deepEqual(
      deletions.map((d) => d.name),
      ['web-4', 'web-3', 'web-2', 'web-1'],
    );
    // Each deletion starts only after the previous pod is gone.
    const terminations = cluster.history
      .slice(start)
      .filter((h) => h.kind === 'Pod' && h.type === 'MODIFIED' && h.object.metadata.deletionTimestamp)
      .reduce<Map<string, number>>((acc, h) => (acc.has(h.name) ? acc : acc.set(h.name, h.time)), new Map());
    for (let i = 0; i + 1 < deletions.length; i++) {
      assert.ok((terminations.get(deletions[i + 1].name) ?? -1) >= deletions[i].time);
    }
  });

  it('replays identically from the same seed', () => {
    const transcript = (): string => {
      const cluster = new Cluster({ seed: 11 });
      let out = cluster.apply(WEB);
      cluster.run('4s');
      out += cluster.kubectl('get pods -o wide');
      cluster.settle();
      out += cluster.kubectl('get pods -o wide');
      return out;
    };
    assert.equal(transcript(), transcript());
  });
});
