import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Pod } from 'kubernetes-types/core/v1';
import { Cluster } from '../../../src/sim/index';

const WEB = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: nginx
  replicas: 3
  selector: {matchLabels: {app: nginx}}
  template:
    metadata: {labels: {app: nginx}}
    spec:
      terminationGracePeriodSeconds: 10
      containers:
      - name: nginx
        image: registry.k8s.io/nginx-slim:0.21
`;

function running(): Cluster {
  const cluster = new Cluster({ seed: 5 });
  cluster.apply(WEB);
  cluster.settle();
  assert.equal(cluster.list('pods').length, 3);
  return cluster;
}

describe('garbage collector: background cascading (the default)', () => {
  it('deletes the pods and ControllerRevisions once the StatefulSet is gone', () => {
    const cluster = running();
    assert.equal(cluster.list('controllerrevisions').length, 1);
    assert.equal(
      cluster.kubectl('delete sts web --wait=false'),
      'statefulset.apps "web" deleted from default namespace\n',
    );
    // The owner goes first; its dependents are collected afterwards.
    assert.equal(cluster.get('sts', 'web'), undefined);
    cluster.settle();
    assert.deepEqual(cluster.list('pods'), []);
    assert.deepEqual(cluster.list('controllerrevisions'), []);
    const setGone = cluster.history.find((h) => h.kind === 'StatefulSet' && h.type === 'DELETED')!.time;
    const firstPodMarked = cluster.history.find(
      (h) => h.kind === 'Pod' && h.type === 'MODIFIED' && h.object.metadata.deletionTimestamp,
    )!.time;
    assert.ok(firstPodMarked > setGone, 'pods are deleted only after the owner is gone');
  });
});

describe('garbage collector: orphan', () => {
  it('leaves the pods running without owner references, and a new StatefulSet adopts them', () => {
    const cluster = running();
    const uids = cluster.list<Pod>('pods').map((p) => p.metadata.uid);
    assert.equal(
      cluster.kubectl('delete sts web --cascade=orphan'),
      'statefulset.apps "web" deleted from default namespace\n',
    );
    assert.equal(cluster.get('sts', 'web'), undefined);
    cluster.settle();
    const pods = cluster.list<Pod>('pods');
    assert.deepEqual(
      pods.map((p) => p.metadata.uid),
      uids,
    );
    for (const pod of pods) {
      assert.equal(pod.metadata.ownerReferences, undefined);
      assert.equal(pod.status?.phase, 'Running');
      assert.equal(pod.metadata.deletionTimestamp, undefined);
    }
    cluster.apply(WEB);
    cluster.settle();
    const set = cluster.get('sts', 'web')!;
    const adopted = cluster.list<Pod>('pods');
    assert.deepEqual(
      adopted.map((p) => p.metadata.uid),
      uids,
      'the same pods, not new ones',
    );
    for (const pod of adopted) {
      assert.equal(pod.metadata.ownerReferences?.length, 1);
      assert.equal(pod.metadata.ownerReferences?.[0].uid, set.metadata.uid);
      assert.equal(pod.metadata.ownerReferences?.[0].controller, true);
    }
    assert.match(cluster.kubectl('get sts web'), /^web {4}3\/3 /m);
    const revisions = cluster.list('controllerrevisions');
    assert.equal(revisions.length, 1, 'the orphaned revision is reused, not duplicated');
    assert.equal(revisions[0].metadata.ownerReferences?.[0].uid, set.metadata.uid, 'and adopted by the new set');
  });
});

describe('garbage collector: foreground', () => {
  it('keeps the owner with foregroundDeletion until its blocking dependents are gone', () => {
    const cluster = running();
    cluster.kubectl('delete sts web --cascade=foreground --wait=false');
    const owner = cluster.get('sts', 'web')!;
    assert.ok(owner.metadata.deletionTimestamp);
    assert.deepEqual(owner.metadata.finalizers, ['foregroundDeletion']);
    cluster.settle();
    assert.equal(cluster.get('sts', 'web'), undefined);
    assert.deepEqual(cluster.list('pods'), []);
    const setGone = cluster.history.find((h) => h.kind === 'StatefulSet' && h.type === 'DELETED')!.time;
    const lastPodGone = Math.max(
      ...cluster.history.filter((h) => h.kind === 'Pod' && h.type === 'DELETED').map((h) => h.time),
    );
    assert.ok(setGone >= lastPodGone, 'the owner is removed only after every pod is gone');
    const deleteAt = cluster.history.find(
      (h) => h.kind === 'StatefulSet' && h.type === 'MODIFIED' && h.object.metadata.deletionTimestamp,
    )!.time;
    assert.ok(setGone > deleteAt);
  });

  it('kubectl delete --cascade=foreground waits for the dependents', () => {
    const cluster = running();
    assert.equal(
      cluster.kubectl('delete sts web --cascade=foreground'),
      'statefulset.apps "web" deleted from default namespace\n',
    );
    assert.equal(cluster.get('sts', 'web'), undefined);
    assert.deepEqual(cluster.list('pods'), []);
  });
});

describe('garbage collector: several owners', () => {
  it('only drops the dangling reference while another owner remains', () => {
    const cluster = new Cluster();
    cluster.apply(
      'apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec: {ports: [{port: 80}]}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: b}\nspec: {ports: [{port: 80}]}\n',
    );
    const a = cluster.get('svc', 'a')!;
    const b = cluster.get('svc', 'b')!;
    const ref = (o: typeof a) => ({ apiVersion: 'v1', kind: 'Service', name: o.metadata.name, uid: o.metadata.uid! });
    cluster.apply({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'shared', ownerReferences: [ref(a), ref(b)] },
      spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] },
    } as never);
    cluster.kubectl('delete svc a');
    cluster.run('1s');
    const pod = cluster.get('pod', 'shared')!;
    assert.deepEqual(
      pod.metadata.ownerReferences?.map((r) => r.name),
      ['b'],
    );
    cluster.kubectl('delete svc b');
    cluster.settle();
    assert.equal(cluster.get('pod', 'shared'), undefined);
  });
});

describe('garbage collector: objects created with owners', () => {
  const pod = (owner: { name: string; uid: string }) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'child', ownerReferences: [{ apiVersion: 'v1', kind: 'Service', ...owner }] },
    spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] },
  });

  it('deletes an object whose only owner is already gone', () => {
    const cluster = new Cluster();
    cluster.apply('apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec: {ports: [{port: 80}]}\n');
    const uid = cluster.get('svc', 'a')!.metadata.uid!;
    cluster.kubectl('delete svc a');
    cluster.apply(pod({ name: 'a', uid }) as never);
    cluster.settle();
    assert.equal(cluster.get('pod', 'child'), undefined);
  });

  it('deletes an object whose owner never existed', () => {
    const cluster = new Cluster();
    cluster.apply(pod({ name: 'ghost', uid: '00000000-0000-4000-8000-000000000000' }) as never);
    cluster.settle();
    assert.equal(cluster.get('pod', 'child'), undefined);
  });

  it('keeps an object whose owner exists', () => {
    const cluster = new Cluster();
    cluster.apply('apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec: {ports: [{port: 80}]}\n');
    cluster.apply(pod({ name: 'a', uid: cluster.get('svc', 'a')!.metadata.uid! }) as never);
    cluster.settle();
    assert.notEqual(cluster.get('pod', 'child'), undefined);
  });
});

describe('kubectl delete --cascade values', () => {
  it('accepts the deprecated boolean form with kubectl warning and orphans on false', () => {
    const cluster = running();
    const result = cluster.kubectlResult('delete sts web --cascade=false');
    assert.equal(result.stdout, 'statefulset.apps "web" deleted from default namespace\n');
    assert.equal(result.exitCode, 0, 'a deprecation warning is not a failure');
    assert.equal(
      result.stderr,
      'warning: --cascade=false is deprecated (boolean value) and can be replaced with --cascade=orphan.\n',
    );
    cluster.settle();
    assert.equal(cluster.list('pods').length, 3);
  });

  it('rejects an unknown value', () => {
    const cluster = running();
    assert.equal(
      cluster.kubectl('delete sts web --cascade=maybe'),
      'error: invalid cascade value (maybe). Must be "background", "foreground", or "orphan"\n',
    );
    assert.ok(cluster.get('sts', 'web'));
  });
});
