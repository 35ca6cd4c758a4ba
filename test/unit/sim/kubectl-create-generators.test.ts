import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Deployment } from 'kubernetes-types/apps/v1';
import type { Service } from 'kubernetes-types/core/v1';
import { Cluster } from '../../../src/sim/index';
import { parsePorts } from '../../../src/sim/kubectl/create-service';

/** What exists before a command runs, so a refused one can be shown to change nothing. */
function objectCount(cluster: Cluster): number {
  return ['deploy', 'svc', 'pods'].reduce((n, kind) => n + cluster.list(kind).length, 0);
}

describe('kubectl create deployment and service: refused', () => {
  const cases: Array<{ command: string; stderr: string }> = [
    { command: 'create deployment web', stderr: 'error: required flag(s) "image" not set\n' },
    {
      command: 'create deployment --image=nginx',
      stderr: "error: exactly one NAME is required, got 0\nSee 'kubectl create deployment -h' for help and examples\n",
    },
    {
      command: 'create deploy web extra --image=nginx',
      stderr: "error: exactly one NAME is required, got 2\nSee 'kubectl create deployment -h' for help and examples\n",
    },
    {
      command: 'create deployment web --image=nginx --port=http',
      stderr:
        'error: invalid argument "http" for "--port" flag: strconv.ParseInt: parsing "http": invalid syntax\n' +
        "See 'kubectl create deployment --help' for usage.\n",
    },
    {
      command: 'create deployment web --image=nginx -r three',
      stderr:
        'error: invalid argument "three" for "-r, --replicas" flag: strconv.ParseInt: parsing "three": invalid syntax\n' +
        "See 'kubectl create deployment --help' for usage.\n",
    },
    {
      command: 'create deployment web --image=nginx --selector=app=x',
      stderr: "error: unknown flag: --selector\nSee 'kubectl create deployment --help' for usage.\n",
    },
    {
      command: 'create deployment web --image=nginx --image=busybox -- sleep 1',
      stderr: 'error: cannot specify multiple --image options and command\n',
    },
    {
      command: 'create deployment web --image=nginx --dry-run=maybe',
      stderr: 'error: Invalid dry-run value (maybe). Must be "none", "server", or "client".\n',
    },
    {
      command: 'create deployment web --image=nginx -o wide',
      stderr:
        'error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n',
    },
    {
      command: 'create deployment web --image=nginx --replicas=-1',
      stderr:
        'error: failed to create deployment: Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n',
    },
    {
      command: 'create deployment Web --image=nginx',
      stderr:
        "error: failed to create deployment: Deployment.apps \"Web\" is invalid: metadata.name: Invalid value: \"Web\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')\n",
    },
    {
      command: 'create service clusterip web',
      stderr: 'error: at least one tcp port specifier must be provided\n',
    },
    {
      command: 'create service nodeport web --clusterip=None',
      stderr: "error: unknown flag: --clusterip\nSee 'kubectl create service nodeport --help' for usage.\n",
    },
    {
      command: 'create service loadbalancer web --tcp=80 --dry-run=client --node-port=30000',
      stderr: "error: unknown flag: --node-port\nSee 'kubectl create service loadbalancer --help' for usage.\n",
    },
    {
      command: 'create service cluster web --tcp=80',
      stderr: 'error: unknown command "cluster web"\nSee \'kubectl create service -h\' for help and examples\n',
    },
    {
      command: 'create service externalname web',
      stderr: 'error: required flag(s) "external-name" not set\n',
    },
    {
      command: 'create service externalname web --external-name=Not_A_Name',
      stderr: 'error: invalid service external name Not_A_Name\n',
    },
    {
      command: 'create service clusterip web --tcp=http:80',
      stderr: 'error: strconv.ParseUint: parsing "http": invalid syntax\n',
    },
    {
      command: 'create service nodeport web --tcp=80 --node-port=80',
      stderr:
        'error: failed to create NodePort service: Service "web" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767\n',
    },
    { command: 'create configmap settings', stderr: 'kubesim: kubectl create configmap is not simulated\n' },
  ];
  for (const c of cases) {
    it(c.command, () => {
      const cluster = new Cluster({ seed: 4 });
      const before = objectCount(cluster);
      assert.deepEqual(cluster.kubectlResult(c.command), { stdout: '', stderr: c.stderr, exitCode: 1 });
      assert.equal(objectCount(cluster), before);
    });
  }

  it('a second create of the same name is AlreadyExists, wrapped as kubectl wraps it', () => {
    const cluster = new Cluster({ seed: 4 });
    assert.equal(cluster.kubectl('create deployment web --image=nginx'), 'deployment.apps/web created\n');
    assert.equal(
      cluster.kubectl('create deployment web --image=nginx'),
      'error: failed to create deployment: deployments.apps "web" already exists\n',
    );
    assert.equal(cluster.kubectl('create service clusterip web --tcp=80'), 'service/web created\n');
    assert.equal(
      cluster.kubectl('create service clusterip web --tcp=80'),
      'error: failed to create ClusterIP service: services "web" already exists\n',
    );
  });
});

