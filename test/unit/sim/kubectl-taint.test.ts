import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Node, Pod, Taint } from 'kubernetes-types/core/v1';
import { Cluster } from '../../../src/sim/index';
import { parseTaints, reorganizeTaints } from '../../../src/sim/kubectl/taint-spec';
import { webManifest } from './fixtures-web';

describe('kubectl taint: parseTaints', () => {
  const cases: Array<{ specs: string[]; want: unknown }> = [
    {
      specs: ['dedicated=db:NoSchedule'],
      want: { add: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }], remove: [] },
    },
    { specs: ['gpu:NoExecute'], want: { add: [{ key: 'gpu', effect: 'NoExecute' }], remove: [] } },
    {
      specs: ['gpu:PreferNoSchedule-', 'old-'],
      want: { add: [], remove: [{ key: 'gpu', effect: 'PreferNoSchedule' }, { key: 'old' }] },
    },
    { specs: ['gpu'], want: { error: 'invalid taint spec: gpu' } },
    { specs: ['a=b=c:NoSchedule'], want: { error: 'invalid taint spec: a=b=c:NoSchedule' } },
    { specs: ['a:b:NoSchedule'], want: { error: 'invalid taint spec: a:b:NoSchedule' } },
    { specs: ['a=b:Never'], want: { error: 'invalid taint effect: Never, unsupported taint effect' } },
    {
      specs: ['a=b:NoSchedule', 'a=c:NoSchedule'],
      want: { error: 'duplicated taints with the same key and effect: {a c NoSchedule <nil>}' },
    },
    {
      specs: ['bad key=x:NoSchedule'],
      want: {
        error:
          "invalid taint spec: bad key=x:NoSchedule, name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
      },
    },
  ];
  for (const c of cases) it(c.specs.join(' '), () => assert.deepEqual(parseTaints(c.specs), c.want));
});

describe('kubectl taint: reorganizeTaints', () => {
  const db: Taint = { key: 'dedicated', value: 'db', effect: 'NoSchedule' };
  const gpu: Taint = { key: 'gpu', effect: 'NoExecute' };
  const cases: Array<{
    name: string;
    existing: (typeof db)[];
    overwrite?: boolean;
    add: (typeof db)[];
    remove: (typeof db)[];
    want: unknown;
  }> = [
    {
      name: 'a new taint',
      existing: [],
      add: [db],
      remove: [],
      want: { operation: 'tainted', taints: [db], errors: [] },
    },
    {
      name: 'new ones come first',
      existing: [gpu],
      add: [db],
      remove: [],
      want: { operation: 'tainted', taints: [db, gpu], errors: [] },
    },
    {
      name: 'removed by key and effect',
      existing: [db, gpu],
      add: [],
      remove: [{ key: 'gpu', effect: 'NoExecute' } as Taint],
      want: { operation: 'untainted', taints: [db], errors: [] },
    },
    {
      name: 'removed by key alone',
      existing: [db],
      add: [],
      remove: [{ key: 'dedicated' } as Taint],
      want: { operation: 'untainted', taints: [], errors: [] },
    },
    {
      name: 'added and removed',
      existing: [db],
      add: [gpu],
      remove: [{ key: 'dedicated' } as Taint],
      want: { operation: 'modified', taints: [gpu], errors: [] },
    },
    {
      name: '--overwrite is always "modified"',
      existing: [db],
      overwrite: true,
      add: [{ ...db, value: 'cache' }],
      remove: [],
      want: { operation: 'modified', taints: [{ ...db, value: 'cache' }], errors: [] },
    },
    {
      name: 'a missing taint',
      existing: [],
      add: [],
      remove: [{ key: 'gpu', effect: 'NoExecute' } as Taint],
      want: { operation: 'untainted', taints: [], errors: ['taint "gpu:NoExecute" not found'] },
    },
  ];
  for (const c of cases) {
    it(c.name, () => assert.deepEqual(reorganizeTaints(c.existing, c.overwrite ?? false, c.add, c.remove), c.want));
  }
});

