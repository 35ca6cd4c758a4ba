import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Deployment } from 'kubernetes-types/apps/v1';
import { Cluster } from '../../../src/sim/index';
import { LAST_APPLIED } from '../../../src/sim/kubectl/last-applied';

function cluster(): Cluster {
  const k = new Cluster({ seed: 6 });
  k.kubectl('create deployment web --image=nginx:1.14.2 --replicas=3');
  k.settle();
  return k;
}

/** What an editor opened on the live object would save after `change`. */
const saved = (k: Cluster, change: (yaml: string) => string): string => change(k.kubectl('get deployment web -o yaml'));
const TEMP_FILE = /"\/tmp\/kubectl-edit-\d+\.yaml"/;

describe('kubectl edit: a save is compared with what the editor was given (EditOptions.Run)', () => {
  const cases: Array<{ name: string; change: (yaml: string) => string; stderr: RegExp; exitCode: number }> = [
    { name: 'no change', change: (y) => y, stderr: /^Edit cancelled, no changes made\.\n$/, exitCode: 0 },
    {
      name: 'only comments added',
      change: (y) => `# looked, left alone\n${y}`,
      stderr: /^Edit cancelled, no changes made\.\n$/,
      exitCode: 0,
    },
    {
      name: 'an empty file',
      change: () => '# \n\n',
      stderr: /^Edit cancelled, saved file was empty\.\n$/,
      exitCode: 0,
    },
    {
      name: 'a syntax error, saved again as it was',
      change: (y) => `${y}spec: [\n`,
      stderr: new RegExp(
        `^A copy of your changes has been stored to ${TEMP_FILE.source}\nerror: Edit cancelled, no valid changes were saved\\.\n$`,
      ),
      exitCode: 1,
    },
    {
      name: 'a renamed object',
      change: (y) => y.replace('  name: web\n', '  name: other\n'),
      stderr: new RegExp(
        `^A copy of your changes has been stored to ${TEMP_FILE.source}\nerror: At least one of apiVersion, kind and name was changed\n$`,
      ),
      exitCode: 1,
    },
    {
      name: 'an invalid object: the editor reopens, and the same save gives up',
      change: (y) => y.replace('replicas: 3', 'replicas: -1'),
      stderr: new RegExp(
        `^error: deployments\\.apps "web" is invalid\nA copy of your changes has been stored to ${TEMP_FILE.source}\nerror: Edit cancelled, no valid changes were saved\\.\n$`,
      ),
      exitCode: 1,
    },
    {
      name: 'a stale resourceVersion',
      change: (y) => y.replace(/resourceVersion: "\d+"/, 'resourceVersion: "1"').replace('replicas: 3', 'replicas: 2'),
      stderr: new RegExp(
        `^error: deployments\\.apps "web" could not be patched: Operation cannot be fulfilled on deployments\\.apps "web": the object has been modified; please apply your changes to the latest version and try again\nYou can run \`kubectl replace -f /tmp/kubectl-edit-\\d+\\.yaml\` to try this update again\\.\n$`,
      ),
      exitCode: 1,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const k = cluster();
      const before = k.get('deploy', 'web')?.metadata.resourceVersion;
      const result = k.kubectlResult('edit deployment/web', saved(k, c.change));
      assert.equal(result.stdout, '');
      assert.match(result.stderr, c.stderr);
      assert.equal(result.exitCode, c.exitCode);
      assert.equal(k.get('deploy', 'web')?.metadata.resourceVersion, before, 'nothing is written');
    });
  }
});

