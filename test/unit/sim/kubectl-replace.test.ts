import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Deployment } from 'kubernetes-types/apps/v1';
import type { Service } from 'kubernetes-types/core/v1';
import { Cluster } from '../../../src/sim/index';
import { LAST_APPLIED } from '../../../src/sim/kubectl/last-applied';

const deployment = (spec = '  replicas: 3\n'): string =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n${spec}  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: nginx, image: "nginx:1.16.1"}]}\n`;
const NODE_PORT_SERVICE =
  'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {type: NodePort, selector: {app: web}, ports: [{name: http, port: 80}]}\n';

function withDeployment(): Cluster {
  const k = new Cluster({ seed: 4 });
  k.kubectl('apply -f -', deployment());
  k.settle();
  return k;
}

describe('kubectl replace: the flags ReplaceOptions checks before it sends anything', () => {
  const cases: Array<{ command: string; stderr: string }> = [
    { command: 'replace', stderr: 'error: must specify one of -f and -k\n' },
    { command: 'replace -f - --grace-period=0', stderr: 'error: --grace-period must have --force specified\n' },
    { command: 'replace -f - --timeout=10s', stderr: 'error: --timeout must have --force specified\n' },
    {
      command: 'replace -f - --cascade=sideways',
      stderr: 'error: invalid cascade value (sideways). Must be "background", "foreground", or "orphan"\n',
    },
  ];
  for (const c of cases) {
    it(c.command, () => {
      const k = withDeployment();
      const before = k.get('deploy', 'web')?.metadata.resourceVersion;
      const result = k.kubectlResult(c.command, deployment('  replicas: 5\n'));
      assert.deepEqual([result.stdout, result.stderr, result.exitCode], ['', c.stderr, 1]);
      assert.equal(k.get('deploy', 'web')?.metadata.resourceVersion, before);
    });
  }
});

describe('kubectl replace: a PUT of the whole manifest (Helper.Replace)', () => {
  it('needs the object to exist: a PUT creates no Deployment', () => {
    const k = new Cluster({ seed: 4 });
    const result = k.kubectlResult('replace -f -', deployment());
    assert.equal(
      result.stderr,
      'Error from server (NotFound): error when replacing "STDIN": deployments.apps "web" not found\n',
    );
    assert.equal(k.get('deploy', 'web'), undefined);
  });

  it('resets what the manifest leaves out to its default, and keeps the live status', () => {
    const k = withDeployment();
    const printed = k.kubectl('replace -f - -o json', deployment(''));
    const written = JSON.parse(printed) as Deployment;
    assert.equal(written.spec?.replicas, 1, 'replicas defaults to 1');
    assert.equal(written.status?.replicas, 3, 'PrepareForUpdate keeps the status the controllers wrote');
    assert.equal(written.metadata?.generation, 2);
    k.settle();
    assert.equal(k.kubectl('get deploy web -o jsonpath={.status.readyReplicas}'), '1');
  });

  it('is refused with a stale resourceVersion, and leaves the object alone', () => {
    const k = withDeployment();
    const stale = deployment('  replicas: 5\n').replace(
      'metadata: {name: web}',
      'metadata: {name: web, resourceVersion: "1"}',
    );
    const result = k.kubectlResult('replace -f -', stale);
    assert.equal(
      result.stderr,
      'Error from server (Conflict): error when replacing "STDIN": Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again\n',
    );
    assert.equal(k.get<Deployment>('deploy', 'web')?.spec?.replicas, 3);
  });

  it('answers an invalid manifest as the apiserver does, and changes nothing', () => {
    const k = withDeployment();
    const result = k.kubectlResult('replace -f -', deployment('  replicas: -1\n'));
    assert.match(
      result.stderr,
      /^The Deployment "web" is invalid: spec\.replicas: Invalid value: -1: must be greater than or equal to 0/,
    );
    assert.equal(k.get<Deployment>('deploy', 'web')?.spec?.replicas, 3);
  });

  it('keeps the cluster IP it allocated, and a node port under the same port name (patchAllocatedValues)', () => {
    const k = new Cluster({ seed: 4 });
    k.kubectl('apply -f -', NODE_PORT_SERVICE);
    const before = k.get<Service>('svc', 's')?.spec;
    k.kubectl('replace -f -', NODE_PORT_SERVICE);
    const same = k.get<Service>('svc', 's')?.spec;
    assert.equal(same?.clusterIP, before?.clusterIP);
    assert.equal(same?.ports?.[0].nodePort, before?.ports?.[0].nodePort);
    k.kubectl('replace -f -', NODE_PORT_SERVICE.replace('name: http', 'name: web'));
    const renamed = k.get<Service>('svc', 's')?.spec;
    assert.equal(renamed?.clusterIP, before?.clusterIP);
    assert.notEqual(renamed?.ports?.[0].nodePort, before?.ports?.[0].nodePort, 'a new port name gets a new node port');
  });

  it('-o yaml separates the objects it prints with ---, forced or not', () => {
    const k = new Cluster({ seed: 4 });
    const two = `${NODE_PORT_SERVICE}---\n${NODE_PORT_SERVICE.replace('name: s', 'name: t')}`;
    k.kubectl('apply -f -', two);
    for (const command of ['replace -f - -o yaml', 'replace --force -f - -o yaml']) {
      const printed = k.kubectl(command, two);
      assert.equal(printed.match(/^---$/gm)?.length, 1, command);
      assert.match(printed, /^apiVersion: v1\nkind: Service\n/m);
    }
  });

  it('--dry-run=client prints what it would send and writes nothing', () => {
    const k = withDeployment();
    const before = k.get('deploy', 'web')?.metadata.resourceVersion;
    assert.equal(
      k.kubectl('replace -f - --dry-run=client', deployment('')),
      'deployment.apps/web replaced (dry run)\n',
    );
    assert.equal(k.get('deploy', 'web')?.metadata.resourceVersion, before);
  });

  it('--save-config writes the last-applied configuration; without it one already in the manifest is refreshed', () => {
    const k = withDeployment();
    const cleared = k.kubectl('annotate deploy web kubectl.kubernetes.io/last-applied-configuration-');
    assert.equal(cleared, 'deployment.apps/web annotated\n');
    k.kubectl('replace -f -', deployment('  replicas: 2\n'));
    assert.equal(k.get('deploy', 'web')?.metadata.annotations?.[LAST_APPLIED], undefined);
    k.kubectl('replace -f - --save-config', deployment('  replicas: 2\n'));
    assert.match(k.get('deploy', 'web')?.metadata.annotations?.[LAST_APPLIED] ?? '', /"replicas":2/);
    const exported = k.kubectl('get deploy web -o yaml').replace('replicas: 2', 'replicas: 4');
    k.kubectl('replace -f -', exported);
    assert.match(k.get('deploy', 'web')?.metadata.annotations?.[LAST_APPLIED] ?? '', /"replicas":4/);
  });

  it('--record stamps the change cause after the configuration is saved, so it stays out of it', () => {
    const k = withDeployment();
    const result = k.kubectlResult('replace -f - --save-config --record', deployment('  replicas: 2\n'));
    assert.equal(result.stderr, 'Flag --record has been deprecated, --record will be removed in the future\n');
    const annotations = k.get('deploy', 'web')?.metadata.annotations ?? {};
    assert.equal(
      annotations['kubernetes.io/change-cause'],
      'kubectl replace --filename=- --save-config=true --record=true',
    );
    assert.doesNotMatch(annotations[LAST_APPLIED] ?? '', /change-cause/);
  });
});

describe('kubectl replace --force: delete, wait, create', () => {
  it('deletes the object, then creates it afresh under a new uid', () => {
    const k = withDeployment();
    const uid = k.get('deploy', 'web')?.metadata.uid;
    assert.equal(
      k.kubectl('replace --force -f -', deployment('  replicas: 2\n')),
      'deployment.apps "web" deleted from default namespace\ndeployment.apps/web replaced\n',
    );
    const fresh = k.get<Deployment>('deploy', 'web');
    assert.notEqual(fresh?.metadata.uid, uid);
    assert.equal(fresh?.metadata.generation, 1);
    k.settle();
    assert.equal(k.kubectl('get deploy web -o jsonpath={.status.readyReplicas}'), '2');
  });

  it('creates what does not exist yet, as if it had been deleted', () => {
    const k = new Cluster({ seed: 4 });
    assert.equal(k.kubectl('replace --force -f -', deployment()), 'deployment.apps/web replaced\n');
  });

  it('waits out a pod\u2019s grace period before it creates the pod again', () => {
    const k = new Cluster({ seed: 4 });
    const pod =
      'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, image: "nginx:1.16.1"}]}\n';
    k.kubectl('apply -f -', pod);
    k.settle();
    const start = k.elapsed();
    assert.equal(k.kubectl('replace --force -f -', pod), 'pod "p" deleted from default namespace\npod/p replaced\n');
    assert.ok(k.elapsed() > start, 'the kubelet had to confirm the old pod gone');
  });

  it('changes a StatefulSet\u2019s volumeClaimTemplates, which an update may not; --cascade=orphan keeps the pods', () => {
    const k = new Cluster({ seed: 4 });
    const set = (size: string): string => `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web}
