import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Pod } from 'kubernetes-types/core/v1';
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import { Cluster } from '../../../src/sim/index';
import type { Stored } from '../../../src/sim/api/meta';
import { evictPod } from '../../../src/sim/controllers/disruption/eviction';
import { validatePodDisruptionBudgetSpec } from '../../../src/sim/api/validation/pdb';
import { renderFieldError } from '../../../src/sim/api/errors';
import { webManifest } from './fixtures-web';

const PDB = (spec: string): string => `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: web-pdb}
spec:
  selector: {matchLabels: {app: nginx}}
  ${spec}
`;

function withBudget(replicas: number, spec: string): Cluster {
  const cluster = new Cluster({ seed: 8 });
  cluster.apply(webManifest({ replicas, probe: true }));
  cluster.settle();
  cluster.apply(PDB(spec));
  cluster.run('2s');
  return cluster;
}

function status(cluster: Cluster): PodDisruptionBudget['status'] {
  return cluster.get<PodDisruptionBudget>('pdb', 'web-pdb')?.status;
}

describe('PodDisruptionBudget validation', () => {
  const cases: Array<{ spec: PodDisruptionBudget['spec']; want: string[] }> = [
    { spec: { minAvailable: 2, selector: { matchLabels: { app: 'x' } } }, want: [] },
    {
      spec: { minAvailable: 1, maxUnavailable: '10%', selector: { matchLabels: { app: 'x' } } },
      want: [
        'spec: Invalid value: {"MinAvailable":1,"Selector":{"matchLabels":{"app":"x"}},"MaxUnavailable":"10%","UnhealthyPodEvictionPolicy":null}: minAvailable and maxUnavailable cannot be both set',
      ],
    },
    {
      spec: { maxUnavailable: '120%' },
      want: ['spec.maxUnavailable: Invalid value: 120%: must not be greater than 100%'],
    },
    { spec: { minAvailable: -1 }, want: ['spec.minAvailable: Invalid value: -1: must be greater than or equal to 0'] },
    {
      spec: { minAvailable: 'half' },
      want: [`spec.minAvailable: Invalid value: "half": must be an integer or percentage (e.g '5%')`],
    },
    {
      spec: { minAvailable: 1, unhealthyPodEvictionPolicy: 'Never' },
      want: [
        'spec.unhealthyPodEvictionPolicy: Unsupported value: "Never": supported values: "AlwaysAllow", "IfHealthyBudget"',
      ],
    },
  ];
  for (const c of cases) {
    it(JSON.stringify(c.spec), () =>
      assert.deepEqual(validatePodDisruptionBudgetSpec(c.spec ?? {}).map(renderFieldError), c.want),
    );
  }
});

describe('disruption controller: status', () => {
  const cases: Array<{ replicas: number; spec: string; want: [number, number, number, number] }> = [
    // [expectedPods, currentHealthy, desiredHealthy, disruptionsAllowed]
    { replicas: 3, spec: 'minAvailable: 2', want: [3, 3, 2, 1] },
    { replicas: 3, spec: 'minAvailable: 3', want: [3, 3, 3, 0] },
    // A percentage is of the controller's scale, rounded up.
    { replicas: 3, spec: 'minAvailable: "50%"', want: [3, 3, 2, 1] },
    { replicas: 3, spec: 'maxUnavailable: 1', want: [3, 3, 2, 1] },
    { replicas: 4, spec: 'maxUnavailable: "30%"', want: [4, 4, 2, 2] },
    { replicas: 3, spec: 'maxUnavailable: 0', want: [3, 3, 3, 0] },
  ];
  for (const c of cases) {
    it(`${c.replicas} replicas, ${c.spec}`, () => {
      const s = status(withBudget(c.replicas, c.spec));
      assert.deepEqual([s?.expectedPods, s?.currentHealthy, s?.desiredHealthy, s?.disruptionsAllowed], c.want);
      const condition = s?.conditions?.find((x) => x.type === 'DisruptionAllowed');
      assert.deepEqual(
        [condition?.status, condition?.reason],
        c.want[3] > 0 ? ['True', 'SufficientPods'] : ['False', 'InsufficientPods'],
      );
      assert.equal(s?.observedGeneration, 1);
    });
  }

  it('counts a pod that stops being ready out of currentHealthy', () => {
    const cluster = withBudget(3, 'minAvailable: 2');
    cluster.faults.unready('web-1');
    cluster.run('30s');
    assert.deepEqual([status(cluster)?.currentHealthy, status(cluster)?.disruptionsAllowed], [2, 0]);
  });

  it('warns of unmanaged pods under a percentage, and of no pods at all', () => {
    const cluster = new Cluster({ seed: 8 });
    cluster.kubectl('run solo --image=nginx:1.16.1 -l app=nginx');
    cluster.apply(PDB('maxUnavailable: 1'));
    cluster.apply(PDB('maxUnavailable: 1').replace('web-pdb', 'nobody').replace('app: nginx', 'app: none'));
    cluster.settle();
    const events = cluster.kubectl('get events --field-selector involvedObject.kind=PodDisruptionBudget');
    assert.match(
      events,
      /Warning\s+UnmanagedPods\s+poddisruptionbudget\/web-pdb\s+Pods selected by this PodDisruptionBudget \(selector: &LabelSelector\{MatchLabels:map\[string\]string\{app: nginx,\},MatchExpressions:\[\]LabelSelectorRequirement\{\},\}\) were found to be unmanaged\./,
    );
    assert.match(events, /Normal\s+NoPods\s+poddisruptionbudget\/nobody\s+No matching pods found/);
  });

  it('prints MIN AVAILABLE, MAX UNAVAILABLE and ALLOWED DISRUPTIONS in get pdb', () => {
    const cluster = withBudget(3, 'maxUnavailable: 1');
    assert.match(
      cluster.kubectl('get pdb'),
      /^NAME\s+MIN AVAILABLE\s+MAX UNAVAILABLE\s+ALLOWED DISRUPTIONS\s+AGE\nweb-pdb\s+N\/A\s+1\s+1\s+2s\n$/,
    );
  });
});

