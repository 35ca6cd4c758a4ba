import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Container, Pod } from 'kubernetes-types/core/v1';
import { defaultPod, preparePodForCreate } from '../../../src/sim/api/defaults';
import { ObjectStore } from '../../../src/sim/api/store';
import { VirtualClock } from '../../../src/sim/clock';
import { SeededRandom } from '../../../src/sim/random';

function newStore(): ObjectStore {
  const store = new ObjectStore(new VirtualClock(), new SeededRandom(1));
  store.registerStrategy('Pod', { prepareForCreate: preparePodForCreate, applyDefaults: defaultPod });
  return store;
}

function createPod(store: ObjectStore, container: Container): Pod {
  return store.create<Pod>({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web' },
    spec: { containers: [container] },
  });
}

// SetDefaults_Pod runs on every write: a spec written anew gets the defaults it leaves out, whatever the stored
// pod had; a write that keeps the stored spec (a status update) keeps it exactly.
describe('pod defaults on update', () => {
  const cases: { name: string; container: Container; want: Partial<Container> }[] = [
    {
      name: 'a new image with no pull policy gets the tag default',
      container: { name: 'nginx', image: 'registry.k8s.io/nginx-slim:0.24' },
      want: { imagePullPolicy: 'IfNotPresent', terminationMessagePath: '/dev/termination-log' },
    },
    {
      name: 'limits without requests are copied into requests',
      container: { name: 'nginx', image: 'registry.k8s.io/nginx-slim:0.24', resources: { limits: { cpu: '100m' } } },
      want: { resources: { limits: { cpu: '100m' }, requests: { cpu: '100m' } } },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const store = newStore();
      const stored = createPod(store, { name: 'nginx', image: 'registry.k8s.io/nginx-slim:0.21' });
      const updated = store.update<Pod>({ ...stored, spec: { ...stored.spec, containers: [c.container] } });
      const container = updated.spec?.containers[0] as Container;
      for (const [field, value] of Object.entries(c.want)) {
        assert.deepEqual(container[field as keyof Container], value, field);
      }
    });
  }

  it('a status write keeps the stored spec as it is', () => {
    const store = newStore();
    const stored = createPod(store, { name: 'nginx', image: 'nginx:1.9.1', resources: { limits: { cpu: '1' } } });
    const updated = store.update<Pod>({ ...stored, status: { ...stored.status, phase: 'Running' } });
    assert.equal(updated.status?.phase, 'Running');
    assert.deepEqual(updated.spec, stored.spec);
    assert.equal(updated.spec?.containers[0].resources?.requests?.cpu, '1');
  });
});
