import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Cluster } from '../../../src/sim/index';
import { NEW_IMAGE, OLD_IMAGE, images, statefulSet, webManifest, type WebOptions } from './statefulset-fixtures';

function running(options: WebOptions = {}, seed = 9): Cluster {
  const cluster = new Cluster({ seed });
  cluster.apply(webManifest(options));
  cluster.settle();
  return cluster;
}

/** The "N out of M" counts of the partitioned-rollout lines, in order. */
function progress(lines: string[]): number[] {
  return lines.flatMap((l) => {
    const m = /^Waiting for partitioned roll out to finish: (\d+) out of \d+ new pods have been updated\.\.\.$/.exec(l);
    return m ? [Number(m[1])] : [];
  });
}

describe('kubectl rollout status statefulset', () => {
  it('follows a rolling update to "partitioned roll out complete"', () => {
    const cluster = running();
    cluster.apply(webManifest({ image: NEW_IMAGE }));
    const result = cluster.kubectlResult('rollout status statefulset/web');
    assert.equal(result.exitCode, 0);
    const lines = result.stdout.trimEnd().split('\n');
    assert.equal(lines[0], 'Waiting for statefulset spec update to be observed...');
    assert.equal(lines[lines.length - 1], 'partitioned roll out complete: 3 new pods have been updated...');
    assert.ok(lines.includes('Waiting for 1 pods to be ready...'));
    for (const n of [1, 2]) {
      assert.ok(
        lines.includes(`Waiting for partitioned roll out to finish: ${n} out of 3 new pods have been updated...`),
      );
    }
    const counts = progress(lines);
    assert.deepEqual(
      counts,
      [...counts].sort((a, b) => a - b),
      'the updated count never goes down',
    );
    assert.deepEqual(images(cluster), [NEW_IMAGE, NEW_IMAGE, NEW_IMAGE]);
  });

  it('counts only the pods at or above the partition', () => {
    const strategy = '{type: RollingUpdate, rollingUpdate: {partition: 1}}';
    const cluster = running({ updateStrategy: strategy });
    cluster.apply(webManifest({ updateStrategy: strategy, image: NEW_IMAGE }));
    const lines = cluster.kubectl('rollout status sts/web').trimEnd().split('\n');
    assert.ok(lines.includes('Waiting for partitioned roll out to finish: 1 out of 2 new pods have been updated...'));
    assert.equal(lines[lines.length - 1], 'partitioned roll out complete: 2 new pods have been updated...');
    assert.deepEqual(images(cluster), [OLD_IMAGE, NEW_IMAGE, NEW_IMAGE]);
  });

  it('reports pods still to become ready on a fresh set and stops at once with --watch=false', () => {
    const cluster = new Cluster({ seed: 2 });
    cluster.apply(webManifest());
    cluster.run('3s');
    assert.equal(
      cluster.kubectl('rollout status statefulset/web --watch=false'),
      'Waiting for 3 pods to be ready...\n',
    );
  });

  const errors: Array<{ command: string; setup?: WebOptions; expected: string }> = [
    {
      command: 'rollout status statefulset/web',
      setup: { updateStrategy: '{type: OnDelete}' },
      expected: 'error: rollout status is only available for RollingUpdate strategy type\n',
    },
    {
      command: 'rollout status statefulset/db',
      expected: 'Error from server (NotFound): statefulsets.apps "db" not found\n',
    },
    { command: 'rollout undo statefulset/web', expected: 'error: no last revision to roll back to\n' },
    {
      command: 'rollout undo statefulset/web --to-revision=7',
      expected: 'error: unable to find specified revision 7 in history\n',
    },
    {
      command: 'rollout history statefulset/web --revision=4',
      expected: 'error: unable to find the specified revision\n',
    },
  ];
  for (const { command, setup, expected } of errors) {
    it(`kubectl ${command} → ${expected.trim()}`, () => {
      const cluster = running(setup);
      const result = cluster.kubectlResult(command);
      assert.equal(result.exitCode, 1);
      assert.equal(result.stderr, expected);
    });
  }
});

describe('kubectl rollout history and undo statefulset', () => {
  it('lists one revision per template and describes a revision', () => {
    const cluster = running();
    cluster.apply(webManifest({ image: NEW_IMAGE }));
    cluster.settle();
    assert.equal(
      cluster.kubectl('rollout history statefulset/web'),
      'statefulset.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n',
    );
    assert.equal(
      cluster.kubectl('rollout history statefulset/web --revision=1'),
      [
        'statefulset.apps/web with revision #1',
        'Pod Template:',
        '  Labels:\tapp=nginx',
        '  Containers:',
        '   nginx:',
        `    Image:\t${OLD_IMAGE}`,
        '    Port:\t80/TCP',
        '    Host Port:\t0/TCP',
        '    Environment:\t<none>',
        '    Mounts:',
        '      /usr/share/nginx/html from www (rw)',
        '  Volumes:\t<none>',
        '  Node-Selectors:\t<none>',
        '  Tolerations:\t<none>',
        '',
        '',
      ].join('\n'),
    );
  });

  it('undo restores the previous template and the controller rolls the pods back', () => {
    const cluster = running();
    const first = statefulSet(cluster).status?.currentRevision;
    cluster.apply(webManifest({ image: NEW_IMAGE }));
    cluster.settle();
    assert.equal(cluster.kubectl('rollout undo statefulset/web'), 'statefulset.apps/web rolled back\n');
    cluster.settle();
    assert.deepEqual(images(cluster), [OLD_IMAGE, OLD_IMAGE, OLD_IMAGE]);
    assert.equal(statefulSet(cluster).status?.currentRevision, first, 'the old revision is reused, not recreated');
    // The reused revision moves to the top of the history.
    assert.equal(
      cluster.kubectl('rollout history sts/web'),
      'statefulset.apps/web \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n',
    );
    assert.equal(
      cluster.kubectl('rollout undo statefulset/web --to-revision=3'),
      'statefulset.apps/web skipped rollback (current template already matches revision 3)\n',
    );
    assert.equal(cluster.kubectl('rollout undo statefulset/web --to-revision=2'), 'statefulset.apps/web rolled back\n');
    cluster.settle();
    assert.deepEqual(images(cluster), [NEW_IMAGE, NEW_IMAGE, NEW_IMAGE]);
  });
});
