import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import { Cluster } from '../../../src/sim/index';
import { WEB_DEPLOYMENT, webManifest } from './fixtures-web';

function settledWeb(replicas: number, options: { probe?: boolean } = {}): Cluster {
  const cluster = new Cluster({ seed: 1 });
  cluster.apply(webManifest({ replicas, ...options }));
  cluster.settle();
  return cluster;
}

describe('kubectl describe service', () => {
  it('prints the headless Service with its ready endpoints from the EndpointSlices', () => {
    const cluster = settledWeb(2);
    const ips = ['web-0', 'web-1'].map((p) => cluster.get<Pod>('pod', p)?.status?.podIP);
    const lines = cluster.kubectl('describe svc nginx').split('\n');
    assert.deepEqual(lines.slice(0, 13), [
      'Name:                     nginx',
      'Namespace:                default',
      'Labels:                   app=nginx',
      'Annotations:              <none>',
      'Selector:                 app=nginx',
      'Type:                     ClusterIP',
      'IP Family Policy:         SingleStack',
      'IP Families:              IPv4',
      'IP:                       None',
      'IPs:                      None',
      'Port:                     web  80/TCP',
      'TargetPort:               80/TCP',
      `Endpoints:                ${lines[12].slice(26)}`,
    ]);
    // The slice lists endpoints in its own order; every ready pod is there once, as host:port.
    assert.deepEqual(lines[12].slice(26).split(',').sort(), ips.map((ip) => `${ip}:80`).sort());
    assert.deepEqual(lines.slice(13), [
      'Session Affinity:         None',
      'Internal Traffic Policy:  Cluster',
      'Events:                   <none>',
      '',
    ]);
  });

  it('lists three endpoints and counts the rest, leaving out pods that are not ready', () => {
    const cluster = settledWeb(5, { probe: true });
    assert.match(
      cluster.kubectl('describe svc nginx'),
      /\nEndpoints: +(\d+\.){3}\d+:80(,(\d+\.){3}\d+:80){2} \+ 2 more\.\.\.\n/,
    );
    cluster.faults.unready('web-3');
    cluster.faults.unready('web-4');
    cluster.run('20s');
    assert.match(cluster.kubectl('describe svc nginx'), /\nEndpoints: +(\d+\.){3}\d+:80(,(\d+\.){3}\d+:80){2}\n/);
  });
});

describe('kubectl describe pvc', () => {
  it('prints a bound claim, the pod that uses it and its provisioning events', () => {
    const cluster = settledWeb(1);
    const claim = cluster.get<PersistentVolumeClaim>('pvc', 'www-web-0');
    const out = cluster.kubectl('describe pvc www-web-0');
    const head = out.split('\n').slice(0, 6);
    assert.deepEqual(head, [
      'Name:          www-web-0',
      'Namespace:     default',
      'StorageClass:  standard',
      'Status:        Bound',
      `Volume:        ${claim?.spec?.volumeName}`,
      'Labels:        app=nginx',
    ]);
    assert.match(
      out,
      /\nFinalizers: {4}\[kubernetes\.io\/pvc-protection\]\nCapacity: {6}1Gi\nAccess Modes: {2}RWO\nVolumeMode: {4}Filesystem\nUsed By: {7}web-0\n/,
    );
    assert.match(out, /\n {2}Normal {2}ProvisioningSucceeded .* Successfully provisioned volume pvc-/);
  });

  it('a pending claim shows no capacity or access modes, and no user', () => {
    const cluster = new Cluster({ seed: 1 });
    cluster.apply(`
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data}
spec: {storageClassName: missing, accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
`);
    cluster.run('5s');
    const lines = cluster.kubectl('describe pvc data').split('\n');
    assert.deepEqual(lines.slice(0, 13), [
      'Name:          data',
      'Namespace:     default',
      'StorageClass:  missing',
      'Status:        Pending',
      'Volume:        ',
      'Labels:        <none>',
      'Annotations:   <none>',
      'Finalizers:    [kubernetes.io/pvc-protection]',
      'Capacity:      ',
      'Access Modes:  ',
      'VolumeMode:    Filesystem',
      'Used By:       <none>',
      'Events:',
    ]);
    assert.match(lines[15], /Warning +ProvisioningFailed .*storageclass\.storage\.k8s\.io "missing" not found/);
  });
});

describe('kubectl describe rs', () => {
  it('prints the ReplicaSet, its owner, replica counts, pod template and events', () => {
    const cluster = new Cluster({ seed: 1 });
    cluster.apply(WEB_DEPLOYMENT);
    cluster.settle();
    const rs = cluster.list('rs')[0];
    const hash = rs.metadata.labels?.['pod-template-hash'];
    const out = cluster.kubectl(`describe rs ${rs.metadata.name}`);
    assert.deepEqual(out.split('\n').slice(0, 12), [
      `Name:           web-${hash}`,
      'Namespace:      default',
      `Selector:       app=web,pod-template-hash=${hash}`,
      'Labels:         app=web',
      `                pod-template-hash=${hash}`,
      'Annotations:    deployment.kubernetes.io/desired-replicas: 2',
      '                deployment.kubernetes.io/max-replicas: 3',
      '                deployment.kubernetes.io/revision: 1',
      'Controlled By:  Deployment/web',
      'Replicas:       2 current / 2 desired',
      'Pods Status:    2 Running / 0 Waiting / 0 Succeeded / 0 Failed',
      'Pod Template:',
    ]);
    assert.equal(out.match(/Normal {2}SuccessfulCreate .* replicaset-controller {2}Created pod: web-/g)?.length, 2);
  });
});
