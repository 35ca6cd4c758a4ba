import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { Cluster } from '../../../src/sim/index';
import { strategicMergePatch } from '../../../src/sim/kubectl/strategic-merge';

const WEB = `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web, labels: {app: nginx}}
spec:
  serviceName: nginx
  replicas: 2
  selector: {matchLabels: {app: nginx}}
  template:
    metadata: {labels: {app: nginx}}
    spec:
      containers:
      - name: nginx
        image: registry.k8s.io/nginx-slim:0.21
        ports: [{containerPort: 80, name: web}]
      - name: sidecar
        image: busybox:1.36
`;

function cluster(): Cluster {
  const c = new Cluster({ seed: 2 });
  c.apply(WEB);
  c.settle();
  return c;
}

function containers(c: Cluster) {
  return c.get<StatefulSet>('sts', 'web')!.spec!.template.spec!.containers;
}

describe('strategic merge patch', () => {
  const cases: Array<{ name: string; target: unknown; patch: unknown; want: unknown }> = [
    {
      name: 'merges containers by name',
      target: {
        containers: [
          { name: 'a', image: 'x' },
          { name: 'b', image: 'y' },
        ],
      },
      patch: { containers: [{ name: 'b', image: 'z' }] },
      want: {
        containers: [
          { name: 'a', image: 'x' },
          { name: 'b', image: 'z' },
        ],
      },
    },
    {
      name: 'null deletes a key',
      target: { metadata: { labels: { a: '1', b: '2' } } },
      patch: { metadata: { labels: { a: null } } },
      want: { metadata: { labels: { b: '2' } } },
    },
    {
      name: '$patch: delete removes a keyed list element',
      target: {
        volumes: [
          { name: 'a', emptyDir: {} },
          { name: 'b', emptyDir: {} },
        ],
      },
      patch: { volumes: [{ name: 'a', $patch: 'delete' }] },
      want: { volumes: [{ name: 'b', emptyDir: {} }] },
    },
    {
      name: '$patch: replace replaces a map',
      target: { selector: { a: '1', b: '2' } },
      patch: { selector: { $patch: 'replace', c: '3' } },
      want: { selector: { c: '3' } },
    },
    {
      name: 'container ports merge on containerPort',
      target: { ports: [{ containerPort: 80, name: 'web' }] },
      patch: { ports: [{ containerPort: 443, name: 'tls' }] },
      want: {
        ports: [
          { containerPort: 80, name: 'web' },
          { containerPort: 443, name: 'tls' },
        ],
      },
    },
    {
      name: 'lists without a merge key are replaced',
      target: { args: ['a', 'b'] },
      patch: { args: ['c'] },
      want: { args: ['c'] },
    },
  ];
  for (const c of cases) {
    it(c.name, () => assert.deepEqual(strategicMergePatch(c.target, c.patch), c.want));
  }
});

describe('kubectl patch', () => {
  it('strategic patch updates one container by name and keeps the other', () => {
    const c = cluster();
    const out = c.kubectl(
      `patch sts web -p '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"registry.k8s.io/nginx-slim:0.22"}]}}}}'`,
    );
    assert.equal(out, 'statefulset.apps/web patched\n');
    assert.deepEqual(
      containers(c).map((x) => [x.name, x.image]),
      [
        ['nginx', 'registry.k8s.io/nginx-slim:0.22'],
        ['sidecar', 'busybox:1.36'],
      ],
    );
  });

  it('reports no change for a patch that changes nothing', () => {
    const c = cluster();
    assert.equal(c.kubectl(`patch sts web -p '{"spec":{"replicas":2}}'`), 'statefulset.apps/web patched (no change)\n');
  });

  it('--type=merge replaces lists whole', () => {
    const c = cluster();
    c.kubectl(
      `patch sts web --type=merge -p '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.27"}]}}}}'`,
    );
    assert.deepEqual(
      containers(c).map((x) => x.name),
      ['nginx'],
    );
  });

  it('--type=json applies RFC 6902 operations', () => {
    const c = cluster();
    const out = c.kubectl(
      `patch sts web --type=json -p '[{"op":"replace","path":"/spec/replicas","value":3},{"op":"remove","path":"/spec/template/spec/containers/1"}]'`,
    );
    assert.equal(out, 'statefulset.apps/web patched\n');
    assert.equal(c.get<StatefulSet>('sts', 'web')!.spec!.replicas, 3);
    assert.equal(containers(c).length, 1);
  });

  it('a failing JSON patch operation changes nothing', () => {
    const c = cluster();
    const before = c.get('sts', 'web');
    const out = c.kubectl(
      `patch sts web --type=json -p '[{"op":"replace","path":"/spec/replicas","value":3},{"op":"remove","path":"/spec/nope"}]'`,
    );
    assert.equal(out, 'The request is invalid: the server rejected our request due to an error in our request\n');
    assert.deepEqual(c.get('sts', 'web'), before);
  });

  it('an invalid result is rejected by validation and nothing changes', () => {
    const c = cluster();
    const before = c.get('sts', 'web');
    assert.equal(
      c.kubectl(`patch sts web -p '{"spec":{"replicas":-1}}'`),
      'The StatefulSet "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n',
    );
    assert.deepEqual(c.get('sts', 'web'), before);
  });

  it('names a missing object like the apiserver', () => {
    const c = cluster();
    assert.equal(
      c.kubectl(`patch sts nope -p '{"spec":{"replicas":1}}'`),
      'Error from server (NotFound): statefulsets.apps "nope" not found\n',
    );
  });
});

