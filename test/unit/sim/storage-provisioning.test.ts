import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PersistentVolume, PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import { Cluster } from '../../../src/sim/index';
import { webManifest } from './statefulset-fixtures';

function claimManifest(name: string, extra = ''): string {
  return `apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: ${name}}
spec:
  accessModes: [ReadWriteOnce]
  resources: {requests: {storage: 2Gi}}
${extra}`;
}

function podManifest(name: string, claim: string, extra = ''): string {
  return `apiVersion: v1
kind: Pod
metadata: {name: ${name}}
spec:
${extra}  containers:
  - name: app
    image: busybox:1.36
    volumeMounts: [{name: data, mountPath: /data}]
  volumes:
  - name: data
    persistentVolumeClaim: {claimName: ${claim}}
`;
}

function claim(cluster: Cluster, name: string): PersistentVolumeClaim {
  const found = cluster.get<PersistentVolumeClaim>('pvc', name);
  if (!found) throw new Error(`claim ${name} is missing`);
  return found;
}

function eventsFor(cluster: Cluster, name: string): string[] {
  return cluster
    .events()
    .filter((e) => e.involvedObject.name === name)
    .map((e) => `${e.type} ${e.reason} ${e.message}`);
}

const UNBOUND_IMMEDIATE =
  '0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.';

describe('StorageClass', () => {
  it('starts with kind\'s default class "standard"', () => {
    const cluster = new Cluster({ seed: 1 });
    cluster.run('10s');
    assert.equal(
      cluster.kubectl('get sc'),
      'NAME                 PROVISIONER             RECLAIMPOLICY   VOLUMEBINDINGMODE      ALLOWVOLUMEEXPANSION   AGE\n' +
        'standard (default)   rancher.io/local-path   Delete          WaitForFirstConsumer   false                  10s\n',
    );
  });

  it('defaults reclaimPolicy to Delete and volumeBindingMode to Immediate, and requires a provisioner', () => {
    const cluster = new Cluster({ seed: 1 });
    cluster.apply(
      'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: fast}\nprovisioner: example.com/fast\n',
    );
    const fast = cluster.get<StorageClass>('sc', 'fast');
    assert.equal(fast?.reclaimPolicy, 'Delete');
    assert.equal(fast?.volumeBindingMode, 'Immediate');
    const result = cluster.kubectlResult(
      'apply -f -',
      'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: bad}\n',
    );
    assert.equal(result.exitCode, 1);
    assert.match(result.stderr, /The StorageClass "bad" is invalid: provisioner: Required value\n$/);
  });
});

describe('PersistentVolumeClaim admission and validation', () => {
  const cases: Array<{ title: string; spec: string; error: string }> = [
    {
      title: 'missing storage request',
      spec: 'spec: {accessModes: [ReadWriteOnce]}',
      error: 'The PersistentVolumeClaim "data" is invalid: spec.resources[storage]: Required value',
    },
    {
      title: 'missing access modes',
      spec: 'spec: {resources: {requests: {storage: 1Gi}}}',
      error:
        'The PersistentVolumeClaim "data" is invalid: spec.accessModes: Required value: at least 1 access mode is required',
    },
    {
      title: 'both missing',
      spec: 'spec: {}',
      // Several causes: kubectl prints each on its own line.
      error:
        'The PersistentVolumeClaim "data" is invalid: \n* spec.accessModes: Required value: at least 1 access mode is required\n* spec.resources[storage]: Required value',
    },
    {
      title: 'unknown access mode',
      spec: 'spec: {accessModes: [ReadWriteSometimes], resources: {requests: {storage: 1Gi}}}',
      error:
        'The PersistentVolumeClaim "data" is invalid: spec.accessModes: Unsupported value: "ReadWriteSometimes": supported values: "ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"',
    },
  ];
  for (const { title, spec, error } of cases) {
    it(`rejects a claim with ${title}`, () => {
      const cluster = new Cluster({ seed: 1 });
      const result = cluster.kubectlResult(
        'apply -f -',
        `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data}\n${spec}\n`,
      );
      assert.equal(result.exitCode, 1);
      assert.ok(result.stderr.endsWith(`${error}\n`), result.stderr);
      assert.equal(cluster.get('pvc', 'data'), undefined);
    });
  }

  it('gives a claim without storageClassName the default class, and leaves an explicit "" alone', () => {
    const cluster = new Cluster({ seed: 1 });
    cluster.apply(claimManifest('a'));
    cluster.apply(claimManifest('b', '  storageClassName: ""\n'));
    assert.equal(claim(cluster, 'a').spec?.storageClassName, 'standard');
    assert.equal(claim(cluster, 'b').spec?.storageClassName, '');
    assert.deepEqual(claim(cluster, 'a').metadata?.finalizers, ['kubernetes.io/pvc-protection']);
    assert.equal(claim(cluster, 'a').spec?.volumeMode, 'Filesystem');
  });
});

