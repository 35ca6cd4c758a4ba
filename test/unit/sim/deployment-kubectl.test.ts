import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Deployment, ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1';
import { Cluster } from '../../../src/sim/index';

const NGINX = `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: nginx-deployment
  labels: {app: nginx}
spec:
  replicas: 3
  selector: {matchLabels: {app: nginx}}
  template:
    metadata: {labels: {app: nginx}}
    spec:
      containers:
      - name: nginx
        image: nginx:1.14.2
        ports: [{containerPort: 80}]
`;

function started(seed = 4): Cluster {
  const cluster = new Cluster({ seed });
  cluster.apply(NGINX);
  cluster.settle();
  return cluster;
}

function currentReplicaSet(cluster: Cluster): string {
  const revision = cluster.get('deploy', 'nginx-deployment')?.metadata?.annotations?.[
    'deployment.kubernetes.io/revision'
  ];
  return cluster
    .list<ReplicaSet>('rs')
    .find((rs) => rs.metadata.annotations?.['deployment.kubernetes.io/revision'] === revision)!.metadata.name;
}

describe('kubectl get deployments and replicasets', () => {
  it('prints READY, UP-TO-DATE and AVAILABLE for deployments', () => {
    const cluster = started();
    const age = `${Math.floor(cluster.elapsed() / 1000)}s`;
    assert.equal(
      cluster.kubectl('get deploy'),
      'NAME               READY   UP-TO-DATE   AVAILABLE   AGE\n' +
        `nginx-deployment   3/3     3            3           ${age}\n`,
    );
    const rs = currentReplicaSet(cluster);
    const hash = rs.slice('nginx-deployment-'.length);
    const wide = cluster.kubectl('get deploy -o wide').split('\n');
    assert.deepEqual(wide[0].split(/\s{2,}/), [
      'NAME',
      'READY',
      'UP-TO-DATE',
      'AVAILABLE',
      'AGE',
      'CONTAINERS',
      'IMAGES',
      'SELECTOR',
    ]);
    assert.deepEqual(wide[1].split(/\s+/), [
      'nginx-deployment',
      '3/3',
      '3',
      '3',
      age,
      'nginx',
      'nginx:1.14.2',
      'app=nginx',
    ]);
    const rsWide = cluster.kubectl('get rs -o wide').split('\n');
    assert.deepEqual(rsWide[0].split(/\s{2,}/), [
      'NAME',
      'DESIRED',
      'CURRENT',
      'READY',
      'AGE',
      'CONTAINERS',
      'IMAGES',
      'SELECTOR',
    ]);
    assert.deepEqual(rsWide[1].split(/\s+/), [
      rs,
      '3',
      '3',
      '3',
      age,
      'nginx',
      'nginx:1.14.2',
      `app=nginx,pod-template-hash=${hash}`,
    ]);
  });
});