describe('kubectl apply uses the strategic three-way merge', () => {
  it('keeps a container added out of band and drops one removed from the manifest', () => {
    const c = cluster();
    const without = WEB.replace('      - name: sidecar\n        image: busybox:1.36\n', '');
    assert.equal(c.kubectl('apply -f -', without), 'statefulset.apps/web configured\n');
    assert.deepEqual(
      containers(c).map((x) => x.name),
      ['nginx'],
    );
    assert.equal(c.kubectl('apply -f -', without), 'statefulset.apps/web unchanged\n');
  });

  it('resets a field the manifest sets after it was changed by scale', () => {
    const c = cluster();
    c.kubectl('scale sts web --replicas=4');
    assert.equal(c.kubectl('apply -f -', WEB), 'statefulset.apps/web configured\n');
    assert.equal(c.get<StatefulSet>('sts', 'web')!.spec!.replicas, 2);
  });

  it('an invalid apply leaves the store unchanged', () => {
    const c = cluster();
    const before = JSON.stringify([c.list('sts'), c.list('pods'), c.list('controllerrevisions')]);
    const out = c.kubectl('apply -f -', WEB.replace('replicas: 2', 'replicas: -1'));
    assert.match(out, /^The StatefulSet "web" is invalid: spec.replicas/);
    assert.equal(JSON.stringify([c.list('sts'), c.list('pods'), c.list('controllerrevisions')]), before);
  });
});

describe('kubectl create', () => {
  it('creates, then reports AlreadyExists with the source', () => {
    const c = new Cluster();
    assert.equal(c.kubectl('create -f -', WEB), 'statefulset.apps/web created\n');
    const again = c.kubectlResult('create -f -', WEB);
    assert.equal(
      again.stderr,
      'Error from server (AlreadyExists): error when creating "STDIN": statefulsets.apps "web" already exists\n',
    );
    assert.equal(again.exitCode, 1);
  });
});

describe('kubectl label', () => {
  it('adds, refuses to overwrite, overwrites and removes', () => {
    const c = cluster();
    assert.equal(c.kubectl('label pod web-0 tier=front'), 'pod/web-0 labeled\n');
    assert.equal(
      c.kubectl('label pod web-0 app=web'),
      "error: 'app' already has a value (nginx), and --overwrite is false\n",
    );
    assert.equal(c.kubectl('label pod web-0 app=web --overwrite'), 'pod/web-0 labeled\n');
    assert.equal(c.get<Pod>('pod', 'web-0')!.metadata.labels!.app, 'web');
    assert.equal(c.kubectl('label pod web-0 tier-'), 'pod/web-0 unlabeled\n');
    assert.equal(
      c.kubectl('label pod web-0 tier=-x'),
      `error: invalid label value: "tier=-x": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')\n`,
    );
    assert.equal(c.get<Pod>('pod', 'web-0')!.metadata.labels!.tier, undefined);
  });

  it('relabelling a pod out of the selector makes the StatefulSet release it; its name still blocks a new web-0', () => {
    const c = cluster();
    const uid = c.get<Pod>('pod', 'web-0')!.metadata.uid;
    c.kubectl('label pod web-0 app=debug --overwrite');
    c.settle();
    const released = c.list<Pod>('pods').find((p) => p.metadata.uid === uid)!;
    assert.equal(released.metadata.ownerReferences, undefined);
    // A StatefulSet pod's name is its identity: the released web-0 keeps the name, so no replacement can be made.
    assert.deepEqual(
      c.list<Pod>('pods').map((p) => [p.metadata.name, p.metadata.labels?.app]),
      [
        ['web-0', 'debug'],
        ['web-1', 'nginx'],
      ],
    );
  });
});

describe('kubectl cordon and uncordon', () => {
  it('marks the node unschedulable and says so once', () => {
    const c = new Cluster();
    assert.equal(c.kubectl('cordon node-1'), 'node/node-1 cordoned\n');
    assert.equal(c.get<Node>('node', 'node-1')!.spec!.unschedulable, true);
    assert.equal(c.kubectl('cordon node-1'), 'node/node-1 already cordoned\n');
    assert.match(c.kubectl('get nodes'), /node-1 +Ready,SchedulingDisabled/);
    assert.equal(c.kubectl('uncordon node-1'), 'node/node-1 uncordoned\n');
    assert.equal(c.kubectl('uncordon node-1'), 'node/node-1 already uncordoned\n');
  });
});
