import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Pod, Service } from 'kubernetes-types/core/v1';
import { Cluster } from '../../../src/sim/index';
import { webManifest } from './fixtures-web';

const PROMPT = "If you don't see a command prompt, try pressing enter.\n";

describe('kubectl run', () => {
  const refused: Array<{ command: string; stderr: string }> = [
    { command: 'run', stderr: 'error: required flag(s) "image" not set\n' },
    { command: 'run --image=busybox', stderr: 'error: NAME is required for run\n' },
    { command: 'run --image=busybox -- x', stderr: 'error: NAME is required for run\n' },
    { command: 'run x --image=', stderr: 'error: --image is required\n' },
    { command: 'run x --image=Bad:Name', stderr: 'error: invalid image name "Bad:Name": invalid reference format\n' },
    {
      command: 'run -t x --image=busybox',
      stderr: 'error: -i/--stdin is required for containers with -t/--tty=true\n',
    },
    { command: 'run x --image=busybox --rm', stderr: 'error: --rm should only be used for attached containers\n' },
    {
      command: 'run x --image=busybox --restart=Sometimes',
      stderr: 'error: invalid restart policy: Sometimes, valid values are: Always, OnFailure, Never\n',
    },
    { command: 'run x --image=busybox -l a', stderr: 'error: unexpected label spec: a\n' },
    { command: 'run x --image=busybox --env=1x=2', stderr: 'error: invalid env: 1x=2\n' },
    { command: 'run x --image=busybox --port=http', stderr: 'error: --port must be a number\n' },
    { command: 'run x --image=busybox --expose', stderr: 'error: --port must be set when exposing a service\n' },
    {
      command: 'run x --image=busybox --dry-run=bogus',
      stderr: 'error: Invalid dry-run value (bogus). Must be "none", "server", or "client".\n',
    },
    {
      command: 'run -i x --image=busybox --dry-run=client',
      stderr:
        "error: --dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)\n",
    },
    {
      command: "run x --image=busybox sh -c 'echo'",
      stderr: "error: unknown shorthand flag: 'c' in -c\nSee 'kubectl run --help' for usage.\n",
    },
  ];
  for (const c of refused) {
    it(`refuses: ${c.command}`, () => {
      const cluster = new Cluster({ seed: 2 });
      assert.deepEqual(cluster.kubectlResult(c.command), { stdout: '', stderr: c.stderr, exitCode: 1 });
      assert.equal(cluster.list('pods').length, 0);
    });
  }

  it('creates a pod labelled run=NAME with one container of that name; extra words are its args', () => {
    const c = new Cluster({ seed: 2 });
    assert.equal(c.kubectl('run web --image=nginx:1.16.1 --port=80 --env=MODE=demo'), 'pod/web created\n');
    const pod = c.get<Pod>('pod', 'web')!;
    assert.deepEqual(pod.metadata.labels, { run: 'web' });
    assert.equal(pod.spec?.restartPolicy, 'Always');
    assert.equal(pod.spec?.dnsPolicy, 'ClusterFirst');
    assert.deepEqual(
      pod.spec?.containers.map((x) => [x.name, x.image, x.ports, x.env]),
      [['web', 'nginx:1.16.1', [{ containerPort: 80, protocol: 'TCP' }], [{ name: 'MODE', value: 'demo' }]]],
    );
    c.kubectl('run a --image=busybox:1.36 -l tier=db,app=x -- sleep 10');
    c.kubectl('run b --image=busybox:1.36 --command -- sleep 10');
    assert.deepEqual(c.get<Pod>('pod', 'a')?.metadata.labels, { tier: 'db', app: 'x' });
    assert.deepEqual(c.get<Pod>('pod', 'a')?.spec?.containers[0].args, ['sleep', '10']);
    assert.deepEqual(c.get<Pod>('pod', 'b')?.spec?.containers[0].command, ['sleep', '10']);
    assert.equal(c.kubectl('run web --image=nginx'), 'Error from server (AlreadyExists): pods "web" already exists\n');
    assert.equal(c.kubectl('run other --image=nginx --dry-run=client'), 'pod/other created (dry run)\n');
    assert.equal(c.get('pod', 'other'), undefined);
  });

  it('--expose puts a ClusterIP Service in front of the pod, selecting its labels', () => {
    const c = new Cluster({ seed: 2 });
    assert.equal(
      c.kubectl('run web --image=nginx:1.16.1 --port=80 --expose'),
      'pod/web created\nservice/web created\n',
    );
    const svc = c.get<Service>('svc', 'web')!;
    assert.deepEqual(svc.spec?.selector, { run: 'web' });
    assert.equal(svc.metadata.labels, undefined);
    assert.deepEqual(svc.spec?.ports, [{ port: 80, protocol: 'TCP', targetPort: 80 }]);
    c.settle();
    assert.match(
      c.kubectl('get endpointslices -l kubernetes.io/service-name=web'),
      /web-\w{5}\s+IPv4\s+80\s+10\.244\./,
    );
  });

  it("the StatefulSet Basics lookup: prompt, nslookup's answer, then the pod is deleted", () => {
    const c = new Cluster({ seed: 2 });
    c.apply(webManifest({ replicas: 2 }));
    c.settle();
    const ip = c.get<Pod>('pod', 'web-0')!.status!.podIP;
    const result = c.kubectlResult(
      'run -i --tty --image busybox:1.28 dns-test --restart=Never --rm nslookup web-0.nginx',
    );
    assert.equal(result.exitCode, 0);
    assert.equal(result.stderr, PROMPT);
    assert.equal(
      result.stdout,
      'Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\n' +
        `Name:      web-0.nginx\nAddress 1: ${ip} web-0.nginx.default.svc.cluster.local\n\n` +
        'pod "dns-test" deleted from default namespace\n',
    );
    assert.equal(
      c
        .kubectl('run -i --tty --image busybox:1.28 dns-test --restart=Never --rm nslookup web-0.nginx')
        .startsWith(PROMPT),
      true,
    );
  });

  it('with restart Never the exit code is the container’s, after the prompt and its output', () => {
    const c = new Cluster({ seed: 2 });
    const result = c.kubectlResult("run -it --rm job --image=busybox:1.36 --restart=Never -- sh -c 'echo bad; exit 4'");
    assert.deepEqual(result, {
      stdout: 'bad\npod "job" deleted from default namespace\n',
      stderr: `${PROMPT}pod default/job terminated (Error)\n`,
      exitCode: 4,
      stderrBeforeStdout: PROMPT.length,
    });
  });

  it('--attach without stdin: no prompt is needed to be seen, the output follows, OnFailure success ends at 0', () => {
    const c = new Cluster({ seed: 2 });
    const result = c.kubectlResult("run once --image=busybox:1.36 --restart=OnFailure --attach -q -- sh -c 'echo ok'");
    assert.deepEqual(result, { stdout: 'ok\n', stderr: '', exitCode: 0 });
    assert.equal(c.get<Pod>('pod', 'once')?.status?.phase, 'Succeeded');
  });

  it('with restart Always kubectl does not wait for an exit code: the container restarts behind it', () => {
    const c = new Cluster({ seed: 2 });
    const result = c.kubectlResult("run -i --rm again --image=busybox:1.36 -- sh -c 'echo tick'");
    assert.deepEqual(result, {
      stdout: 'tick\npod "again" deleted from default namespace\n',
      stderr: PROMPT,
      exitCode: 0,
      stderrBeforeStdout: PROMPT.length,
    });
  });

  it('a process that keeps running (a shell on stdin) is left running: the session itself is not simulated', () => {
    const c = new Cluster({ seed: 2 });
    const result = c.kubectlResult('run -it --rm shell --image=busybox:1.36');
    assert.equal(result.exitCode, 1);
    assert.match(result.stderr, /^kubesim: pod\/shell keeps running: an attached session is not simulated/);
    assert.equal(c.get<Pod>('pod', 'shell')?.status?.phase, 'Running');
  });

  it('times out like kubectl when the pod never runs', () => {
    const c = new Cluster({ seed: 2 });
    const result = c.kubectlResult('run -i typo --image=nginx:1.91 --restart=Never --pod-running-timeout=20s');
    assert.deepEqual(result, { stdout: '', stderr: 'error: timed out waiting for the condition\n', exitCode: 1 });
  });
});

