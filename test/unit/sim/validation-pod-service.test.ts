import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Service } from 'kubernetes-types/core/v1';
import { Cluster } from '../../../src/sim/index';

function pod(spec: string, name = 'web-0', labels = '{app: nginx}'): string {
  return `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, labels: ${labels}}\nspec:\n${spec}`;
}

const NGINX = '  containers:\n  - name: nginx\n    image: nginx:1.27\n';

describe('Pod validation', () => {
  const cases: Array<{ name: string; manifest: string; want: string[] }> = [
    { name: 'no containers', manifest: pod('  containers: []\n'), want: ['spec.containers: Required value'] },
    {
      name: 'no image',
      manifest: pod('  containers:\n  - name: nginx\n'),
      want: ['spec.containers[0].image: Required value'],
    },
    {
      name: 'no container name',
      manifest: pod('  containers:\n  - image: nginx\n'),
      want: ['spec.containers[0].name: Required value'],
    },
    {
      name: 'a container name that is not a DNS label',
      manifest: pod('  containers:\n  - name: Nginx\n    image: nginx\n'),
      want: [
        `spec.containers[0].name: Invalid value: "Nginx": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
      ],
    },
    {
      name: 'duplicate container names',
      manifest: pod('  containers:\n  - {name: a, image: nginx}\n  - {name: a, image: busybox}\n'),
      want: ['spec.containers[1].name: Duplicate value: "a"'],
    },
    {
      name: 'bad ports',
      manifest: pod(
        '  containers:\n  - name: nginx\n    image: nginx\n    ports:\n    - {containerPort: 70000, name: Web_Port}\n    - {containerPort: 80, protocol: HTTP}\n',
      ),
      want: [
        'spec.containers[0].ports[0].name: Invalid value: "Web_Port": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
        'spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
        'spec.containers[0].ports[1].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
      ],
    },
    {
      name: 'an unknown restartPolicy',
      manifest: pod(`  restartPolicy: Sometimes\n${NGINX}`),
      want: ['spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"'],
    },
    {
      name: 'a negative terminationGracePeriodSeconds',
      manifest: pod(`  terminationGracePeriodSeconds: -5\n${NGINX}`),
      want: ['spec.terminationGracePeriodSeconds: Invalid value: -5: must be greater than or equal to 0'],
    },
    {
      name: 'a mount of a volume that does not exist',
      manifest: pod(
        '  containers:\n  - name: nginx\n    image: nginx\n    volumeMounts: [{name: www, mountPath: /usr/share/nginx/html}]\n',
      ),
      want: ['spec.containers[0].volumeMounts[0].name: Not found: "www"'],
    },
    {
      name: 'a bad label value',
      manifest: pod(NGINX, 'web-0', '{app: "-bad"}'),
      want: [
        `metadata.labels: Invalid value: "-bad": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
      ],
    },
  ];
  for (const c of cases) {
    it(`rejects ${c.name}`, () => {
      const cluster = new Cluster();
      const result = cluster.kubectlResult('apply -f -', c.manifest);
      const name = /name: ([^,}]+)/.exec(c.manifest)?.[1];
      const want =
        c.want.length === 1
          ? `The Pod "${name}" is invalid: ${c.want[0]}\n`
          : `The Pod "${name}" is invalid: \n${c.want.map((w) => `* ${w}\n`).join('')}`;
      assert.equal(result.stderr, want);
      assert.equal(result.exitCode, 1);
      assert.equal(cluster.list('pods').length, 0);
    });
  }
});

function svc(spec: string, name = 'nginx'): string {
  return `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}}\nspec:\n${spec}`;
}

describe('Service validation', () => {
  it('accepts a headless service with a selector and no ports', () => {
    const cluster = new Cluster();
    assert.equal(
      cluster.kubectl('apply -f -', svc('  clusterIP: None\n  selector: {app: nginx}\n')),
      'service/nginx created\n',
    );
  });

  const cases: Array<{ name: string; manifest: string; want: string }> = [
    {
      name: 'a service without ports',
      manifest: svc('  selector: {app: nginx}\n'),
      want: 'The Service "nginx" is invalid: spec.ports: Required value\n',
    },
    {
      name: 'unnamed ports when there are several',
      manifest: svc('  ports: [{port: 80}, {port: 443}]\n'),
      want: 'The Service "nginx" is invalid: \n* spec.ports[0].name: Required value\n* spec.ports[1].name: Required value\n',
    },
    {
      name: 'a port out of range',
      manifest: svc('  ports: [{port: 0, targetPort: 8080}]\n'),
      want: 'The Service "nginx" is invalid: spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive\n',
    },
    {
      name: 'an unknown type',
      manifest: svc('  type: Internal\n  ports: [{port: 80}]\n'),
      want: 'The Service "nginx" is invalid: spec.type: Unsupported value: "Internal": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"\n',
    },
    {
      name: 'a name that is not a DNS-1035 label',
      manifest: svc('  ports: [{port: 80}]\n', '1nginx'),
      want: `The Service "1nginx" is invalid: metadata.name: Invalid value: "1nginx": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')\n`,
    },
  ];
  for (const c of cases) {
    it(`rejects ${c.name}`, () => {
      const cluster = new Cluster();
      const before = cluster.list('services');
      assert.equal(cluster.kubectl('apply -f -', c.manifest), c.want);
      assert.deepEqual(cluster.list('services'), before);
    });
  }
});

describe('label keys and values', () => {
  const long = 'a'.repeat(64);
  const cases: Array<{ labels: string; want: string[] }> = [
    {
      labels: `{app: ${long}}`,
      want: [`metadata.labels: Invalid value: "${long}": must be no more than 63 bytes`],
    },
    {
      labels: `{${long}: x}`,
      want: [`metadata.labels: Invalid value: "${long}": name part must be no more than 63 bytes`],
    },
    {
      labels: '{"Example.com/app": x}',
      want: [
        `metadata.labels: Invalid value: "Example.com/app": prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
      ],
    },
  ];
  for (const c of cases) {
    it(`rejects ${c.labels.slice(0, 30)}`, () => {
      const cluster = new Cluster();
      const out = cluster.kubectl('apply -f -', pod(NGINX, 'web-0', c.labels));
      assert.equal(out, `The Pod "web-0" is invalid: ${c.want[0]}\n`);
    });
  }
});

describe('Service updates', () => {
  it('refuses to turn a ClusterIP service headless in place', () => {
    const cluster = new Cluster();
    cluster.apply(svc('  selector: {app: nginx}\n  ports: [{port: 80}]\n'));
    const before = cluster.get('svc', 'nginx');
    assert.equal(
      cluster.kubectl('apply -f -', svc('  clusterIP: None\n  selector: {app: nginx}\n  ports: [{port: 80}]\n')),
      'The Service "nginx" is invalid: spec.clusterIPs[0]: Invalid value: ["None"]: may not change once set\n',
    );
    assert.deepEqual(cluster.get('svc', 'nginx'), before);
  });

  it('keeps the cluster IP across an apply that does not mention it', () => {
    const cluster = new Cluster();
    cluster.apply(svc('  selector: {app: nginx}\n  ports: [{port: 80}]\n'));
    const ip = cluster.get<Service>('svc', 'nginx')?.spec?.clusterIP;
    assert.equal(
      cluster.kubectl('apply -f -', svc('  selector: {app: web}\n  ports: [{port: 80}]\n')),
      'service/nginx configured\n',
    );
    assert.equal(cluster.get<Service>('svc', 'nginx')?.spec?.clusterIP, ip);
  });
});
