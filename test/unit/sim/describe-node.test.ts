import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Cluster } from '../../../src/sim/index';

const POD = `apiVersion: v1
kind: Pod
metadata: {name: app}
spec:
  nodeName: node-1
  containers:
  - name: app
    image: "nginx:1.16.1"
    resources: {requests: {cpu: 250m, memory: 64Mi}, limits: {cpu: "1", memory: 128Mi}}
`;

/** The lines of `kubectl describe node node-1` with runs of spaces shown as one. */
function describeLines(cluster: Cluster): string[] {
  return cluster
    .kubectl('describe node node-1')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, '  ').trimEnd());
}

describe('kubectl describe node', () => {
  it('shows the lease, conditions, capacity and each pod’s requests and limits against the allocatable', () => {
    const cluster = new Cluster({ seed: 1 });
    cluster.apply(POD);
    cluster.run('64s');
    const lines = describeLines(cluster);
    const expected = [
      'Name:  node-1',
      'Roles:  <none>',
      'Taints:  <none>',
      'Unschedulable:  false',
      '  HolderIdentity:  node-1',
      '  AcquireTime:  <unset>',
      '  RenewTime:  Thu, 01 Jan 2026 00:01:00 +0000',
      '  Ready  True  Thu, 01 Jan 2026 00:00:00 +0000  Thu, 01 Jan 2026 00:00:00 +0000  KubeletReady  kubelet is posting ready status',
      '  InternalIP:  172.18.0.2',
      '  pods:  110',
      'PodCIDRs:  10.244.1.0/24',
      'Non-terminated Pods:  (1 in total)',
      '  default  app  250m (6%)  1 (25%)  64Mi (0%)  128Mi (0%)  64s',
      '  cpu  250m (6%)  1 (25%)',
      '  memory  64Mi (0%)  128Mi (0%)',
      '  ephemeral-storage  0 (0%)  0 (0%)',
      'Events:  <none>',
    ];
    for (const line of expected) assert.ok(lines.includes(line), `missing line: ${line}\n${lines.join('\n')}`);
  });

  it('after a partition: unreachable taints sorted by effect, Unknown conditions and the node controller’s event', () => {
    const cluster = new Cluster({ seed: 1 });
    cluster.faults.partitionNode('node-1');
    cluster.run('2m');
    const lines = describeLines(cluster);
    const taints = lines.indexOf('Taints:  node.kubernetes.io/unreachable:NoExecute');
    assert.ok(taints > 0, lines.join('\n'));
    assert.equal(lines[taints + 1], '  node.kubernetes.io/unreachable:NoSchedule');
    assert.ok(
      lines.some((l) => /^ {2}Ready {2}Unknown .* NodeStatusUnknown {2}Kubelet stopped posting node status\.$/.test(l)),
    );
    assert.ok(
      lines.some((l) =>
        /^ {2}Normal {2}NodeNotReady {2}\S+ {2}node-controller {2}Node node-1 status is now: NodeNotReady$/.test(l),
      ),
    );
  });

  it('the kubelet posts its unchanged status every 5 minutes: heartbeat times move, transition times stay', () => {
    const cluster = new Cluster({ seed: 1 });
    cluster.run('11m');
    assert.ok(
      describeLines(cluster).includes(
        '  Ready  True  Thu, 01 Jan 2026 00:10:00 +0000  Thu, 01 Jan 2026 00:00:00 +0000  KubeletReady  kubelet is posting ready status',
      ),
    );
  });

  it('a cordoned node says so, and an unknown one is NotFound', () => {
    const cluster = new Cluster({ seed: 1 });
    cluster.kubectl('cordon node-2');
    assert.ok(cluster.kubectl('describe node node-2').includes('\nUnschedulable:      true\n'));
    assert.equal(cluster.kubectl('describe node node-9'), 'Error from server (NotFound): nodes "node-9" not found\n');
  });
});
