import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Event as CoreEvent, Pod } from 'kubernetes-types/core/v1';
import { Cluster } from '../../../src/sim/index';
import { webManifest } from './fixtures-web';

/**
 * A web StatefulSet with a readiness probe, one pod made unready and one crashed, then an image tag that does not
 * exist and a deleted pod: each kind of event the kubelet, the scheduler and the controllers record.
 */
function eventsOfARoughDay(): { cluster: Cluster; events: CoreEvent[] } {
  const cluster = new Cluster({ seed: 3 });
  cluster.apply(webManifest({ replicas: 2, probe: true }));
  cluster.settle();
  cluster.faults.unready('web-0');
  cluster.faults.crash('web-1');
  cluster.run('40s');
  cluster.faults.ready('web-0');
  cluster.kubectl('run broken --image=nginx:1.91');
  cluster.run('40s');
  cluster.kubectl('delete pod web-0 --wait=false');
  cluster.run('20s');
  return { cluster, events: cluster.events() };
}

describe('Event involvedObject.fieldPath (kubelet GenerateContainerRef) and the reporting component', () => {
  const { cluster, events } = eventsOfARoughDay();
  // The component as formatEventSource finds it: the source's, or the reporting controller of an events.k8s.io Event.
  const cases: Array<{ reason: string; object: string; fieldPath: string | undefined; source: string }> = [
    { reason: 'Scheduled', object: 'web-0', fieldPath: undefined, source: 'default-scheduler' },
    { reason: 'Pulled', object: 'web-0', fieldPath: 'spec.containers{nginx}', source: 'kubelet' },
    { reason: 'Created', object: 'web-0', fieldPath: 'spec.containers{nginx}', source: 'kubelet' },
    { reason: 'Started', object: 'web-0', fieldPath: 'spec.containers{nginx}', source: 'kubelet' },
    { reason: 'Unhealthy', object: 'web-0', fieldPath: 'spec.containers{nginx}', source: 'kubelet' },
    { reason: 'Killing', object: 'web-0', fieldPath: 'spec.containers{nginx}', source: 'kubelet' },
    { reason: 'BackOff', object: 'broken', fieldPath: 'spec.containers{broken}', source: 'kubelet' },
    { reason: 'Pulling', object: 'broken', fieldPath: 'spec.containers{broken}', source: 'kubelet' },
    { reason: 'Failed', object: 'broken', fieldPath: 'spec.containers{broken}', source: 'kubelet' },
    { reason: 'SuccessfulCreate', object: 'web', fieldPath: undefined, source: 'statefulset-controller' },
  ];
  for (const c of cases) {
    it(`${c.reason} about ${c.object}: ${c.fieldPath ?? 'the whole object'}`, () => {
      const found = events.filter((e) => e.reason === c.reason && e.involvedObject.name === c.object);
      assert.ok(found.length > 0, `no ${c.reason} event about ${c.object}`);
      for (const e of found) {
        assert.equal(e.involvedObject.fieldPath, c.fieldPath);
        assert.equal(e.source?.component || e.reportingComponent, c.source);
      }
    });
  }

  it('prints SUBOBJECT and SOURCE before MESSAGE, then FIRST SEEN, COUNT and NAME, with -o wide', () => {
    const out = cluster.kubectl('get events -o wide --field-selector involvedObject.name=broken');
    const [header, ...lines] = out.trimEnd().split('\n');
    assert.deepEqual(header.split(/ {2,}/), [
      'LAST SEEN',
      'TYPE',
      'REASON',
      'OBJECT',
      'SUBOBJECT',
      'SOURCE',
      'MESSAGE',
      'FIRST SEEN',
      'COUNT',
      'NAME',
    ]);
    const node = cluster.get<Pod>('pod', 'broken')?.spec?.nodeName as string;
    const width = header.indexOf('SOURCE') - header.indexOf('SUBOBJECT');
    const row = (reason: string): string[] => {
      const line = lines.find((l) => l.split(/ {2,}/)[2] === reason) ?? '';
      // The SUBOBJECT cell may be empty: read it and SOURCE from their columns.
      const at = header.indexOf('SUBOBJECT');
      return [line.slice(at, at + width).trim(), line.slice(at + width).split(/ {2,}/)[0]];
    };
    assert.deepEqual(row('Scheduled'), ['', 'default-scheduler, default-scheduler-control-plane']);
    assert.deepEqual(row('Pulling'), ['spec.containers{broken}', `kubelet, ${node}`]);
  });

  it('selects by involvedObject.fieldPath', () => {
    const out = cluster.kubectl('get events --field-selector involvedObject.fieldPath=spec.containers{broken}');
    const reasons = out
      .trimEnd()
      .split('\n')
      .slice(1)
      .map((l) => l.split(/ {2,}/)[2]);
    assert.ok(reasons.length > 0);
    assert.ok(!reasons.includes('Scheduled'), 'the scheduler event is about the whole pod');
    assert.ok(reasons.includes('Pulling'));
  });
});
