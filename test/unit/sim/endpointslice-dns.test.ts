import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { Pod, Service } from 'kubernetes-types/core/v1';
import { Cluster } from '../../../src/sim/index';
import { webManifest } from './fixtures-web';

function podIP(cluster: Cluster, name: string): string {
  return cluster.get<Pod>('pod', name)?.status?.podIP ?? '';
}

function slicesOf(cluster: Cluster, service: string) {
  return cluster
    .list<EndpointSlice>('endpointslices')
    .filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === service);
}

describe('EndpointSlice controller', () => {
  it('lists the selected pods with hostname, node, target and conditions', () => {
    const cluster = new Cluster({ seed: 31 });
    cluster.apply(webManifest());
    cluster.settle();
    const slices = slicesOf(cluster, 'nginx');
    assert.equal(slices.length, 1);
    const slice = slices[0];
    assert.match(slice.metadata.name, /^nginx-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    assert.equal(slice.metadata.generateName, 'nginx-');
    assert.equal(slice.addressType, 'IPv4');
    assert.deepEqual(slice.metadata.labels, {
      app: 'nginx',
      'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
      'kubernetes.io/service-name': 'nginx',
      'service.kubernetes.io/headless': '',
    });
    assert.deepEqual(
      slice.metadata.ownerReferences?.map((r) => [r.kind, r.name, r.controller]),
      [['Service', 'nginx', true]],
    );
    assert.deepEqual(slice.ports, [{ name: 'web', port: 80, protocol: 'TCP' }]);
    const byHost = new Map((slice.endpoints ?? []).map((e) => [e.hostname, e]));
    for (const name of ['web-0', 'web-1', 'web-2']) {
      const pod = cluster.get<Pod>('pod', name);
      assert.deepEqual(byHost.get(name), {
        addresses: [pod?.status?.podIP],
        conditions: { ready: true, serving: true, terminating: false },
        hostname: name,
        nodeName: pod?.spec?.nodeName,
        targetRef: { kind: 'Pod', namespace: 'default', name, uid: pod?.metadata.uid },
      });
    }
    const table = cluster.kubectl('get endpointslices').split('\n');
    assert.match(table[0], /^NAME\s+ADDRESSTYPE\s+PORTS\s+ENDPOINTS\s+AGE$/);
    const ips = (slice.endpoints ?? []).map((e) => e.addresses[0]).join(',');
    assert.match(
      table[1],
      new RegExp(`^${slice.metadata.name}\\s+IPv4\\s+80\\s+${ips.replace(/\./g, '\\.')}\\s+\\d+s$`),
    );
  });

  it('keeps not-ready pods with ready=false, unless the service publishes not-ready addresses', () => {
    for (const publish of [false, true]) {
      const cluster = new Cluster({ seed: 32 });
      cluster.apply(webManifest({ probe: true, publishNotReady: publish }));
      cluster.settle();
      cluster.faults.unready('web-1');
      cluster.run('20s');
      const endpoint = slicesOf(cluster, 'nginx')[0].endpoints?.find((e) => e.hostname === 'web-1');
      assert.deepEqual(
        endpoint?.conditions,
        { ready: publish, serving: publish, terminating: false },
        `publish=${publish}`,
      );
      const answer = cluster.dns.lookup('web-1.nginx');
      assert.equal(answer.rcode, publish ? 'NOERROR' : 'NXDOMAIN', `publish=${publish}`);
    }
  });

  it('marks the evicted pod of a lost node terminating, neither ready nor serving', () => {
    const cluster = new Cluster({ seed: 33 });
    cluster.apply(webManifest());
    cluster.settle();
    const node = cluster.get<Pod>('pod', 'web-2')?.spec?.nodeName ?? '';
    cluster.faults.partitionNode(node);
    cluster.run('7m');
    const endpoint = slicesOf(cluster, 'nginx')[0].endpoints?.find((e) => e.hostname === 'web-2');
    // The node controller marked the pod not ready before the taint manager deleted it.
    assert.deepEqual(endpoint?.conditions, { ready: false, serving: false, terminating: true });
  });

  it('gives a selector without pods one empty slice, and removes slices with their service', () => {
    const cluster = new Cluster({ seed: 34 });
    const empty: Service = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'empty' },
      spec: { selector: { app: 'none' }, ports: [{ port: 80 }] },
    };
    cluster.apply(empty);
    cluster.run('1s');
    const slices = slicesOf(cluster, 'empty');
    assert.equal(slices.length, 1);
    assert.deepEqual(slices[0].endpoints, []);
    assert.match(
      cluster.kubectl('get endpointslices').split('\n')[1],
      /^empty-\S{5}\s+IPv4\s+<unset>\s+<unset>\s+\d+s$/,
    );
    cluster.kubectl('delete service empty');
    cluster.run('1s');
    assert.deepEqual(slicesOf(cluster, 'empty'), []);
  });
});

