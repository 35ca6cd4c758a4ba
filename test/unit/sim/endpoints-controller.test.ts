import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Endpoints, Pod } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { Cluster } from '../../../src/sim/index';
import { repackSubsets } from '../../../src/sim/controllers/endpoint/repack-subsets';
import { formatEndpoints } from '../../../src/sim/kubectl/printers-discovery';
import { webManifest } from './fixtures-web';

const WARNING = 'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n';

function settled(options: Parameters<typeof webManifest>[0] = {}): Cluster {
  const c = new Cluster({ seed: 3 });
  c.apply(webManifest(options));
  c.settle();
  return c;
}

/** The pods' IPs, sorted as text (LessEndpointAddress compares the strings). */
function ipsOf(c: Cluster, names: string[]): string[] {
  return names.map((n) => c.get<Pod>('pod', n)!.status!.podIP!).sort();
}

describe('the Endpoints controller', () => {
  it('one subset for a headless Service: ready pods by IP, with hostname, node and target, and the named port', () => {
    const c = settled();
    const ep = c.get<Endpoints>('endpoints', 'nginx')!;
    assert.deepEqual(ep.metadata.labels, { app: 'nginx', 'service.kubernetes.io/headless': '' });
    assert.equal(ep.subsets?.length, 1);
    const [subset] = ep.subsets!;
    assert.deepEqual(subset.ports, [{ name: 'web', port: 80, protocol: 'TCP' }]);
    assert.deepEqual(
      subset.addresses?.map((a) => a.ip),
      ipsOf(c, ['web-0', 'web-1', 'web-2']),
    );
    const web0 = subset.addresses!.find((a) => a.hostname === 'web-0')!;
    const pod = c.get<Pod>('pod', 'web-0')!;
    assert.deepEqual(web0, {
      ip: pod.status!.podIP,
      hostname: 'web-0',
      nodeName: pod.spec!.nodeName,
      targetRef: { kind: 'Pod', namespace: 'default', name: 'web-0', uid: pod.metadata!.uid },
    });
    assert.equal(subset.notReadyAddresses, undefined);
  });

  it('an unready pod moves to notReadyAddresses, unless the Service publishes not-ready addresses', () => {
    for (const publish of [false, true]) {
      const c = settled({ probe: true, publishNotReady: publish });
      c.faults.unready('web-1');
      c.run('20s');
      const [subset] = c.get<Endpoints>('endpoints', 'nginx')!.subsets!;
      const ready = subset.addresses?.map((a) => a.hostname).sort();
      const notReady = subset.notReadyAddresses?.map((a) => a.hostname);
      assert.deepEqual(ready, publish ? ['web-0', 'web-1', 'web-2'] : ['web-0', 'web-2']);
      assert.deepEqual(notReady, publish ? undefined : ['web-1']);
    }
  });

  it('a terminating pod leaves at once (EndpointSlices keep it, marked terminating)', () => {
    const c = settled();
    c.kubectl('delete pod web-2 --wait=false');
    c.run('100ms');
    const hosts = c
      .get<Endpoints>('endpoints', 'nginx')!
      .subsets![0].addresses!.map((a) => a.hostname)
      .sort();
    assert.deepEqual(hosts, ['web-0', 'web-1']);
    const slice = c.list<EndpointSlice>('endpointslices')[0];
    assert.equal(slice.endpoints?.find((e) => e.hostname === 'web-2')?.conditions?.terminating, true);
  });

  it('a Service without a selector gets no managed Endpoints; deleting a Service deletes its Endpoints', () => {
    const c = settled();
    c.apply(`apiVersion: v1
kind: Service
metadata: {name: external}
spec:
  ports: [{port: 5432}]
`);
    c.run('1s');
    assert.equal(c.get('endpoints', 'external'), undefined);
    c.kubectl('delete svc nginx');
    c.run('1s');
    assert.equal(c.get('endpoints', 'nginx'), undefined);
  });

  it('kubectl get endpoints: the deprecation warning first, then up to three ip:port pairs and how many more', () => {
    const c = settled({ replicas: 5 });
    const ips = ipsOf(c, ['web-0', 'web-1', 'web-2', 'web-3', 'web-4']);
    const result = c.kubectlResult('get ep nginx');
    assert.equal(result.stderr, WARNING);
    assert.equal(result.stderrBeforeStdout, WARNING.length);
    assert.match(
      result.stdout,
      new RegExp(
        `^NAME +ENDPOINTS +AGE\\nnginx +${ips
          .slice(0, 3)
          .map((ip) => `${ip}:80`)
          .join(',')} \\+ 2 more\\.\\.\\. +\\d+s\\n$`,
      ),
    );
    assert.equal(c.kubectl('get endpoints -n kube-public'), `${WARNING}No resources found in kube-public namespace.\n`);
  });

  it('RepackSubsets: ports offered by the same addresses share a subset; an address appears once per subset', () => {
    const address = (ip: string, uid: string) => ({ ip, targetRef: { kind: 'Pod', uid } });
    const p1 = { name: 'a', port: 80, protocol: 'TCP' };
    const p2 = { name: 'b', port: 81, protocol: 'TCP' };
    const subsets = repackSubsets([
      { address: address('10.0.0.9', 'x'), ready: true, port: p1 },
      { address: address('10.0.0.9', 'x'), ready: true, port: p2 },
      { address: address('10.0.0.10', 'y'), ready: true, port: p1 },
      { address: address('10.0.0.11', 'z'), ready: false, port: p1 },
    ]);
    assert.deepEqual(subsets, [
      {
        addresses: [address('10.0.0.10', 'y'), address('10.0.0.9', 'x')],
        notReadyAddresses: [address('10.0.0.11', 'z')],
        ports: [p1],
      },
      { addresses: [address('10.0.0.9', 'x')], ports: [p2] },
    ]);
  });

  it('formatEndpoints: <none> without subsets, bare IPs for a headless Service without ports', () => {
    const rows: Array<{ endpoints: Endpoints; want: string }> = [
      { endpoints: { metadata: { name: 'e' } }, want: '<none>' },
      {
        endpoints: { metadata: { name: 'e' }, subsets: [{ addresses: [{ ip: '10.0.0.1' }, { ip: '10.0.0.2' }] }] },
        want: '10.0.0.1,10.0.0.2',
      },
      {
        endpoints: {
          metadata: { name: 'e' },
          subsets: [{ notReadyAddresses: [{ ip: '10.0.0.1' }], ports: [{ port: 80 }] }],
        },
        want: '',
      },
      {
        endpoints: {
          metadata: { name: 'e' },
          subsets: [{ addresses: [{ ip: '10.0.0.1' }, { ip: '10.0.0.2' }], ports: [{ port: 80 }, { port: 443 }] }],
        },
        want: '10.0.0.1:80,10.0.0.2:80,10.0.0.1:443 + 1 more...',
      },
    ];
    for (const row of rows) assert.equal(formatEndpoints(row.endpoints), row.want);
  });
});
