import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Pod } from 'kubernetes-types/core/v1';
import { Cluster } from '../../../src/sim/index';
import { HostLocalIPAM } from '../../../src/sim/node/host-local-ipam';
import { webDeployment } from './fixtures-web';

function pods(cluster: Cluster): Pod[] {
  return cluster.list<Pod>('pods');
}

describe('host-local IPAM on a /24', () => {
  const cases: Array<{
    name: string;
    steps: Array<['allocate' | 'release', string]>;
    want: Array<string | undefined>;
  }> = [
    {
      name: 'hands out .2, .3, .4 in turn',
      steps: [
        ['allocate', 'a'],
        ['allocate', 'b'],
        ['allocate', 'c'],
      ],
      want: ['10.244.1.2', '10.244.1.3', '10.244.1.4'],
    },
    {
      name: 'a released address is reused only after a full turn',
      steps: [
        ['allocate', 'a'],
        ['allocate', 'b'],
        ['release', 'a'],
        ['allocate', 'c'],
      ],
      want: ['10.244.1.2', '10.244.1.3', undefined, '10.244.1.4'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const ipam = new HostLocalIPAM(1);
      const got = c.steps.map(([op, pod]) => (op === 'allocate' ? ipam.allocate(pod) : ipam.release(pod)));
      assert.deepEqual(got, c.want);
    });
  }

  it('wraps round past .254, skipping addresses in use, and reports an exhausted range', () => {
    const ipam = new HostLocalIPAM(2);
    for (let i = 0; i < 253; i++) ipam.allocate(`p${i}`);
    assert.equal(ipam.allocate('one-too-many'), undefined);
    ipam.release('p10'); // 10.244.2.12
    ipam.release('p5'); // 10.244.2.7
    assert.equal(ipam.allocate('next'), '10.244.2.7');
    assert.equal(ipam.allocate('after'), '10.244.2.12');
    assert.equal(ipam.rangeSet(), '10.244.2.2-10.244.2.254');
  });
});

describe('pods per node (allocatable pods: 110)', () => {
  it('leaves the 111th pod on a one-node cluster Pending with "Too many pods"', () => {
    const cluster = new Cluster({ seed: 3, nodes: 1 });
    cluster.apply(webDeployment(111));
    cluster.settle();
    const pending = pods(cluster).filter((p) => !p.spec?.nodeName);
    assert.equal(pending.length, 1);
    const condition = pending[0].status?.conditions?.find((c) => c.type === 'PodScheduled');
    assert.equal(
      condition?.message,
      '0/1 nodes are available: 1 Too many pods. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.',
    );
    // Scaling down removes the unscheduled pod first (ActivePods ranks unassigned pods lowest).
    cluster.kubectl('scale deployment web --replicas=110');
    cluster.settle();
    assert.equal(pods(cluster).length, 110);
    assert.ok(pods(cluster).every((p) => p.spec?.nodeName === 'node-1'));
  });

  it('keeps every pod IP inside the node CIDR through rollouts that create 400 pods on one node', () => {
    const cluster = new Cluster({ seed: 5, nodes: 1 });
    cluster.apply(webDeployment(100));
    cluster.settle();
    for (let i = 0; i < 3; i++) {
      cluster.kubectl('rollout restart deployment/web');
      cluster.settle();
    }
    const ips = pods(cluster).map((p) => p.status?.podIP ?? '');
    assert.equal(ips.length, 100);
    assert.equal(new Set(ips).size, 100);
    for (const ip of ips) assert.match(ip, /^10\.244\.1\.(\d+)$/);
    for (const ip of ips) assert.ok(Number(ip.split('.')[3]) <= 254, ip);
  });
});
