import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Service } from 'kubernetes-types/core/v1';
import { Cluster } from '../../../src/sim/index';
import { NODE_PORT_MAX, NODE_PORT_MIN } from '../../../src/sim/api/node-ports';

/** A Service manifest of this type whose ports are given as YAML flow items. */
function service(name: string, type: string, ports: string): string {
  return `
apiVersion: v1
kind: Service
metadata: {name: ${name}}
spec:
  type: ${type}
  selector: {tier: web, app: nginx}
  ports: [${ports}]
`;
}

function nodePorts(cluster: Cluster, name: string): Array<number | undefined> {
  return (cluster.get<Service>('svc', name)?.spec?.ports ?? []).map((p) => p.nodePort);
}

function inRange(port: number | undefined): boolean {
  return port !== undefined && port >= NODE_PORT_MIN && port <= NODE_PORT_MAX;
}

describe('Service node ports', () => {
  const rejected: Array<{ name: string; setup?: string; manifest: string; error: string }> = [
    {
      name: 'a requested port outside the range',
      manifest: service('web', 'NodePort', '{port: 80, nodePort: 80}'),
      error:
        'The Service "web" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
    },
    {
      name: 'a requested port another Service holds',
      setup: service('other', 'NodePort', '{port: 80, nodePort: 30080}'),
      manifest: service('web', 'NodePort', '{port: 80, nodePort: 30080}'),
      error:
        'The Service "web" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated',
    },
    {
      name: 'two port numbers asking for one node port',
      manifest: service(
        'web',
        'NodePort',
        '{name: a, port: 80, nodePort: 30080}, {name: b, port: 81, nodePort: 30080}',
      ),
      error:
        'The Service "web" is invalid: spec.ports[1].nodePort: Invalid value: 30080: provided port is already allocated',
    },
    {
      name: 'a node port on a ClusterIP Service',
      manifest: service('web', 'ClusterIP', '{port: 80, nodePort: 30080}'),
      error:
        'The Service "web" is invalid: spec.ports[0].nodePort: Forbidden: may not be used when `type` is \'ClusterIP\'',
    },
  ];
  for (const c of rejected) {
    it(`rejects ${c.name}, storing nothing`, () => {
      const cluster = new Cluster({ seed: 1 });
      if (c.setup) cluster.apply(c.setup);
      const before = cluster.kubectl('get svc -o yaml');
      assert.equal(cluster.apply(c.manifest).trim(), c.error);
      assert.equal(cluster.kubectl('get svc -o yaml'), before);
    });
  }

  it('gives NodePort and LoadBalancer Services a free port each, shared by ports of one number', () => {
    const cluster = new Cluster({ seed: 1 });
    cluster.apply(
      service('np', 'NodePort', '{name: t, port: 53}, {name: u, port: 53, protocol: UDP}, {name: x, port: 80}'),
    );
    cluster.apply(service('lb', 'LoadBalancer', '{port: 80}'));
    cluster.apply(service('plain', 'ClusterIP', '{port: 80}'));
    const [tcp, udp, http] = nodePorts(cluster, 'np');
    const [lb] = nodePorts(cluster, 'lb');
    assert.ok([tcp, http, lb].every(inRange), `${tcp} ${http} ${lb}`);
    assert.equal(udp, tcp);
    assert.equal(new Set([tcp, http, lb]).size, 3);
    assert.deepEqual(nodePorts(cluster, 'plain'), [undefined]);
    assert.equal(cluster.get<Service>('svc', 'lb')?.spec?.allocateLoadBalancerNodePorts, true);
    assert.equal(cluster.get<Service>('svc', 'np')?.spec?.externalTrafficPolicy, 'Cluster');
  });

  it('prints node ports, the load balancer as <pending>, and the selector sorted by key', () => {
    const cluster = new Cluster({ seed: 1 });
    cluster.apply(service('np', 'NodePort', '{port: 80, nodePort: 30080}'));
    cluster.apply(service('lb', 'LoadBalancer', '{port: 443, nodePort: 30443}'));
    const rows = cluster
      .kubectl('get svc np lb -o wide')
      .trim()
      .split('\n')
      .map((line) => line.split(/\s{2,}/));
    assert.deepEqual(rows, [
      ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE', 'SELECTOR'],
      ['np', 'NodePort', rows[1][2], '<none>', '80:30080/TCP', '0s', 'app=nginx,tier=web'],
      ['lb', 'LoadBalancer', rows[2][2], '<pending>', '443:30443/TCP', '0s', 'app=nginx,tier=web'],
    ]);
  });

  it('keeps a port through updates and releases it when the type no longer needs one', () => {
    const cluster = new Cluster({ seed: 1 });
    cluster.apply(service('web', 'NodePort', '{name: http, port: 80}'));
    const [first] = nodePorts(cluster, 'web');
    cluster.apply(service('web', 'NodePort', '{name: http, port: 80, targetPort: 8080}'));
    assert.deepEqual(nodePorts(cluster, 'web'), [first]);
    assert.equal(cluster.kubectl(`patch svc web -p '{"spec":{"type":"ClusterIP"}}'`), 'service/web patched\n');
    const plain = cluster.get<Service>('svc', 'web')?.spec;
    assert.deepEqual(nodePorts(cluster, 'web'), [undefined]);
    assert.equal(plain?.externalTrafficPolicy, undefined);
    // The released port is free again for another Service.
    assert.equal(
      cluster.apply(service('other', 'NodePort', `{port: 80, nodePort: ${first}}`)),
      'service/other created\n',
    );
  });
});