describe('dynamic provisioning with WaitForFirstConsumer', () => {
  it('waits for a consumer, then provisions pvc-<uid> on the node the scheduler picked and binds it', () => {
    const cluster = new Cluster({ seed: 5 });
    cluster.apply(claimManifest('data'));
    cluster.settle();
    assert.equal(claim(cluster, 'data').status?.phase, 'Pending');
    assert.deepEqual(eventsFor(cluster, 'data'), [
      'Normal WaitForFirstConsumer waiting for first consumer to be created before binding',
    ]);
    const start = cluster.history.length;
    cluster.apply(podManifest('app', 'data'));
    cluster.settle();
    const bound = claim(cluster, 'data');
    const pod = cluster.get<Pod>('pod', 'app');
    const node = pod?.spec?.nodeName;
    assert.ok(node);
    assert.equal(bound.status?.phase, 'Bound');
    assert.equal(bound.spec?.volumeName, `pvc-${bound.metadata?.uid}`);
    assert.equal(bound.metadata?.annotations?.['volume.kubernetes.io/selected-node'], node);
    assert.equal(bound.status?.capacity?.storage, '2Gi');
    const pv = cluster.get<PersistentVolume>('pv', bound.spec?.volumeName ?? '');
    assert.equal(pv?.status?.phase, 'Bound');
    assert.equal(pv?.spec?.claimRef?.uid, bound.metadata?.uid);
    assert.equal(pv?.spec?.persistentVolumeReclaimPolicy, 'Delete');
    assert.deepEqual(pv?.spec?.nodeAffinity?.required?.nodeSelectorTerms[0].matchExpressions?.[0].values, [node]);
    assert.equal(pod?.status?.phase, 'Running');
    // The scheduler binds the pod only after the claim is bound (VolumeBinding PreBind).
    const claimBoundAt = cluster.history
      .slice(start)
      .find(
        (h) => h.kind === 'PersistentVolumeClaim' && (h.object as PersistentVolumeClaim).status?.phase === 'Bound',
      )?.time;
    const podBoundAt = cluster.history
      .slice(start)
      .find((h) => h.kind === 'Pod' && (h.object as Pod).spec?.nodeName)?.time;
    assert.ok(claimBoundAt !== undefined && podBoundAt !== undefined && claimBoundAt <= podBoundAt);
    const reasons = eventsFor(cluster, 'data').map((e) => e.split(' ')[1]);
    assert.deepEqual(reasons, [
      'WaitForFirstConsumer',
      'ExternalProvisioning',
      'Provisioning',
      'ProvisioningSucceeded',
    ]);
    const rows = cluster.kubectl('get pvc').split('\n');
    assert.equal(
      rows[0],
      'NAME   STATUS   VOLUME                                     CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE',
    );
    assert.match(
      rows[1],
      new RegExp(
        `^data   Bound    pvc-${bound.metadata?.uid}   2Gi        RWO            standard       <unset>                 \\S+$`,
      ),
    );
    const pvRows = cluster.kubectl('get pv').split('\n');
    assert.equal(
      pvRows[0],
      'NAME                                       CAPACITY   ACCESS MODES   RECLAIM POLICY   STATUS   CLAIM          STORAGECLASS   VOLUMEATTRIBUTESCLASS   REASON   AGE',
    );
    assert.equal(
      pvRows[1].replace(/\S+$/, '<age>'),
      `${bound.spec?.volumeName}   2Gi        RWO            Delete           Bound    default/data   standard       <unset>                          <age>`,
    );
  });

  it('keeps a recreated StatefulSet pod on the node that holds its local volume', () => {
    const cluster = new Cluster({ seed: 6 });
    cluster.apply(webManifest());
    cluster.settle();
    const nodes = [0, 1, 2].map((i) => cluster.get<Pod>('pod', `web-${i}`)?.spec?.nodeName);
    cluster.kubectl('delete pod web-0 web-1 web-2');
    cluster.settle();
    assert.deepEqual(
      [0, 1, 2].map((i) => cluster.get<Pod>('pod', `web-${i}`)?.spec?.nodeName),
      nodes,
    );
  });
});

