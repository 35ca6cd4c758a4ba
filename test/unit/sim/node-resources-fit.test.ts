import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Pod } from 'kubernetes-types/core/v1';
import { Cluster } from '../../../src/sim/index';
import { cpuPodManifest } from './fixtures-web';
import { parseQuantity } from '../../../src/sim/api/quantity';
import { podQOSClass } from '../../../src/sim/pods/resources';

describe('resource quantities', () => {
  const cases: Array<[string, number | undefined]> = [
    ['500m', 0.5],
    ['2', 2],
    ['1.5', 1.5],
    ['128Mi', 128 * 2 ** 20],
    ['1Gi', 2 ** 30],
    ['1G', 1e9],
    ['100k', 1e5],
    ['1e3', 1000],
    ['12Q', undefined],
  ];
  for (const [text, value] of cases) it(`${text} → ${value}`, () => assert.equal(parseQuantity(text), value));
});

describe('QoS class (GetPodQOS)', () => {
  const pod = (resources: object[]): Pod => ({
    spec: { containers: resources.map((r, i) => ({ name: `c${i}`, image: 'nginx', resources: r })) },
  });
  const cases: Array<[string, Pod, string]> = [
    ['nothing asked', pod([{}]), 'BestEffort'],
    ['a request only', pod([{ requests: { cpu: '100m' } }]), 'Burstable'],
    [
      'limits equal requests',
      pod([{ requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } }]),
      'Guaranteed',
    ],
    ['limits alone (requests default to them)', pod([{ limits: { cpu: '500m', memory: '64Mi' } }]), 'Guaranteed'],
    [
      'equal in other units',
      pod([{ requests: { cpu: '1000m', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } }]),
      'Guaranteed',
    ],
    ['one container without limits', pod([{ limits: { cpu: '1', memory: '1Gi' } }, {}]), 'Burstable'],
    ['a cpu limit but no memory limit', pod([{ limits: { cpu: '1' } }]), 'Burstable'],
  ];
  for (const [name, p, want] of cases) it(name, () => assert.equal(podQOSClass(p), want));
});

describe('NodeResourcesFit', () => {
  it('leaves a pod that asks more CPU than any node has Pending, with the scheduler’s message', () => {
    const c = new Cluster({ seed: 1 });
    c.apply(cpuPodManifest('big', '64'));
    c.run('10s');
    const pod = c.get<Pod>('pod', 'big');
    assert.equal(pod?.spec?.nodeName, undefined);
    const condition = pod?.status?.conditions?.find((cond) => cond.type === 'PodScheduled');
    assert.equal(condition?.reason, 'Unschedulable');
    assert.equal(
      condition?.message,
      '0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.',
    );
    assert.equal(pod?.status?.qosClass, 'Burstable');
  });

  it('counts what running pods request, and schedules the waiting pod once room is freed', () => {
    const c = new Cluster({ seed: 1, nodes: 1 });
    c.apply(cpuPodManifest('a', '3'));
    c.apply(cpuPodManifest('b', '2'));
    c.run('20s');
    assert.equal(c.get<Pod>('pod', 'a')?.status?.phase, 'Running');
    assert.equal(c.get<Pod>('pod', 'b')?.spec?.nodeName, undefined);
    c.kubectl('delete pod a');
    c.run('40s');
    assert.equal(c.get<Pod>('pod', 'b')?.status?.phase, 'Running');
  });

  it('says which nodes are cordoned and which are full', () => {
    const c = new Cluster({ seed: 1 });
    c.kubectl('cordon node-1');
    c.apply(cpuPodManifest('big', '8'));
    c.run('10s');
    const message = c.get<Pod>('pod', 'big')?.status?.conditions?.find((cond) => cond.type === 'PodScheduled')?.message;
    assert.equal(
      message,
      '0/3 nodes are available: 1 node(s) were unschedulable, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
    );
  });
});
