import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Pod } from 'kubernetes-types/core/v1';
import { Cluster } from '../../../src/sim/index';
import { cpuPodManifest } from './fixtures-web';

/**
 * How many scheduling attempts failed for the pod, as its FailedScheduling Events tell: one each, or the count of
 * the series one became. (Past the series' second occurrence the count is only written every 30 minutes and when
 * the series ends, so this holds up to three attempts: the first Event is about the pod before its PodScheduled
 * condition was written, the series about the pod after.)
 */
function failedAttempts(cluster: Cluster, pod: string): number {
  return cluster
    .events()
    .filter((e) => e.involvedObject.name === pod && e.reason === 'FailedScheduling')
    .reduce((n, e) => n + (e.series?.count ?? 1), 0);
}

describe('the scheduling queue for pods that do not fit', () => {
  // podMaxInUnschedulablePodsDuration is 5 minutes, flushed every 30 s: with no event that could help, the second
  // attempt comes between 5:00 and 5:30 after the first.
  const quiet: Array<{ after: string; attempts: number }> = [
    { after: '10s', attempts: 1 },
    { after: '4m50s', attempts: 1 },
    { after: '5m40s', attempts: 2 },
    { after: '11m10s', attempts: 3 },
  ];
  for (const c of quiet) {
    it(`a pod too big for any node has failed ${c.attempts} time(s) ${c.after} in`, () => {
      const cluster = new Cluster({ seed: 1 });
      cluster.apply(cpuPodManifest('big', '64'));
      cluster.run(c.after);
      assert.equal(failedAttempts(cluster, 'big'), c.attempts);
    });
  }

  it('a cluster event moves it back at once: an uncordoned node takes the pod within its back-off', () => {
    const cluster = new Cluster({ seed: 1, nodes: 1 });
    cluster.kubectl('cordon node-1');
    cluster.apply(cpuPodManifest('app', '100m'));
    cluster.run('2m');
    assert.equal(failedAttempts(cluster, 'app'), 1);
    cluster.kubectl('uncordon node-1');
    cluster.run('2s');
    assert.equal(cluster.get<Pod>('pod', 'app')?.spec?.nodeName, 'node-1');
  });

  it('a deleted pod frees room for a waiting one, which keeps its back-off from the last attempt', () => {
    const cluster = new Cluster({ seed: 1, nodes: 1 });
    cluster.apply(cpuPodManifest('first', '3'));
    cluster.run('30s');
    cluster.apply(cpuPodManifest('second', '3'));
    cluster.run('1m');
    assert.equal(cluster.get<Pod>('pod', 'second')?.spec?.nodeName, undefined);
    assert.equal(failedAttempts(cluster, 'second'), 1);
    cluster.kubectl('delete pod first --grace-period=0 --force');
    cluster.run('1s');
    assert.equal(cluster.get<Pod>('pod', 'second')?.spec?.nodeName, 'node-1');
  });

  it('a pod that fails again for the same reason is not written again (UpdatePodCondition finds no change)', () => {
    const cluster = new Cluster({ seed: 1 });
    cluster.apply(cpuPodManifest('big', '64'));
    cluster.run('10s');
    const first = cluster.get<Pod>('pod', 'big');
    cluster.run('5m40s');
    assert.equal(failedAttempts(cluster, 'big'), 2);
    const again = cluster.get<Pod>('pod', 'big');
    assert.equal(again?.metadata?.resourceVersion, first?.metadata?.resourceVersion);
    assert.deepEqual(again?.status, first?.status);
    assert.equal(again?.status?.conditions?.[0]?.reason, 'Unschedulable');
  });
});