describe('claims that cannot be bound', () => {
  it('leaves a claim naming a missing StorageClass Pending and its pod unschedulable', () => {
    const cluster = new Cluster({ seed: 8 });
    cluster.apply(claimManifest('data', '  storageClassName: fast\n'));
    cluster.apply(podManifest('app', 'data'));
    cluster.run('2m');
    assert.equal(claim(cluster, 'data').status?.phase, 'Pending');
    assert.ok(
      eventsFor(cluster, 'data').includes('Warning ProvisioningFailed storageclass.storage.k8s.io "fast" not found'),
    );
    const pod = cluster.get<Pod>('pod', 'app');
    assert.equal(pod?.status?.phase, 'Pending');
    assert.equal(pod?.spec?.nodeName, undefined);
    const scheduled = pod?.status?.conditions?.find((c) => c.type === 'PodScheduled');
    assert.equal(scheduled?.status, 'False');
    assert.equal(scheduled?.message, UNBOUND_IMMEDIATE);
    assert.ok(eventsFor(cluster, 'app').includes(`Warning FailedScheduling ${UNBOUND_IMMEDIATE}`));
    assert.equal(
      cluster.kubectl('get pvc').split('\n')[1],
      'data   Pending                                      fast           <unset>                 2m',
    );
  });

  it('holds an OrderedReady StatefulSet at web-0 when its class is missing', () => {
    const cluster = new Cluster({ seed: 8 });
    cluster.apply(webManifest({ storageClassName: 'fast' }));
    cluster.run('3m');
    assert.deepEqual(
      cluster.list<Pod>('pod').map((p) => `${p.metadata.name} ${p.status?.phase}`),
      ['web-0 Pending'],
    );
    assert.equal(claim(cluster, 'www-web-0').status?.phase, 'Pending');
  });

  it('reports a missing claim to the scheduler', () => {
    const cluster = new Cluster({ seed: 8 });
    cluster.apply(podManifest('app', 'nothing'));
    cluster.run('30s');
    const scheduled = cluster.get<Pod>('pod', 'app')?.status?.conditions?.find((c) => c.type === 'PodScheduled');
    assert.equal(
      scheduled?.message,
      '0/3 nodes are available: persistentvolumeclaim "nothing" not found. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    );
  });

  it('does not start containers of a pod bound to a node while its claim is unbound', () => {
    const cluster = new Cluster({ seed: 8 });
    cluster.apply(claimManifest('data', '  storageClassName: fast\n'));
    cluster.apply(podManifest('app', 'data', '  nodeName: node-1\n'));
    cluster.run('2m');
    const pod = cluster.get<Pod>('pod', 'app');
    assert.equal(pod?.status?.phase, 'Pending');
    assert.equal(pod?.status?.containerStatuses, undefined);
    assert.ok(!eventsFor(cluster, 'app').some((e) => e.includes('Started')));
  });
});

describe('reclaim policy', () => {
  const classes: Array<{ policy: 'Delete' | 'Retain'; afterDelete: string | undefined }> = [
    { policy: 'Delete', afterDelete: undefined },
    { policy: 'Retain', afterDelete: 'Released' },
  ];
  for (const { policy, afterDelete } of classes) {
    it(`${policy}: deleting the claim ${afterDelete ? 'leaves the volume Released' : 'deletes the volume'}`, () => {
      const cluster = new Cluster({ seed: 10 });
      cluster.apply(
        `apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: local}\nprovisioner: rancher.io/local-path\nreclaimPolicy: ${policy}\nvolumeBindingMode: WaitForFirstConsumer\n`,
      );
      cluster.apply(claimManifest('data', '  storageClassName: local\n'));
      cluster.apply(podManifest('app', 'data'));
      cluster.settle();
      const volume = claim(cluster, 'data').spec?.volumeName ?? '';
      assert.equal(cluster.get<PersistentVolume>('pv', volume)?.spec?.persistentVolumeReclaimPolicy, policy);
      // pvc-protection: the claim waits for its pod.
      cluster.kubectl('delete pvc data --wait=false');
      cluster.run('5s');
      assert.ok(claim(cluster, 'data').metadata?.deletionTimestamp);
      assert.ok(cluster.kubectl('get pvc data').split('\n')[1].startsWith('data   Terminating   '));
      cluster.kubectl('delete pod app');
      cluster.settle();
      assert.equal(cluster.get('pvc', 'data'), undefined);
      const pv = cluster.get<PersistentVolume>('pv', volume);
      assert.equal(pv?.status?.phase, afterDelete);
      if (pv) assert.equal(pv.spec?.claimRef?.name, 'data', 'a Released volume still names its old claim');
    });
  }
});