describe('kubectl taint: the command', () => {
  const cases: Array<{ command: string; stdout?: string; stderr?: string }> = [
    { command: 'taint nodes node-1 dedicated=db:NoSchedule', stdout: 'node/node-1 tainted\n' },
    { command: 'taint node node-1 node-2 gpu:NoExecute', stdout: 'node/node-1 tainted\nnode/node-2 tainted\n' },
    {
      command: 'taint no --all gpu:NoExecute',
      stdout: 'node/node-1 tainted\nnode/node-2 tainted\nnode/node-3 tainted\n',
    },
    { command: 'taint nodes node-1 gpu-', stderr: 'error: taint "gpu" not found\n' },
    {
      command: 'taint nodes node-1 a=b:NoSchedule node-2',
      stderr: 'error: all resources must be specified before taint changes: node-2\n',
    },
    {
      command: 'taint a=b:NoSchedule',
      stderr: 'error: one or more resources must be specified as <resource> <name>\n',
    },
    { command: 'taint nodes node-1', stderr: 'error: at least one taint update is required\n' },
    {
      command: 'taint pods web-0 a=b:NoSchedule',
      stderr: 'error: invalid resource type pods, only node types are supported\n',
    },
    {
      command: 'taint gadgets x a=b:NoSchedule',
      stderr: 'error: the server doesn\'t have a resource type "gadgets"\n',
    },
    {
      command: 'taint nodes a=b:NoSchedule',
      stderr: "error: at least one resource name must be specified since 'all' parameter is not set\n",
    },
    {
      command: 'taint nodes --all -l x=y a=b:NoSchedule',
      stderr: "error: setting 'all' parameter with a non empty selector is prohibited\n",
    },
    {
      command: 'taint nodes node-1 a=b:NoSchedule a-',
      stderr: 'error: can not both modify and remove the following taint(s) in the same command: {"a":""}\n',
    },
    {
      command: 'taint nodes node-1 a=b:Soon',
      stderr:
        "error: invalid taint effect: Soon, unsupported taint effect\nSee 'kubectl taint -h' for help and examples\n",
    },
    {
      command: 'taint nodes node-1 node-9 a=b:NoSchedule',
      stdout: 'node/node-1 tainted\n',
      stderr: 'Error from server (NotFound): nodes "node-9" not found\n',
    },
  ];
  for (const c of cases) {
    it(c.command, () => {
      assert.deepEqual(new Cluster().kubectlResult(c.command), {
        stdout: c.stdout ?? '',
        stderr: c.stderr ?? '',
        exitCode: c.stderr ? 1 : 0,
      });
    });
  }

  it('a taint already there needs --overwrite; removing the last one drops spec.taints', () => {
    const c = new Cluster();
    c.kubectl('taint nodes node-1 dedicated=db:NoSchedule');
    assert.equal(
      c.kubectl('taint nodes node-1 dedicated=cache:NoSchedule'),
      'error: node node-1 already has dedicated taint(s) with same effect(s) and --overwrite is false\n',
    );
    assert.equal(c.kubectl('taint nodes node-1 dedicated=cache:NoSchedule --overwrite'), 'node/node-1 modified\n');
    assert.deepEqual(c.get<Node>('node', 'node-1')?.spec?.taints, [
      { key: 'dedicated', value: 'cache', effect: 'NoSchedule' },
    ]);
    assert.equal(c.kubectl('taint nodes node-1 dedicated:NoSchedule-'), 'node/node-1 untainted\n');
    assert.equal(c.get<Node>('node', 'node-1')?.spec?.taints, undefined);
  });

  it('NoSchedule keeps new pods off a node; NoExecute evicts, and a local volume holds the pod for its node', () => {
    const c = new Cluster({ seed: 2 });
    c.kubectl('taint nodes node-1 dedicated=db:NoSchedule');
    c.apply(webManifest({ replicas: 2 }));
    c.settle();
    const nodes = () => c.list<Pod>('pods').map((p) => p.spec?.nodeName);
    assert.ok(!nodes().includes('node-1'));
    const victim = c.list<Pod>('pods')[0];
    const node = victim.spec?.nodeName ?? '';
    c.kubectl(`taint nodes ${node} maintenance=now:NoExecute`);
    c.settle();
    // The StatefulSet made the evicted pod again under its name; its claim's volume lives on the tainted node.
    const again = c.get<Pod>('pod', victim.metadata?.name ?? '');
    assert.notEqual(again?.metadata?.uid, victim.metadata?.uid);
    assert.equal(again?.status?.phase, 'Pending');
    assert.match(
      c.kubectl(`events --for pod/${victim.metadata?.name} --types=Warning`),
      /FailedScheduling +Pod\/web-\d +0\/3 nodes are available: 1 node\(s\) had untolerated taint \{dedicated: db\}, 1 node\(s\) had untolerated taint \{maintenance: now\}, 1 node\(s\) had volume node affinity conflict\./,
    );
    assert.equal(c.kubectl(`taint nodes ${node} maintenance-`), `node/${node} untainted\n`);
    c.settle();
    const back = c.get<Pod>('pod', victim.metadata?.name ?? '');
    assert.equal(back?.status?.phase, 'Running');
    assert.equal(back?.spec?.nodeName, node);
  });
});
