import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Pod, PodCondition } from 'kubernetes-types/core/v1';
import { kubeletConditions } from '../../../src/sim/node/pod-conditions';
import { kubeletPodStatus, type PodView } from '../../../src/sim/node/pod-status';
import { storesAs } from '../../../src/sim/pods/stored-json';
import { Cluster } from '../../../src/sim/index';
import { webManifest } from './fixtures-web';

/** What the store keeps of a status: a JSON copy, without keys that hold undefined. */
function stored<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function view(ready: boolean): PodView {
  return {
    hostIP: '172.18.0.2',
    podIP: '10.244.1.2',
    startTime: '2026-01-01T00:00:01Z',
    sandboxReady: true,
    restartPolicy: 'Always',
    containers: [
      {
        name: 'nginx',
        image: 'nginx:1.27',
        state: 'running',
        waitingReason: 'ContainerCreating',
        restartCount: 0,
        runtimeId: 'abc',
        startedAt: '2026-01-01T00:00:02Z',
        pulled: true,
        ready,
      },
      {
        name: 'sidecar',
        image: 'busybox:1.36',
        state: 'waiting',
        waitingReason: 'ContainerCreating',
        restartCount: 0,
        pulled: false,
        ready: false,
      },
    ],
  };
}

const scheduled: Pod = {
  metadata: { name: 'web' },
  status: {
    phase: 'Pending',
    qosClass: 'BestEffort',
    conditions: [{ type: 'PodScheduled', status: 'True', lastProbeTime: null as unknown as undefined }],
  },
};

describe('storesAs', () => {
  it('holds for what the store would keep: same values, same key order, undefined keys dropped', () => {
    assert.ok(storesAs({ a: 1, b: undefined, c: [{ d: 'x' }] }, { a: 1, c: [{ d: 'x' }] }));
    assert.ok(storesAs(null, null));
    assert.ok(!storesAs({ a: 1, c: 2 }, { c: 2, a: 1 }));
    assert.ok(!storesAs({ a: 1 }, { a: 1, b: 2 }));
    assert.ok(!storesAs({ a: 1, b: 2 }, { a: 1 }));
    assert.ok(!storesAs([1, 2], [1]));
    assert.ok(!storesAs({}, []));
    assert.ok(!storesAs({ a: null }, { a: {} }));
  });
});

describe('kubeletPodStatus', () => {
  it('hands back the stored status when it would write it unchanged', () => {
    const first = kubeletPodStatus(scheduled, view(false), '2026-01-01T00:00:03Z');
    const pod = { ...scheduled, status: stored(first) };
    assert.equal(kubeletPodStatus(pod, view(false), '2026-01-01T00:00:09Z'), pod.status);
  });

  it('shares the unchanged parts of the stored status and rebuilds the rest as a fresh status would', () => {
    const pod = { ...scheduled, status: stored(kubeletPodStatus(scheduled, view(false), '2026-01-01T00:00:03Z')) };
    const next = kubeletPodStatus(pod, view(true), '2026-01-01T00:00:09Z');
    const fromScratch = kubeletPodStatus(stored(pod), view(true), '2026-01-01T00:00:09Z');
    assert.deepEqual(stored(next), stored(fromScratch));
    assert.equal(JSON.stringify(next), JSON.stringify(fromScratch));
    assert.notEqual(next, pod.status);
    assert.equal(next.hostIPs, pod.status.hostIPs);
    assert.equal(next.containerStatuses?.[1], pod.status.containerStatuses?.[1]);
    assert.notEqual(next.containerStatuses?.[0], pod.status.containerStatuses?.[0]);
    const types = (next.conditions ?? []).map((c) => `${c.type}=${c.status}`);
    assert.deepEqual(types, [
      'PodReadyToStartContainers=True',
      'Initialized=True',
      'Ready=False',
      'ContainersReady=False',
      'PodScheduled=True',
    ]);
    const ready = next.conditions?.find((c) => c.type === 'Ready');
    assert.equal(ready?.message, 'containers with unready status: [sidecar]');
    assert.equal(ready?.lastTransitionTime, '2026-01-01T00:00:03Z');
  });
});

describe('kubeletConditions', () => {
  const now = '2026-01-01T00:00:09Z';
  const ready = (type: string): PodCondition => ({
    type,
    status: 'True',
    lastProbeTime: null as unknown as undefined,
    lastTransitionTime: '2026-01-01T00:00:01Z',
  });
  const allReady: PodView = { ...view(true), containers: view(true).containers.slice(0, 1) };

  it('keeps a stored list that is already what it would write', () => {
    const stored = ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map(ready);
    assert.equal(kubeletConditions(stored, allReady, now), stored);
  });

  it('sorts a copy of an out-of-order stored list, leaving the stored one as it was', () => {
    const stored = ['PodScheduled', 'Ready', 'PodReadyToStartContainers', 'Initialized', 'ContainersReady'].map(ready);
    const before = JSON.stringify(stored);
    const out = kubeletConditions(stored, allReady, now);
    assert.notEqual(out, stored);
    assert.equal(JSON.stringify(stored), before);
    assert.deepEqual(
      out.map((c) => c.type),
      ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'],
    );
    assert.equal(out[2], stored[1]);
  });

  it('rewrites a condition stored in another shape the way withCondition writes it', () => {
    const odd = { status: 'True', type: 'Ready', lastProbeTime: null, lastTransitionTime: '2026-01-01T00:00:01Z' };
    const stored = [ready('PodReadyToStartContainers'), ready('Initialized'), odd as unknown as PodCondition];
    const out = kubeletConditions(stored, allReady, now);
    assert.notEqual(out[2], odd);
    assert.deepEqual(Object.keys(out[2]), ['type', 'status', 'lastProbeTime', 'lastTransitionTime']);
    assert.equal(out[2].lastTransitionTime, '2026-01-01T00:00:01Z');
    assert.equal(out[3].lastTransitionTime, now);
  });
});

/** Paths in `value` that hold undefined: a stored object has none, as JSON has no such value. */
function undefinedPaths(value: unknown, path = ''): string[] {
  if (value === null || typeof value !== 'object') return [];
  const out: string[] = [];
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined) out.push(`${path}.${key}`);
    else out.push(...undefinedPaths(v, `${path}.${key}`));
  }
  return out;
}

describe('the pods the kubelet writes', () => {
  it('hold no undefined fields, through start-up, a crash, readiness faults, a partition and deletion (volumes included)', () => {
    const cluster = new Cluster({ seed: 4 });
    cluster.apply(webManifest({ replicas: 2, probe: true }));
    cluster.settle();
    cluster.faults.crash('web-0');
    cluster.run('30s');
    cluster.faults.unready('web-1');
    cluster.run('20s');
    cluster.faults.ready('web-1');
    const node = cluster.get<Pod>('pod', 'web-1')?.spec?.nodeName ?? '';
    cluster.faults.partitionNode(node);
    cluster.run('2m');
    cluster.faults.healNode(node);
    cluster.kubectl('delete sts web');
    cluster.settle();
    const pods = cluster.history.filter((h) => h.kind === 'Pod');
    assert.ok(pods.length > 20);
    assert.deepEqual(
      pods.flatMap((h) => undefinedPaths(h.object).map((p) => `${h.name} ${h.type}${p}`)),
      [],
    );
  });
});