spec:
  serviceName: nginx
  replicas: 2
  selector: {matchLabels: {app: nginx}}
  template:
    metadata: {labels: {app: nginx}}
    spec: {containers: [{name: nginx, image: "registry.k8s.io/nginx-slim:0.21"}]}
  volumeClaimTemplates:
  - metadata: {name: www}
    spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: ${size}}}}
`;
    k.kubectl('apply -f -', set('1Gi'));
    k.settle();
    const pods = k.list('Pod').map((p) => p.metadata.uid);
    assert.match(k.kubectlResult('replace -f -', set('2Gi')).stderr, /spec: Forbidden: updates to statefulset spec/);
    k.kubectl('replace --force --cascade=orphan -f -', set('2Gi'));
    k.settle();
    assert.deepEqual(
      k.list('Pod').map((p) => p.metadata.uid),
      pods,
      'the pods the old StatefulSet left are still there',
    );
    const owner = k.get('sts', 'web')?.metadata.uid;
    for (const pod of k.list('Pod')) {
      assert.equal(pod.metadata.ownerReferences?.[0]?.uid, owner, `${pod.metadata.name} is adopted by the new set`);
    }
    assert.equal(
      k.kubectl('get sts web -o jsonpath={.spec.volumeClaimTemplates[0].spec.resources.requests.storage}'),
      '2Gi',
    );
  });

  it('gives up after --timeout while the name is still taken', () => {
    const k = withDeployment();
    const finalized = k.kubectl('patch deploy web -p {"metadata":{"finalizers":["example.com/hold"]}}');
    assert.equal(finalized, 'deployment.apps/web patched\n');
    const result = k.kubectlResult('replace --force --timeout=5s -f -', deployment());
    assert.deepEqual(
      [result.stdout, result.stderr, result.exitCode],
      ['deployment.apps "web" deleted from default namespace\n', 'error: timed out waiting for the condition\n', 1],
    );
  });
});