describe('kubectl run -o', () => {
  it('--dry-run=client -o yaml prints the generated pod and creates nothing', () => {
    const cluster = new Cluster({ seed: 2 });
    assert.equal(
      cluster.kubectl('run web --image=nginx --port=80 --dry-run=client -o yaml'),
      [
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  labels:',
        '    run: web',
        '  name: web',
        'spec:',
        '  containers:',
        '  - image: nginx',
        '    name: web',
        '    ports:',
        '    - containerPort: 80',
        '    resources: {}',
        '  dnsPolicy: ClusterFirst',
        '  restartPolicy: Always',
        'status: {}',
        '',
      ].join('\n'),
    );
    assert.equal(cluster.list('pods').length, 0);
  });

  it('-o json keeps the Go field order of the typed pod (kind first, restartPolicy before dnsPolicy)', () => {
    const cluster = new Cluster({ seed: 2 });
    const out = cluster.kubectl('run web --image=nginx --dry-run=client -o json');
    assert.deepEqual(Object.keys(JSON.parse(out) as object), ['kind', 'apiVersion', 'metadata', 'spec', 'status']);
    assert.deepEqual(Object.keys((JSON.parse(out) as Pod).spec ?? {}), ['containers', 'restartPolicy', 'dnsPolicy']);
  });

  it('-o name prints each created object, the exposing Service too', () => {
    const cluster = new Cluster({ seed: 2 });
    assert.equal(cluster.kubectl('run web --image=nginx --port=80 --expose -o name'), 'pod/web\nservice/web\n');
    assert.ok(cluster.get<Service>('svc', 'web'));
  });

  it('refuses an unknown output format before creating anything', () => {
    const cluster = new Cluster({ seed: 2 });
    assert.match(
      cluster.kubectl('run web --image=nginx -o table'),
      /^error: unable to match a printer suitable for the output format "table"/,
    );
    assert.equal(cluster.list('pods').length, 0);
  });
});
