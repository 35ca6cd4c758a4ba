import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import { Cluster } from '../../../src/sim/index';
import { webManifest } from './fixtures-web';

/** The web StatefulSet with two replicas, settled. */
function twoReplicas(): Cluster {
  const c = new Cluster({ seed: 5 });
  c.apply(webManifest({ replicas: 2 }));
  c.settle();
  return c;
}

describe('kubectl scale (ScaleOptions.Validate, RunScale, ScalePrecondition)', () => {
  const cases: Array<{ command: string; stdout?: string; stderr?: string; replicas: number }> = [
    { command: 'scale sts web --replicas=3', stdout: 'statefulset.apps/web scaled\n', replicas: 3 },
    {
      command: 'scale sts web --current-replicas=2 --replicas=3',
      stdout: 'statefulset.apps/web scaled\n',
      replicas: 3,
    },
    {
      command: 'scale sts web --current-replicas=3 --replicas=4',
      stderr: 'error: Expected replicas to be 3, was 2\n',
      replicas: 2,
    },
    { command: 'scale sts --all --replicas=1', stdout: 'statefulset.apps/web scaled\n', replicas: 1 },
    {
      command: 'scale sts web nope --replicas=1',
      stdout: 'statefulset.apps/web scaled\n',
      stderr: 'Error from server (NotFound): statefulsets.apps "nope" not found\n',
      replicas: 1,
    },
    {
      command: 'scale sts nope --replicas=1',
      stderr: 'Error from server (NotFound): statefulsets.apps "nope" not found\n',
      replicas: 2,
    },
    { command: 'scale sts -l app=none --replicas=1', stderr: 'error: no objects passed to scale\n', replicas: 2 },
    {
      command: 'scale sts --replicas=1',
      stderr: 'error: resource(s) were provided, but no name was specified\n',
      replicas: 2,
    },
    { command: 'scale sts web', stderr: 'error: required flag(s) "replicas" not set\n', replicas: 2 },
    {
      command: 'scale sts web --replicas=-1',
      stderr: 'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n',
      replicas: 2,
    },
    {
      command: 'scale sts web --replicas=1 --current-replicas=-2',
      stderr: 'error: The --current-replicas must specify an integer of -1 or greater\n',
      replicas: 2,
    },
    {
      command: 'scale sts web --replicas=two',
      stderr:
        'error: invalid argument "two" for "--replicas" flag: strconv.ParseInt: parsing "two": invalid syntax\nSee \'kubectl scale --help\' for usage.\n',
      replicas: 2,
    },
    {
      command: 'scale sts web --replicas=1 --resource-version=1',
      stderr: /^error: Expected resource version to be 1, was \d+\n$/.source,
      replicas: 2,
    },
  ];
  for (const c of cases) {
    it(c.command, () => {
      const cluster = twoReplicas();
      const result = cluster.kubectlResult(c.command);
      assert.equal(result.stdout, c.stdout ?? '');
      if (c.stderr?.startsWith('^')) assert.match(result.stderr, new RegExp(c.stderr));
      else assert.equal(result.stderr, c.stderr ?? '');
      assert.equal(result.exitCode, c.stderr ? 1 : 0);
      assert.equal(cluster.get<StatefulSet>('sts', 'web')?.spec?.replicas, c.replicas);
    });
  }

  it('--resource-version: the object’s current one passes; it cannot name several objects', () => {
    const c = twoReplicas();
    const rv = c.get<StatefulSet>('sts', 'web')?.metadata?.resourceVersion;
    assert.equal(c.kubectl(`scale sts web --replicas=3 --resource-version=${rv}`), 'statefulset.apps/web scaled\n');
    c.apply(
      webManifest({ replicas: 1 })
        .replace(/name: web\n/g, 'name: web2\n')
        .replace('name: nginx\n  labels', 'name: nginx2\n  labels'),
    );
    assert.equal(
      c.kubectl(`scale sts web web2 --replicas=3 --resource-version=${rv}`),
      'error: cannot use --resource-version with multiple resources\n',
    );
  });

  it('--timeout waits in virtual time for the status to report the new size, else names the object', () => {
    const c = twoReplicas();
    const start = c.elapsed();
    assert.equal(c.kubectl('scale sts web --replicas=3 --timeout=1m'), 'statefulset.apps/web scaled\n');
    assert.equal(c.get<StatefulSet>('sts', 'web')?.status?.replicas, 3);
    assert.ok(c.elapsed() > start);
    // OrderedReady creates one pod at a time: four more take longer than two seconds.
    assert.equal(
      c.kubectl('scale sts web --replicas=7 --timeout=2s'),
      'error: timed out waiting for "web" to be synced\n',
    );
    assert.equal(c.get<StatefulSet>('sts', 'web')?.spec?.replicas, 7);
  });
});