describe('kubectl edit: a changed object is written', () => {
  it('prints "edited" and starts a rollout for a new image', () => {
    const k = cluster();
    const result = k.kubectlResult(
      'edit deployment/web',
      saved(k, (y) => y.replace('nginx:1.14.2', 'nginx:1.16.1')),
    );
    assert.deepEqual([result.stdout, result.stderr], ['deployment.apps/web edited\n', '']);
    k.settle();
    assert.equal(k.kubectl('get rs -o jsonpath={.items[*].spec.replicas}').split(' ').sort().join(' '), '0 3');
    assert.match(k.kubectl('rollout history deployment/web'), /\n1\s+<none>\n2\s+<none>\n/);
  });

  it('keeps the live status, whatever the saved file says of it', () => {
    const k = cluster();
    k.kubectl(
      'edit deployment/web',
      saved(k, (y) => y.replace('replicas: 3', 'replicas: 4').replace(/readyReplicas: 3/, 'readyReplicas: 9')),
    );
    const deploy = k.get<Deployment>('deploy', 'web');
    assert.equal(deploy?.spec?.replicas, 4);
    assert.equal(deploy?.status?.readyReplicas, 3);
  });

  it('takes TYPE NAME as well as TYPE/NAME, and answers NotFound for a missing object', () => {
    const k = cluster();
    const edit = saved(k, (y) => y.replace('replicas: 3', 'replicas: 2'));
    assert.equal(k.kubectl('edit deployment web -o name', edit), 'deployment.apps/web\n');
    assert.equal(
      k.kubectlResult('edit deployment nope', edit).stderr,
      'Error from server (NotFound): deployments.apps "nope" not found\n',
    );
  });

  it('leaves the last-applied configuration as it was, unless --save-config', () => {
    const k = cluster();
    k.kubectl(
      'edit deployment/web',
      saved(k, (y) => y.replace('replicas: 3', 'replicas: 2')),
    );
    assert.equal(k.get('deploy', 'web')?.metadata.annotations?.[LAST_APPLIED], undefined);
    k.kubectl(
      'edit deployment/web --save-config',
      saved(k, (y) => y.replace('replicas: 2', 'replicas: 5')),
    );
    assert.match(k.get('deploy', 'web')?.metadata.annotations?.[LAST_APPLIED] ?? '', /"replicas":5/);
  });

  it('--record writes the command as the change cause', () => {
    const k = cluster();
    k.kubectl(
      'edit deployment/web --record',
      saved(k, (y) => y.replace('nginx:1.14.2', 'nginx:1.16.1')),
    );
    assert.equal(
      k.get('deploy', 'web')?.metadata.annotations?.['kubernetes.io/change-cause'],
      'kubectl edit deployment/web --record=true',
    );
  });

  it('needs a saved file on standard input, and one object to edit', () => {
    const k = cluster();
    assert.match(k.kubectlResult('edit deployment/web').stderr, /standard input/);
    assert.match(k.kubectlResult('edit').stderr, /^error: You must provide one or more resources/);
  });
});

describe('kubectl edit with an editor function: the loop of open, save, reopen', () => {
  it('opens the object under kubectl\u2019s header, and reopens a refused save with the reasons', () => {
    const k = cluster();
    const opened: string[] = [];
    const result = k.kubectlResult('edit deployment/web', (text) => {
      opened.push(text);
      return opened.length === 1
        ? text.replace('replicas: 3', 'replicas: -1')
        : text.replace('replicas: -1', 'replicas: 4');
    });
    assert.equal(opened.length, 2);
    assert.ok(
      opened[0].startsWith(
        "# Please edit the object below. Lines beginning with a '#' will be ignored,\n# and an empty file will abort the edit. If an error occurs while saving this file will be\n# reopened with the relevant failures.\n#\napiVersion: apps/v1\nkind: Deployment\n",
      ),
    );
    assert.match(
      opened[1],
      /^# Please edit[\s\S]*#\n# deployments\.apps "web" was not valid:\n# \* spec\.replicas: Invalid value: -1: must be greater than or equal to 0\n#\napiVersion: apps\/v1\n/,
    );
    assert.deepEqual(
      [result.stdout, result.stderr],
      ['deployment.apps/web edited\n', 'error: deployments.apps "web" is invalid\n'],
    );
    assert.equal(k.get<Deployment>('deploy', 'web')?.spec?.replicas, 4);
  });

  it('gives up when the reopened file is saved again unchanged', () => {
    const k = cluster();
    let rounds = 0;
    const result = k.kubectlResult('edit deployment/web', (text) => {
      rounds++;
      return rounds === 1 ? text.replace('replicas: 3', 'replicas: -1') : text;
    });
    assert.equal(rounds, 2);
    assert.match(
      result.stderr,
      /is invalid\nA copy of your changes has been stored to "[^"]+"\nerror: Edit cancelled, no valid changes were saved\.\n$/,
    );
  });

  it('stops an editor that keeps saving new refused files', () => {
    const k = cluster();
    let rounds = 0;
    const result = k.kubectlResult('edit deployment/web', (text) =>
      text.replace(/replicas: -?\d+/, `replicas: -${++rounds}`),
    );
    assert.equal(rounds, 20);
    assert.equal(result.exitCode, 1);
    assert.match(result.stderr, /error: kubesim: the editor was reopened 20 times; the edit is given up\n$/);
  });

  it('serves a script\u2019s kubectl edit line that has no heredoc', () => {
    const k = cluster();
    const script = k.script('kubectl edit deployment/web\nkubectl get deployment web -o jsonpath={.spec.replicas}', {
      editor: (text) => text.replace('replicas: 3', 'replicas: 2'),
    });
    assert.equal(script.output, 'deployment.apps/web edited\n2');
  });
});

describe('kubectl edit: an editor that fails', () => {
  it('ends the edit with what the editor reported, and writes nothing', () => {
    const k = cluster();
    const before = k.get('deploy', 'web')?.metadata.resourceVersion;
    const result = k.kubectlResult('edit deployment/web', () => {
      throw new Error('there was a problem with the editor "vi"');
    });
    assert.deepEqual([result.stderr, result.exitCode], ['error: there was a problem with the editor "vi"\n', 1]);
    assert.equal(k.get('deploy', 'web')?.metadata.resourceVersion, before);
  });
});