describe('cluster DNS', () => {
  it('answers A records for pods behind a headless service and follows a recreated pod’s new IP', () => {
    const cluster = new Cluster({ seed: 41 });
    cluster.apply(webManifest());
    cluster.settle();
    const before = podIP(cluster, 'web-0');
    assert.deepEqual(
      cluster.dns.query('web-0.nginx.default.svc.cluster.local').records.map((r) => r.data),
      [before],
    );
    assert.deepEqual(
      cluster.dns.lookup('web-0.nginx').records.map((r) => [r.name, r.data]),
      [['web-0.nginx.default.svc.cluster.local', before]],
    );
    assert.deepEqual(
      cluster.dns
        .lookup('nginx')
        .records.map((r) => r.data)
        .sort(),
      ['web-0', 'web-1', 'web-2'].map((n) => podIP(cluster, n)).sort(),
    );
    cluster.kubectl('delete pod web-0');
    cluster.settle();
    const after = podIP(cluster, 'web-0');
    assert.notEqual(after, before, 'the new web-0 has a new IP');
    assert.deepEqual(
      cluster.dns.lookup('web-0.nginx').records.map((r) => r.data),
      [after],
    );
  });

  it('lists only ready endpoints in SRV records', () => {
    const cluster = new Cluster({ seed: 42 });
    cluster.apply(webManifest({ probe: true }));
    cluster.settle();
    const srv = (): string[] =>
      cluster.dns
        .query('_web._tcp.nginx.default.svc.cluster.local', 'SRV')
        .records.map((r) => `${r.priority} ${r.weight} ${r.port} ${r.data}`);
    assert.deepEqual(srv().sort(), [
      '0 33 80 web-0.nginx.default.svc.cluster.local',
      '0 33 80 web-1.nginx.default.svc.cluster.local',
      '0 33 80 web-2.nginx.default.svc.cluster.local',
    ]);
    cluster.faults.unready('web-1');
    cluster.run('20s');
    assert.deepEqual(srv().sort(), [
      '0 50 80 web-0.nginx.default.svc.cluster.local',
      '0 50 80 web-2.nginx.default.svc.cluster.local',
    ]);
    assert.equal(cluster.dns.query('_http._tcp.nginx.default.svc.cluster.local', 'SRV').rcode, 'NXDOMAIN');
    cluster.faults.ready('web-1');
    cluster.run('20s');
    assert.equal(srv().length, 3);
  });

  it('answers a ClusterIP service with its ClusterIP, and serves kube-dns at 10.96.0.10', () => {
    const cluster = new Cluster({ seed: 43 });
    const api: Service = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'api' },
      spec: { selector: { app: 'api' }, ports: [{ name: 'http', port: 8080 }] },
    };
    cluster.apply(api);
    const ip = cluster.get<Service>('service', 'api')?.spec?.clusterIP;
    assert.deepEqual(
      cluster.dns.lookup('api').records.map((r) => r.data),
      [ip],
    );
    assert.deepEqual(
      cluster.dns.query('_http._tcp.api.default.svc.cluster.local', 'SRV').records.map((r) => [r.data, r.port]),
      [['api.default.svc.cluster.local', 8080]],
    );
    assert.deepEqual(
      cluster.dns.lookup('kube-dns.kube-system').records.map((r) => r.data),
      ['10.96.0.10'],
    );
    assert.match(
      cluster.kubectl('get svc -n kube-system'),
      /kube-dns\s+ClusterIP\s+10\.96\.0\.10\s+<none>\s+53\/UDP,53\/TCP,9153\/TCP/,
    );
  });

  it('prints busybox 1.28 nslookup output, as in the StatefulSet tutorial', () => {
    const cluster = new Cluster({ seed: 44 });
    cluster.apply(webManifest());
    cluster.settle();
    const ip = podIP(cluster, 'web-0');
    assert.deepEqual(cluster.nslookup('web-0.nginx'), {
      stdout:
        'Server:    10.96.0.10\n' +
        'Address 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\n' +
        'Name:      web-0.nginx\n' +
        `Address 1: ${ip} web-0.nginx.default.svc.cluster.local\n\n`,
      stderr: '',
      exitCode: 0,
    });
    assert.deepEqual(cluster.nslookup('web-9.nginx'), {
      stdout: 'Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\n\n',
      stderr: "nslookup: can't resolve 'web-9.nginx'\n",
      exitCode: 1,
    });
  });

  it('prints busybox 1.36 nslookup output, which searches only names without a dot', () => {
    const cluster = new Cluster({ seed: 45 });
    cluster.apply(webManifest());
    cluster.settle();
    const ip = podIP(cluster, 'web-0');
    const image = 'busybox:1.36';
    const header = 'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n';
    assert.deepEqual(cluster.nslookup('web-0.nginx.default.svc.cluster.local', { image }), {
      stdout: `${header}Name:\tweb-0.nginx.default.svc.cluster.local\nAddress: ${ip}\n\n\n`,
      stderr: '',
      exitCode: 0,
    });
    assert.deepEqual(cluster.nslookup('web-9.nginx', { image }), {
      stdout: `${header}** server can't find web-9.nginx: NXDOMAIN\n\n** server can't find web-9.nginx: NXDOMAIN\n\n`,
      stderr: '',
      exitCode: 1,
    });
    // A dotted short name is sent as it is, and the cluster zone does not have it.
    assert.equal(cluster.nslookup('web-0.nginx', { image }).exitCode, 1);
  });
});
