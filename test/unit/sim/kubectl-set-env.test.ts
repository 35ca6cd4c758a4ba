import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Deployment } from 'kubernetes-types/apps/v1';
import type { EnvVar } from 'kubernetes-types/core/v1';
import { Cluster } from '../../../src/sim/index';
import { parseEnv, splitEnvironment, updateEnv } from '../../../src/sim/kubectl/set-env';

function cluster(): Cluster {
  const c = new Cluster({ seed: 5 });
  c.kubectl('create deployment web --image=nginx:1.14.2 --replicas=2');
  c.settle();
  return c;
}

function env(c: Cluster): EnvVar[] | undefined {
  return c.get<Deployment>('deploy', 'web')?.spec?.template.spec?.containers[0].env;
}

describe('set env helpers (envutil)', () => {
  it('splits resources from environment changes, resources first', () => {
    assert.deepEqual(splitEnvironment(['deploy/web', 'A=1', 'B-']), { resources: ['deploy/web'], env: ['A=1', 'B-'] });
    assert.equal(splitEnvironment(['A=1', 'deploy/web']), undefined);
  });
  const parses: Array<{ specs: string[]; want: ReturnType<typeof parseEnv> }> = [
    { specs: ['A=1', 'B=', 'C-'], want: { env: [{ name: 'A', value: '1' }, { name: 'B' }], remove: ['C'] } },
    { specs: ['A=x=y'], want: { env: [{ name: 'A', value: 'x=y' }], remove: [] } },
    { specs: ['A=1', 'A-'], want: 'can not both modify and remove the same environment variable in the same command' },
    { specs: ['plain'], want: 'unknown environment variable: plain' },
    { specs: ['-'], want: "when '-' is used, STDIN must be open" },
  ];
  for (const c of parses)
    it(`parseEnv(${c.specs.join(' ')})`, () => assert.deepEqual(parseEnv(c.specs, undefined), c.want));
  it('reads KEY=VALUE lines from stdin for "-", comments dropped', () =>
    assert.deepEqual(parseEnv(['-'], 'A=1 # one\n# none\nB=2\n'), {
      env: [
        { name: 'A', value: '1 ' },
        { name: 'B', value: '2' },
      ],
      remove: [],
    }));
  it('updateEnv keeps the order: replaced in place, removed dropped, new ones last', () =>
    assert.deepEqual(
      updateEnv(
        [
          { name: 'A', value: '1' },
          { name: 'B', value: '2' },
          { name: 'C', value: '3' },
        ],
        [
          { name: 'D', value: '4' },
          { name: 'B', value: '20' },
        ],
        ['A'],
      ),
      [
        { name: 'B', value: '20' },
        { name: 'C', value: '3' },
        { name: 'D', value: '4' },
      ],
    ));
});

describe('kubectl set env (EnvOptions.RunEnv)', () => {
  const cases: Array<{ name: string; commands: string[]; stdout: string; stderr?: string; env?: EnvVar[] }> = [
    {
      name: 'sets variables',
      commands: ['set env deployment/web MODE=blue LEVEL=debug'],
      stdout: 'deployment.apps/web env updated\n',
      env: [
        { name: 'MODE', value: 'blue' },
        { name: 'LEVEL', value: 'debug' },
      ],
    },
    {
      name: 'an unchanged object prints nothing',
      commands: ['set env deployment/web MODE=blue', 'set env deployment/web MODE=blue'],
      stdout: '',
      env: [{ name: 'MODE', value: 'blue' }],
    },
    {
      name: 'removes one',
      commands: ['set env deployment/web MODE=blue LEVEL=debug', 'set env deployment/web MODE-'],
      stdout: 'deployment.apps/web env updated\n',
      env: [{ name: 'LEVEL', value: 'debug' }],
    },
    {
      name: '--overwrite=false refuses a new value',
      commands: ['set env deployment/web MODE=blue', 'set env deployment/web MODE=green --overwrite=false'],
      stdout: '',
      stderr: "error: deployments/web 'MODE' already has a value (blue), and --overwrite is false\n",
      env: [{ name: 'MODE', value: 'blue' }],
    },
    {
      name: '--list shows the result without writing it',
      commands: ['set env deployment/web MODE=blue', 'set env deployment/web --list LEVEL=debug'],
      stdout: '# Deployment web, container nginx\nMODE=blue\nLEVEL=debug\n',
      env: [{ name: 'MODE', value: 'blue' }],
    },
    {
      name: 'no container matches',
      commands: ['set env deployment/web -c=sidecar MODE=blue'],
      stdout: '',
      stderr: 'warning: Deployment/web does not have any containers matching "sidecar"\n',
    },
    {
      name: 'a bad name',
      commands: ['set env deployment/web 9LIVES=x'],
      stdout: '',
      stderr:
        "error: \"9LIVES\" is not a valid key name: a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')\n",
    },
    {
      name: 'resources after the changes',
      commands: ['set env MODE=blue deployment/web'],
      stdout: '',
      stderr: 'error: all resources must be specified before environment changes: MODE=blue deployment/web\n',
    },
    {
      name: 'a client dry run',
      commands: ['set env deployment/web -e MODE=blue --dry-run=client'],
      stdout: 'deployment.apps/web env updated (dry run)\n',
    },
    {
      name: 'with a prefix',
      commands: ['set env deployment/web --prefix=APP_ MODE=blue'],
      stdout: 'deployment.apps/web env updated\n',
      env: [{ name: 'APP_MODE', value: 'blue' }],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const k = cluster();
      let last = { stdout: '', stderr: '', exitCode: 0 };
      for (const command of c.commands) last = k.kubectlResult(command);
      assert.equal(last.stdout, c.stdout);
      assert.equal(last.stderr, c.stderr ?? '');
      assert.deepEqual(env(k), c.env);
    });
  }

  it('a change to the environment is a new revision', () => {
    const k = cluster();
    k.kubectl('set env deployment/web MODE=blue');
    k.settle();
    assert.match(k.kubectl('rollout history deployment/web'), /\n1\s+<none>\n2\s+<none>\n/);
  });
});
