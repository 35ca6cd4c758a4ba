import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import { Cluster } from '../../../src/sim/index';
import {
  QUANTITY_FORMAT_ERROR,
  QUANTITY_SUFFIX_ERROR,
  canonicalQuantity,
} from '../../../src/sim/api/quantity-canonical';
import { decodePod } from '../../../src/sim/api/decode-quantities';

describe('canonicalQuantity (ParseQuantity, then CanonicalizeBytes)', () => {
  const cases: Array<[string | number, string]> = [
    ['500m', '500m'],
    ['0.5', '500m'],
    [0.5, '500m'],
    [1, '1'],
    ['1000m', '1'],
    ['1500m', '1500m'],
    ['1.2', '1200m'],
    // DecimalSI takes whole thousands into its suffix.
    ['2000', '2k'],
    ['128974848', '128974848'],
    ['129M', '129M'],
    // BinarySI divides out powers of 1024; below 1024, or with a fraction, it prints as DecimalSI.
    ['1024Mi', '1Gi'],
    ['1.5Gi', '1536Mi'],
    ['2048Ki', '2Mi'],
    ['1000Ki', '1000Ki'],
    ['0.5Ki', '512'],
    ['0Mi', '0'],
    // DecimalExponent keeps its e-notation, with the exponent stepped to a multiple of 3.
    ['1e3', '1e3'],
    ['1E6', '1e6'],
    ['12e-1', '1200e-3'],
    // Beyond nano, values round away from zero.
    ['0.1m', '100u'],
    ['0.0000000001', '1n'],
    ['.5', '500m'],
    ['1.', '1'],
    ['+5', '5'],
    ['-1', '-1'],
  ];
  for (const [input, want] of cases) {
    it(`${JSON.stringify(input)} → ${want}`, () => assert.equal(canonicalQuantity(input), want));
  }

  const malformed: Array<[string, string]> = [
    ['lots', QUANTITY_FORMAT_ERROR],
    ['', QUANTITY_FORMAT_ERROR],
    ['1 Gi', QUANTITY_FORMAT_ERROR],
    ['1K', QUANTITY_SUFFIX_ERROR],
    ['1mi', QUANTITY_SUFFIX_ERROR],
    ['1Gb', QUANTITY_FORMAT_ERROR],
  ];
  for (const [input, want] of malformed) {
    it(`${JSON.stringify(input)} is refused`, () => {
      const got = canonicalQuantity(input);
      assert.ok(got instanceof Error);
      assert.equal(got.message, want);
    });
  }
});

describe('the apiserver stores quantities canonically', () => {
  it('in a pod, its requests defaulted from the canonical limits', () => {
    const cluster = new Cluster({ seed: 7 });
    cluster.apply(`apiVersion: v1
kind: Pod
metadata: {name: q}
spec:
  containers:
  - name: c
    image: nginx
    resources: {requests: {cpu: 0.5}, limits: {cpu: 1, memory: 1.5Gi}}
`);
    assert.deepEqual(cluster.get<Pod>('pod', 'q')?.spec?.containers[0].resources, {
      limits: { cpu: '1', memory: '1536Mi' },
      requests: { cpu: '500m', memory: '1536Mi' },
    });
    assert.match(cluster.kubectl('get pod q -o yaml'), /\n {8}cpu: "1"\n/);
  });

  it('in a StatefulSet claim template and the claims made from it', () => {
    const cluster = new Cluster({ seed: 7 });
    cluster.apply(`apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web}
spec:
  serviceName: nginx
  replicas: 1
  selector: {matchLabels: {app: nginx}}
  template:
    metadata: {labels: {app: nginx}}
    spec:
      containers: [{name: nginx, image: "registry.k8s.io/nginx-slim:0.21"}]
  volumeClaimTemplates:
  - metadata: {name: www}
    spec:
      accessModes: [ReadWriteOnce]
      resources: {requests: {storage: 1024Mi}}
`);
    cluster.settle();
    const claim = cluster.get<PersistentVolumeClaim>('pvc', 'www-web-0');
    assert.equal(claim?.spec?.resources?.requests?.storage, '1Gi');
    assert.match(cluster.kubectl('get pvc'), /www-web-0\s+Bound\s+pvc-\S+\s+1Gi\s+RWO\s/);
  });

  const refused: Array<{ name: string; manifest: string; stderr: string }> = [
    {
      name: 'a pod with a malformed request',
      manifest: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers: [{name: c, image: nginx, resources: {requests: {cpu: lots}}}]
`,
      stderr: `Error from server (BadRequest): error when creating "STDIN": Pod in version "v1" cannot be handled as a Pod: ${QUANTITY_FORMAT_ERROR}\n`,
    },
    {
      name: 'a Deployment whose template has an unknown suffix',
      manifest: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: c, image: nginx, resources: {limits: {memory: 1K}}}]
`,
      stderr: `Error from server (BadRequest): error when creating "STDIN": Deployment in version "v1" cannot be handled as a Deployment: ${QUANTITY_SUFFIX_ERROR}\n`,
    },
  ];
  for (const c of refused) {
    it(`refuses ${c.name} whole`, () => {
      const cluster = new Cluster({ seed: 7 });
      assert.deepEqual(cluster.kubectlResult('apply -f -', c.manifest), { stdout: '', stderr: c.stderr, exitCode: 1 });
      assert.equal(cluster.list('pods').length + cluster.list('deploy').length, 0);
    });
  }

  it('refuses an update with a malformed quantity and keeps the stored object', () => {
    const cluster = new Cluster({ seed: 7 });
    cluster.kubectl('create deployment web --image=nginx');
    const before = cluster.get('deploy', 'web');
    const out = cluster.kubectl(
      `patch deploy web -p '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","resources":{"limits":{"cpu":"x"}}}]}}}}'`,
    );
    assert.match(
      out,
      /^Error from server \(BadRequest\): Deployment in version "v1" cannot be handled as a Deployment: /,
    );
    assert.deepEqual(cluster.get('deploy', 'web'), before);
  });
});

describe('decodePod on an update', () => {
  const spec = { containers: [{ name: 'c', image: 'i', resources: { requests: { cpu: '0.5' } } }] };
  const cases: Array<{ name: string; update: (stored: Pod) => Pod; cpu: string }> = [
    { name: 'a new spec is decoded', update: (stored) => ({ ...stored, spec: structuredClone(spec) }), cpu: '500m' },
    {
      name: 'the stored spec itself is passed over (it was decoded when stored)',
      update: (stored) => ({ ...stored }),
      cpu: '0.5',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const stored: Pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: structuredClone(spec) };
      const updated = c.update(stored);
      assert.equal(decodePod(updated, stored), undefined);
      assert.equal(updated.spec?.containers[0].resources?.requests?.cpu, c.cpu);
    });
  }
});