describe('kubectl create deployment --dry-run=client -o yaml', () => {
  it('prints the object kubectl builds: app=NAME labels, the empty structs Go keeps, no namespace unless -n', () => {
    const cluster = new Cluster({ seed: 4 });
    const out = cluster.kubectl(
      'create deployment web --image=nginx:1.16.1 --replicas=3 --port=80 --dry-run=client -o yaml',
    );
    assert.equal(
      out,
      [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  labels:',
        '    app: web',
        '  name: web',
        'spec:',
        '  replicas: 3',
        '  selector:',
        '    matchLabels:',
        '      app: web',
        '  strategy: {}',
        '  template:',
        '    metadata:',
        '      labels:',
        '        app: web',
        '    spec:',
        '      containers:',
        '      - image: nginx:1.16.1',
        '        name: nginx',
        '        ports:',
        '        - containerPort: 80',
        '        resources: {}',
        'status: {}',
        '',
      ].join('\n'),
    );
    assert.equal(cluster.list('deploy').length, 0);
    assert.match(
      cluster.kubectl('create deploy web --image=nginx -n shop --dry-run=client -o yaml'),
      /\n {2}namespace: shop\n/,
    );
    assert.equal(
      cluster.kubectl('create deploy web --image=nginx --dry-run=client'),
      'deployment.apps/web created (dry run)\n',
    );
    assert.equal(cluster.kubectl('create deploy web --image=nginx --dry-run=client -o name'), 'deployment.apps/web\n');
  });

  const names: Array<{ image: string; name: RegExp }> = [
    { image: 'nginx', name: /^nginx$/ },
    { image: 'registry.k8s.io/nginx-slim:0.8', name: /^nginx-slim$/ },
    { image: 'busybox@sha256:' + 'a'.repeat(64), name: /^busybox$/ },
    // sanitizeAndUniquify: "." and "_" become "-" and a random five-character suffix follows.
    { image: 'my_app.v2:1.0', name: /^my-app-v2-[bcdfghjklmnpqrstvwxz2456789]{5}$/ },
  ];
  for (const c of names) {
    it(`names the container for ${c.image}`, () => {
      const cluster = new Cluster({ seed: 4 });
      const deploy = JSON.parse(
        cluster.kubectl(`create deploy web --image=${c.image} --dry-run=client -o json`),
      ) as Deployment;
      assert.match(deploy.spec?.template.spec?.containers[0].name ?? '', c.name);
    });
  }

  it('puts the words after -- in every container command and --port on the first container only', () => {
    const cluster = new Cluster({ seed: 4 });
    const one = JSON.parse(
      cluster.kubectl('create deploy w --image=busybox --dry-run=client -o json -- sleep 3600'),
    ) as Deployment;
    assert.deepEqual(one.spec?.template.spec?.containers[0].command, ['sleep', '3600']);
    const two = JSON.parse(
      cluster.kubectl('create deploy w --image=nginx,busybox --port=80 --dry-run=client -o json'),
    ) as Deployment;
    const containers = two.spec?.template.spec?.containers ?? [];
    assert.deepEqual(
      containers.map((c) => [c.name, c.image, c.ports]),
      [
        ['nginx', 'nginx', [{ containerPort: 80 }]],
        ['busybox', 'busybox', undefined],
      ],
    );
  });
});

describe('kubectl create deployment: the created Deployment', () => {
  it('is defaulted by the apiserver and rolls out like an applied one', () => {
    const cluster = new Cluster({ seed: 4 });
    assert.equal(
      cluster.kubectl('create deployment web --image=nginx:1.16.1 --replicas=2'),
      'deployment.apps/web created\n',
    );
    cluster.run('30s');
    const deploy = cluster.get<Deployment>('deploy', 'web');
    assert.deepEqual(deploy?.spec?.strategy, {
      type: 'RollingUpdate',
      rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' },
    });
    assert.deepEqual(deploy?.spec?.selector, { matchLabels: { app: 'web' } });
    assert.equal(deploy?.status?.availableReplicas, 2);
    assert.deepEqual(
      cluster.list('pods').map((p) => p.metadata?.labels?.app),
      ['web', 'web'],
    );
  });

  it('prints the stored object for -o yaml, quoting its timestamp as kubectl does', () => {
    const cluster = new Cluster({ seed: 4 });
    const out = cluster.kubectl('create deployment web --image=nginx -o yaml');
    assert.match(out, /\n {2}creationTimestamp: "2026-01-01T00:00:00Z"\n/);
    assert.match(out, /\n {2}generation: 1\n/);
    assert.match(out, /\n {2}revisionHistoryLimit: 10\n/);
    assert.match(out, /\nstatus: \{\}\n$/);
  });
});

