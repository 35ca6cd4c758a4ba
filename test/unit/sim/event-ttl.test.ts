import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Event as CoreEvent, Pod } from 'kubernetes-types/core/v1';
import { ObjectStore, type WatchEvent } from '../../../src/sim/api/store';
import { VirtualClock } from '../../../src/sim/clock';
import { Cluster } from '../../../src/sim/cluster';
import { EventRecorder } from '../../../src/sim/events';
import { SeededRandom } from '../../../src/sim/random';

const HOUR_MS = 3600_000;

function setUp(): { store: ObjectStore; clock: VirtualClock; recorder: EventRecorder; deleted: string[] } {
  const clock = new VirtualClock();
  const store = new ObjectStore(clock, new SeededRandom(1));
  store.registerTimeToLive('Event', 3600);
  const deleted: string[] = [];
  store.watch('Event', (e: WatchEvent) => {
    if (e.type === 'DELETED') deleted.push(`${clock.elapsed() / 1000}s ${(e.object as CoreEvent).reason ?? ''}`);
  });
  return { store, clock, recorder: new EventRecorder(store, clock), deleted };
}

function events(store: ObjectStore): CoreEvent[] {
  return store.list<CoreEvent>('Event');
}

describe('Event time to live (--event-ttl=1h)', () => {
  it('deletes an Event an hour after its last write, in lease batches of up to 60 s', () => {
    const { store, clock, recorder, deleted } = setUp();
    const pod = store.create<Pod>({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-0' } });
    recorder.event(pod, 'Normal', 'Scheduled', 'assigned', 'default-scheduler');
    clock.advanceTo(clock.now() + 30_000);
    recorder.event(pod, 'Normal', 'Pulling', 'pulling', 'kubelet');
    clock.advanceTo(clock.now() + 40_000);
    recorder.event(pod, 'Normal', 'Pulled', 'pulled', 'kubelet');
    clock.advanceTo(clock.now() + HOUR_MS - 71_000);
    assert.equal(events(store).length, 3);
    clock.advanceTo(clock.now() + 61_000);
    // The first two shared the lease granted at 0 s (ending at 3660 s); the third took one granted at 70 s.
    assert.deepEqual(deleted, ['3660s Scheduled', '3660s Pulling']);
    clock.advanceTo(clock.now() + 70_000);
    assert.deepEqual(deleted, ['3660s Scheduled', '3660s Pulling', '3730s Pulled']);
    assert.deepEqual(events(store), []);
  });

  it('keeps an Event whose repeats keep writing it', () => {
    const { store, clock, recorder } = setUp();
    const pod = store.create<Pod>({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-0' } });
    for (let i = 0; i < 5; i++) {
      recorder.event(pod, 'Warning', 'BackOff', 'Back-off restarting failed container', 'kubelet');
      clock.advanceTo(clock.now() + 30 * 60_000);
    }
    const [event] = events(store);
    assert.equal(event.count, 5);
  });

  it('writes a repeat of an expired Event again under its name, with the count and first time it had', () => {
    const { store, clock, recorder } = setUp();
    const pod = store.create<Pod>({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-0' } });
    recorder.event(pod, 'Warning', 'Unhealthy', 'Readiness probe failed', 'kubelet');
    recorder.event(pod, 'Warning', 'Unhealthy', 'Readiness probe failed', 'kubelet');
    const [before] = events(store);
    clock.advanceTo(clock.now() + 2 * HOUR_MS);
    assert.deepEqual(events(store), []);
    recorder.event(pod, 'Warning', 'Unhealthy', 'Readiness probe failed', 'kubelet');
    const [after] = events(store);
    assert.equal(after.metadata.name, before.metadata.name);
    assert.equal(after.count, 3);
    assert.equal(after.firstTimestamp, '2026-01-01T00:00:00Z');
    assert.equal(after.lastTimestamp, '2026-01-01T02:00:00Z');
  });

  it('leaves a cluster with the events of the last hour', () => {
    const cluster = new Cluster({ seed: 1 });
    cluster.apply(`
apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers: [{name: nginx, image: "registry.k8s.io/nginx-slim:0.24"}]
`);
    cluster.settle();
    assert.ok(cluster.events().some((e) => e.involvedObject.name === 'web'));
    cluster.run('2h');
    assert.equal(
      cluster.events().some((e) => e.involvedObject.name === 'web'),
      false,
    );
    assert.match(cluster.kubectl('describe pod web'), /Events:\s+<none>/);
  });
});