describe('kubectl set image and rollout', () => {
  it('set image updates the template and prints "image updated"', () => {
    const cluster = started();
    assert.equal(
      cluster.kubectl('set image deployment/nginx-deployment nginx=nginx:1.16.1'),
      'deployment.apps/nginx-deployment image updated\n',
    );
    assert.equal(
      cluster.kubectl('set image deployment/nginx-deployment web=nginx:1.16.1'),
      'error: unable to find container named "web"\n',
    );
    cluster.settle();
    assert.equal(cluster.get('deploy', 'nginx-deployment')?.metadata?.generation, 2);
  });

  it('set image also updates a StatefulSet template', () => {
    const cluster = new Cluster({ seed: 1 });
    cluster.apply(
      JSON.stringify({
        apiVersion: 'apps/v1',
        kind: 'StatefulSet',
        metadata: { name: 'web' },
        spec: {
          serviceName: 'nginx',
          replicas: 1,
          selector: { matchLabels: { app: 'web' } },
          template: {
            metadata: { labels: { app: 'web' } },
            spec: { containers: [{ name: 'nginx', image: 'registry.k8s.io/nginx-slim:0.21' }] },
          },
        },
      }),
    );
    assert.equal(
      cluster.kubectl('set image statefulset/web nginx=registry.k8s.io/nginx-slim:0.24'),
      'statefulset.apps/web image updated\n',
    );
    const sts = cluster.get<StatefulSet>('sts', 'web');
    assert.equal(sts?.spec?.template.spec?.containers[0].image, 'registry.k8s.io/nginx-slim:0.24');
  });

  it('rollout status prints each new state of a rolling update until it is rolled out', () => {
    const cluster = started();
    cluster.kubectl('set image deployment/nginx-deployment nginx=nginx:1.16.1');
    const result = cluster.kubectlResult('rollout status deployment/nginx-deployment');
    assert.equal(result.exitCode, 0);
    const lines = result.stdout.trimEnd().split('\n');
    const prefix = 'Waiting for deployment "nginx-deployment" rollout to finish: ';
    assert.ok(lines.includes(`${prefix}1 out of 3 new replicas have been updated...`));
    assert.ok(lines.includes(`${prefix}2 out of 3 new replicas have been updated...`));
    assert.ok(lines.includes(`${prefix}1 old replicas are pending termination...`));
    assert.equal(lines[lines.length - 1], 'deployment "nginx-deployment" successfully rolled out');
    assert.equal(new Set(lines).size, lines.length, 'each message is printed once');
  });

  it('rollout status --timeout gives up, and a stuck rollout ends with the progress-deadline error', () => {
    const cluster = started();
    const d = cluster.get<Deployment>('deploy', 'nginx-deployment')!;
    d.spec!.progressDeadlineSeconds = 60;
    const container = d.spec!.template.spec!.containers[0];
    container.image = 'nginx:1.91';
    container.readinessProbe = { exec: { command: ['true'] }, initialDelaySeconds: 600 };
    delete (d.metadata as { resourceVersion?: string }).resourceVersion;
    cluster.apply(d);
    const short = cluster.kubectlResult('rollout status deployment/nginx-deployment --timeout=20s');
    assert.equal(short.exitCode, 1);
    assert.match(short.stdout, /1 out of 3 new replicas have been updated\.\.\.\n$/);
    assert.equal(short.stderr, 'error: timed out waiting for the condition\n');
    const long = cluster.kubectlResult('rollout status deployment/nginx-deployment');
    assert.equal(long.stderr, 'error: deployment "nginx-deployment" exceeded its progress deadline\n');
    assert.equal(cluster.kubectl('get deploy').split('\n')[1].split(/\s+/).slice(1, 4).join(' '), '3/3 1 3');
  });

  it('rollout history lists revisions and shows one revision’s pod template', () => {
    const cluster = started();
    cluster.kubectl('set image deployment/nginx-deployment nginx=nginx:1.16.1');
    cluster.settle();
    assert.equal(
      cluster.kubectl('rollout history deployment/nginx-deployment'),
      'deployment.apps/nginx-deployment \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n',
    );
    const hash = currentReplicaSet(cluster).slice('nginx-deployment-'.length);
    assert.equal(
      cluster.kubectl('rollout history deployment/nginx-deployment --revision=2'),
      'deployment.apps/nginx-deployment with revision #2\n' +
        'Pod Template:\n' +
        `  Labels:\tapp=nginx\n\tpod-template-hash=${hash}\n` +
        '  Containers:\n   nginx:\n    Image:\tnginx:1.16.1\n    Port:\t80/TCP\n    Host Port:\t0/TCP\n' +
        '    Environment:\t<none>\n    Mounts:\t<none>\n' +
        '  Volumes:\t<none>\n  Node-Selectors:\t<none>\n  Tolerations:\t<none>\n\n',
    );
    assert.equal(
      cluster.kubectl('rollout history deployment/nginx-deployment --revision=7'),
      'error: unable to find the specified revision\n',
    );
  });

  it('rollout undo, pause, resume and restart print what kubectl prints', () => {
    const cluster = started();
    assert.equal(
      cluster.kubectl('rollout undo deployment/nginx-deployment'),
      'error: no rollout history found for deployment "nginx-deployment"\n',
    );
    cluster.kubectl('set image deployment/nginx-deployment nginx=nginx:1.16.1');
    cluster.settle();
    assert.equal(
      cluster.kubectl('rollout undo deployment/nginx-deployment --to-revision=9'),
      'error: unable to find specified revision 9 in history\n',
    );
    assert.equal(
      cluster.kubectl('rollout undo deployment/nginx-deployment'),
      'deployment.apps/nginx-deployment rolled back\n',
    );
    cluster.settle();
    assert.equal(
      cluster.get<Deployment>('deploy', 'nginx-deployment')?.spec?.template.spec?.containers[0].image,
      'nginx:1.14.2',
    );
    assert.equal(
      cluster.kubectl('rollout pause deployment/nginx-deployment'),
      'deployment.apps/nginx-deployment paused\n',
    );
    assert.equal(
      cluster.kubectl('rollout pause deployment/nginx-deployment'),
      'error: deployments.apps "nginx-deployment" is already paused\n',
    );
    assert.equal(
      cluster.kubectl('rollout undo deployment/nginx-deployment'),
      "error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again\n",
    );
    assert.equal(
      cluster.kubectl('rollout resume deployment/nginx-deployment'),
      'deployment.apps/nginx-deployment resumed\n',
    );
    assert.equal(
      cluster.kubectl('rollout resume deployment/nginx-deployment'),
      'error: deployments.apps "nginx-deployment" is not paused\n',
    );
    cluster.settle();
    const before = currentReplicaSet(cluster);
    assert.equal(
      cluster.kubectl('rollout restart deployment/nginx-deployment'),
      'deployment.apps/nginx-deployment restarted\n',
    );
    cluster.settle();
    const template = cluster.get<Deployment>('deploy', 'nginx-deployment')?.spec?.template;
    assert.match(
      template?.metadata?.annotations?.['kubectl.kubernetes.io/restartedAt'] ?? '',
      /^2026-01-01T\d\d:\d\d:\d\dZ$/,
    );
    assert.notEqual(currentReplicaSet(cluster), before);
    assert.equal(
      cluster.kubectl('rollout status svc/kubernetes'),
      'error: no status viewer has been implemented for Service\n',
    );
    assert.equal(
      cluster.kubectl('rollout status deployment/missing'),
      'Error from server (NotFound): deployments.apps "missing" not found\n',
    );
  });
});
