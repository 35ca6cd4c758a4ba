import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Cluster } from '../../../src/sim/index';
import { WEB_DEPLOYMENT } from './fixtures-web';

function cluster(): Cluster {
  const c = new Cluster({ seed: 1 });
  c.apply(WEB_DEPLOYMENT);
  c.settle();
  return c;
}

function annotations(c: Cluster): Record<string, string> {
  const { 'kubectl.kubernetes.io/last-applied-configuration': _applied, ...rest } =
    c.get('deploy', 'web')?.metadata.annotations ?? {};
  return rest;
}

describe('kubectl annotate', () => {
  const cases: Array<{ name: string; commands: string[]; output: string; want: Record<string, string> }> = [
    {
      name: 'sets and removes annotations',
      commands: ['annotate deploy web team=a note=x', 'annotate deploy/web note-'],
      output: 'deployment.apps/web annotated\n',
      want: { 'deployment.kubernetes.io/revision': '1', team: 'a' },
    },
    {
      name: 'refuses to overwrite without --overwrite',
      commands: ['annotate deploy web team=a', 'annotate deploy web team=b'],
      output:
        "error: --overwrite is false but found the following declared annotation(s): 'team' already has a value (a)\n",
      want: { 'deployment.kubernetes.io/revision': '1', team: 'a' },
    },
    {
      name: 'overwrites with --overwrite',
      commands: ['annotate deploy web team=a', 'annotate deploy web team=b --overwrite'],
      output: 'deployment.apps/web annotated\n',
      want: { 'deployment.kubernetes.io/revision': '1', team: 'b' },
    },
    {
      name: 'always overwrites the change cause',
      commands: [
        'annotate deploy web kubernetes.io/change-cause=one',
        'annotate deploy web kubernetes.io/change-cause=two',
      ],
      output: 'deployment.apps/web annotated\n',
      want: { 'deployment.kubernetes.io/revision': '1', 'kubernetes.io/change-cause': 'two' },
    },
    {
      name: 'a value may hold "="',
      commands: ['annotate deploy web query=a=b'],
      output: 'deployment.apps/web annotated\n',
      want: { 'deployment.kubernetes.io/revision': '1', query: 'a=b' },
    },
    {
      name: 'modify and remove together',
      commands: ['annotate deploy web team=a team-'],
      output: 'error: can not both modify and remove the following annotation(s) in the same command: team\n',
      want: { 'deployment.kubernetes.io/revision': '1' },
    },
    {
      name: 'a resource after the changes',
      commands: ['annotate deploy web team=a pods'],
      output: 'error: all resources must be specified before annotation changes: pods\n',
      want: { 'deployment.kubernetes.io/revision': '1' },
    },
    {
      name: 'no change given',
      commands: ['annotate deploy web'],
      output: 'error: at least one annotation update is required\n',
      want: { 'deployment.kubernetes.io/revision': '1' },
    },
    {
      name: 'a name and a selector',
      commands: ['annotate deploy web -l app=web team=a'],
      output: 'error: name cannot be provided when a selector is specified\n',
      want: { 'deployment.kubernetes.io/revision': '1' },
    },
    {
      name: 'an invalid key, refused by the apiserver',
      commands: ['annotate deploy web "bad key=1"'],
      output:
        "The Deployment \"web\" is invalid: metadata.annotations: Invalid value: \"bad key\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')\n",
      want: { 'deployment.kubernetes.io/revision': '1' },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const k = cluster();
      let last = '';
      for (const command of c.commands) last = k.kubectl(command);
      assert.equal(last, c.output);
      assert.deepEqual(annotations(k), c.want);
    });
  }

  it('annotates every pod matching a selector', () => {
    const k = cluster();
    const out = k.kubectl('annotate pods -l app=web owner=me');
    assert.match(out, /^pod\/web-[a-z0-9]+-[a-z0-9]{5} annotated\npod\/web-[a-z0-9]+-[a-z0-9]{5} annotated\n$/);
  });

  it('the change cause reaches the rollout history once the controller copies it to the new ReplicaSet', () => {
    const k = cluster();
    k.kubectl('annotate deploy web kubernetes.io/change-cause="nginx 1.16.1"');
    k.run('1s');
    k.kubectl('set image deploy/web nginx=nginx:1.17');
    k.settle();
    // The new ReplicaSet starts with the annotations the Deployment had: the old cause, until it is replaced.
    assert.match(k.kubectl('rollout history deploy/web'), /\n1 +nginx 1\.16\.1\n2 +nginx 1\.16\.1\n/);
    k.kubectl('annotate deploy web kubernetes.io/change-cause="nginx 1.17"');
    k.settle();
    assert.match(k.kubectl('rollout history deploy/web'), /\n1 +nginx 1\.16\.1\n2 +nginx 1\.17\n/);
  });
});
