import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Service } from 'kubernetes-types/core/v1';
import { Cluster } from '../../../src/sim/index';

const WEB = `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web}
spec:
  serviceName: nginx
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: nginx
        image: "nginx:1.16.1"
        ports: [{containerPort: 80}, {containerPort: 53, protocol: UDP}]
`;

function cluster(): Cluster {
  const c = new Cluster({ seed: 6 });
  c.kubectl('create deployment nginx --image=nginx:1.16.1 --port=80 --replicas=2');
  c.kubectl('create deployment bare --image=nginx:1.16.1');
  c.apply(WEB);
  c.settle();
  return c;
}

function serviceCount(c: Cluster): number {
  return c.list('svc').length;
}

describe('kubectl expose: refused, nothing created', () => {
  const cases: Array<{ command: string; stderr: string }> = [
    {
      command: 'expose',
      stderr:
        "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
    },
    { command: 'expose deploy', stderr: 'error: resource(s) were provided, but no name was specified\n' },
    {
      command: 'expose deploy missing',
      stderr: 'Error from server (NotFound): deployments.apps "missing" not found\n',
    },
    // CanBeExposed: a StatefulSet is not among the kinds kubectl expose takes.
    { command: 'expose sts web', stderr: 'error: cannot expose a StatefulSet.apps\n' },
    { command: 'expose deploy bare', stderr: "error: couldn't find port via --port flag or introspection\n" },
    { command: 'expose deploy nginx --port=http', stderr: 'error: strconv.Atoi: parsing "http": invalid syntax\n' },
    { command: 'expose deploy nginx --session-affinity=Sticky', stderr: 'error: unknown session affinity: Sticky\n' },
    { command: 'expose deploy nginx --selector=app', stderr: 'error: unexpected label spec: app\n' },
    { command: 'expose deploy nginx -l =x', stderr: 'error: unexpected empty label key\n' },
    {
      command: 'expose deploy nginx --replicas=2',
      stderr: "error: unknown flag: --replicas\nSee 'kubectl expose --help' for usage.\n",
    },
    {
      command: 'expose deploy nginx --type=Internal',
      stderr:
        'The Service "nginx" is invalid: spec.type: Unsupported value: "Internal": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"\n',
    },
  ];
  for (const c of cases) {
    it(c.command, () => {
      const k = cluster();
      const before = serviceCount(k);
      assert.deepEqual(k.kubectlResult(c.command), { stdout: '', stderr: c.stderr, exitCode: 1 });
      assert.equal(serviceCount(k), before);
    });
  }

  it('a second expose of the same name is AlreadyExists', () => {
    const k = cluster();
    assert.equal(k.kubectl('expose deploy nginx'), 'service/nginx exposed\n');
    assert.equal(
      k.kubectl('expose deploy nginx'),
      'Error from server (AlreadyExists): services "nginx" already exists\n',
    );
  });
});

describe('kubectl expose: the Service it makes', () => {
  it('takes selector, port and labels from a Deployment (--dry-run=client -o yaml)', () => {
    const k = cluster();
    assert.equal(
      k.kubectl('expose deployment nginx --dry-run=client -o yaml'),
      [
        'apiVersion: v1',
        'kind: Service',
        'metadata:',
        '  labels:',
        '    app: nginx',
        '  name: nginx',
        'spec:',
        '  ports:',
        '  - port: 80',
        '    protocol: TCP',
        '    targetPort: 80',
        '  selector:',
        '    app: nginx',
        'status:',
        '  loadBalancer: {}',
        '',
      ].join('\n'),
    );
  });

  it('names several ports port-1, port-2 and keeps each container port protocol', () => {
    const k = cluster();
    assert.equal(k.kubectl('expose pod web-0 --name=web-0'), 'service/web-0 exposed\n');
    const svc = k.get<Service>('svc', 'web-0');
    assert.deepEqual(
      svc?.spec?.ports?.map((p) => [p.name, p.port, p.protocol, p.targetPort]),
      [
        ['port-1', 80, 'TCP', 80],
        ['port-2', 53, 'UDP', 53],
      ],
    );
  });

  it('copies every label of an exposed pod into the selector, controller-revision-hash included', () => {
    const k = cluster();
    k.kubectl('expose pod web-0 --name=web-0 --port=80');
    const selector = k.get<Service>('svc', 'web-0')?.spec?.selector ?? {};
    assert.deepEqual(Object.keys(selector).sort(), [
      'app',
      'apps.kubernetes.io/pod-index',
      'controller-revision-hash',
      'statefulset.kubernetes.io/pod-name',
    ]);
    k.run('5s');
    assert.match(k.kubectl('get endpointslices -l kubernetes.io/service-name=web-0'), /\s80\s+10\.244\./);
    // A rolling update gives web-0 a new controller-revision-hash: the copied selector no longer matches it.
    k.kubectl('set image sts/web nginx=nginx:1.9.1');
    k.settle();
    assert.match(
      k.kubectl('get endpointslices -l kubernetes.io/service-name=web-0'),
      /\nweb-0-\w+\s+IPv4\s+<unset>\s+<unset>\s/,
    );
  });

  it('--selector, --target-port, --type and --cluster-ip=None (no port needed) are taken as given', () => {
    const k = cluster();
    k.kubectl(
      'expose pod web-0 --name=primary --selector=statefulset.kubernetes.io/pod-name=web-0 --port=8080 --target-port=80 --type=NodePort',
    );
    const primary = k.get<Service>('svc', 'primary');
    assert.deepEqual(primary?.spec?.selector, { 'statefulset.kubernetes.io/pod-name': 'web-0' });
    assert.deepEqual(
      primary?.spec?.ports?.map((p) => [p.port, p.targetPort, typeof p.nodePort]),
      [[8080, 80, 'number']],
    );
    assert.equal(
      k.kubectl('expose deploy bare --cluster-ip=None --name=bare-headless'),
      'service/bare-headless exposed\n',
    );
    assert.equal(k.get<Service>('svc', 'bare-headless')?.spec?.clusterIP, 'None');
  });

  it('exposes a Service again under another name, with its selector and ports', () => {
    const k = cluster();
    k.kubectl('expose deploy nginx --port=80 --target-port=8080');
    assert.equal(k.kubectl('expose svc nginx --name=nginx-lb --type=LoadBalancer'), 'service/nginx-lb exposed\n');
    const lb = k.get<Service>('svc', 'nginx-lb');
    assert.deepEqual(lb?.spec?.selector, { app: 'nginx' });
    assert.deepEqual(
      lb?.spec?.ports?.map((p) => [p.port, p.targetPort]),
      [[80, 80]],
    );
  });
});
