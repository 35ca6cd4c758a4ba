import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Deployment } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { Cluster } from '../../../src/sim/index';
import { parseResourceList } from '../../../src/sim/kubectl/set-resources';

const TWO_CONTAINERS = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      initContainers: [{name: init-web, image: busybox, command: ["true"]}]
      containers:
      - {name: nginx, image: "nginx:1.16.1"}
      - {name: sidecar, image: busybox, command: [sleep, "3600"], resources: {requests: {cpu: 50m}}}
`;

function cluster(): Cluster {
  const c = new Cluster({ seed: 5 });
  c.apply(TWO_CONTAINERS);
  c.settle();
  return c;
}

function resources(c: Cluster): unknown {
  const spec = c.get<Deployment>('deploy', 'web')?.spec?.template.spec;
  return Object.fromEntries(
    [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])].map((x) => [x.name, x.resources]),
  );
}

describe('kubectl set resources: refused, nothing changes', () => {
  const cases: Array<{ command: string; stderr: string }> = [
    {
      command: 'set resources deploy web',
      stderr: 'error: you must specify an update to requests or limits (in the form of --requests/--limits)\n',
    },
    {
      command: 'set resources deploy web --limits=cpu',
      stderr: 'error: Invalid argument syntax cpu, expected <resource>=<value>\n',
    },
    {
      command: 'set resources deploy web --requests=memory=lots',
      stderr: "error: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'\n",
    },
    {
      command: 'set resources deploy web missing --limits=cpu=1',
      stderr: 'Error from server (NotFound): deployments.apps "missing" not found\n',
    },
    { command: 'set resources deploy web -c db --limits=cpu=1', stderr: 'error: unable to find container named db\n' },
    {
      command: 'set resources svc kubernetes --limits=cpu=1',
      stderr: 'error: services/kubernetes the object is not a pod or does not have a pod template: *v1.Service\n',
    },
    {
      command: 'set resources deploy --all -l app=web --limits=cpu=1',
      stderr: 'error: cannot set --all and --selector at the same time\n',
    },
    {
      command: 'set resources --limits=cpu=1',
      stderr:
        "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
    },
    {
      command: 'set resources deploy web --cpu=1',
      stderr: "error: unknown flag: --cpu\nSee 'kubectl set resources --help' for usage.\n",
    },
    { command: 'set selector deploy web app=x', stderr: 'kubesim: kubectl set selector is not simulated\n' },
  ];
  for (const c of cases) {
    it(c.command, () => {
      const k = cluster();
      const before = resources(k);
      assert.deepEqual(k.kubectlResult(c.command), { stdout: '', stderr: c.stderr, exitCode: 1 });
      assert.deepEqual(resources(k), before);
    });
  }
});

describe('kubectl set resources: what changes', () => {
  it('merges into every container and init container by default, keeping what each already asks', () => {
    const k = cluster();
    assert.equal(
      k.kubectl('set resources deploy web --limits=cpu=200m,memory=512Mi'),
      'deployment.apps/web resource requirements updated\n',
    );
    const limits = { cpu: '200m', memory: '512Mi' };
    assert.deepEqual(resources(k), {
      'init-web': { limits },
      nginx: { limits },
      sidecar: { requests: { cpu: '50m' }, limits },
    });
  });

  it('picks containers by a path.Match pattern with -c', () => {
    const k = cluster();
    k.kubectl('set resources deploy web -c "*car" --requests=cpu=100m');
    assert.deepEqual(resources(k), {
      // The apiserver stores `resources: {}` for a container that asks for nothing.
      'init-web': {},
      nginx: {},
      sidecar: { requests: { cpu: '100m' } },
    });
  });

  it('says nothing for an object it would not change, and --dry-run=client changes nothing', () => {
    const k = cluster();
    k.kubectl('set resources deploy web -c nginx --limits=cpu=1');
    assert.deepEqual(k.kubectlResult('set resources deploy web -c nginx --limits=cpu=1'), {
      stdout: '',
      stderr: '',
      exitCode: 0,
    });
    assert.equal(
      k.kubectl('set resources deploy web -c nginx --limits=cpu=2 --dry-run=client'),
      'deployment.apps/web resource requirements updated (dry run)\n',
    );
    assert.deepEqual((resources(k) as Record<string, unknown>).nginx, { limits: { cpu: '1' } });
  });

  it('is a template change: the Deployment rolls out a new revision whose pods take their requests from the limits', () => {
    const k = cluster();
    k.kubectl('set resources deploy web -c nginx --limits=cpu=200m,memory=512Mi');
    k.settle();
    const rsCount = k.list('rs').length;
    assert.equal(rsCount, 2);
    const pods = k.list<Pod>('pods');
    assert.equal(pods.length, 2);
    for (const pod of pods) {
      const nginx = pod.spec?.containers.find((c) => c.name === 'nginx');
      // SetDefaults_Pod: requests default to the limits; the template itself keeps only the limits.
      assert.deepEqual(nginx?.resources, {
        limits: { cpu: '200m', memory: '512Mi' },
        requests: { cpu: '200m', memory: '512Mi' },
      });
      assert.equal(pod.status?.qosClass, 'Burstable'); // the sidecar asks for cpu only
    }
  });

  it('while paused, resources and image fold into one rollout on resume', () => {
    const k = cluster();
    k.kubectl('rollout pause deploy/web');
    k.kubectl('set resources deploy/web -c nginx --limits=cpu=200m,memory=512Mi');
    k.kubectl('set image deploy/web nginx=nginx:1.9.1');
    k.run('30s');
    assert.equal(k.list('rs').length, 1);
    k.kubectl('rollout resume deploy/web');
    k.settle();
    assert.equal(k.list('rs').length, 2);
    assert.match(k.kubectl('rollout history deploy/web'), /\n1\s+<none>\n2\s+<none>\n\n$/);
  });
});

describe('parseResourceList', () => {
  const cases: Array<{ spec: string; want: ReturnType<typeof parseResourceList> }> = [
    { spec: '', want: {} },
    { spec: 'cpu=200m,memory=512Mi', want: { cpu: '200m', memory: '512Mi' } },
    { spec: 'cpu=0.5', want: { cpu: '0.5' } },
    { spec: 'nvidia.com/gpu=1', want: { 'nvidia.com/gpu': '1' } },
    { spec: 'cpu=1=2', want: 'Invalid argument syntax cpu=1=2, expected <resource>=<value>' },
    {
      spec: 'cpu=',
      want: "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    },
  ];
  for (const c of cases) it(JSON.stringify(c.spec), () => assert.deepEqual(parseResourceList(c.spec), c.want));
});