describe('the eviction API and PodDisruptionBudgets', () => {
  function evict(cluster: Cluster, name: string): string {
    const internal = cluster as unknown as {
      store: Parameters<typeof evictPod>[0];
      clock: Parameters<typeof evictPod>[1];
    };
    const pod = cluster.get<Pod>('pod', name) as Stored<Pod>;
    const err = evictPod(internal.store, internal.clock, pod, undefined);
    return err ? `${err.code} ${err.message}` : 'evicted';
  }

  it('spends one disruption per eviction and then refuses with 429', () => {
    const cluster = withBudget(3, 'minAvailable: 2');
    assert.equal(evict(cluster, 'web-2'), 'evicted');
    const after = status(cluster);
    assert.equal(after?.disruptionsAllowed, 0);
    assert.deepEqual(Object.keys(after?.disruptedPods ?? {}), ['web-2']);
    assert.equal(evict(cluster, 'web-1'), "429 Cannot evict pod as it would violate the pod's disruption budget.");
    assert.equal(cluster.get<Pod>('pod', 'web-1')?.metadata?.deletionTimestamp, undefined);
  });

  it('lets an unready pod go while the budget is still met, without spending it', () => {
    const cluster = withBudget(3, 'minAvailable: 1');
    cluster.faults.unready('web-1');
    cluster.run('30s');
    const before = status(cluster)?.disruptionsAllowed;
    assert.equal(evict(cluster, 'web-1'), 'evicted');
    assert.equal(status(cluster)?.disruptionsAllowed, before);
  });

  it('refuses a pod that two budgets cover', () => {
    const cluster = withBudget(3, 'minAvailable: 1');
    cluster.apply(PDB('minAvailable: 1').replace('web-pdb', 'second'));
    cluster.run('2s');
    assert.equal(
      evict(cluster, 'web-0'),
      '500 This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.',
    );
  });
});

