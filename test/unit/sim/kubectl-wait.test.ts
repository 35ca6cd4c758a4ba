import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Deployment } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { Cluster } from '../../../src/sim/index';
import {
  conditionMet,
  jsonPathMet,
  parseWaitCondition,
  splitOnSingleEquals,
} from '../../../src/sim/kubectl/wait-conditions';
import { webManifest } from './fixtures-web';

/** The tutorial's web StatefulSet with two replicas, both Running and Ready. */
function readyWeb(): Cluster {
  const c = new Cluster({ seed: 3 });
  c.apply(webManifest({ replicas: 2 }));
  c.settle();
  return c;
}

describe('kubectl wait: flags and arguments (WaitFlags.ToOptions, then the builder)', () => {
  const cases: Array<{ command: string; stderr: string }> = [
    { command: 'wait pod/web-0', stderr: 'error: unrecognized condition: ""\n' },
    { command: 'wait --for=ready pod/web-0', stderr: 'error: unrecognized condition: "ready"\n' },
    // The condition is checked before the arguments.
    { command: 'wait --for=foo', stderr: 'error: unrecognized condition: "foo"\n' },
    {
      command: 'wait --for=condition=Ready',
      stderr:
        "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
    },
    {
      command: 'wait --for=condition=Ready pods',
      stderr: 'error: resource(s) were provided, but no name was specified\n',
    },
    {
      command: 'wait --for=condition=Ready pod/web-0 -l app=nginx',
      stderr: 'error: name cannot be provided when a selector is specified\n',
    },
    {
      command: "wait --for=jsonpath='{.status.readyReplicas}'= sts/web",
      stderr:
        "error: jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3\n",
    },
    {
      command: 'wait --for=jsonpath=a=b=c sts/web',
      stderr:
        "error: jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'\n",
    },
    { command: 'wait --for=jsonpath==3 sts/web', stderr: 'error: jsonpath expression cannot be empty\n' },
    {
      command: "wait --for=jsonpath='{.a}{.b}' sts/web",
      stderr:
        "error: unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'\n",
    },
    {
      command: 'wait --for=delete pod/web-0 --timeout=soon',
      stderr:
        'error: invalid argument "soon" for "--timeout" flag: time: invalid duration "soon"\nSee \'kubectl wait --help\' for usage.\n',
    },
    {
      command: 'wait --for=delete pod/web-0 -o wide',
      stderr:
        'error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n',
    },
  ];
  for (const c of cases) {
    it(c.command, () => {
      const cluster = readyWeb();
      const before = cluster.elapsed();
      assert.deepEqual(cluster.kubectlResult(c.command), { stdout: '', stderr: c.stderr, exitCode: 1 });
      assert.equal(cluster.elapsed(), before, 'a refused command waits for nothing');
    });
  }
});

describe('kubectl wait: conditions met, or not', () => {
  const cases: Array<{ command: string; stdout?: string; stderr?: string }> = [
    { command: 'wait --for=condition=Ready pod/web-0', stdout: 'pod/web-0 condition met\n' },
    { command: 'wait --for=condition=ready pod/web-0', stdout: 'pod/web-0 condition met\n' },
    { command: 'wait --for=condition=Ready=True pod/web-0 -o name', stdout: 'pod/web-0\n' },
    {
      command: 'wait --for condition=Ready pods web-0 web-1',
      stdout: 'pod/web-0 condition met\npod/web-1 condition met\n',
    },
    {
      command: 'wait --for=condition=Ready pod -l app=nginx',
      stdout: 'pod/web-0 condition met\npod/web-1 condition met\n',
    },
    { command: 'wait --for=condition=Ready pods --all', stdout: 'pod/web-0 condition met\npod/web-1 condition met\n' },
    {
      command: "wait --for=jsonpath='{.status.readyReplicas}'=2 sts/web",
      stdout: 'statefulset.apps/web condition met\n',
    },
    { command: 'wait --for=jsonpath=.status.phase=Running pod/web-1', stdout: 'pod/web-1 condition met\n' },
    {
      command: `wait --for='jsonpath={.status.conditions[?(@.type=="Ready")].status}=True' pod/web-0`,
      stdout: 'pod/web-0 condition met\n',
    },
    { command: "wait --for=jsonpath='{.status.podIP}' pod/web-0", stdout: 'pod/web-0 condition met\n' },
    {
      command: 'wait --for=condition=Ready=false pod/web-0 --timeout=0',
      stderr: 'error: condition not met for pods/web-0\n',
    },
    {
      command: 'wait --for=condition=Ready pod/web-0 pod/web-9',
      stdout: 'pod/web-0 condition met\n',
      stderr: 'Error from server (NotFound): pods "web-9" not found\n',
    },
    { command: 'wait --for=condition=Ready pod -l app=none', stderr: 'error: no matching resources found\n' },
    {
      command: "wait --for=jsonpath='{.status}'=x pod/web-0",
      stderr: 'error: jsonpath leads to a nested object or list which is not supported\n',
    },
    {
      command: "wait --for=jsonpath='{.spec.containers[*].name}' pod/web-0 --timeout=1s",
      stdout: 'pod/web-0 condition met\n',
    },
    // Waiting for deletion of something already gone prints nothing and succeeds.
    { command: 'wait --for=delete pod/nope' },
    { command: 'wait --for=delete pod/web-0 --timeout=0', stderr: 'error: condition not met for pods/web-0\n' },
    { command: 'wait --for=create pod/web-1', stdout: 'pod/web-1 condition met\n' },
  ];
  for (const c of cases) {
    it(c.command, () => {
      const result = readyWeb().kubectlResult(c.command);
      assert.deepEqual(result, {
        stdout: c.stdout ?? '',
        stderr: c.stderr ?? '',
        exitCode: c.stderr ? 1 : 0,
      });
    });
  }
});

