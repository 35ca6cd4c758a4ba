import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Cluster } from '../../../src/sim/index';

const SUBDOMAIN =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const KEY_NAME_PART =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

const TEMPLATE = `
  selector: {matchLabels: {app: x}}
  template:
    metadata: {labels: {app: x}}
    spec: {containers: [{name: c, image: "nginx:1.16.1"}]}`;

/** A manifest of `kind` with the given metadata (a YAML flow mapping). */
function manifest(kind: string, metadata: string): string {
  switch (kind) {
    case 'Deployment':
    case 'ReplicaSet':
      return `apiVersion: apps/v1\nkind: ${kind}\nmetadata: ${metadata}\nspec:${TEMPLATE}\n`;
    case 'PersistentVolumeClaim':
      return `apiVersion: v1\nkind: ${kind}\nmetadata: ${metadata}\nspec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}\n`;
    default:
      return `apiVersion: storage.k8s.io/v1\nkind: ${kind}\nmetadata: ${metadata}\nprovisioner: example.com/nfs\n`;
  }
}

/** The short resource name kubectl prints in a success line. */
const RESOURCE: Record<string, string> = {
  Deployment: 'deployment.apps',
  ReplicaSet: 'replicaset.apps',
  PersistentVolumeClaim: 'persistentvolumeclaim',
  StorageClass: 'storageclass.storage.k8s.io',
};

// ValidateObjectMeta runs before the spec checks for every kind, with the name rule of its kind.
describe('metadata validation on create', () => {
  for (const kind of Object.keys(RESOURCE)) {
    const cases: Array<{ name: string; metadata: string; want: string }> = [
      {
        name: 'a name with capitals and an underscore',
        metadata: '{name: Web_1}',
        want: `The ${kind} "Web_1" is invalid: metadata.name: Invalid value: "Web_1": ${SUBDOMAIN}\n`,
      },
      {
        name: 'a label key with a space',
        metadata: '{name: web, labels: {"bad key": x}}',
        want: `The ${kind} "web" is invalid: metadata.labels: Invalid value: "bad key": ${KEY_NAME_PART}\n`,
      },
      {
        name: 'an annotation key with a space',
        metadata: '{name: web, annotations: {"bad key": x}}',
        want: `The ${kind} "web" is invalid: metadata.annotations: Invalid value: "bad key": ${KEY_NAME_PART}\n`,
      },
      {
        name: 'a dotted name, which a subdomain allows',
        metadata: '{name: web.v1}',
        want: `${RESOURCE[kind]}/web.v1 created\n`,
      },
    ];
    for (const c of cases) {
      it(`${kind}: ${c.name}`, () => {
        const cluster = new Cluster({ seed: 1 });
        assert.equal(cluster.kubectl('apply -f -', manifest(kind, c.metadata)), c.want);
        if (!c.want.endsWith('created\n')) assert.equal(cluster.list(kind).length, kind === 'StorageClass' ? 1 : 0);
      });
    }
  }
});

describe('metadata validation on update', () => {
  it('a Deployment label changed to an invalid key is refused and the object stays as it was', () => {
    const cluster = new Cluster({ seed: 1 });
    cluster.apply(manifest('Deployment', '{name: web}'));
    assert.equal(
      cluster.kubectl(`patch deploy web --type=merge -p '{"metadata":{"labels":{"bad key":"x"}}}'`),
      `The Deployment "web" is invalid: metadata.labels: Invalid value: "bad key": ${KEY_NAME_PART}\n`,
    );
    assert.equal(cluster.get('deploy', 'web')?.metadata.labels, undefined);
  });
});
