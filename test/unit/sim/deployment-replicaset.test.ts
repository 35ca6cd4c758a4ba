import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../../../src/sim/api/meta';
import { comparePodsForDeletion, getPodsToDelete } from '../../../src/sim/controllers/replicaset/pod-ranking';
import { slowStartBatch } from '../../../src/sim/controllers/replicaset/replicaset-controller';
import { Cluster } from '../../../src/sim/index';

const FRONTEND = {
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: { name: 'frontend', labels: { tier: 'frontend' } },
  spec: {
    replicas: 3,
    selector: { matchLabels: { tier: 'frontend' } },
    template: {
      metadata: { labels: { tier: 'frontend' } },
      spec: {
        containers: [{ name: 'php-redis', image: 'us-docker.pkg.dev/google-samples/containers/gke/gb-frontend:v5' }],
      },
    },
  },
};

const NOW = Date.UTC(2026, 0, 1, 1, 0, 0);
const iso = (minutesAgo: number): string => new Date(NOW - minutesAgo * 60_000).toISOString().replace('.000Z', 'Z');

function pod(
  name: string,
  o: { node?: string; phase?: string; readyAgo?: number; restarts?: number; createdAgo?: number; cost?: string },
): Stored<Pod> {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      uid: `uid-${name}`,
      creationTimestamp: iso(o.createdAgo ?? 60),
      annotations: o.cost ? { 'controller.kubernetes.io/pod-deletion-cost': o.cost } : undefined,
    },
    spec: { nodeName: o.node, containers: [{ name: 'c' }] },
    status: {
      phase: o.phase ?? 'Running',
      conditions:
        o.readyAgo === undefined ? [] : [{ type: 'Ready', status: 'True', lastTransitionTime: iso(o.readyAgo) }],
      containerStatuses: [
        { name: 'c', restartCount: o.restarts ?? 0, ready: o.readyAgo !== undefined, image: '', imageID: '' },
      ],
    },
  };
}

describe('ActivePodsWithRanks ordering (which pod a ReplicaSet deletes first)', () => {
  // Each case: the first pod must sort before (be deleted before) the second.
  const cases: Array<{ why: string; first: Stored<Pod>; second: Stored<Pod>; ranks?: [number, number] }> = [
    {
      why: 'unassigned before assigned',
      first: pod('a', { phase: 'Pending' }),
      second: pod('b', { node: 'n1', phase: 'Pending' }),
    },
    {
      why: 'Pending before Running',
      first: pod('a', { node: 'n1', phase: 'Pending' }),
      second: pod('b', { node: 'n1', readyAgo: 5 }),
    },
    {
      why: 'Unknown before Running',
      first: pod('a', { node: 'n1', phase: 'Unknown' }),
      second: pod('b', { node: 'n1', phase: 'Running' }),
    },
    { why: 'not ready before ready', first: pod('a', { node: 'n1' }), second: pod('b', { node: 'n1', readyAgo: 5 }) },
    {
      why: 'lower deletion cost first',
      first: pod('a', { node: 'n1', readyAgo: 5, cost: '-10' }),
      second: pod('b', { node: 'n1', readyAgo: 5 }),
    },
    {
      why: 'doubled up on a node before alone',
      first: pod('a', { node: 'n1', readyAgo: 5 }),
      second: pod('b', { node: 'n2', readyAgo: 5 }),
      ranks: [2, 1],
    },
    {
      why: 'ready for less time first',
      first: pod('a', { node: 'n1', readyAgo: 1 }),
      second: pod('b', { node: 'n1', readyAgo: 50 }),
    },
    {
      why: 'more restarts first',
      first: pod('a', { node: 'n1', readyAgo: 5, restarts: 3 }),
      second: pod('b', { node: 'n1', readyAgo: 5 }),
    },
    {
      why: 'newer before older',
      first: pod('a', { node: 'n1', readyAgo: 5, createdAgo: 1 }),
      second: pod('b', { node: 'n1', readyAgo: 5, createdAgo: 300 }),
    },
  ];
  for (const c of cases) {
    it(c.why, () => {
      const [ra, rb] = c.ranks ?? [0, 0];
      assert.ok(comparePodsForDeletion(c.first, c.second, ra, rb, NOW) < 0);
      assert.ok(comparePodsForDeletion(c.second, c.first, rb, ra, NOW) > 0);
    });
  }

  it('picks the same pods as sorting the whole list, however few are deleted', () => {
    const pods: Stored<Pod>[] = [];
    for (let i = 0; i < 40; i++) {
      pods.push(
        pod(`p${String(i).padStart(2, '0')}`, {
          node: i % 7 === 0 ? undefined : `n${i % 3}`,
          phase: i % 5 === 0 ? 'Pending' : 'Running',
          readyAgo: i % 4 === 0 ? undefined : (i * 37) % 90,
          restarts: i % 6,
          createdAgo: (i * 53) % 400,
        }),
      );
    }
    const related = pods.slice(0, 25);
    const onNode = new Map<string, number>();
    for (const p of related) onNode.set(p.spec?.nodeName ?? '', (onNode.get(p.spec?.nodeName ?? '') ?? 0) + 1);
    const rank = (p: Stored<Pod>): number => onNode.get(p.spec?.nodeName ?? '') ?? 0;
    const sorted = [...pods].sort((a, b) => comparePodsForDeletion(a, b, rank(a), rank(b), NOW));
    for (const diff of [1, 3, 9, 20, 39]) {
      assert.deepEqual(
        getPodsToDelete(pods, related, diff, NOW).map((p) => p.metadata.name),
        sorted.slice(0, diff).map((p) => p.metadata.name),
      );
    }
  });

  it('getPodsToDelete ranks by related pods on the same node', () => {
    const a = pod('a', { node: 'n1', readyAgo: 5 });
    const b = pod('b', { node: 'n2', readyAgo: 5 });
    const c = pod('c', { node: 'n2', readyAgo: 5 });
    const victims = getPodsToDelete([a, b], [a, b, c], 1, NOW);
    assert.deepEqual(
      victims.map((p) => p.metadata.name),
      ['b'],
    );
  });
});

