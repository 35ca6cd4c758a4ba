import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { defaultReplicaSet, validateReplicaSet } from '../../../src/sim/api/apps-validation';
import { defaultPod, defaultStatefulSet, preparePodForCreate } from '../../../src/sim/api/defaults';
import type { KubeObject } from '../../../src/sim/api/meta';
import { ObjectStore, type KindStrategy } from '../../../src/sim/api/store';
import { validatePodStrategy, validateStatefulSetStrategy } from '../../../src/sim/api/validation';
import {
  validatePodStatusUpdate,
  validateReplicaSetStatusUpdate,
  validateStatefulSetStatusUpdate,
} from '../../../src/sim/api/validation/status';
import { VirtualClock } from '../../../src/sim/clock';
import { SeededRandom } from '../../../src/sim/random';

function newStore(): ObjectStore {
  const store = new ObjectStore(new VirtualClock(), new SeededRandom(1));
  store.registerStrategy('StatefulSet', {
    applyDefaults: defaultStatefulSet,
    tracksGeneration: true,
    validate: validateStatefulSetStrategy,
    validateStatus: validateStatefulSetStatusUpdate,
  });
  store.registerStrategy('ReplicaSet', {
    applyDefaults: defaultReplicaSet,
    tracksGeneration: true,
    validate: validateReplicaSet,
    validateStatus: validateReplicaSetStatusUpdate,
  });
  store.registerStrategy('Pod', {
    prepareForCreate: preparePodForCreate,
    applyDefaults: defaultPod,
    validate: validatePodStrategy,
    validateStatus: validatePodStatusUpdate,
  });
  return store;
}

const TEMPLATE = {
  metadata: { labels: { app: 'nginx' } },
  spec: { containers: [{ name: 'nginx', image: 'registry.k8s.io/nginx-slim:0.24' }] },
};

function createSet(store: ObjectStore): StatefulSet {
  return store.create<StatefulSet>({
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web' },
    spec: { serviceName: 'nginx', replicas: 2, selector: { matchLabels: { app: 'nginx' } }, template: TEMPLATE },
  });
}

function errorOf(write: () => unknown): string {
  try {
    write();
  } catch (err) {
    return (err as Error).message;
  }
  return '';
}

describe('status-only writes are validated by the status subresource rules', () => {
  const cases: { name: string; status: StatefulSet['status']; want: string }[] = [
    {
      name: 'readyReplicas above replicas',
      status: { replicas: 2, readyReplicas: 3 },
      want: 'status.readyReplicas: Invalid value: 3: cannot be greater than status.replicas',
    },
    {
      name: 'negative replicas',
      status: { replicas: -1 },
      want: 'status.replicas: Invalid value: -1: must be greater than or equal to 0',
    },
    {
      name: 'availableReplicas above readyReplicas',
      status: { replicas: 2, readyReplicas: 1, availableReplicas: 2 },
      want: 'status.availableReplicas: Invalid value: 2: cannot be greater than status.readyReplicas',
    },
  ];
  for (const c of cases) {
    it(`StatefulSet: ${c.name}`, () => {
      const store = newStore();
      const set = createSet(store);
      assert.match(
        errorOf(() => store.update<StatefulSet>({ ...set, status: c.status })),
        new RegExp(c.want.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
      );
    });
  }

  it('StatefulSet: collisionCount cannot be decremented', () => {
    const store = newStore();
    const set = createSet(store);
    const bumped = store.update<StatefulSet>({ ...set, status: { replicas: 0, collisionCount: 2 } });
    assert.match(
      errorOf(() => store.update<StatefulSet>({ ...bumped, status: { replicas: 0, collisionCount: 1 } })),
      /status\.collisionCount: Invalid value: 1: cannot be decremented/,
    );
  });

  it('ReplicaSet: availableReplicas above readyReplicas', () => {
    const store = newStore();
    const rs = store.create<ReplicaSet>({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'web-5d4f' },
      spec: { replicas: 2, selector: { matchLabels: { app: 'nginx' } }, template: TEMPLATE },
    });
    assert.match(
      errorOf(() =>
        store.update<ReplicaSet>({ ...rs, status: { replicas: 2, readyReplicas: 1, availableReplicas: 2 } }),
      ),
      /status\.availableReplicas: Invalid value: 2: cannot be greater than readyReplicas/,
    );
  });

  it('runs the status rules only when spec and metadata are unchanged', () => {
    const calls: string[] = [];
    const store = new ObjectStore(new VirtualClock(), new SeededRandom(1));
    const strategy: KindStrategy = {
      validate: () => (calls.push('object'), []),
      validateStatus: () => (calls.push('status'), []),
    };
    store.registerStrategy('Thing', strategy);
    type Thing = KubeObject & { spec?: { size: number }; status?: { seen: number } };
    let thing = store.create<Thing>({ kind: 'Thing', metadata: { name: 'a' }, spec: { size: 1 } });
    calls.length = 0;
    thing = store.update<Thing>({ ...thing, status: { seen: 1 } });
    thing = store.update<Thing>({ ...thing, spec: { size: 2 }, status: { seen: 2 } });
    store.update<Thing>({ ...thing, metadata: { ...thing.metadata, labels: { a: 'b' } } });
    assert.deepEqual(calls, ['status', 'object', 'object']);
  });
});

