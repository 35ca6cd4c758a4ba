import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import { Cluster } from '../../../src/sim/index';

const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

/** A StatefulSet manifest with one field replaced (YAML flow style). */
function sts(overrides: { name?: string; spec?: string; labels?: string } = {}): string {
  return `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: ${overrides.name ?? 'web'}
spec:
  serviceName: nginx
${overrides.spec ?? '  replicas: 2'}
  selector: {matchLabels: {app: nginx}}
  template:
    metadata: {labels: ${overrides.labels ?? '{app: nginx}'}}
    spec:
      containers:
      - name: nginx
        image: registry.k8s.io/nginx-slim:0.21
`;
}

// Since v1.34 (kubernetes#132314) the apiserver prints maps, lists and structs in field errors as JSON; internal
// types carry no json tags, so their Go field names show.
describe('StatefulSet validation on create', () => {
  const cases: Array<{ name: string; manifest: string; want: string }> = [
    {
      name: 'negative replicas',
      manifest: sts({ spec: '  replicas: -1' }),
      want: 'The StatefulSet "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n',
    },
    {
      name: 'name that is not a DNS label',
      manifest: sts({ name: 'Web_1' }),
      want: `The StatefulSet "Web_1" is invalid: metadata.name: Invalid value: "Web_1": ${LABEL_MSG}\n`,
    },
    {
      name: 'name with dots',
      manifest: sts({ name: 'web.v1' }),
      want: 'The StatefulSet "web.v1" is invalid: metadata.name: Invalid value: "web.v1": must not contain dots\n',
    },
    {
      name: 'selector that does not match the template labels',
      manifest: sts({ labels: '{app: web, tier: front}' }),
      want: 'The StatefulSet "web" is invalid: spec.template.metadata.labels: Invalid value: {"app":"web","tier":"front"}: `selector` does not match template `labels`\n',
    },
    {
      name: 'unknown podManagementPolicy',
      manifest: sts({ spec: '  replicas: 1\n  podManagementPolicy: Random' }),
      want: 'The StatefulSet "web" is invalid: spec.podManagementPolicy: Invalid value: "Random": must be \'OrderedReady\' or \'Parallel\'\n',
    },
    {
      name: 'negative partition',
      manifest: sts({ spec: '  replicas: 1\n  updateStrategy: {type: RollingUpdate, rollingUpdate: {partition: -2}}' }),
      want: 'The StatefulSet "web" is invalid: spec.updateStrategy.rollingUpdate.partition: Invalid value: -2: must be greater than or equal to 0\n',
    },
    {
      name: 'several errors are listed one per line',
      manifest: sts({ spec: '  replicas: -3\n  minReadySeconds: -1', labels: '{app: web}' }),
      want:
        'The StatefulSet "web" is invalid: \n' +
        '* spec.replicas: Invalid value: -3: must be greater than or equal to 0\n' +
        '* spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0\n' +
        '* spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`\n',
    },
  ];
  for (const c of cases) {
    it(`rejects ${c.name}`, () => {
      const cluster = new Cluster();
      const result = cluster.kubectlResult('apply -f -', c.manifest);
      assert.equal(result.stderr, c.want);
      assert.equal(result.stdout, '');
      assert.equal(result.exitCode, 1);
      assert.equal(cluster.list('statefulsets').length, 0);
    });
  }

  it('rejects a missing selector', () => {
    const cluster = new Cluster();
    const manifest = sts().replace('  selector: {matchLabels: {app: nginx}}\n', '');
    assert.equal(
      cluster.kubectl('apply -f -', manifest),
      'The StatefulSet "web" is invalid: \n' +
        '* spec.selector: Required value\n' +
        '* spec.template.metadata.labels: Invalid value: {"app":"nginx"}: `selector` does not match template `labels`\n',
    );
  });

  it('rejects an empty selector', () => {
    const cluster = new Cluster();
    const manifest = sts().replace('{matchLabels: {app: nginx}}', '{}');
    assert.equal(
      cluster.kubectl('apply -f -', manifest),
      'The StatefulSet "web" is invalid: spec.selector: Invalid value: {}: empty selector is invalid for statefulset\n',
    );
  });

  it('requires restartPolicy Always in the template', () => {
    const cluster = new Cluster();
    const manifest = sts().replace(
      '    spec:\n      containers:',
      '    spec:\n      restartPolicy: Never\n      containers:',
    );
    assert.equal(
      cluster.kubectl('apply -f -', manifest),
      'The StatefulSet "web" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"\n',
    );
  });

  it('accepts a valid set', () => {
    const cluster = new Cluster();
    assert.equal(cluster.kubectl('apply -f -', sts()), 'statefulset.apps/web created\n');
  });
});