describe('slowStartBatch', () => {
  it('runs batches of 1, 2, 4 … and stops after the batch with the first failure', () => {
    let calls = 0;
    const ok = slowStartBatch(10, () => {
      calls++;
      if (calls === 5) throw new Error('quota');
    });
    // Batches 1 + 2 succeed, the batch of 4 runs to the end with one failure, then it stops.
    assert.equal(calls, 7);
    assert.equal(ok, 6);
    assert.equal(
      slowStartBatch(10, () => undefined),
      10,
    );
  });
});

describe('ReplicaSet controller', () => {
  it('creates pods named <rs>-xxxxx, records SuccessfulCreate, and reports status', () => {
    const cluster = new Cluster({ seed: 2 });
    cluster.apply(JSON.stringify(FRONTEND));
    cluster.settle();
    const pods = cluster.list<Pod>('pods');
    assert.equal(pods.length, 3);
    for (const p of pods) {
      assert.match(p.metadata!.name!, /^frontend-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      assert.equal(p.metadata?.ownerReferences?.[0].kind, 'ReplicaSet');
      assert.equal(p.metadata?.ownerReferences?.[0].controller, true);
    }
    const created = cluster.events().filter((e) => e.reason === 'SuccessfulCreate');
    assert.deepEqual(created.map((e) => e.message).sort(), pods.map((p) => `Created pod: ${p.metadata!.name}`).sort());
    assert.ok(created.every((e) => e.source?.component === 'replicaset-controller'));
    const rs = cluster.get<ReplicaSet>('rs', 'frontend')!;
    assert.deepEqual(rs.status, {
      replicas: 3,
      fullyLabeledReplicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
      observedGeneration: 1,
    });
    assert.equal(cluster.kubectl('get rs').split('\n')[1].split(/\s+/).slice(0, 4).join(' '), 'frontend 3 3 3');
  });

  it('scales down by deleting pods and records SuccessfulDelete', () => {
    const cluster = new Cluster({ seed: 2 });
    cluster.apply(JSON.stringify(FRONTEND));
    cluster.settle();
    cluster.kubectl('scale rs frontend --replicas=1');
    cluster.settle();
    assert.equal(cluster.list<Pod>('pods').length, 1);
    const deleted = cluster.events().filter((e) => e.reason === 'SuccessfulDelete');
    assert.equal(deleted.length, 2);
    assert.ok(deleted.every((e) => /^Deleted pod: frontend-\w{5}$/.test(e.message ?? '')));
  });

  it('adopts a matching orphan pod instead of creating one, and releases a pod relabelled away', () => {
    const cluster = new Cluster({ seed: 3 });
    cluster.apply(
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'pod1', labels: { tier: 'frontend' } },
        spec: { containers: [{ name: 'hello1', image: 'gcr.io/google-samples/hello-app:2.0' }] },
      }),
    );
    cluster.settle();
    cluster.apply(JSON.stringify(FRONTEND));
    cluster.settle();
    const pods = cluster.list<Pod>('pods');
    assert.equal(pods.length, 3);
    assert.equal(cluster.get<Pod>('pod', 'pod1')?.metadata?.ownerReferences?.[0].name, 'frontend');
    // Relabel one pod: the ReplicaSet lets it go and makes a replacement.
    cluster.kubectl(
      'apply -f -',
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'pod1', labels: { tier: 'debug' } },
        spec: { containers: [{ name: 'hello1', image: 'gcr.io/google-samples/hello-app:2.0' }] },
      }),
    );
    cluster.settle();
    assert.equal(cluster.get<Pod>('pod', 'pod1')?.metadata?.ownerReferences, undefined);
    assert.equal(cluster.list<Pod>('pods').length, 4);
  });
});