describe('kubectl drain with a PodDisruptionBudget', () => {
  it('retries a refused eviction every 5 s until --timeout, and the node stays cordoned', () => {
    const cluster = withBudget(3, 'minAvailable: 3');
    const node = cluster.get<Pod>('pod', 'web-2')?.spec?.nodeName;
    const before = cluster.elapsed();
    const result = cluster.kubectlResult(`drain ${node} --timeout=12s`);
    // The third refusal (at 10 s) sleeps until 15 s before its loop sees the deadline, and drain waits for it.
    assert.equal(cluster.elapsed() - before, 15_000);
    const retry =
      'error when evicting pods/"web-2" -n "default" (will retry after 5s): Cannot evict pod as it would violate the pod\'s disruption budget.\n';
    assert.equal(result.stdout, `node/${node} cordoned\n`);
    assert.ok(result.stderr.startsWith(retry.repeat(3)), result.stderr);
    assert.match(
      result.stderr,
      /There are pending pods in node "node-\d" when an error occurred: error when evicting pods\/"web-2" -n "default": global timeout reached: 12s\npod\/web-2\n/,
    );
    assert.equal(result.exitCode, 1);
    assert.equal(cluster.get<Pod>('pod', 'web-2')?.metadata?.deletionTimestamp, undefined);
  });

  it('evicts once the budget allows it', () => {
    const cluster = withBudget(3, 'minAvailable: 2');
    const node = cluster.get<Pod>('pod', 'web-2')?.spec?.nodeName;
    assert.equal(
      cluster.kubectl(`drain ${node}`),
      `node/${node} cordoned\nevicting pod default/web-2\npod/web-2 evicted\nnode/${node} drained\n`,
    );
  });

  it('with no --timeout, gives up after two minutes of refusals and says so', () => {
    const cluster = withBudget(3, 'maxUnavailable: 0');
    const node = cluster.get<Pod>('pod', 'web-0')?.spec?.nodeName;
    const result = cluster.kubectlResult(`drain ${node}`);
    assert.equal(result.stderr.split('(will retry after 5s)').length - 1, 25);
    assert.match(
      result.stderr,
      /kubesim: drain would keep retrying for ever; stopped after 2m0s of virtual time \(pass --timeout to choose how long\)\n/,
    );
    assert.equal(result.exitCode, 1);
  });
});

describe('kubectl create poddisruptionbudget', () => {
  const refused: Array<{ command: string; stderr: string }> = [
    { command: 'create pdb p --min-available=1', stderr: 'error: a selector must be specified\n' },
    {
      command: 'create pdb p --selector=app=x',
      stderr: 'error: one of min-available or max-unavailable must be specified\n',
    },
    {
      command: 'create pdb p --selector=app=x --min-available=1 --max-unavailable=1',
      stderr: 'error: min-available and max-unavailable cannot be both specified\n',
    },
    {
      command: 'create pdb p --selector=app=x --max-unavailable=one',
      stderr: 'error: invalid format specified for max-unavailable\n',
    },
    {
      command: 'create pdb --selector=app=x --min-available=1',
      stderr:
        "error: exactly one NAME is required, got 0\nSee 'kubectl create poddisruptionbudget -h' for help and examples\n",
    },
  ];
  for (const c of refused) {
    it(c.command, () => {
      const cluster = new Cluster({ seed: 8 });
      assert.deepEqual(cluster.kubectlResult(c.command), { stdout: '', stderr: c.stderr, exitCode: 1 });
      assert.equal(cluster.list('pdb').length, 0);
    });
  }

  it('makes the budget: an int or a percentage, the selector as matchLabels', () => {
    const cluster = new Cluster({ seed: 8 });
    assert.equal(
      cluster.kubectl('create poddisruptionbudget web-pdb --selector=app=nginx --min-available=50%'),
      'poddisruptionbudget.policy/web-pdb created\n',
    );
    const pdb = cluster.get<PodDisruptionBudget>('pdb', 'web-pdb');
    assert.deepEqual(pdb?.spec, { minAvailable: '50%', selector: { matchLabels: { app: 'nginx' } } });
    assert.match(
      cluster.kubectl('create pdb x --selector=app=nginx --max-unavailable=1 --dry-run=client -o yaml'),
      /^apiVersion: policy\/v1\nkind: PodDisruptionBudget\nmetadata:\n {2}name: x\nspec:\n {2}maxUnavailable: 1\n {2}selector:\n {4}matchLabels:\n {6}app: nginx\nstatus:\n {2}currentHealthy: 0\n {2}desiredHealthy: 0\n {2}disruptionsAllowed: 0\n {2}expectedPods: 0\n$/,
    );
  });
});

describe('kubectl describe pdb', () => {
  it('prints the bound, the selector and the status counts, aligned as describePodDisruptionBudgetV1 does', () => {
    const cluster = withBudget(3, 'minAvailable: 2');
    const out = cluster.kubectl('describe pdb web-pdb');
    assert.ok(
      out.startsWith(
        [
          'Name:           web-pdb',
          'Namespace:      default',
          'Min available:  2',
          'Selector:       app=nginx',
          'Status:',
          '    Allowed disruptions:  1',
          '    Current:              3',
          '    Desired:              2',
          '    Total:                3',
          'Events:                   <none>',
        ].join('\n'),
      ),
      out,
    );
  });
});
