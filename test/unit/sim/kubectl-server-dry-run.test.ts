import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import { Cluster } from '../../../src/sim/index';
import { webManifest } from './statefulset-fixtures';

const statefulSet = (replicas: number): string => webManifest({ replicas, withClaims: false });

/** Every object and its resourceVersion: what a dry run must leave as it was. */
function snapshot(k: Cluster): string {
  return ['sts', 'deploy', 'svc', 'hpa', 'pods', 'pdb']
    .flatMap((kind) => k.list(kind).map((o) => `${o.kind}/${o.metadata.name}@${o.metadata.resourceVersion}`))
    .join('\n');
}

function withSet(): Cluster {
  const k = new Cluster({ seed: 8 });
  k.kubectl('apply -f -', statefulSet(2));
  k.settle();
  return k;
}

describe('--dry-run=server: the request is admitted and answered, nothing is stored', () => {
  const cases: Array<{ command: string; stdin?: string; stdout: string | RegExp; stderr?: string }> = [
    {
      command: 'apply -f - --dry-run=server',
      stdin: statefulSet(3),
      stdout: 'statefulset.apps/web configured (server dry run)\n',
    },
    {
      command: 'apply -f - --dry-run=server',
      stdin: statefulSet(2),
      stdout: 'statefulset.apps/web unchanged (server dry run)\n',
    },
    {
      command: 'apply -f - --dry-run=server -o jsonpath={.metadata.generation}/{.spec.replicas}',
      stdin: statefulSet(3),
      stdout: '2/3',
    },
    {
      command: 'apply -f - --dry-run=server',
      stdin: statefulSet(-1),
      stdout: '',
      stderr:
        'The StatefulSet "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n',
    },
    {
      command: 'create -f - --dry-run=server',
      stdin: statefulSet(2),
      stdout: '',
      stderr:
        'Error from server (AlreadyExists): error when creating "STDIN": statefulsets.apps "web" already exists\n',
    },
    {
      command: 'create -f - --dry-run=server',
      stdin: statefulSet(2).replace('name: web', 'name: db'),
      stdout: 'statefulset.apps/db created (server dry run)\n',
    },
    {
      command: 'replace -f - --dry-run=server -o jsonpath={.spec.replicas}',
      stdin: statefulSet(4),
      stdout: '4',
    },
    {
      command: `patch sts web -p '{"spec":{"replicas":5}}' --dry-run=server`,
      stdout: 'statefulset.apps/web patched (server dry run)\n',
    },
    {
      command: `patch sts web -p '{"spec":{"replicas":5}}' --dry-run=server -o jsonpath={.spec.replicas}`,
      stdout: '5',
    },
    {
      command: 'set image sts/web nginx=registry.k8s.io/nginx-slim:0.24 --dry-run=server',
      stdout: 'statefulset.apps/web image updated (server dry run)\n',
    },
    {
      command: 'set env sts/web MODE=blue --dry-run=server',
      stdout: 'statefulset.apps/web env updated (server dry run)\n',
    },
    {
      command: 'set resources sts/web --limits=cpu=200m --dry-run=server',
      stdout: 'statefulset.apps/web resource requirements updated (server dry run)\n',
    },
    { command: 'set resources sts/web --limits=cpu=200m --dry-run=server -o name', stdout: 'statefulset.apps/web\n' },
    {
      command: 'run api --image=nginx:1.16.1 --port=80 --expose --dry-run=server',
      stdout: 'pod/api created (server dry run)\nservice/api created (server dry run)\n',
    },
    {
      command: 'create deployment api --image=nginx:1.16.1 --dry-run=server',
      stdout: 'deployment.apps/api created (server dry run)\n',
    },
    {
      command: 'create service clusterip api --tcp=80 --dry-run=server -o jsonpath={.spec.clusterIP}',
      stdout: /^10\.96\.\d+\.\d+$/,
    },
    {
      command: 'create pdb web --selector=app=nginx --min-available=1 --dry-run=server',
      stdout: 'poddisruptionbudget.policy/web created (server dry run)\n',
    },
    {
      command: 'autoscale sts web --max=5 --dry-run=server',
      stdout: 'horizontalpodautoscaler.autoscaling/web autoscaled (server dry run)\n',
    },
  ];
  for (const c of cases) {
    it(c.command, () => {
      const k = withSet();
      const before = snapshot(k);
      const result = k.kubectlResult(c.command, c.stdin);
      if (typeof c.stdout === 'string') assert.equal(result.stdout, c.stdout);
      else assert.match(result.stdout, c.stdout);
      assert.equal(result.stderr, c.stderr ?? '');
      k.run('10s');
      assert.equal(snapshot(k), before, 'nothing was written and no controller acted');
    });
  }

  it('shows the server-side defaults of a new object, with a uid and no resourceVersion', () => {
    const k = new Cluster({ seed: 8 });
    const printed = JSON.parse(k.kubectl('apply -f - --dry-run=server -o json', statefulSet(2))) as StatefulSet;
    assert.deepEqual(printed.spec?.updateStrategy, { type: 'RollingUpdate', rollingUpdate: { partition: 0 } });
    assert.equal(printed.spec?.podManagementPolicy, 'OrderedReady');
    assert.equal(printed.spec?.template?.spec?.terminationGracePeriodSeconds, 30);
    assert.match(printed.metadata?.uid ?? '', /^[0-9a-f-]{36}$/);
    assert.equal(printed.metadata?.resourceVersion, undefined);
    assert.equal(k.get('sts', 'web'), undefined);
  });

  it('answers an update with the stored resourceVersion and the next generation', () => {
    const k = withSet();
    const live = k.get('sts', 'web');
    const printed = JSON.parse(k.kubectl('apply -f - --dry-run=server -o json', statefulSet(3))) as StatefulSet;
    assert.equal(printed.metadata?.resourceVersion, live?.metadata.resourceVersion);
    assert.equal(printed.metadata?.generation, 2);
    assert.equal(k.get<StatefulSet>('sts', 'web')?.spec?.replicas, 2);
  });

  it('patch -o prints the patched object; "(no change)" is the patch\u2019s own verdict, even with --record', () => {
    const k = withSet();
    assert.equal(k.kubectl(`patch sts web -p '{"spec":{"replicas":2}}' -o name`), 'statefulset.apps/web\n');
    const recorded = k.kubectlResult(`patch sts web -p '{"spec":{"replicas":2}}' --record`);
    assert.equal(recorded.stdout, 'statefulset.apps/web patched (no change)\n');
    assert.match(k.kubectl(`patch sts web -p '{"spec":{"replicas":3}}' -o yaml`), /\n {2}replicas: 3\n/);
  });
});
