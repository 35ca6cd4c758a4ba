import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Pod } from 'kubernetes-types/core/v1';
import { Cluster } from '../../../src/sim/index';
import { logStatusError } from '../../../src/sim/kubectl/logs';

/** Pods whose containers print: a finished job, a crash loop, a two-container pod, a server and a bad tag. */
function cluster(): Cluster {
  const c = new Cluster({ seed: 6 });
  c.apply(`apiVersion: v1
kind: Pod
metadata: {name: job}
spec:
  restartPolicy: Never
  containers: [{name: job, image: "busybox:1.36", command: [sh, -c, "echo one; echo two; echo three"]}]
---
apiVersion: v1
kind: Pod
metadata: {name: crash}
spec:
  containers: [{name: app, image: "busybox:1.36", command: [sh, -c, "echo starting on $(hostname); exit 1"]}]
---
apiVersion: v1
kind: Pod
metadata: {name: pair}
spec:
  containers:
  - {name: web, image: "nginx:1.16.1"}
  - {name: tail, image: "busybox:1.36", command: [sh, -c, "echo ready; sleep 3600"]}
---
apiVersion: v1
kind: Pod
metadata: {name: typo}
spec:
  containers: [{name: nginx, image: "nginx:1.91"}]
`);
  c.run('45s');
  return c;
}

describe('kubectl logs', () => {
  const cases: Array<{ command: string; stdout?: string; stderr?: string; exitCode?: number; before?: boolean }> = [
    { command: 'logs job', stdout: 'one\ntwo\nthree\n' },
    { command: 'logs pod/job --tail=2', stdout: 'two\nthree\n' },
    { command: 'logs job --tail 0' },
    { command: 'logs crash', stdout: 'starting on crash\n' },
    { command: 'logs crash -p', stdout: 'starting on crash\n' },
    // The image's own process (nginx 1.16.1 has no entrypoint script) prints nothing until it serves a request.
    { command: 'logs pair', stderr: 'Defaulted container "web" out of: web, tail\n', before: true },
    { command: 'logs pair -c tail', stdout: 'ready\n' },
    { command: 'logs pair tail', stdout: 'ready\n' },
    {
      command: 'logs pair -c web --previous',
      stderr: 'Error from server (BadRequest): previous terminated container "web" in pod "pair" not found\n',
      exitCode: 1,
    },
    { command: 'logs nope', stderr: 'Error from server (NotFound): pods "nope" not found\n', exitCode: 1 },
    {
      command: 'logs job -c jobb',
      stderr: 'Error from server (BadRequest): container jobb is not valid for pod job\n',
      exitCode: 1,
    },
    {
      command: 'logs',
      stderr:
        "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n",
      exitCode: 1,
    },
  ];
  for (const c of cases) {
    it(c.command, () => {
      const result = cluster().kubectlResult(c.command);
      const want = { stdout: c.stdout ?? '', stderr: c.stderr ?? '', exitCode: c.exitCode ?? 0 };
      assert.deepEqual(result, c.before ? { ...want, stderrBeforeStdout: want.stderr.length } : want);
    });
  }

  it('validateContainerLogStatus: the message for each state a container can be in', () => {
    const pod = (state: object, lastState: object = {}): Pod => ({
      metadata: { name: 'p' },
      status: {
        containerStatuses: [{ name: 'c', image: 'i', imageID: '', ready: false, restartCount: 0, state, lastState }],
      },
    });
    const rows: Array<{ pod: Pod; previous: boolean; want: string | undefined }> = [
      { pod: { metadata: { name: 'p' } }, previous: false, want: 'container "c" in pod "p" is not available' },
      { pod: pod({ running: {} }), previous: false, want: undefined },
      { pod: pod({ terminated: { exitCode: 0 } }), previous: false, want: undefined },
      {
        pod: pod({ waiting: { reason: 'ContainerCreating' } }),
        previous: false,
        want: 'container "c" in pod "p" is waiting to start: ContainerCreating',
      },
      {
        pod: pod({ waiting: { reason: 'ErrImagePull' } }),
        previous: false,
        want: 'container "c" in pod "p" is waiting to start: image can\'t be pulled',
      },
      {
        pod: pod(
          { waiting: { reason: 'CrashLoopBackOff' } },
          { terminated: { exitCode: 1, containerID: 'containerd://1' } },
        ),
        previous: false,
        want: undefined,
      },
      { pod: pod({ running: {} }), previous: true, want: 'previous terminated container "c" in pod "p" not found' },
      { pod: pod({}), previous: false, want: 'container "c" in pod "p" is waiting to start - no logs yet' },
    ];
    for (const row of rows) assert.equal(logStatusError(row.pod, 'c', row.previous), row.want);
  });

  it('an image that cannot be pulled: the kubelet says which way it is failing', () => {
    const c = cluster();
    for (let i = 0; i < 6; i++) {
      const reason = c.get<Pod>('pod', 'typo')?.status?.containerStatuses?.[0].state?.waiting?.reason;
      const why = reason === 'ErrImagePull' ? "image can't be pulled" : 'trying and failing to pull image';
      assert.equal(
        c.kubectl('logs typo'),
        `Error from server (BadRequest): container "nginx" in pod "typo" is waiting to start: ${why}\n`,
      );
      c.run('7s');
    }
  });

  it('TYPE/NAME: the pod kubectl picks for logging, ready longest first, and its note when there were several', () => {
    const c = new Cluster({ seed: 6 });
    c.apply(`apiVersion: apps/v1
kind: StatefulSet
metadata: {name: echo}
spec:
  serviceName: echo
  replicas: 3
  selector: {matchLabels: {app: echo}}
  template:
    metadata: {labels: {app: echo}}
    spec:
      containers: [{name: main, image: "busybox:1.36", command: [sh, -c, "echo I am $(hostname); sleep 3600"]}]
`);
    c.settle();
    assert.equal(c.kubectl('logs sts/echo'), 'Found 3 pods, using pod/echo-0\nI am echo-0\n');
    c.kubectl('delete pod echo-0');
    c.settle();
    // The recreated echo-0 has been ready the shortest time now.
    assert.equal(c.kubectl('logs statefulset/echo'), 'Found 3 pods, using pod/echo-1\nI am echo-1\n');
    assert.equal(c.kubectl('logs deploy/nope'), 'Error from server (NotFound): deployments.apps "nope" not found\n');
    c.apply(`apiVersion: apps/v1
kind: Deployment
metadata: {name: empty}
spec:
  replicas: 0
  selector: {matchLabels: {app: empty}}
  template:
    metadata: {labels: {app: empty}}
    spec:
      containers: [{name: main, image: "busybox:1.36"}]
`);
    const before = c.elapsed();
    assert.equal(c.kubectl('logs deploy/empty'), 'error: timed out waiting for the condition\n');
    assert.equal(c.elapsed() - before, 20_000);
  });

  it('a pod not yet on a node has nothing to show, and no error', () => {
    const c = new Cluster({ seed: 6 });
    c.kubectl('cordon node-1');
    c.kubectl('cordon node-2');
    c.kubectl('cordon node-3');
    c.kubectl('run lonely --image=busybox:1.36 -- sleep 3600');
    c.run('5s');
    assert.deepEqual(c.kubectlResult('logs lonely'), { stdout: '', stderr: '', exitCode: 0 });
  });

  it('a pod on a partitioned node cannot be reached', () => {
    const c = cluster();
    const pod = c.get<Pod>('pod', 'job')!;
    c.faults.partitionNode(pod.spec!.nodeName!);
    const ip = pod.status!.hostIP;
    assert.equal(
      c.kubectl('logs job'),
      `Error from server: Get "https://${ip}:10250/containerLogs/default/job/job": dial tcp ${ip}:10250: i/o timeout\n`,
    );
  });

  it('-f follows a running container until its process ends', () => {
    const c = new Cluster({ seed: 6 });
    c.kubectl("run late --image=busybox:1.36 --restart=Never -- sh -c 'echo done'");
    c.run('1s');
    // Still pulling: the kubelet has nothing to serve yet.
    assert.match(c.kubectl('logs late'), /is waiting to start: ContainerCreating/);
    c.run('5s');
    assert.equal(c.kubectl('logs late -f'), 'done\n');
  });
});