describe('kubectl wait: in virtual time', () => {
  it('waits for a pod the controller has yet to create only when told --for=create; a plain wait is NotFound', () => {
    const c = new Cluster({ seed: 3 });
    c.apply(webManifest({ replicas: 2 }));
    assert.equal(
      c.kubectl('wait --for=condition=Ready pod/web-1'),
      'Error from server (NotFound): pods "web-1" not found\n',
    );
    assert.equal(c.kubectl('wait --for=create pod/web-1 --timeout=60s'), 'pod/web-1 condition met\n');
    assert.equal(c.kubectl('wait --for=condition=Ready pod/web-1 --timeout=60s'), 'pod/web-1 condition met\n');
    assert.equal(c.get<Pod>('pod', 'web-1')?.status?.phase, 'Running');
  });

  it('--for=create with a selector waits for a first match, then reports what matches (v1.32 on)', () => {
    const c = new Cluster({ seed: 3 });
    c.apply(webManifest({ replicas: 3 }));
    // OrderedReady: at the moment web-0 appears, it is the only pod.
    assert.equal(c.kubectl('wait --for=create pods -l app=nginx --timeout=60s'), 'pod/web-0 condition met\n');
    assert.equal(
      c.kubectl('wait --for=create pods -l app=none --timeout=2s'),
      'error: timed out waiting for the condition\n',
    );
  });

  it('times out after --timeout of virtual time, naming the resource as <plural>/<name>', () => {
    const c = new Cluster({ seed: 3 });
    c.apply(webManifest({ replicas: 1 }));
    c.run('1s');
    c.apply(`apiVersion: v1
kind: Pod
metadata: {name: typo}
spec:
  containers: [{name: nginx, image: "nginx:1.91"}]
`);
    const start = c.elapsed();
    assert.equal(
      c.kubectl('wait --for=condition=Ready pod/typo --timeout=20s'),
      'error: timed out waiting for the condition on pods/typo\n',
    );
    assert.equal(c.elapsed() - start, 20_000);
    assert.equal(c.kubectl('wait --for=create pod/ghost --timeout=3s'), 'error: timed out waiting for the condition\n');
  });

  it('shares one deadline: after the first object times out, the next one has no time left', () => {
    const c = new Cluster({ seed: 3 });
    c.apply(webManifest({ replicas: 2, probe: true }));
    c.settle();
    c.faults.unready('web-0');
    c.run('30s');
    const start = c.elapsed();
    const result = c.kubectlResult('wait --for=condition=Ready pods web-0 web-1 --timeout=10s');
    assert.deepEqual(result, {
      stdout: '',
      stderr: 'timed out waiting for the condition on pods/web-0\ntimed out waiting for the condition on pods/web-1\n',
      exitCode: 1,
    });
    assert.equal(c.elapsed() - start, 10_000);
    // web-1 was Ready all along: only the deadline failed it.
    assert.equal(c.kubectl('wait --for=condition=Ready pod/web-1 --timeout=0'), 'pod/web-1 condition met\n');
  });

  it('--for=delete sees the DELETED event even when the StatefulSet recreates the pod under the same name', () => {
    const c = readyWeb();
    const uid = c.get<Pod>('pod', 'web-0')?.metadata?.uid;
    c.kubectl('delete pod web-0 --wait=false');
    assert.equal(c.kubectl('wait --for=delete pod/web-0 --timeout=60s'), 'pod/web-0 condition met\n');
    // At the DELETED event the controller has not made the new pod yet: a condition wait would be NotFound.
    assert.equal(
      c.kubectl('wait --for=condition=Ready pod/web-0'),
      'Error from server (NotFound): pods "web-0" not found\n',
    );
    assert.equal(c.kubectl('wait --for=create pod/web-0'), 'pod/web-0 condition met\n');
    assert.equal(c.kubectl('wait --for=condition=Ready pod/web-0 --timeout=60s'), 'pod/web-0 condition met\n');
    assert.notEqual(c.get<Pod>('pod', 'web-0')?.metadata?.uid, uid);
  });

  it('a Deployment: Available waits for the status to be observed for the current generation', () => {
    const c = new Cluster({ seed: 3 });
    c.apply(`apiVersion: apps/v1
kind: Deployment
metadata: {name: shop}
spec:
  replicas: 2
  selector: {matchLabels: {app: shop}}
  template:
    metadata: {labels: {app: shop}}
    spec:
      containers: [{name: nginx, image: "nginx:1.16.1"}]
`);
    assert.equal(
      c.kubectl('wait --for=condition=Available deploy/shop --timeout=2m'),
      'deployment.apps/shop condition met\n',
    );
    assert.equal(c.get<Deployment>('deploy', 'shop')?.status?.availableReplicas, 2);
  });
});

