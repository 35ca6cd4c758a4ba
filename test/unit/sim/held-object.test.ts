import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ConfigMap } from 'kubernetes-types/core/v1';
import { HeldObject } from '../../../src/sim/api/held-object';
import { ObjectStore } from '../../../src/sim/api/store';
import { VirtualClock } from '../../../src/sim/clock';
import { SeededRandom } from '../../../src/sim/random';

describe('HeldObject', () => {
  it('reads the object as stored now, through its creation, updates, deletion and re-creation', () => {
    const store = new ObjectStore(new VirtualClock(), new SeededRandom(1));
    const held = new HeldObject<ConfigMap>(store, 'ConfigMap', 'default', 'settings');
    const make = (value: string): ConfigMap => ({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'settings', namespace: 'default' },
      data: { value },
    });
    const steps: Array<[string, () => void, string | undefined]> = [
      ['before it exists', () => {}, undefined],
      ['created', () => store.create(make('one')), 'one'],
      [
        'updated',
        () => store.update({ ...store.get<ConfigMap>('ConfigMap', 'default', 'settings'), data: { value: 'two' } }),
        'two',
      ],
      ['deleted', () => store.delete('ConfigMap', 'default', 'settings'), undefined],
      ['created again', () => store.create(make('three')), 'three'],
    ];
    for (const [step, act, value] of steps) {
      act();
      const object = held.get();
      assert.equal(object?.data?.value, value, step);
      if (object) assert.equal(object, store.get('ConfigMap', 'default', 'settings'), step);
    }
  });
});
