import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KubeObject } from '../../../src/sim/api/meta';
import { Cluster } from '../../../src/sim/index';
import { parseArgs } from '../../../src/sim/kubectl/args';
import { changeCause } from '../../../src/sim/kubectl/record';

const DEPRECATED = 'Flag --record has been deprecated, --record will be removed in the future\n';
const CAUSE = 'kubernetes.io/change-cause';

function cluster(): Cluster {
  const c = new Cluster({ seed: 2 });
  c.kubectl('create deployment nginx-deployment --image=nginx:1.14.2 --replicas=2');
  c.settle();
  return c;
}

function cause(c: Cluster, kind: string, name: string): string | undefined {
  return c.get<KubeObject>(kind, name)?.metadata?.annotations?.[CAUSE];
}

describe('--record (RecordFlags, deprecated)', () => {
  const spec = { valued: { namespace: 'n', containers: 'c' }, boolean: { record: undefined } };
  const causes: Array<{ words: string[]; command: string[]; want: string | undefined }> = [
    { words: ['deploy/web', 'nginx=nginx:1.9.1'], command: ['set', 'image'], want: undefined },
    {
      words: ['deploy/web', 'nginx=nginx:1.9.1', '--record=true'],
      command: ['set', 'image'],
      want: 'kubectl set image deploy/web nginx=nginx:1.9.1 --record=true',
    },
    // Flags go last, under their long names, in the order given; a bare boolean reads "=true".
    {
      words: ['-n', 'shop', '--record', 'deploy', 'web', '-c=nginx'],
      command: ['set', 'resources'],
      want: 'kubectl set resources deploy web --namespace=shop --record=true --containers=nginx',
    },
    { words: ['deploy/web', '--record=false'], command: ['scale'], want: undefined },
  ];
  for (const c of causes) {
    it(`change cause of ${c.words.join(' ')}`, () =>
      assert.equal(changeCause({ ...parseArgs(c.words, spec), command: c.command }), c.want));
  }

  const commands: Array<{ name: string; command: string; kind: string; object: string; want: string }> = [
    {
      name: 'set image',
      command: 'set image deployment.v1.apps/nginx-deployment nginx=nginx:1.9.1 --record=true',
      kind: 'deploy',
      object: 'nginx-deployment',
      want: 'kubectl set image deployment.v1.apps/nginx-deployment nginx=nginx:1.9.1 --record=true',
    },
    {
      name: 'scale',
      command: 'scale deployment nginx-deployment --replicas=3 --record',
      kind: 'deploy',
      object: 'nginx-deployment',
      want: 'kubectl scale deployment nginx-deployment --replicas=3 --record=true',
    },
    {
      name: 'patch',
      command: `patch deployment nginx-deployment -p '{"spec":{"replicas":4}}' --record`,
      kind: 'deploy',
      object: 'nginx-deployment',
      want: 'kubectl patch deployment nginx-deployment --patch={"spec":{"replicas":4}} --record=true',
    },
    {
      name: 'annotate',
      command: 'annotate deployment nginx-deployment team=web --record',
      kind: 'deploy',
      object: 'nginx-deployment',
      want: 'kubectl annotate deployment nginx-deployment team=web --record=true',
    },
    {
      name: 'set resources',
      command: 'set resources deployment nginx-deployment -c=nginx --limits=cpu=200m --record',
      kind: 'deploy',
      object: 'nginx-deployment',
      want: 'kubectl set resources deployment nginx-deployment --containers=nginx --limits=cpu=200m --record=true',
    },
    {
      name: 'expose',
      command: 'expose deployment nginx-deployment --port=80 --record',
      kind: 'svc',
      object: 'nginx-deployment',
      want: 'kubectl expose deployment nginx-deployment --port=80 --record=true',
    },
    {
      name: 'autoscale',
      command: 'autoscale deployment nginx-deployment --max=3 --record',
      kind: 'hpa',
      object: 'nginx-deployment',
      want: 'kubectl autoscale deployment nginx-deployment --max=3 --record=true',
    },
  ];
  for (const c of commands) {
    it(`${c.name} stamps the command line and warns first`, () => {
      const k = cluster();
      const result = k.kubectlResult(c.command);
      assert.equal(result.exitCode, 0, result.stderr);
      assert.equal(result.stderr, DEPRECATED);
      assert.equal(result.stderrBeforeStdout, DEPRECATED.length);
      assert.equal(cause(k, c.kind, c.object), c.want);
    });
  }

  it('apply records the cause in the last-applied configuration too', () => {
    const k = new Cluster({ seed: 2 });
    k.kubectl(
      'apply -f - --record',
      'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {ports: [{port: 80}]}\n',
    );
    const svc = k.get<KubeObject>('svc', 'web');
    assert.equal(svc?.metadata?.annotations?.[CAUSE], 'kubectl apply --filename=- --record=true');
    assert.match(
      svc?.metadata?.annotations?.['kubectl.kubernetes.io/last-applied-configuration'] ?? '',
      /"kubernetes\.io\/change-cause":"kubectl apply --filename=- --record=true"/,
    );
  });

  it('rollout history shows each recorded command as its revision change cause, as in the seed notes', () => {
    const k = cluster();
    k.kubectl('set image deployment.v1.apps/nginx-deployment nginx=nginx:1.9.1 --record=true');
    k.settle();
    k.kubectl('set image deployment.v1.apps/nginx-deployment nginx=nginx:1.91 --record=true');
    k.run('5s');
    assert.equal(
      k.kubectl('rollout history deployment/nginx-deployment'),
      `deployment.apps/nginx-deployment \nREVISION  CHANGE-CAUSE\n1         <none>\n2         kubectl set image deployment.v1.apps/nginx-deployment nginx=nginx:1.9.1 --record=true\n3         kubectl set image deployment.v1.apps/nginx-deployment nginx=nginx:1.91 --record=true\n\n`,
    );
  });

  it('is an unknown flag to commands without RecordFlags', () => {
    const k = cluster();
    const result = k.kubectlResult('rollout undo deployment/nginx-deployment --record');
    assert.equal(result.stderr, "error: unknown flag: --record\nSee 'kubectl rollout --help' for usage.\n");
  });
});
