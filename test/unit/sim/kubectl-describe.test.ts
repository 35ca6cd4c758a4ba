import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Cluster } from '../../../src/sim/index';
import { goTabwriter } from '../../../src/sim/kubectl/go-tabwriter';

const WEB = `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web}
spec:
  serviceName: nginx
  replicas: 2
  selector: {matchLabels: {app: nginx}}
  template:
    metadata: {labels: {app: nginx}}
    spec:
      containers:
      - name: nginx
        image: registry.k8s.io/nginx-slim:0.21
        ports: [{containerPort: 80, name: web}]
        volumeMounts: [{name: www, mountPath: /usr/share/nginx/html}]
  volumeClaimTemplates:
  - metadata: {name: www}
    spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
`;

function cluster(): Cluster {
  const c = new Cluster({ seed: 3 });
  c.apply(WEB);
  c.settle();
  return c;
}

describe("Go's tabwriter", () => {
  it('aligns a column only over consecutive lines that have it', () => {
    const text = 'Name:\tweb-0\nIPs:\n  IP:\t10.0.0.1\nControlled By:\tStatefulSet/web\n';
    assert.equal(
      goTabwriter(text, 0, 2),
      'Name:  web-0\nIPs:\n  IP:           10.0.0.1\nControlled By:  StatefulSet/web\n',
    );
  });

  it('pads an empty last-but-one cell and leaves the last cell alone', () => {
    assert.equal(goTabwriter('a\tb\tc\nlonger\t\tz\n', 0, 2), 'a       b  c\nlonger     z\n');
  });
});

/** Go's time.RFC1123Z in UTC, as describe prints timestamps. */
function rfc1123z(timestamp: string): string {
  return new Date(timestamp).toUTCString().replace('GMT', '+0000');
}

describe('kubectl describe pod', () => {
  it("matches kubectl's layout", () => {
    const c = cluster();
    const pod = c.get('pod', 'web-0') as never as {
      spec: { nodeName: string };
      status: {
        hostIP: string;
        podIP: string;
        startTime: string;
        containerStatuses: Array<{ containerID: string; imageID: string }>;
      };
      metadata: { labels: Record<string, string> };
    };
    const cs = pod.status.containerStatuses[0];
    const out = c.kubectl('describe pod web-0');
    const node = `${pod.spec.nodeName}/${pod.status.hostIP}`;
    const hash = pod.metadata.labels['controller-revision-hash'];
    const head = [
      'Name:             web-0',
      'Namespace:        default',
      'Priority:         0',
      'Service Account:  default',
      `Node:             ${node}`,
      `Start Time:       ${rfc1123z(pod.status.startTime)}`,
      'Labels:           app=nginx',
      '                  apps.kubernetes.io/pod-index=0',
      `                  controller-revision-hash=${hash}`,
      '                  statefulset.kubernetes.io/pod-name=web-0',
      'Annotations:      <none>',
      'Status:           Running',
      `IP:               ${pod.status.podIP}`,
      'IPs:',
      `  IP:           ${pod.status.podIP}`,
      'Controlled By:  StatefulSet/web',
      'Containers:',
      '  nginx:',
      `    Container ID:   ${cs.containerID}`,
      '    Image:          registry.k8s.io/nginx-slim:0.21',
      `    Image ID:       ${cs.imageID}`,
      '    Port:           80/TCP',
      '    Host Port:      0/TCP',
      '    State:          Running',
    ];
    assert.deepEqual(out.split('\n').slice(0, head.length), head);
    const tail = [
      '    Ready:          True',
      '    Restart Count:  0',
      '    Environment:    <none>',
      '    Mounts:',
      '      /usr/share/nginx/html from www (rw)',
      'Conditions:',
      '  Type                        Status',
      '  PodReadyToStartContainers   True ',
      '  Initialized                 True ',
      '  Ready                       True ',
      '  ContainersReady             True ',
      '  PodScheduled                True ',
      'Volumes:',
      '  www:',
      '    Type:        PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)',
      '    ClaimName:   www-web-0',
      '    ReadOnly:    false',
      'QoS Class:       BestEffort',
      'Node-Selectors:  <none>',
      'Tolerations:     node.kubernetes.io/not-ready:NoExecute op=Exists for 300s',
      '                 node.kubernetes.io/unreachable:NoExecute op=Exists for 300s',
      'Events:',
      '  Type    Reason     Age   From               Message',
      '  ----    ------     ----  ----               -------',
    ];
    const lines = out.split('\n');
    const at = lines.indexOf('    Ready:          True');
    assert.deepEqual(lines.slice(at, at + tail.length), tail);
    // SortableEvents: the kubelet's Pulling of the same second (its timestamps are whole seconds) comes before the
    // scheduler's Scheduled, whose eventTime keeps the 5 ms the binding took.
    assert.match(lines[at + tail.length], /^ {2}Normal {2}Pulling {4}\d+s {3}kubelet {12}Pulling image /);
    assert.match(
      lines[at + tail.length + 1],
      /^ {2}Normal {2}Scheduled {2}\d+s {3}default-scheduler {2}Successfully assigned default\/web-0 to node-\d$/,
    );
  });

  it('shows Terminating with the grace period while a pod is being deleted', () => {
    const c = cluster();
    c.kubectl('delete pod web-1 --wait=false');
    const out = c.kubectl('describe pod web-1');
    // The deletion timestamp lies in the future during the grace period, so kubectl prints "<invalid>" for it;
    // the long "Termination Grace Period:" label widens the whole first block.
    assert.match(out, /\nStatus: {20}Terminating \(lasts <invalid>\)\nTermination Grace Period: {2}30s\n/);
    assert.match(out, /^Name: {22}web-1\n/);
  });

  it('names a missing pod like the apiserver', () => {
    assert.equal(cluster().kubectl('describe pod nope'), 'Error from server (NotFound): pods "nope" not found\n');
  });
});