describe('store writes share what the caller kept', () => {
  it('keeps an unchanged spec shared and never touches the stored object', () => {
    const store = newStore();
    const set = createSet(store);
    const before = JSON.stringify(set);
    const status = { replicas: 1, readyReplicas: 1 };
    const updated = store.update<StatefulSet>({ ...set, status });
    assert.equal(updated.spec, set.spec);
    assert.notEqual(updated.status, status);
    assert.notEqual(updated.metadata, set.metadata);
    status.readyReplicas = 0; // the caller's own object stays the caller's
    assert.equal(updated.status?.readyReplicas, 1);
    assert.equal(JSON.stringify(set), before);
    assert.notEqual(updated.metadata.resourceVersion, set.metadata?.resourceVersion);
  });
});

describe('pod status writes follow ValidateContainerStateTransition', () => {
  const terminated = { terminated: { exitCode: 0, reason: 'Completed' } };
  const cases: { policy: 'Never' | 'OnFailure' | 'Always'; exitCode: number; rejected: boolean }[] = [
    { policy: 'Never', exitCode: 0, rejected: true },
    { policy: 'Never', exitCode: 1, rejected: true },
    { policy: 'OnFailure', exitCode: 0, rejected: true },
    { policy: 'OnFailure', exitCode: 1, rejected: false },
    { policy: 'Always', exitCode: 0, rejected: false },
  ];
  for (const c of cases) {
    it(`restartPolicy ${c.policy}, exit ${c.exitCode}: terminated to running is ${c.rejected ? 'forbidden' : 'allowed'}`, () => {
      const store = newStore();
      const pod = store.create<Pod>({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'job' },
        spec: { restartPolicy: c.policy, containers: [{ name: 'main', image: 'busybox:1.36' }] },
      });
      const status = (state: object) => ({
        containerStatuses: [{ name: 'main', image: 'busybox:1.36', imageID: '', ready: false, restartCount: 0, state }],
      });
      const done = store.update<Pod>({
        ...pod,
        status: status({ terminated: { ...terminated.terminated, exitCode: c.exitCode } }),
      });
      const message = errorOf(() => store.update<Pod>({ ...done, status: status({ running: {} }) }));
      if (c.rejected) {
        assert.match(
          message,
          /status\.containerStatuses\[0\]\.state: Forbidden: may not be transitioned to non-terminated state/,
        );
      } else {
        assert.equal(message, '');
      }
    });
  }
});