describe('kubectl create service', () => {
  it('makes a headless Service with --clusterip=None, selecting app=NAME', () => {
    const cluster = new Cluster({ seed: 4 });
    assert.equal(cluster.kubectl('create service clusterip nginx --clusterip=None'), 'service/nginx created\n');
    const svc = cluster.get<Service>('svc', 'nginx');
    assert.equal(svc?.spec?.clusterIP, 'None');
    assert.deepEqual(svc?.spec?.selector, { app: 'nginx' });
    assert.equal(svc?.spec?.ports, undefined);
    assert.match(cluster.kubectl('get svc nginx'), /\nnginx\s+ClusterIP\s+None\s+<none>\s+<none>\s+/);
  });

  it('prints ports named after each --tcp spec and status.loadBalancer for --dry-run=client -o yaml', () => {
    const cluster = new Cluster({ seed: 4 });
    assert.equal(
      cluster.kubectl('create service clusterip web --tcp=80:8080 --tcp=443 --dry-run=client -o yaml'),
      [
        'apiVersion: v1',
        'kind: Service',
        'metadata:',
        '  labels:',
        '    app: web',
        '  name: web',
        'spec:',
        '  ports:',
        '  - name: 80-8080',
        '    port: 80',
        '    protocol: TCP',
        '    targetPort: 8080',
        '  - name: "443"',
        '    port: 443',
        '    protocol: TCP',
        '    targetPort: 443',
        '  selector:',
        '    app: web',
        '  type: ClusterIP',
        'status:',
        '  loadBalancer: {}',
        '',
      ].join('\n'),
    );
    assert.equal(cluster.get('svc', 'web'), undefined);
  });

  it('gives a NodePort Service the node port asked for', () => {
    const cluster = new Cluster({ seed: 4 });
    assert.equal(cluster.kubectl('create service nodeport web --tcp=80 --node-port=30080'), 'service/web created\n');
    assert.match(cluster.kubectl('get svc web'), /\sNodePort\s.*\s80:30080\/TCP\s/);
  });

  const ports: Array<{ spec: string; want: ReturnType<typeof parsePorts> }> = [
    { spec: '80', want: { port: 80, target: 80 } },
    { spec: '80:8080', want: { port: 80, target: 8080 } },
    { spec: '80:http', want: { port: 80, target: 'http' } },
    { spec: '0', want: { port: 0, target: 0 } },
    { spec: '70000', want: 'strconv.ParseUint: parsing "70000": value out of range' },
    { spec: '80:0', want: 'must be between 1 and 65535, inclusive' },
    { spec: '80:Http', want: 'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)' },
    {
      spec: '80:a--b-',
      want: 'must not contain consecutive hyphens,must not begin or end with a hyphen',
    },
    { spec: '80:abcdefghijklmnop', want: 'must be no more than 15 characters' },
  ];
  for (const c of ports) it(`parsePorts ${c.spec}`, () => assert.deepEqual(parsePorts(c.spec), c.want));
});

describe('kubectl create and get: -o json key order', () => {
  it('a client dry run prints the typed object in Go declaration order, kind before apiVersion', () => {
    const cluster = new Cluster({ seed: 4 });
    const out = cluster.kubectl('create service clusterip web --tcp=80:8080 --dry-run=client -o json');
    assert.equal(
      out,
      `${JSON.stringify(
        {
          kind: 'Service',
          apiVersion: 'v1',
          metadata: { name: 'web', labels: { app: 'web' } },
          spec: {
            ports: [{ name: '80-8080', protocol: 'TCP', port: 80, targetPort: 8080 }],
            selector: { app: 'web' },
            type: 'ClusterIP',
          },
          status: { loadBalancer: {} },
        },
        null,
        4,
      )}\n`,
    );
  });

  it('get -o json prints an unstructured object, every map with its keys sorted', () => {
    const cluster = new Cluster({ seed: 4 });
    cluster.kubectl('create deployment web --image=nginx');
    cluster.run('5s');
    const out = cluster.kubectl('get deploy web -o json');
    const keysInOrder = (text: string): string[] => [...text.matchAll(/^ {8}"([^"]+)":/gm)].map((m) => m[1]);
    const metadata = out.slice(out.indexOf('"metadata"'), out.indexOf('"spec"'));
    const keys = keysInOrder(metadata);
    assert.deepEqual(keys, [...keys].sort());
    assert.ok(keys.includes('creationTimestamp') && keys.includes('uid'), metadata);
    assert.match(out, /^\{\n {4}"apiVersion": "apps\/v1",\n {4}"kind": "Deployment",\n/);
  });
});

describe('kubectl create deployment -o jsonpath', () => {
  it('reads the object kubectl would send, and a bad template fails before anything is created', () => {
    const cluster = new Cluster({ seed: 4 });
    assert.equal(
      cluster.kubectl("create deploy web --image=nginx --dry-run=client -o jsonpath='{.spec.strategy}'"),
      '{}',
    );
    assert.equal(
      cluster.kubectl("create deploy web --image=nginx -o jsonpath='{.spec.strategy.type}'"),
      'RollingUpdate',
    );
    const bad = cluster.kubectlResult("create deploy other --image=nginx -o jsonpath='{.spec'");
    assert.equal(bad.exitCode, 1);
    assert.match(bad.stderr, /^error: error parsing jsonpath \{\.spec, /);
    assert.equal(cluster.get('deploy', 'other'), undefined);
  });
});
