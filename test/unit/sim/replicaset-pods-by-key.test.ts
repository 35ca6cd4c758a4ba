import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { PodsByKey } from '../../../src/sim/controllers/replicaset/pods-by-key';

type Op = { kind: 'set' | 'delete'; namespace: string; name: string; value: number };

describe('PodsByKey', () => {
  const cases: Array<{ name: string; ops: Op[]; size: number; found: Array<[string, string, number | undefined]> }> = [
    { name: 'empty', ops: [], size: 0, found: [['default', 'a', undefined]] },
    {
      name: 'the same name in two namespaces',
      ops: [
        { kind: 'set', namespace: 'default', name: 'a', value: 1 },
        { kind: 'set', namespace: 'other', name: 'a', value: 2 },
      ],
      size: 2,
      found: [
        ['default', 'a', 1],
        ['other', 'a', 2],
      ],
    },
    {
      name: 'setting a key again replaces it',
      ops: [
        { kind: 'set', namespace: 'default', name: 'a', value: 1 },
        { kind: 'set', namespace: 'default', name: 'a', value: 3 },
      ],
      size: 1,
      found: [['default', 'a', 3]],
    },
    {
      name: 'deleting a missing key changes nothing',
      ops: [
        { kind: 'set', namespace: 'default', name: 'a', value: 1 },
        { kind: 'delete', namespace: 'default', name: 'b', value: 0 },
        { kind: 'delete', namespace: 'other', name: 'a', value: 0 },
      ],
      size: 1,
      found: [['default', 'a', 1]],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const map = new PodsByKey<number>();
      for (const op of c.ops) {
        if (op.kind === 'set') map.set(op.namespace, op.name, op.value);
        else map.delete(op.namespace, op.name);
      }
      assert.equal(map.size, c.size);
      for (const [namespace, name, want] of c.found) assert.equal(map.get(namespace, name), want);
    });
  }

  it('agrees with a map by "namespace/name"', () => {
    const op = fc.record({
      kind: fc.constantFrom<'set' | 'delete'>('set', 'delete'),
      namespace: fc.constantFrom('', 'default', 'kube-system'),
      name: fc.constantFrom('a', 'b', 'c', 'web-1'),
      value: fc.integer(),
    });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const map = new PodsByKey<number>();
        const reference = new Map<string, number>();
        for (const o of ops) {
          const key = o.namespace ? `${o.namespace}/${o.name}` : o.name;
          if (o.kind === 'set') {
            map.set(o.namespace, o.name, o.value);
            reference.set(key, o.value);
          } else {
            map.delete(o.namespace, o.name);
            reference.delete(key);
          }
          assert.equal(map.size, reference.size);
          assert.equal(map.get(o.namespace, o.name), reference.get(key));
        }
      }),
    );
  });
});
