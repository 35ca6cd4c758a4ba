import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ControllerRevision } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { Cluster } from '../../../src/sim/index';
import { OLD_IMAGE, images, isRunningAndReady, statefulSet, webManifest } from './statefulset-fixtures';

/** A readiness probe that will not pass for about eleven days: the update produces a pod that never gets Ready. */
const BROKEN = { readinessDelaySeconds: 1_000_000 };

function pod(cluster: Cluster, name: string): Pod {
  const found = cluster.get<Pod>('pod', name);
  if (!found) throw new Error(`${name} is missing`);
  return found;
}

describe('StatefulSet forced rollback (kubernetes/kubernetes#67250)', () => {
  it('stays stuck on a broken pod after the template is reverted, until that pod is deleted by hand', () => {
    const cluster = new Cluster({ seed: 21 });
    cluster.apply(webManifest());
    cluster.settle();
    const good = statefulSet(cluster).status?.currentRevision;
    const oldUids = ['web-0', 'web-1'].map((n) => pod(cluster, n).metadata?.uid);

    // The bad update: web-2 is replaced and never becomes Ready, so OrderedReady goes no further.
    cluster.apply(webManifest(BROKEN));
    cluster.settle();
    const broken = statefulSet(cluster).status?.updateRevision;
    assert.notEqual(broken, good);
    assert.equal(pod(cluster, 'web-2').status?.phase, 'Running');
    assert.equal(isRunningAndReady(pod(cluster, 'web-2')), false);
    assert.equal(pod(cluster, 'web-2').metadata?.labels?.['controller-revision-hash'], broken);
    assert.deepEqual(
      ['web-0', 'web-1'].map((n) => pod(cluster, n).metadata?.uid),
      oldUids,
      'web-0 and web-1 are left alone',
    );

    // Revert the template: the old revision becomes the update revision again (with a new number)...
    cluster.apply(webManifest());
    cluster.run('10m');
    const status = statefulSet(cluster).status;
    assert.equal(status?.updateRevision, good);
    assert.equal(status?.readyReplicas, 2);
    const reverted = cluster.list<ControllerRevision>('controllerrevisions').find((r) => r.metadata?.name === good);
    assert.equal(reverted?.revision, 3);
    // ...but the controller still waits for web-2 to become Ready before doing anything, so it never replaces it.
    assert.equal(pod(cluster, 'web-2').metadata?.labels?.['controller-revision-hash'], broken);
    assert.equal(isRunningAndReady(pod(cluster, 'web-2')), false);
    const watched = cluster.kubectlResult('rollout status statefulset/web --timeout=2m');
    assert.equal(watched.exitCode, 1);
    assert.equal(watched.stdout, 'Waiting for 1 pods to be ready...\n');
    assert.equal(watched.stderr, 'error: timed out waiting for the condition\n');

    // The documented fix: delete the broken pod; it comes back from the reverted template.
    cluster.kubectl('delete pod web-2');
    cluster.settle();
    assert.equal(pod(cluster, 'web-2').metadata?.labels?.['controller-revision-hash'], good);
    assert.equal(isRunningAndReady(pod(cluster, 'web-2')), true);
    assert.deepEqual(images(cluster), [OLD_IMAGE, OLD_IMAGE, OLD_IMAGE]);
    assert.equal(statefulSet(cluster).status?.readyReplicas, 3);
    assert.equal(
      cluster.kubectl('rollout status statefulset/web'),
      'partitioned roll out complete: 3 new pods have been updated...\n',
    );
  });

  it('does not get stuck with a pod that only becomes Ready late', () => {
    const cluster = new Cluster({ seed: 22 });
    cluster.apply(webManifest({ withClaims: false }));
    cluster.settle();
    cluster.apply(webManifest({ withClaims: false, readinessDelaySeconds: 20 }));
    cluster.settle();
    assert.ok(['web-0', 'web-1', 'web-2'].every((n) => isRunningAndReady(pod(cluster, n))));
    const status = statefulSet(cluster).status;
    assert.equal(status?.currentRevision, status?.updateRevision);
  });
});
