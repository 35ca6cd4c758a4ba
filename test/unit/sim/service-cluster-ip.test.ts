import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Service } from 'kubernetes-types/core/v1';
import { Cluster } from '../../../src/sim/index';

function service(name: string, clusterIP?: string): string {
  return `apiVersion: v1
kind: Service
metadata: {name: ${name}}
spec:${clusterIP ? `\n  clusterIP: ${clusterIP}` : ''}
  selector: {app: web}
  ports: [{port: 80}]
`;
}

describe('Service cluster IPs', () => {
  const cases: Array<{ name: string; setup?: string; manifest: string; output: string }> = [
    {
      name: 'a free address in the range is granted',
      manifest: service('a', '10.96.5.5'),
      output: 'service/a created\n',
    },
    {
      name: 'an address another Service holds is refused',
      setup: service('a', '10.96.5.5'),
      manifest: service('b', '10.96.5.5'),
      output:
        'The Service "b" is invalid: spec.clusterIPs: Invalid value: ["10.96.5.5"]: failed to allocate IP 10.96.5.5: provided IP is already allocated\n',
    },
    {
      name: 'kube-dns keeps its address',
      manifest: service('b', '10.96.0.10'),
      output:
        'The Service "b" is invalid: spec.clusterIPs: Invalid value: ["10.96.0.10"]: failed to allocate IP 10.96.0.10: provided IP is already allocated\n',
    },
    {
      name: 'an address outside the service range is refused',
      manifest: service('c', '10.0.0.1'),
      output:
        'The Service "c" is invalid: spec.clusterIPs: Invalid value: ["10.0.0.1"]: failed to allocate IP 10.0.0.1: the provided IP (10.0.0.1) is not in the valid range. The range of valid IPs is 10.96.0.0/16\n',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const cluster = new Cluster({ seed: 1 });
      if (c.setup) cluster.apply(c.setup);
      assert.equal(cluster.apply(c.manifest), c.output);
    });
  }

  it('a deleted Service gives its address back', () => {
    const cluster = new Cluster({ seed: 1 });
    cluster.apply(service('a', '10.96.5.5'));
    cluster.kubectl('delete svc a');
    assert.equal(cluster.apply(service('b', '10.96.5.5')), 'service/b created\n');
  });

  it('addresses handed out at random never repeat one in use', () => {
    const cluster = new Cluster({ seed: 2 });
    for (let i = 0; i < 40; i++) cluster.apply(service(`s${i}`));
    const ips = cluster.list<Service>('svc').map((s) => s.spec?.clusterIP);
    assert.equal(new Set(ips).size, ips.length);
    for (const ip of ips) assert.match(ip ?? '', /^10\.96\.\d+\.\d+$/);
  });
});
