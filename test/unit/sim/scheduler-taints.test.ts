import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Pod } from 'kubernetes-types/core/v1';
import { Cluster } from '../../../src/sim/index';

function podManifest(tolerations: string): string {
  return `apiVersion: v1
kind: Pod
metadata: {name: app}
spec:
  containers: [{name: app, image: "nginx:1.16.1"}]
  tolerations: [${tolerations}]
`;
}

const TAINT = `patch node node-1 -p '{"spec":{"taints":[{"key":"dedicated","value":"db","effect":"NoSchedule"}]}}'`;
const UNTOLERATED =
  '0/1 nodes are available: 1 node(s) had untolerated taint {dedicated: db}. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.';
const CORDONED =
  '0/1 nodes are available: 1 node(s) were unschedulable. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.';

describe('TaintToleration and NodeUnschedulable', () => {
  const cases: Array<{ name: string; setup: string; tolerations: string; fails?: string }> = [
    { name: 'no toleration: the taint keeps the pod off', setup: TAINT, tolerations: '', fails: UNTOLERATED },
    {
      name: 'an Equal toleration of key, value and effect',
      setup: TAINT,
      tolerations: '{key: dedicated, operator: Equal, value: db, effect: NoSchedule}',
    },
    { name: 'an Exists toleration of the key', setup: TAINT, tolerations: '{key: dedicated, operator: Exists}' },
    {
      name: 'a toleration of another value',
      setup: TAINT,
      tolerations: '{key: dedicated, operator: Equal, value: web, effect: NoSchedule}',
      fails: UNTOLERATED,
    },
    { name: 'a cordoned node, no toleration', setup: 'cordon node-1', tolerations: '', fails: CORDONED },
    {
      name: 'a cordoned node, tolerating node.kubernetes.io/unschedulable',
      setup: 'cordon node-1',
      tolerations: '{key: node.kubernetes.io/unschedulable, operator: Exists, effect: NoSchedule}',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const cluster = new Cluster({ seed: 1, nodes: 1 });
      cluster.kubectl(c.setup);
      cluster.apply(podManifest(c.tolerations));
      cluster.run('10s');
      const pod = cluster.get<Pod>('pod', 'app');
      const scheduled = pod?.status?.conditions?.find((x) => x.type === 'PodScheduled');
      if (c.fails) {
        assert.equal(pod?.spec?.nodeName, undefined);
        assert.equal(scheduled?.message, c.fails);
      } else {
        assert.equal(pod?.spec?.nodeName, 'node-1');
      }
    });
  }
});
