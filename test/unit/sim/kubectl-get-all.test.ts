import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Service } from 'kubernetes-types/core/v1';
import { Cluster } from '../../../src/sim/index';
import { webManifest } from './fixtures-web';

const FRONT = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: front, labels: {app: front}}
spec:
  replicas: 1
  selector: {matchLabels: {app: front}}
  template:
    metadata: {labels: {app: front}}
    spec:
      containers: [{name: nginx, image: "nginx:1.16.1"}]
`;

/** A settled cluster with the web StatefulSet (2 replicas) behind nginx and a one-replica Deployment. */
function workloads(): Cluster {
  const cluster = new Cluster({ seed: 1 });
  cluster.apply(webManifest({ replicas: 2 }));
  cluster.apply(FRONT);
  cluster.settle();
  return cluster;
}

describe('kubectl get all', () => {
  it('lists the category in discovery order, one table per type with type/name rows, empty types left out', () => {
    const out = workloads().kubectl('get all');
    const tables = out.split('\n\n').map((t) => t.split('\n')[0].split(/\s{2,}/));
    assert.deepEqual(tables, [
      ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
      ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'],
      ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'],
      ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'],
      ['NAME', 'READY', 'AGE'],
    ]);
    const names = out
      .split('\n')
      .filter((line) => line && !line.startsWith('NAME'))
      .map((line) => line.split(/\s+/)[0].replace(/-[a-z0-9]{9,10}(-[a-z0-9]{5})?$/, '-<hash>'));
    assert.deepEqual(names, [
      'pod/front-<hash>',
      'pod/web-0',
      'pod/web-1',
      'service/kubernetes',
      'service/nginx',
      'deployment.apps/front',
      'replicaset.apps/front-<hash>',
      'statefulset.apps/web',
    ]);
  });

  const cases: Array<{ name: string; command: string; stdout: string; stderr?: string }> = [
    {
      name: 'a fresh cluster shows only the kubernetes Service, still prefixed',
      command: 'get all',
      stdout:
        'NAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\n' +
        'service/kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   0s\n',
    },
    {
      name: 'all combines with other types, each type once',
      command: 'get svc,all -o name',
      stdout: 'service/kubernetes\n',
    },
    {
      name: 'a name with the category is refused, as the builder refuses a name for several types',
      command: 'get all web',
      stdout: '',
      stderr: 'error: you must specify only one resource\n',
    },
    {
      name: 'a namespace with nothing in the category',
      command: 'get all -n kube-node-lease',
      stdout: '',
      stderr: 'No resources found in kube-node-lease namespace.\n',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const cluster = new Cluster({ seed: 1 });
      const result = cluster.kubectlResult(c.command);
      assert.equal(result.stdout, c.stdout);
      assert.equal(result.stderr, c.stderr ?? '');
    });
  }

  it('kubectl delete all -l deletes the matching objects of every type in the category, in its order', () => {
    const cluster = workloads();
    assert.equal(
      cluster.kubectl('delete all -l app=nginx'),
      'pod "web-0" deleted from default namespace\n' +
        'pod "web-1" deleted from default namespace\n' +
        'service "nginx" deleted from default namespace\n',
    );
    // The StatefulSet carries no labels of its own: it stays and recreates its pods.
    cluster.settle();
    assert.match(cluster.kubectl('get sts'), /web\s+2\/2/);
  });
});

describe('the kubernetes Service', () => {
  it('is created again within 10 s of being deleted, as the apiserver reconciles it', () => {
    const cluster = new Cluster({ seed: 1 });
    const before = cluster.get('svc', 'kubernetes')?.metadata.uid;
    assert.equal(cluster.kubectl('delete all --all'), 'service "kubernetes" deleted from default namespace\n');
    assert.equal(cluster.get('svc', 'kubernetes'), undefined);
    cluster.run('10s');
    const after = cluster.get<Service>('svc', 'kubernetes');
    assert.equal(after?.spec?.clusterIP, '10.96.0.1');
    assert.notEqual(after?.metadata?.uid, before);
  });
});
