import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Event as CoreEvent, Pod } from 'kubernetes-types/core/v1';
import { clone, deepEqual, type Stored } from '../../../src/sim/api/meta';
import { ObjectTable } from '../../../src/sim/api/object-table';
import { cloneSharing, copyToExtend } from '../../../src/sim/api/share';
import { ObjectStore } from '../../../src/sim/api/store';
import { validateObjectMetaUpdate } from '../../../src/sim/api/validation/objectmeta';
import { child } from '../../../src/sim/api/validation/field';
import { VirtualClock } from '../../../src/sim/clock';
import { EventRecorder } from '../../../src/sim/events';
import { SeededRandom } from '../../../src/sim/random';

describe('cloneSharing', () => {
  const stored = { a: { x: 1, list: [{ n: 1 }, { n: 2 }] }, b: { y: 2 } };

  it('keeps the very subtrees taken from the stored object, and copies the rest', () => {
    const input = { ...stored, b: { y: 3 } };
    const out = cloneSharing(input, stored);
    assert.equal(out.a, stored.a);
    assert.notEqual(out.b, input.b);
    assert.deepEqual(out, input);
  });

  it('copies a subtree rebuilt equal, keeping its key order', () => {
    const input = { a: { list: stored.a.list, x: 1 }, b: { y: 2 } };
    const out = cloneSharing(input, stored);
    assert.notEqual(out.a, stored.a);
    assert.notEqual(out.b, input.b);
    assert.deepEqual(Object.keys(out.a), ['list', 'x']);
    assert.equal(out.a.list, stored.a.list);
  });

  it('drops undefined fields as clone does', () => {
    assert.equal(
      JSON.stringify(cloneSharing({ a: stored.a, c: { z: undefined, w: 1 } }, stored)),
      '{"a":{"x":1,"list":[{"n":1},{"n":2}]},"c":{"w":1}}',
    );
  });
});

describe('copyToExtend', () => {
  it('copies the top level only, keeping key order, and makes an empty object of undefined', () => {
    const labels = { app: 'web', tier: 'front' };
    const source = { labels, name: 'a' };
    const copy = copyToExtend(source);
    assert.notEqual(copy, source);
    assert.equal(copy.labels, labels);
    assert.deepEqual(Object.keys(copy), ['labels', 'name']);
    assert.deepEqual(copyToExtend<{ a?: number }>(undefined), {});
  });
});

describe('ObjectStore.list', () => {
  it('returns objects in key order whatever order they were stored in', () => {
    const store = new ObjectStore(new VirtualClock(), new SeededRandom(1));
    for (const [namespace, name] of [
      ['b', 'x'],
      ['a-b', 'x'],
      ['a', 'y'],
      ['a', 'x'],
    ]) {
      store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace } });
    }
    // Keys compare as "<namespace>/<name>" strings, as etcd orders them: "a-b/x" sorts before "a/x".
    assert.deepEqual(
      store.list('ConfigMap').map((o) => `${o.metadata.namespace}/${o.metadata.name}`),
      ['a-b/x', 'a/x', 'a/y', 'b/x'],
    );
    assert.deepEqual(
      store.list('ConfigMap', 'a').map((o) => o.metadata.name),
      ['x', 'y'],
    );
  });
});

describe('ObjectStore.slotOf', () => {
  it('holds the newest version until the object is deleted; a recreated object has a slot of its own', () => {
    const store = new ObjectStore(new VirtualClock(), new SeededRandom(1));
    const created = store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'a' } });
    const slot = store.slotOf('ConfigMap', 'a', 'c');
    assert.equal(slot?.object, created);
    const updated = store.update({ ...created, data: { k: 'v' } });
    assert.deepEqual([slot?.stored, slot?.object], [true, updated]);
    store.delete('ConfigMap', 'a', 'c');
    assert.equal(slot?.stored, false);
    assert.equal(store.slotOf('ConfigMap', 'a', 'c'), undefined);
    const again = store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'a' } });
    const next = store.slotOf('ConfigMap', 'a', 'c');
    assert.deepEqual([next === slot, next?.object, slot?.stored], [false, again, false]);
  });
});

describe('deepEqual and clone', () => {
  it('treat undefined fields as absent', () => {
    assert.equal(deepEqual({ a: 1, b: undefined }, { a: 1 }), true);
    assert.equal(deepEqual({ a: 1 }, { a: 1, b: 2 }), false);
    assert.deepEqual(Object.keys(clone({ a: 1, b: undefined, c: [1] })), ['a', 'c']);
  });
});

describe('field path child', () => {
  it('joins the non-empty parts with dots', () => {
    assert.equal(child('spec', 'template', 'spec'), 'spec.template.spec');
    assert.equal(child('', 'metadata'), 'metadata');
    assert.equal(child('spec', ''), 'spec');
    assert.equal(child(''), '');
  });
});