describe('kubectl logs -l: every matching pod', () => {
  /** Two replicas that print two lines each and keep running, plus a bare pod with the same label. */
  function echo(): Cluster {
    const c = new Cluster({ seed: 6 });
    c.apply(`apiVersion: apps/v1
kind: Deployment
metadata: {name: echo}
spec:
  replicas: 2
  selector: {matchLabels: {app: echo}}
  template:
    metadata: {labels: {app: echo}}
    spec:
      containers: [{name: c, image: "busybox:1.36", command: [sh, -c, "echo one; echo two from $(hostname); sleep 3600"]}]
`);
    c.run('45s');
    return c;
  }
  const names = (c: Cluster): string[] =>
    c
      .list<Pod>('pods')
      .map((p) => p.metadata?.name ?? '')
      .sort();

  it('reads each pod in name order, the last 10 lines of each unless --tail says otherwise', () => {
    const c = echo();
    const [a, b] = names(c);
    assert.equal(c.kubectl('logs -l app=echo'), `one\ntwo from ${a}\none\ntwo from ${b}\n`);
    assert.equal(c.kubectl('logs -l app=echo --tail=1'), `two from ${a}\ntwo from ${b}\n`);
    assert.equal(
      c.kubectl('logs -l app=echo --tail=1 --prefix'),
      `[pod/${a}/c] two from ${a}\n[pod/${b}/c] two from ${b}\n`,
    );
  });

  const cases: Array<{ command: string; stderr: string; exitCode: number }> = [
    { command: 'logs -l app=none', stderr: 'No resources found in default namespace.\n', exitCode: 0 },
    {
      command: 'logs echo -l app=echo',
      stderr: "error: only a selector (-l) or a POD name is allowed\nSee 'kubectl logs -h' for help and examples\n",
      exitCode: 1,
    },
    {
      command: 'logs -l app=echo -f --max-log-requests=1',
      stderr:
        'error: you are attempting to follow 2 log streams, but maximum allowed concurrency is 1, use --max-log-requests to increase the limit\n',
      exitCode: 1,
    },
  ];
  for (const c of cases) {
    it(c.command, () => {
      const result = echo().kubectlResult(c.command);
      assert.equal(result.stdout, '');
      assert.equal(result.stderr, c.stderr);
      assert.equal(result.exitCode, c.exitCode);
    });
  }
});
