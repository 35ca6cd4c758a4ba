import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Cluster } from '../../../src/sim/index';

const PODS = `
apiVersion: v1
kind: Pod
metadata: {name: big, labels: {app: x}}
spec:
  containers: [{name: app, image: "nginx:1.14.2", resources: {requests: {cpu: "64"}}}]
---
apiVersion: v1
kind: Pod
metadata: {name: small, labels: {app: y}}
spec:
  containers: [{name: app, image: "nginx:1.14.2"}]
`;

function cluster(): Cluster {
  const c = new Cluster({ seed: 1 });
  c.apply(PODS);
  c.run('20s');
  return c;
}

describe('kubectl command lines', () => {
  const cases: Array<{ command: string; output: string | RegExp }> = [
    // Global flags may precede the command.
    { command: '-n default get pods -o name', output: 'pod/big\npod/small\n' },
    { command: '--namespace=default -o name get pods', output: 'pod/big\npod/small\n' },
    { command: '-n kube-system get pods', output: 'No resources found in kube-system namespace.\n' },
    // create namespace / ns
    { command: 'create namespace shop', output: 'namespace/shop created\n' },
    {
      command: 'create ns default',
      output: 'Error from server (AlreadyExists): namespaces "default" already exists\n',
    },
    { command: 'create namespace', output: /^error: exactly one NAME is required, got 0\n/ },
    // --field-selector
    { command: 'get pods --field-selector status.phase=Pending -o name', output: 'pod/big\n' },
    { command: 'get pods --field-selector=status.phase!=Pending,metadata.name==small -o name', output: 'pod/small\n' },
    { command: 'get pods --field-selector spec.nodeName= -o name', output: 'pod/big\n' },
    {
      command:
        'get events --field-selector involvedObject.name=big,reason=FailedScheduling -o jsonpath={.items[0].type}',
      output: 'Warning',
    },
    {
      command: 'get sts --field-selector spec.replicas=3',
      output:
        'Error from server (BadRequest): Unable to find "apps/v1, Resource=statefulsets" that match label selector "", field selector "spec.replicas=3": field label not supported: spec.replicas\n',
    },
    // --no-headers: the rows alone, their columns still aligned
    {
      command: 'get pods --no-headers',
      output: /^big {5}0\/1 {3}Pending {3}0 {5}20s\nsmall {3}1\/1 {3}Running {3}0 {5}20s\n$/,
    },
    // label by selector and --all
    { command: 'label pods -l app=x tier=web', output: 'pod/big labeled\n' },
    { command: 'label pods --all env=dev', output: 'pod/big labeled\npod/small labeled\n' },
  ];
  for (const { command, output } of cases) {
    it(command, () => {
      const got = cluster().kubectl(command);
      if (typeof output === 'string') assert.equal(got, output);
      else assert.match(got, output);
    });
  }

  it('a namespace created by kubectl is usable at once', () => {
    const c = cluster();
    c.kubectl('create namespace shop');
    assert.equal(c.kubectl('get pods -n shop'), 'No resources found in shop namespace.\n');
    assert.match(c.kubectl('get ns shop'), /^NAME\s+STATUS\s+AGE\nshop\s+Active\s+0s\n$/);
  });
});
