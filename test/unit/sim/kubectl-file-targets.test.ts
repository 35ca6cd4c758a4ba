import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Cluster } from '../../../src/sim/index';

const MANIFEST = `apiVersion: v1
kind: Service
metadata: {name: nginx}
spec: {clusterIP: None, selector: {app: web}, ports: [{port: 80}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: nginx, image: nginx:1.14.2}]
`;

function applied(): Cluster {
  const c = new Cluster({ seed: 6 });
  c.kubectl('apply -f -', MANIFEST);
  c.settle();
  return c;
}

describe('-f as the objects to act on (FilenameParam)', () => {
  const cases: Array<{ command: string; stdin?: string; stdout: RegExp; stderr?: string }> = [
    {
      command: 'get -f -',
      stdout: /^NAME +TYPE[^\n]*\nservice\/nginx +ClusterIP[^\n]*\n\nNAME +READY[^\n]*\ndeployment\.apps\/web +2\/2 /,
    },
    { command: 'label -f - tier=front', stdout: /^service\/nginx labeled\ndeployment\.apps\/web labeled\n$/ },
    { command: 'describe -f -', stdout: /^Name: +nginx\n[\s\S]*\n\nName: +web\n/ },
    {
      command: 'delete -f -',
      stdout:
        /^service "nginx" deleted from default namespace\ndeployment\.apps "web" deleted from default namespace\n$/,
    },
    {
      command: 'get -f - -n shop',
      stdin: MANIFEST.replace('name: nginx}', 'name: nginx, namespace: default}'),
      stdout: /^$/,
      stderr:
        'error: the namespace from the provided object "default" does not match the namespace "shop". You must pass \'--namespace=default\' to perform this operation.\n',
    },
    {
      command: 'get -f missing.yaml',
      stdout: /^$/,
      stderr: 'error: the path "missing.yaml" does not exist\n',
    },
  ];
  for (const c of cases) {
    it(c.command, () => {
      const k = applied();
      const result = k.kubectlResult(c.command, c.stdin ?? MANIFEST);
      assert.match(result.stdout, c.stdout);
      assert.equal(result.stderr, c.stderr ?? '');
    });
  }

  it('delete -f names the file in a NotFound', () => {
    const k = new Cluster({ seed: 6 });
    assert.equal(
      k.kubectlResult('delete -f -', MANIFEST).stderr,
      'Error from server (NotFound): error when deleting "STDIN": services "nginx" not found\nError from server (NotFound): error when deleting "STDIN": deployments.apps "web" not found\n',
    );
  });

  it('rollout status -f follows the Deployment the file names', () => {
    const k = new Cluster({ seed: 6 });
    k.kubectl('apply -f -', MANIFEST.split('---\n')[1]);
    assert.match(
      k.kubectl('rollout status -f -', MANIFEST.split('---\n')[1]),
      /deployment "web" successfully rolled out\n$/,
    );
  });
});
