import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Cluster } from '../../../src/sim/index';

const PREFIX = 'error: error parsing STDIN: error converting YAML to JSON: yaml: ';
const SVC = 'apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec: {ports: [{port: 80}]}\n';

describe('malformed YAML is reported like go-yaml, and nothing is applied', () => {
  const cases: Array<{ name: string; yaml: string; want: string }> = [
    {
      name: 'a mapping value on a key line (scanner error, 1-based line)',
      yaml: 'apiVersion: v1\nkind: Pod\nmetadata: name: x\n',
      want: 'line 3: mapping values are not allowed in this context',
    },
    {
      name: 'a tab used for indentation',
      yaml: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n\tlabels: {}\n',
      want: 'line 5: found character that cannot start any token',
    },
    {
      name: 'a key indented less than its siblings (parser error, names the line before)',
      yaml: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n labels: {}\n',
      want: 'line 4: did not find expected key',
    },
    {
      name: 'an unclosed flow sequence (found at the end of the document)',
      yaml: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: [x\n',
      want: "line 4: did not find expected ',' or ']'",
    },
    {
      name: 'an error in the second document counts lines from that document',
      yaml: `${SVC}---\napiVersion: v1\nkind: Pod\nmetadata: name: x\n`,
      want: 'line 3: mapping values are not allowed in this context',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const cluster = new Cluster();
      const before = cluster.list('services');
      const result = cluster.kubectlResult('apply -f -', c.yaml);
      assert.equal(result.stderr, `${PREFIX}${c.want}\n`);
      assert.equal(result.stdout, '');
      assert.equal(result.exitCode, 1);
      assert.deepEqual(cluster.list('services'), before);
      assert.deepEqual(cluster.list('pods'), []);
    });
  }
});

describe('flags', () => {
  it('rejects an unknown flag with a pointer to help', () => {
    const c = new Cluster();
    assert.equal(c.kubectl('get pods --foo'), "error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n");
    assert.equal(
      c.kubectl('patch sts web --bogus=1 -p {}'),
      "error: unknown flag: --bogus\nSee 'kubectl patch --help' for usage.\n",
    );
  });

  it('patch requires a patch', () => {
    assert.equal(
      new Cluster().kubectl('patch node node-1'),
      'error: must specify --patch or --patch-file containing the contents of the patch\n',
    );
  });

  it('label requires a label', () => {
    assert.equal(new Cluster().kubectl('label node node-1'), 'error: at least one label update is required\n');
  });

  it('delete: --now is --grace-period=1, and a forced deletion takes no grace period (DeleteOptions)', () => {
    const cases: Array<{ command: string; stderr: string }> = [
      {
        command: 'delete pod web-0 --now --grace-period=5',
        stderr: 'error: --now and --grace-period cannot be specified together\n',
      },
      {
        command: 'delete --now --grace-period=0',
        stderr: 'error: --now and --grace-period cannot be specified together\n',
      },
      {
        command: 'delete pod web-0 --force --grace-period=5',
        stderr: 'error: --force and --grace-period greater than 0 cannot be specified together\n',
      },
      {
        command: 'delete pod web-0 --force --now',
        stderr: 'error: --force and --grace-period greater than 0 cannot be specified together\n',
      },
    ];
    for (const c of cases) {
      assert.deepEqual(
        new Cluster().kubectlResult(c.command),
        { stdout: '', stderr: c.stderr, exitCode: 1 },
        c.command,
      );
    }
    const cluster = new Cluster();
    cluster.apply(
      'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, image: "nginx:1.16.1"}]}\n',
    );
    cluster.settle();
    assert.equal(cluster.kubectl('delete pod p --now --wait=false'), 'pod "p" deleted from default namespace\n');
    assert.equal(cluster.get('pod', 'p')?.metadata?.deletionGracePeriodSeconds, 1);
  });
});

describe('commands', () => {
  it('a real kubectl command the simulator does not model says so; a made-up one is unknown', () => {
    const c = new Cluster();
    for (const verb of ['diff', 'port-forward', 'explain', 'config', 'debug']) {
      assert.deepEqual(c.kubectlResult(`${verb} pods`), {
        stdout: '',
        stderr: `kubesim: kubectl ${verb} is not simulated\n`,
        exitCode: 1,
      });
    }
    assert.equal(c.kubectl('stats pods'), 'error: unknown command "stats" for "kubectl"\n');
    // A command group's DefaultSubCommandRun quotes every argument it was given.
    assert.equal(
      c.kubectl('set iamge statefulset web nginx=nginx:1.9.1'),
      'error: unknown command "iamge statefulset web nginx=nginx:1.9.1"\nSee \'kubectl set -h\' for help and examples\n',
    );
    assert.equal(
      c.kubectl('rollout state deploy/web'),
      'error: unknown command "state deploy/web"\nSee \'kubectl rollout -h\' for help and examples\n',
    );
    assert.equal(
      c.kubectl('rollout'),
      'kubesim: kubectl rollout needs a subcommand: history, pause, restart, resume, status, undo\n',
    );
  });
});

describe('names together with a label selector are refused by every verb that takes both', () => {
  for (const command of [
    'get pods web-0 -l app=nginx',
    'describe pod web-0 -l app=nginx',
    'delete pod web-0 -l app=nginx',
    'label pod web-0 -l app=nginx tier=web',
    'annotate pod web-0 -l app=nginx note=x',
  ]) {
    it(command, () => {
      const cluster = new Cluster({ seed: 2 });
      const result = cluster.kubectlResult(command);
      assert.deepEqual(result, {
        stdout: '',
        stderr: 'error: name cannot be provided when a selector is specified\n',
        exitCode: 1,
      });
    });
  }
});