describe('StatefulSet validation on update', () => {
  it('forbids changing serviceName and volumeClaimTemplates, naming the mutable fields', () => {
    const cluster = new Cluster();
    cluster.apply(sts());
    const before = cluster.get('sts', 'web');
    const result = cluster.kubectlResult('apply -f -', sts().replace('serviceName: nginx', 'serviceName: other'));
    assert.equal(
      result.stderr,
      "The StatefulSet \"web\" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden\n",
    );
    assert.deepEqual(cluster.get('sts', 'web'), before);
  });

  it('keeps the defaulted rollingUpdate when only the strategy type is switched to OnDelete', () => {
    // The merge keeps the live rollingUpdate block, which OnDelete does not allow: the same error a real apply gives.
    const cluster = new Cluster();
    cluster.apply(sts());
    assert.equal(
      cluster.kubectl('apply -f -', sts({ spec: '  replicas: 2\n  updateStrategy: {type: OnDelete}' })),
      'The StatefulSet "web" is invalid: spec.updateStrategy.rollingUpdate: Invalid value: {"Partition":0,"MaxUnavailable":null}: only allowed for updateStrategy \'RollingUpdate\'\n',
    );
  });

  it('allows replicas, template, updateStrategy, minReadySeconds and revisionHistoryLimit to change', () => {
    const cluster = new Cluster();
    cluster.apply(sts());
    const changed = sts({
      spec: '  replicas: 5\n  minReadySeconds: 3\n  revisionHistoryLimit: 4\n  updateStrategy: {rollingUpdate: {partition: 1}}',
    }).replace('nginx-slim:0.21', 'nginx-slim:0.22');
    assert.equal(cluster.kubectl('apply -f -', changed), 'statefulset.apps/web configured\n');
    assert.equal(cluster.get<StatefulSet>('sts', 'web')?.spec?.replicas, 5);
  });

  it('rejects scaling to a negative count with the update path', () => {
    const cluster = new Cluster();
    cluster.apply(sts());
    assert.equal(
      cluster.kubectl('apply -f -', sts({ spec: '  replicas: -1' })),
      'The StatefulSet "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n',
    );
  });
});

describe('object names by kind', () => {
  it('a pod name must be a DNS subdomain', () => {
    const cluster = new Cluster();
    const out = cluster.kubectl(
      'apply -f -',
      'apiVersion: v1\nkind: Pod\nmetadata: {name: Web_1}\nspec: {containers: [{name: c, image: nginx}]}\n',
    );
    assert.equal(out, `The Pod "Web_1" is invalid: metadata.name: Invalid value: "Web_1": ${SUBDOMAIN_MSG}\n`);
  });
});

describe('a StatefulSet whose pod template fails Pod validation', () => {
  it('is accepted, and the controller records FailedCreate and retries with backoff', () => {
    // ValidateStatefulSetSpec checks only the template's labels: the pod spec is validated when pods are created.
    const cluster = new Cluster();
    const manifest = sts().replace('        image: registry.k8s.io/nginx-slim:0.21\n', '');
    assert.equal(cluster.kubectl('apply -f -', manifest), 'statefulset.apps/web created\n');
    cluster.settle();
    assert.deepEqual(cluster.list('pods'), []);
    const failed = cluster.events().filter((e) => e.reason === 'FailedCreate');
    assert.equal(failed.length, 1);
    assert.equal(
      failed[0].message,
      'create Pod web-0 in StatefulSet web failed error: Pod "web-0" is invalid: spec.containers[0].image: Required value',
    );
    assert.ok((failed[0].count ?? 0) > 5, 'retried several times');
  });
});

describe('unknown updateStrategy type', () => {
  it('shows the internal struct as JSON', () => {
    const cluster = new Cluster();
    assert.equal(
      cluster.kubectl('apply -f -', sts({ spec: '  replicas: 1\n  updateStrategy: {type: Blue}' })),
      `The StatefulSet "web" is invalid: spec.updateStrategy: Invalid value: {"Type":"Blue","RollingUpdate":null}: must be 'RollingUpdate' or 'OnDelete'\n`,
    );
  });
});