describe('ObjectTable', () => {
  it('files cluster-scoped objects under the empty namespace and lists a namespace exactly', () => {
    const table = new ObjectTable();
    const node = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-1' } };
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-0', namespace: 'default' } };
    table.add('Node', node);
    table.add('Pod', pod);
    assert.equal(table.slot('Node', '', 'node-1')?.object, node);
    assert.equal(table.slot('Node', undefined, 'node-1')?.object, node);
    assert.equal(table.slot('Pod', 'default', 'web-0')?.object, pod);
    assert.deepEqual(table.sortedObjects('Node', ''), []);
    assert.deepEqual(table.sortedObjects('Pod', 'default'), [pod]);
    assert.equal(table.count('Pod'), 1);
    table.remove('Pod', pod);
    assert.equal(table.slot('Pod', 'default', 'web-0'), undefined);
    assert.equal(table.count('Pod'), 0);
    assert.deepEqual(table.sortedObjects('Pod', 'default'), []);
  });

  it('lists in key order, kept across updates and redone when an object is added or removed', () => {
    const table = new ObjectTable();
    const node = (name: string) => ({ apiVersion: 'v1', kind: 'Node', metadata: { name } });
    const names = (): string[] => table.sortedObjects('Node', undefined).map((n) => n.metadata.name);
    for (const name of ['node-1', 'node-2', 'node-10']) table.add('Node', node(name));
    assert.deepEqual(names(), ['node-1', 'node-10', 'node-2']);
    // An update puts a new version in the same slot: the list shows it without sorting again.
    const slot = table.slot('Node', '', 'node-2');
    const updated = node('node-2');
    if (slot) slot.object = updated;
    assert.equal(table.sortedObjects('Node', undefined)[2], updated);
    table.add('Node', node('node-0'));
    assert.deepEqual(names(), ['node-0', 'node-1', 'node-10', 'node-2']);
    table.remove('Node', updated);
    assert.deepEqual(names(), ['node-0', 'node-1', 'node-10']);
  });
});

describe('ValidateObjectMetaUpdate', () => {
  it('still rejects labels a write changes to invalid ones, and an immutable name', () => {
    const old = { name: 'a', labels: { app: 'x' } };
    assert.deepEqual(validateObjectMetaUpdate({ name: 'a', labels: { app: 'x' } }, old), []);
    const errs = validateObjectMetaUpdate({ name: 'b', labels: { 'bad/key/x': '1' } }, old);
    assert.deepEqual(
      errs.map((e) => e.path),
      ['metadata.name', 'metadata.labels'],
    );
  });
});

describe('SeededRandom.uuid', () => {
  it('draws the variant first, then the hex digits in order', () => {
    const random = new SeededRandom(1);
    assert.equal(random.uuid(), '50972615-02f7-40da-8bc2-00b6304d9723');
    assert.equal(random.suffix(5), 'qrfkr');
  });
});

describe('EventRecorder', () => {
  function setUp(): { store: ObjectStore; clock: VirtualClock; recorder: EventRecorder; pod: Stored<Pod> } {
    const clock = new VirtualClock();
    const store = new ObjectStore(clock, new SeededRandom(1));
    const recorder = new EventRecorder(store, clock);
    const pod = store.create<Pod>({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-0', namespace: 'default' } });
    return { store, clock, recorder, pod };
  }

  it('folds a repeat of reason and message from one source into one Event', () => {
    const { store, clock, recorder, pod } = setUp();
    recorder.event(pod, 'Normal', 'Pulled', 'image present', 'kubelet', 'node-1');
    clock.advanceTo(clock.now() + 5000);
    recorder.event(pod, 'Normal', 'Pulled', 'image present', 'kubelet', 'node-1');
    recorder.event(pod, 'Normal', 'Started', 'image present', 'kubelet', 'node-1');
    // Another host is another kubelet, with a correlator of its own.
    recorder.event(pod, 'Normal', 'Pulled', 'image present', 'kubelet', 'node-2');
    const events = store.list<CoreEvent>('Event');
    assert.equal(events.length, 3);
    const pulled = events.find((e) => e.reason === 'Pulled' && e.source?.host === 'node-1');
    assert.equal(pulled?.count, 2);
    assert.equal(pulled?.firstTimestamp, '2026-01-01T00:00:00Z');
    assert.equal(pulled?.lastTimestamp, '2026-01-01T00:00:05Z');
  });

  it('names events <object>.<hex of the time in microseconds plus a sequence> and leaves out absent fields', () => {
    const { store, recorder } = setUp();
    const node = store.create({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-1' } });
    recorder.event(node, 'Normal', 'Starting', 'Starting kubelet.', 'kubelet', 'node-1');
    const [event] = store.list<CoreEvent>('Event');
    assert.equal(event.metadata.name, `node-1.${(Date.UTC(2026, 0, 1) * 1000 + 1).toString(16)}`);
    assert.deepEqual(Object.keys(event.involvedObject), ['apiVersion', 'kind', 'name', 'uid', 'resourceVersion']);
    assert.equal(event.metadata.namespace, 'default');
  });
});