describe('kubectl wait: the condition checks', () => {
  it('parseWaitCondition', () => {
    const rows: Array<{ text: string; want: unknown }> = [
      { text: 'delete', want: { kind: 'delete' } },
      { text: 'Delete', want: { kind: 'delete' } },
      { text: 'create', want: { kind: 'create' } },
      { text: 'condition=Ready', want: { kind: 'condition', name: 'Ready', status: 'true' } },
      { text: 'condition=Ready=False', want: { kind: 'condition', name: 'Ready', status: 'False' } },
      {
        text: 'jsonpath={.status.phase}=Running',
        want: { kind: 'jsonpath', path: '{.status.phase}', value: 'Running' },
      },
      {
        text: 'jsonpath=.status.phase="Running"',
        want: { kind: 'jsonpath', path: '{.status.phase}', value: 'Running' },
      },
      { text: 'jsonpath=status.podIP', want: { kind: 'jsonpath', path: '{.status.podIP}' } },
      { text: 'Condition=Ready', want: { error: 'unrecognized condition: "Condition=Ready"' } },
    ];
    for (const row of rows) assert.deepEqual(parseWaitCondition(row.text), row.want, row.text);
  });

  it('splitJSONPathInput keeps == inside a part', () => {
    assert.deepEqual(splitOnSingleEquals('a.b.c====d.e.f===g.h.i==='), ['a.b.c====d.e.f==', 'g.h.i==', '']);
    assert.deepEqual(splitOnSingleEquals('{.a[?(@.t=="x")].s}=True'), ['{.a[?(@.t=="x")].s}', 'True']);
  });

  it('conditionMet ignores a condition observed for an older generation', () => {
    const obj = (observedGeneration: number) => ({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd', generation: 2 },
      status: { observedGeneration, conditions: [{ type: 'Available', status: 'True' }] },
    });
    assert.equal(conditionMet(obj(2), 'available', 'true'), true);
    assert.equal(conditionMet(obj(1), 'Available', 'True'), false);
    assert.equal(conditionMet(obj(2), 'Available', 'False'), false);
    assert.equal(conditionMet(obj(2), 'Progressing', 'True'), false);
  });

  it('jsonPathMet compares the printed value, trimmed', () => {
    const obj = { apiVersion: 'v1', kind: 'X', metadata: { name: 'x' }, status: { n: 3, ok: true, s: ' a ' } };
    assert.equal(jsonPathMet(obj, '{.status.n}', '3'), true);
    assert.equal(jsonPathMet(obj, '{.status.ok}', 'true'), true);
    assert.equal(jsonPathMet(obj, '{.status.s}', 'a'), true);
    assert.equal(jsonPathMet(obj, '{.status.missing}', undefined), false);
    assert.equal(jsonPathMet(obj, '{.status.n}', undefined), true);
  });
});
