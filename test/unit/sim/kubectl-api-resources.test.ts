import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Cluster } from '../../../src/sim/index';

/** The NAME column of each printed row after the header. */
function names(stdout: string): string[] {
  return stdout
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(/ +/)[0]);
}

describe('kubectl api-resources (APIResourceOptions)', () => {
  const cases: Array<{ command: string; names?: string[]; stdout?: string; stderr?: string }> = [
    {
      command: 'api-resources',
      names: [
        'endpoints',
        'events',
        'namespaces',
        'nodes',
        'persistentvolumeclaims',
        'persistentvolumes',
        'pods',
        'services',
        'controllerrevisions',
        'deployments',
        'replicasets',
        'statefulsets',
        'horizontalpodautoscalers',
        'leases',
        'endpointslices',
        'poddisruptionbudgets',
        'storageclasses',
      ],
    },
    {
      command: 'api-resources --namespaced=false',
      names: ['namespaces', 'nodes', 'persistentvolumes', 'storageclasses'],
    },
    {
      command: 'api-resources --api-group=apps',
      names: ['controllerrevisions', 'deployments', 'replicasets', 'statefulsets'],
    },
    {
      command: 'api-resources --api-group=autoscaling',
      stdout:
        'NAME                       SHORTNAMES   APIVERSION       NAMESPACED   KIND\nhorizontalpodautoscalers   hpa          autoscaling/v2   true         HorizontalPodAutoscaler\n',
    },
    {
      command: 'api-resources --api-group=policy',
      stdout:
        'NAME                   SHORTNAMES   APIVERSION   NAMESPACED   KIND\npoddisruptionbudgets   pdb          policy/v1    true         PodDisruptionBudget\n',
    },
    {
      command: 'api-resources --api-group=storage.k8s.io -o name',
      stdout: 'storageclasses.storage.k8s.io\n',
    },
    {
      command: 'api-resources --api-group=apps --namespaced=true --sort-by=kind -o name',
      stdout: 'controllerrevisions.apps\ndeployments.apps\nreplicasets.apps\nstatefulsets.apps\n',
    },
    {
      command: 'api-resources --api-group=apps --no-headers --sort-by=name',
      stdout:
        'controllerrevisions            apps/v1   true   ControllerRevision\ndeployments           deploy   apps/v1   true   Deployment\nreplicasets           rs       apps/v1   true   ReplicaSet\nstatefulsets          sts      apps/v1   true   StatefulSet\n',
    },
    {
      command: 'api-resources pods',
      stderr: "error: unexpected arguments: [pods]\nSee 'kubectl api-resources -h' for help and examples\n",
    },
    { command: 'api-resources -o json', stderr: 'error: --output json is not available\n' },
    { command: 'api-resources --sort-by=group', stderr: 'error: --sort-by accepts only name or kind\n' },
  ];
  for (const c of cases) {
    it(c.command, () => {
      const result = new Cluster().kubectlResult(c.command);
      if (c.names) assert.deepEqual(names(result.stdout), c.names);
      else assert.equal(result.stdout, c.stdout ?? '');
      assert.equal(result.stderr, c.stderr ?? '');
      assert.equal(result.exitCode, c.stderr ? 1 : 0);
    });
  }

  it('the header and a row: short names, group/version, scope and kind', () => {
    const lines = new Cluster().kubectl('api-resources').split('\n');
    assert.match(lines[0], /^NAME +SHORTNAMES +APIVERSION +NAMESPACED +KIND$/);
    assert.ok(lines.some((l) => /^statefulsets +sts +apps\/v1 +true +StatefulSet$/.test(l)));
    assert.ok(lines.some((l) => /^leases +coordination\.k8s\.io\/v1 +true +Lease$/.test(l)));
  });
});
