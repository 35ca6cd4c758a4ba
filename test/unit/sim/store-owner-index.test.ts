import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ConfigMap } from 'kubernetes-types/core/v1';
import type { OwnerReference } from 'kubernetes-types/meta/v1';
import { ObjectStore } from '../../../src/sim/api/store';
import { VirtualClock } from '../../../src/sim/clock';
import { SeededRandom } from '../../../src/sim/random';

const owner = (uid: string, controller = true): OwnerReference => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  name: `owner-${uid}`,
  uid,
  controller,
});

describe('the store index by controller owner', () => {
  // Each step updates the object; the index must then list it under its controller's uid ('' for none).
  const steps: Array<[string, (refs: OwnerReference[] | undefined) => OwnerReference[] | undefined, string]> = [
    ['keeps the same owner references array', (refs) => refs, 'a'],
    ['copies them unchanged', (refs) => refs?.map((r) => ({ ...r })), 'a'],
    ['names another controller', () => [owner('b')], 'b'],
    ['keeps that array again', (refs) => refs, 'b'],
    ['makes the controller a plain owner', () => [owner('b', false)], ''],
    ['drops every owner', () => undefined, ''],
    ['names a controller again', () => [owner('c')], 'c'],
  ];
  it('follows every update of the owner references', () => {
    const store = new ObjectStore(new VirtualClock(), new SeededRandom(1));
    store.create<ConfigMap>({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'child', namespace: 'default', ownerReferences: [owner('a')] },
    });
    for (const [step, refs, controller] of steps) {
      const stored = store.get<ConfigMap>('ConfigMap', 'default', 'child');
      assert.ok(stored);
      store.update<ConfigMap>({
        ...stored,
        metadata: { ...stored.metadata, ownerReferences: refs(stored.metadata.ownerReferences) },
        data: { step },
      });
      for (const uid of ['a', 'b', 'c']) {
        const listed = store.listControlledBy('ConfigMap', uid).map((o) => o.metadata.name);
        assert.deepEqual(listed, uid === controller ? ['child'] : [], `${step}: controlled by ${uid}`);
      }
      const orphans = store.listUncontrolled('ConfigMap', 'default').map((o) => o.metadata.name);
      assert.deepEqual(orphans, controller === '' ? ['child'] : [], `${step}: uncontrolled`);
    }
  });
});
