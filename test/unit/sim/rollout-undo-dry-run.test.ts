import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Cluster } from '../../../src/sim/index';
import { NEW_IMAGE, OLD_IMAGE, webManifest } from './statefulset-fixtures';

/** A Deployment and a StatefulSet, each rolled out once, so each has a revision to go back to. */
function cluster(): Cluster {
  const k = new Cluster({ seed: 12 });
  k.kubectl('create deployment api --image=nginx:1.14.2 --replicas=2');
  k.kubectl('apply -f -', webManifest({ replicas: 2, withClaims: false }));
  k.settle();
  k.kubectl('set image deployment/api nginx=nginx:1.16.1');
  k.kubectl(`set image statefulset/web nginx=${NEW_IMAGE}`);
  k.settle();
  return k;
}

const image = (k: Cluster, target: string): string =>
  k.kubectl(`get ${target} -o jsonpath={.spec.template.spec.containers[0].image}`);

describe('rollout undo --dry-run (Rollbacker.Rollback with a dry-run strategy)', () => {
  const cases: Array<{ name: string; command: string; stdout: RegExp }> = [
    {
      name: 'client, Deployment: the revision\u2019s template as stored, hash label included, then "(dry run)"',
      command: 'rollout undo deployment/api --dry-run=client',
      stdout:
        /^deployment\.apps\/api Pod Template:\n {2}Labels:\tapp=api\n\tpod-template-hash=[0-9a-f]+\n {2}Containers:\n {3}nginx:\n {4}Image:\tnginx:1\.14\.2\n[\s\S]*\n {2}Tolerations:\t<none>\n \(dry run\)\n$/,
    },
    {
      name: 'client, StatefulSet: "will roll back to" the template with the revision applied',
      command: 'rollout undo statefulset/web --dry-run=client',
      stdout: new RegExp(
        `^statefulset\\.apps/web will roll back to Pod Template:\\n {2}Labels:\\tapp=nginx\\n[\\s\\S]*Image:\\t${OLD_IMAGE.replace(/\./g, '\\.')}\\n[\\s\\S]* \\(dry run\\)\\n$`,
      ),
    },
    {
      name: 'server, Deployment: the patch is sent with dryRun',
      command: 'rollout undo deployment/api --dry-run=server',
      stdout: /^deployment\.apps\/api rolled back \(server dry run\)\n$/,
    },
    {
      name: 'server, StatefulSet',
      command: 'rollout undo statefulset/web --to-revision=1 --dry-run=server',
      stdout: /^statefulset\.apps\/web rolled back \(server dry run\)\n$/,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const k = cluster();
      const result = k.kubectlResult(c.command);
      assert.match(result.stdout, c.stdout);
      assert.equal(result.stderr, '');
      k.settle();
      assert.equal(image(k, 'deployment/api'), 'nginx:1.16.1', 'the Deployment is not rolled back');
      assert.equal(image(k, 'statefulset/web'), NEW_IMAGE, 'the StatefulSet is not rolled back');
    });
  }

  it('client dry run shows the template even for a paused Deployment, which a real undo refuses', () => {
    const k = cluster();
    k.kubectl('rollout pause deployment/api');
    assert.match(k.kubectl('rollout undo deployment/api --dry-run=client'), /^deployment\.apps\/api Pod Template:/);
    assert.match(
      k.kubectlResult('rollout undo deployment/api').stderr,
      /^error: you cannot rollback a paused deployment/,
    );
  });

  it('still reports a revision that is not there', () => {
    const k = cluster();
    assert.equal(
      k.kubectlResult('rollout undo deployment/api --to-revision=9 --dry-run=client').stderr,
      'error: unable to find specified revision 9 in history\n',
    );
  });
});
