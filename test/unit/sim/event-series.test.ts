import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Event as CoreEvent, Pod } from 'kubernetes-types/core/v1';
import { Cluster } from '../../../src/sim/index';
import { cpuPodManifest } from './fixtures-web';

const TOO_BIG =
  '0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found ' +
  'for incoming pod.';

function failedScheduling(cluster: Cluster, pod: string): CoreEvent[] {
  return cluster.events().filter((e) => e.involvedObject.name === pod && e.reason === 'FailedScheduling');
}

/** Each FailedScheduling Event as [the pod's resourceVersion it is about, its series count or none]. */
function summary(cluster: Cluster, pod: string): Array<[string, number | undefined]> {
  return failedScheduling(cluster, pod).map((e) => [e.involvedObject.resourceVersion ?? '', e.series?.count]);
}

describe("the scheduler's events.k8s.io Events (client-go tools/events)", () => {
  it('are written in the core/v1 view with eventTime and action, and without source, timestamps or count', () => {
    const cluster = new Cluster({ seed: 2 });
    cluster.kubectl('run web --image=nginx:1.16.1');
    cluster.run('5s');
    const [scheduled] = cluster.events().filter((e) => e.reason === 'Scheduled');
    const { metadata: _metadata, involvedObject, eventTime, ...rest } = scheduled;
    assert.match(eventTime ?? '', /^2026-01-01T00:00:00\.\d{3}000Z$/);
    assert.equal(involvedObject.kind, 'Pod');
    assert.equal(involvedObject.fieldPath, undefined);
    assert.deepEqual(rest, {
      apiVersion: 'v1',
      kind: 'Event',
      reason: 'Scheduled',
      message: `Successfully assigned default/web to ${cluster.get<Pod>('pod', 'web')?.spec?.nodeName}`,
      source: {},
      firstTimestamp: null,
      lastTimestamp: null,
      type: 'Normal',
      action: 'Binding',
      reportingComponent: 'default-scheduler',
      reportingInstance: 'default-scheduler-control-plane',
    });
    assert.match(cluster.kubectl('get events -o yaml'), /\n {2}firstTimestamp: null\n/);
  });

  it('is about the pod as the scheduler saw it, before the binding', () => {
    const cluster = new Cluster({ seed: 2 });
    cluster.kubectl('run web --image=nginx:1.16.1');
    const created = cluster.get<Pod>('pod', 'web')?.metadata?.resourceVersion;
    cluster.run('5s');
    const [scheduled] = cluster.events().filter((e) => e.reason === 'Scheduled');
    assert.equal(scheduled.involvedObject.resourceVersion, created);
  });

  // Attempts come 5.5 minutes apart (podMaxInUnschedulablePodsDuration of 5 minutes, flushed every 30 s): 0:00,
  // 5:30, 11:00, 16:30, 22:00, 27:30, 33:00. The first failure writes the pod's PodScheduled condition, so from the
  // second on the events are about a newer version of the pod: not isomorphic to the first.
  const timeline: Array<{ after: string; want: Array<[string, number | undefined]>; why: string }> = [
    { after: '10s', want: [['first', undefined]], why: 'one attempt, one Event' },
    {
      after: '5m40s',
      want: [
        ['first', undefined],
        ['second', undefined],
      ],
      why: 'a new version, a new Event',
    },
    {
      after: '11m',
      want: [
        ['first', undefined],
        ['second', 2],
      ],
      why: 'the third attempt makes a series of 2',
    },
    {
      after: '29m',
      want: [
        ['first', undefined],
        ['second', 2],
      ],
      why: 'later attempts are counted, not written',
    },
    {
      after: '31m',
      want: [
        ['first', undefined],
        ['second', 5],
      ],
      why: 'the 30-minute refresh writes the count',
    },
  ];
  for (const c of timeline) {
    it(`a pod too big for any node, ${c.after} in: ${c.why}`, () => {
      const cluster = new Cluster({ seed: 1 });
      cluster.apply(cpuPodManifest('big', '64'));
      const first = cluster.get<Pod>('pod', 'big')?.metadata?.resourceVersion ?? '';
      cluster.run('10s');
      const second = cluster.get<Pod>('pod', 'big')?.metadata?.resourceVersion ?? '';
      assert.notEqual(first, second);
      cluster.run(c.after === '10s' ? '0s' : c.after);
      const versions: Record<string, string> = { first, second };
      assert.deepEqual(
        summary(cluster, 'big'),
        c.want.map(([which, count]) => [versions[which], count]),
      );
      for (const e of failedScheduling(cluster, 'big')) assert.equal(e.message, TOO_BIG);
    });
  }

  it('keeps the first note of a series: getKey has no note', () => {
    const cluster = new Cluster({ seed: 1 });
    cluster.apply(cpuPodManifest('big', '64'));
    cluster.run('6m');
    // A cordoned node changes why the pod fails, and moves it back to be tried again at once.
    cluster.kubectl('cordon node-1');
    cluster.run('10s');
    const condition = cluster.get<Pod>('pod', 'big')?.status?.conditions?.find((c) => c.type === 'PodScheduled');
    assert.match(condition?.message ?? '', /1 node\(s\) were unschedulable/);
    const events = failedScheduling(cluster, 'big');
    assert.deepEqual(
      events.map((e) => [e.message, e.series?.count]),
      [
        [TOO_BIG, undefined],
        [TOO_BIG, 2],
      ],
    );
  });

  it('writes the final count once the series has been quiet for 6 minutes', () => {
    const cluster = new Cluster({ seed: 1 });
    cluster.apply(cpuPodManifest('big', '64'));
    cluster.run('17m');
    // Four attempts by now (0:00, 5:30, 11:00, 16:30): the series has counted 3, written 2.
    assert.deepEqual(
      failedScheduling(cluster, 'big').map((e) => e.series?.count),
      [undefined, 2],
    );
    cluster.kubectl('delete pod big --wait=false');
    // finishSeries runs every 6 minutes; at 24:00 the last observation (16:30) is more than 6 minutes old.
    cluster.run('7m10s');
    const [, series] = failedScheduling(cluster, 'big');
    assert.equal(series.series?.count, 3);
    assert.match(series.series?.lastObservedTime ?? '', /^2026-01-01T00:16:30\.\d{6}Z$/);
  });

  it('creates the Event again, under its name, when a series is written after the Event was deleted', () => {
    const cluster = new Cluster({ seed: 1 });
    cluster.apply(cpuPodManifest('big', '64'));
    cluster.run('12m');
    const [, series] = failedScheduling(cluster, 'big');
    assert.equal(series.series?.count, 2);
    assert.equal(
      cluster.kubectl(`delete event ${series.metadata.name}`),
      `event "${series.metadata.name}" deleted from default namespace\n`,
    );
    cluster.run('19m');
    const again = failedScheduling(cluster, 'big').find((e) => e.metadata.name === series.metadata.name);
    assert.ok(again, 'the refresh at 30:00 writes the series again');
    assert.notEqual(again.metadata.uid, series.metadata.uid);
    assert.equal(again.series?.count, 5);
    assert.equal(again.eventTime, series.eventTime);
  });

  it('shows a series in describe and get events as kubectl does', () => {
    const cluster = new Cluster({ seed: 1 });
    cluster.apply(cpuPodManifest('big', '64'));
    cluster.run('40m');
    const described = cluster.kubectl('describe pod big').split('Events:\n')[1].split('\n');
    assert.match(described[2], /^ {2}Warning {2}FailedScheduling {2}39m {16}default-scheduler {2}0\/3 nodes/);
    assert.match(described[3], /^ {2}Warning {2}FailedScheduling {2}12m \(x5 over 34m\) {2}default-scheduler {2}0\/3/);
    const listed = cluster.kubectl('get events -o wide --field-selector reason=FailedScheduling').split('\n');
    assert.match(listed[2], /^12m {9}Warning {3}FailedScheduling {3}pod\/big .* 34m {10}5 {7}big\.[0-9a-f]+$/);
  });
});