describe('kubectl describe statefulset', () => {
  it("matches kubectl's layout", () => {
    const out = cluster().kubectl('describe sts web');
    const want = [
      'Name:               web',
      'Namespace:          default',
      'CreationTimestamp:  Thu, 01 Jan 2026 00:00:00 +0000',
      'Selector:           app=nginx',
      'Labels:             <none>',
      'Annotations:        <none>',
      'Replicas:           2 desired | 2 total',
      'Update Strategy:    RollingUpdate',
      '  Partition:        0',
      'Pods Status:        2 Running / 0 Waiting / 0 Succeeded / 0 Failed',
      'Pod Template:',
      '  Labels:  app=nginx',
      '  Containers:',
      '   nginx:',
      '    Image:        registry.k8s.io/nginx-slim:0.21',
      '    Port:         80/TCP',
      '    Host Port:    0/TCP',
      '    Environment:  <none>',
      '    Mounts:',
      '      /usr/share/nginx/html from www (rw)',
      '  Volumes:         <none>',
      '  Node-Selectors:  <none>',
      '  Tolerations:     <none>',
      'Volume Claims:',
      '  Name:          www',
      '  StorageClass:  ',
      '  Labels:        <none>',
      '  Annotations:   <none>',
      '  Capacity:      1Gi',
      '  Access Modes:  [ReadWriteOnce]',
      'Events:',
      '  Type    Reason            Age   From                    Message',
      '  ----    ------            ----  ----                    -------',
    ];
    const lines = out.split('\n');
    assert.deepEqual(lines.slice(0, want.length), want);
    assert.match(
      lines[want.length],
      /^ {2}Normal {2}SuccessfulCreate {2}\d+s {3}statefulset-controller {2}create Claim www-web-0 Pod web-0 in StatefulSet web success$/,
    );
  });

  it('folds repeated events into "(xN over …)"', () => {
    const c = cluster();
    c.kubectl('delete pod web-0');
    c.settle();
    c.kubectl('delete pod web-0');
    c.settle();
    const out = c.kubectl('describe sts web');
    assert.match(
      out,
      /SuccessfulCreate {2}\d+s \(x3 over \d+m?\d*s?\) {2}statefulset-controller {2}create Pod web-0 in StatefulSet web successful/,
    );
  });
});
