import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type {
  HorizontalPodAutoscaler,
  HorizontalPodAutoscalerSpec,
  MetricSpec,
  MetricStatus,
} from 'kubernetes-types/autoscaling/v2';
import type { Deployment, StatefulSet } from 'kubernetes-types/apps/v1';
import type { Event as CoreEvent } from 'kubernetes-types/core/v1';
import { Cluster } from '../../../src/sim/index';
import { renderFieldError } from '../../../src/sim/api/errors';
import { validateHorizontalPodAutoscalerSpec } from '../../../src/sim/api/validation/hpa';
import { parseResourceInput } from '../../../src/sim/kubectl/autoscale';
import { formatHpaMetrics } from '../../../src/sim/kubectl/printers-autoscaling';
import { metricFailure, type MetricFailure } from '../../../src/sim/controllers/podautoscaler/metric-sources';
import { webManifest } from './fixtures-web';

const DEPLOYMENT = (replicas: number): string => `apiVersion: apps/v1
kind: Deployment
metadata: {name: nginx-deployment, labels: {app: nginx}}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: nginx}}
  template:
    metadata: {labels: {app: nginx}}
    spec:
      containers: [{name: nginx, image: "nginx:1.14.2", ports: [{containerPort: 80}]}]
`;

function deployment(replicas: number): Cluster {
  const cluster = new Cluster({ seed: 4 });
  cluster.apply(DEPLOYMENT(replicas));
  cluster.settle();
  return cluster;
}

function hpa(cluster: Cluster, name = 'nginx-deployment'): HorizontalPodAutoscaler | undefined {
  return cluster.get<HorizontalPodAutoscaler>('hpa', name);
}

function replicas(cluster: Cluster): number | undefined {
  return cluster.get<Deployment>('deploy', 'nginx-deployment')?.spec?.replicas;
}

function hpaEvents(cluster: Cluster): string[] {
  return cluster
    .events()
    .filter((e: CoreEvent) => e.involvedObject.kind === 'HorizontalPodAutoscaler')
    .map((e) => `${e.type} ${e.reason} x${e.count}: ${e.message}`);
}

const NO_METRICS_API =
  'unable to get metrics for resource cpu: unable to fetch metrics from resource metrics API: the server could not find the requested resource (get pods.metrics.k8s.io)';

describe('HorizontalPodAutoscaler validation (autoscaling/v2)', () => {
  const ref = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' };
  const cases: Array<{ name: string; spec: HorizontalPodAutoscalerSpec; want: string[] }> = [
    { name: 'valid', spec: { scaleTargetRef: ref, minReplicas: 2, maxReplicas: 5 }, want: [] },
    {
      name: 'bounds',
      spec: { scaleTargetRef: ref, minReplicas: 0, maxReplicas: 0 },
      want: [
        'spec.minReplicas: Invalid value: 0: must be greater than or equal to 1',
        'spec.maxReplicas: Invalid value: 0: must be greater than 0',
      ],
    },
    {
      name: 'max below min',
      spec: { scaleTargetRef: ref, minReplicas: 5, maxReplicas: 3 },
      want: ['spec.maxReplicas: Invalid value: 3: must be greater than or equal to `minReplicas`'],
    },
    {
      name: 'target reference',
      spec: { scaleTargetRef: { kind: '', name: 'a/b' }, maxReplicas: 3 },
      want: [
        'spec.scaleTargetRef.kind: Required value',
        `spec.scaleTargetRef.name: Invalid value: "a/b": may not contain '/'`,
      ],
    },
    {
      name: 'resource metric without a target value',
      spec: {
        scaleTargetRef: ref,
        maxReplicas: 3,
        metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization' } } }],
      },
      want: [
        'spec.metrics[0].resource.target.averageUtilization: Required value: must set either a target raw value or a target utilization',
      ],
    },
    {
      name: 'utilization of zero',
      spec: {
        scaleTargetRef: ref,
        maxReplicas: 3,
        metrics: [
          { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 0 } } },
        ],
      },
      want: ['spec.metrics[0].resource.target.averageUtilization: Invalid value: 0: must be greater than 0'],
    },
    {
      name: 'type names a source that is missing',
      spec: { scaleTargetRef: ref, maxReplicas: 3, metrics: [{ type: 'Pods' }] },
      want: ['spec.metrics[0].pods: Required value: must populate information for the given metric source'],
    },
    {
      name: 'unknown type',
      spec: { scaleTargetRef: ref, maxReplicas: 3, metrics: [{ type: 'Queue' }] },
      want: [
        'spec.metrics[0].type: Unsupported value: "Queue": supported values: "ContainerResource", "External", "Object", "Pods", "Resource"',
      ],
    },
    {
      name: 'behavior policies',
      spec: {
        scaleTargetRef: ref,
        maxReplicas: 3,
        behavior: {
          scaleDown: { stabilizationWindowSeconds: 4000, policies: [{ type: 'Pods', value: 0, periodSeconds: 15 }] },
        },
      },
      want: [
        'spec.behavior.scaleDown.stabilizationWindowSeconds: Invalid value: 4000: must be less than or equal to 3600',
        'spec.behavior.scaleDown.policies[0].value: Invalid value: 0: must be greater than zero',
      ],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const errs = validateHorizontalPodAutoscalerSpec(c.spec).map(renderFieldError);
      assert.deepEqual([...new Set(errs)], c.want);
    });
  }

  it('an invalid HPA is refused whole with the apiserver message', () => {
    const cluster = deployment(1);
    const out = cluster.apply(`apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: web}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: nginx-deployment}
  minReplicas: 4
  maxReplicas: 2
`);
    assert.match(
      out,
      /The HorizontalPodAutoscaler "web" is invalid: spec.maxReplicas: Invalid value: 2: must be greater than or equal to `minReplicas`/,
    );
    assert.equal(hpa(cluster, 'web'), undefined);
  });

  it('defaults minReplicas to 1 and the metric to 80 % CPU, and keeps the status desiredReplicas at 0', () => {
    const cluster = deployment(1);
    cluster.kubectl('autoscale deployment nginx-deployment --max=4');
    const created = hpa(cluster);
    assert.equal(created?.spec?.minReplicas, 1);
    assert.deepEqual(created?.spec?.metrics, [
      { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } },
    ]);
    assert.deepEqual(created?.status, { desiredReplicas: 0 });
  });
});

describe('kubectl autoscale (AutoscaleOptions)', () => {
  const cases: Array<{ command: string; stdout: string; stderr: string }> = [
    {
      command: 'autoscale deployment/nginx-deployment --min=10 --max=15 --cpu-percent=80',
      stdout: 'horizontalpodautoscaler.autoscaling/nginx-deployment autoscaled\n',
      stderr:
        "Flag --cpu-percent has been deprecated, Use --cpu with percentage or resource quantity format (e.g., '70%' for utilization or '500m' for milliCPU).\n",
    },
    { command: 'autoscale deployment nginx-deployment', stdout: '', stderr: 'error: required flag(s) "max" not set\n' },
    {
      command: 'autoscale deployment nginx-deployment --max=0',
      stdout: '',
      stderr: 'error: --max=MAXPODS is required and must be at least 1, max: 0\n',
    },
    {
      command: 'autoscale deployment nginx-deployment --min=5 --max=2',
      stdout: '',
      stderr: 'error: --max=MAXPODS must be larger or equal to --min=MINPODS, max: 2, min: 5\n',
    },
    {
      command: 'autoscale deployment nginx-deployment --max=2 --cpu=lots',
      stdout: '',
      stderr: 'error: invalid resource cpu value: lots\n',
    },
    {
      command: 'autoscale deployment nginx-deployment --max=2 --cpu=-5%',
      stdout: '',
      stderr: 'error: invalid percentage value: -5\n',
    },
    {
      command: 'autoscale deployment nginx-deployment --max=2 --cpu-percent=50 --cpu=50%',
      stdout: '',
      stderr:
        "Flag --cpu-percent has been deprecated, Use --cpu with percentage or resource quantity format (e.g., '70%' for utilization or '500m' for milliCPU).\nerror: --cpu-percent and --cpu are mutually exclusive\n",
    },
    {
      command: 'autoscale svc kubernetes --max=3',
      stdout: '',
      stderr:
        'error: cannot autoscale a Service: could not find scale subresource for /v1, Resource=services in discovery information\n',
    },
    {
      command: 'autoscale deployment missing --max=3',
      stdout: '',
      stderr: 'Error from server (NotFound): deployments.apps "missing" not found\n',
    },
    {
      command: 'autoscale deployment nginx-deployment --max=3 --name=web --dry-run=client',
      stdout: 'horizontalpodautoscaler.autoscaling/web created (dry run)\n',
      stderr: '',
    },
  ];
  for (const c of cases) {
    it(c.command, () => {
      const cluster = deployment(3);
      const result = cluster.kubectlResult(c.command);
      assert.equal(result.stdout, c.stdout);
      assert.equal(result.stderr, c.stderr);
    });
  }

  it('prints the deprecation warning before the result, as pflag writes it while parsing', () => {
    const cluster = deployment(3);
    assert.match(cluster.kubectl('autoscale deploy nginx-deployment --max=5 --cpu-percent=70'), /^Flag --cpu-percent/);
  });

  it('prints the autoscaling/v2 object it would send for --dry-run=client -o yaml', () => {
    const cluster = deployment(3);
    const out = cluster.kubectl(
      'autoscale deployment nginx-deployment --max=6 --cpu=500m --memory=200 --dry-run=client -o yaml',
    );
    assert.equal(
      out,
      `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: nginx-deployment
spec:
  maxReplicas: 6
  metrics:
  - resource:
      name: cpu
      target:
        averageValue: 500m
        type: AverageValue
    type: Resource
  - resource:
      name: memory
      target:
        averageValue: 200Mi
        type: AverageValue
    type: Resource
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: nginx-deployment
status:
  desiredReplicas: 0
`,
    );
    assert.equal(hpa(cluster), undefined);
  });

  it('a second autoscale of the same name fails on canCreateHPAV1 parsing the empty --cpu', () => {
    const cluster = deployment(3);
    cluster.kubectl('autoscale deployment nginx-deployment --max=5');
    assert.equal(
      cluster.kubectlResult('autoscale deployment nginx-deployment --max=5').stderr,
      'error: failed to create autoscaling/v2 HPA and the configuration is incompatible with autoscaling/v1: empty input\n',
    );
    assert.equal(
      cluster.kubectlResult('autoscale deployment nginx-deployment --max=5 --cpu=60%').stderr,
      'Error from server (AlreadyExists): horizontalpodautoscalers.autoscaling "nginx-deployment" already exists\n',
    );
  });

  const inputs: Array<{ input: string; resource: 'cpu' | 'memory'; want: ReturnType<typeof parseResourceInput> }> = [
    { input: '70%', resource: 'cpu', want: { utilization: 70 } },
    { input: '500', resource: 'cpu', want: { averageValue: '500m' } },
    { input: '1.5', resource: 'cpu', want: { averageValue: '1500u' } },
    { input: '512', resource: 'memory', want: { averageValue: '512Mi' } },
    { input: '1Gi', resource: 'memory', want: { averageValue: '1Gi' } },
    { input: '', resource: 'cpu', want: { error: 'empty input' } },
    { input: 'x%', resource: 'cpu', want: { error: 'invalid percentage value: x' } },
  ];
  for (const c of inputs) {
    it(`parseResourceInput(${JSON.stringify(c.input)}, ${c.resource})`, () =>
      assert.deepEqual(parseResourceInput(c.input, c.resource), c.want));
  }
});

describe('horizontal pod autoscaler controller, with no metrics-server', () => {
  it('waits one sync period, then raises the target to minReplicas without needing metrics', () => {
    const cluster = deployment(3);
    cluster.kubectl('autoscale deployment/nginx-deployment --min=10 --max=15 --cpu-percent=80');
    cluster.run('14s');
    assert.equal(replicas(cluster), 3);
    cluster.run('2s');
    assert.equal(replicas(cluster), 10);
    const status = hpa(cluster)?.status;
    assert.equal(status?.currentReplicas, 3);
    assert.equal(status?.desiredReplicas, 10);
    assert.ok(status?.lastScaleTime);
    assert.deepEqual(
      status?.conditions?.map((c) => [c.type, c.status, c.reason, c.message]),
      [['AbleToScale', 'True', 'SucceededRescale', 'the HPA controller was able to update the target scale to 10']],
    );
    assert.deepEqual(hpaEvents(cluster), [
      'Normal SuccessfulRescale x1: New size: 10; reason: Current number of replicas below Spec.MinReplicas',
    ]);
  });

  it('within range it needs metrics: REPLICAS stays, desired stays 0, and the failure is counted every 15 s', () => {
    const cluster = deployment(3);
    cluster.kubectl('autoscale deployment nginx-deployment --min=2 --max=5');
    cluster.run('61s');
    const status = hpa(cluster)?.status;
    assert.equal(status?.currentReplicas, 3);
    assert.equal(status?.desiredReplicas, 0);
    assert.deepEqual(
      status?.conditions?.map((c) => [c.type, c.status, c.reason, c.message]),
      [
        ['AbleToScale', 'True', 'SucceededGetScale', "the HPA controller was able to get the target's current scale"],
        [
          'ScalingActive',
          'False',
          'FailedGetResourceMetric',
          `the HPA was unable to compute the replica count: ${NO_METRICS_API}`,
        ],
      ],
    );
    assert.deepEqual(hpaEvents(cluster), [
      `Warning FailedGetResourceMetric x4: ${NO_METRICS_API}`,
      `Warning FailedComputeMetricsReplicas x4: invalid metrics (1 invalid out of 1), first error is: failed to get cpu utilization: ${NO_METRICS_API}`,
    ]);
    assert.equal(replicas(cluster), 3);
    assert.match(
      cluster.kubectl('get hpa'),
      /nginx-deployment {3}Deployment\/nginx-deployment {3}cpu: <unknown>\/80% {3}2 {9}5 {9}3 {10}61s/,
    );
  });

  it('brings a manual scale above maxReplicas back down, and reports the count it saw', () => {
    const cluster = deployment(3);
    cluster.kubectl('autoscale deployment nginx-deployment --min=2 --max=4');
    cluster.run('20s');
    cluster.kubectl('scale deployment nginx-deployment --replicas=8');
    cluster.run('15s');
    assert.equal(replicas(cluster), 4);
    assert.equal(hpa(cluster)?.status?.currentReplicas, 8);
    assert.ok(
      hpaEvents(cluster).includes(
        'Normal SuccessfulRescale x1: New size: 4; reason: Current number of replicas above Spec.MaxReplicas',
      ),
    );
  });

  it('leaves a target scaled to zero alone: scaling is disabled', () => {
    const cluster = deployment(3);
    cluster.kubectl('autoscale deployment nginx-deployment --min=2 --max=4');
    cluster.kubectl('scale deployment nginx-deployment --replicas=0');
    cluster.run('16s');
    assert.equal(replicas(cluster), 0);
    const active = hpa(cluster)?.status?.conditions?.find((c) => c.type === 'ScalingActive');
    assert.deepEqual(
      [active?.status, active?.reason, active?.message],
      ['False', 'ScalingDisabled', 'scaling is disabled since the replica count of the target is zero'],
    );
  });

  it('reports a missing target as FailedGetScale', () => {
    const cluster = deployment(3);
    cluster.apply(`apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: ghost}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: ghost}
  maxReplicas: 3
`);
    cluster.run('16s');
    const able = hpa(cluster, 'ghost')?.status?.conditions?.[0];
    assert.deepEqual(
      [able?.type, able?.status, able?.reason, able?.message],
      [
        'AbleToScale',
        'False',
        'FailedGetScale',
        `the HPA controller was unable to get the target's current scale: deployments.apps "ghost" not found`,
      ],
    );
    assert.deepEqual(hpaEvents(cluster), ['Warning FailedGetScale x1: deployments.apps "ghost" not found']);
  });

  it('scales a StatefulSet through its scale subresource, one ordinal at a time', () => {
    const cluster = new Cluster({ seed: 4 });
    cluster.apply(webManifest({ replicas: 1 }));
    cluster.settle();
    cluster.kubectl('autoscale statefulset web --min=3 --max=5');
    cluster.run('16s');
    assert.equal(cluster.get<StatefulSet>('sts', 'web')?.spec?.replicas, 3);
    cluster.settle();
    assert.match(cluster.kubectl('get pods'), /web-0 .*\nweb-1 .*\nweb-2 /);
  });

  it('refuses to act when two HPAs select the same pods', () => {
    const cluster = deployment(3);
    cluster.kubectl('autoscale deployment nginx-deployment --min=2 --max=5');
    cluster.kubectl('autoscale deployment nginx-deployment --min=2 --max=6 --name=second');
    cluster.run('31s');
    const message =
      'pods by selector app=nginx are controlled by multiple HPAs: [default/nginx-deployment default/second]';
    const active = hpa(cluster, 'second')?.status?.conditions?.find((c) => c.type === 'ScalingActive');
    assert.deepEqual([active?.reason, active?.message], ['AmbiguousSelector', message]);
    const second = cluster
      .events()
      .filter((e) => e.involvedObject.name === 'second')
      .map((e) => `${e.reason}: ${e.message}`);
    assert.deepEqual(second, [`AmbiguousSelector: ${message}`, `FailedComputeMetricsReplicas: ${message}`]);
  });

  it('describe hpa shows the target, the unknown metric, the replica counts and the conditions', () => {
    const cluster = deployment(3);
    cluster.kubectl('autoscale deployment nginx-deployment --min=2 --max=5 --cpu=60%');
    cluster.run('16s');
    const out = cluster.kubectl('describe hpa nginx-deployment').split('\n');
    // One tabwriter block from Name: down to the pod counts: the metric line sets the column.
    const field = (label: string, value: string): string => `${label.padEnd(55)}${value}`;
    assert.ok(out.includes(field('Reference:', 'Deployment/nginx-deployment')));
    assert.ok(out.includes(field('  resource cpu on pods  (as a percentage of request):', '<unknown> / 60%')));
    assert.ok(out.includes(field('Min replicas:', '2')));
    assert.ok(out.includes(field('Deployment pods:', '3 current / 0 desired')));
    assert.ok(
      out.some((line) => /^ {2}ScalingActive {2}False {3}FailedGetResourceMetric {2}the HPA was unable/.test(line)),
    );
  });

  it('is listed by get all, after the StatefulSets', () => {
    const cluster = deployment(1);
    cluster.kubectl('autoscale deployment nginx-deployment --max=2');
    assert.match(
      cluster.kubectl('get all'),
      /replicaset\.apps\/[^\n]*\n\nNAME +REFERENCE[^\n]*\nhorizontalpodautoscaler\.autoscaling\/nginx-deployment /,
    );
  });
});

describe('get hpa TARGETS (formatHPAMetrics)', () => {
  const cpu80: MetricSpec = {
    type: 'Resource',
    resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } },
  };
  const cases: Array<{ name: string; specs: MetricSpec[]; statuses?: MetricStatus[]; want: string }> = [
    { name: 'no metrics', specs: [], want: '<none>' },
    { name: 'utilization, unknown', specs: [cpu80], want: 'cpu: <unknown>/80%' },
    {
      name: 'utilization, measured',
      specs: [cpu80],
      statuses: [
        { type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 54, averageValue: '54m' } } },
      ],
      want: 'cpu: 54%/80%',
    },
    {
      name: 'average value',
      specs: [
        { type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '200Mi' } } },
      ],
      want: 'memory: <unknown>/200Mi',
    },
    {
      name: 'pods metric',
      specs: [
        { type: 'Pods', pods: { metric: { name: 'rps' }, target: { type: 'AverageValue', averageValue: '10' } } },
      ],
      want: '<unknown>/10',
    },
    {
      name: 'object average value and external value',
      specs: [
        {
          type: 'Object',
          object: {
            describedObject: { kind: 'Service', name: 'web' },
            metric: { name: 'rps' },
            target: { type: 'AverageValue', averageValue: '5' },
          },
        },
        { type: 'External', external: { metric: { name: 'queue' }, target: { type: 'Value', value: '30' } } },
      ],
      want: '<unknown>/5 (avg), <unknown>/30',
    },
    { name: 'more than two', specs: [cpu80, cpu80, cpu80], want: 'cpu: <unknown>/80%, cpu: <unknown>/80% + 1 more...' },
  ];
  for (const c of cases) {
    it(c.name, () => assert.equal(formatHpaMetrics(c.specs, c.statuses), c.want));
  }
});

describe('metrics an HPA names, with no metrics API registered (computeReplicasForMetric)', () => {
  const custom =
    'unable to fetch metrics from custom metrics API: no custom metrics API (custom.metrics.k8s.io) registered';
  const cases: Array<{ spec: MetricSpec; want: MetricFailure }> = [
    {
      spec: { type: 'Pods', pods: { metric: { name: 'rps' }, target: { type: 'AverageValue', averageValue: '10' } } },
      want: {
        reason: 'FailedGetPodsMetric',
        cause: `unable to get metric rps: ${custom}`,
        error: `failed to get pods metric value: unable to get metric rps: ${custom}`,
      },
    },
    {
      spec: {
        type: 'Object',
        object: {
          describedObject: { kind: 'Service', name: 'web' },
          metric: { name: 'rps' },
          target: { type: 'Value', value: '10' },
        },
      },
      want: {
        reason: 'FailedGetObjectMetric',
        cause: `unable to get metric rps: Service on default web/${custom}`,
        error: `failed to get object metric value: unable to get metric rps: Service on default web/${custom}`,
      },
    },
    {
      spec: { type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '1Gi' } } },
      want: {
        reason: 'FailedGetResourceMetric',
        cause: NO_METRICS_API.replace('resource cpu', 'resource memory'),
        error: `failed to get memory utilization: ${NO_METRICS_API.replace('resource cpu', 'resource memory')}`,
      },
    },
  ];
  for (const c of cases) {
    it(c.spec.type, () => assert.deepEqual(metricFailure(c.spec, 'default'), c.want));
  }
});

describe('kubectl top, with no metrics API', () => {
  const cases: Array<{ command: string; stderr: string }> = [
    { command: 'top pod', stderr: 'error: Metrics API not available\n' },
    { command: 'top nodes', stderr: 'error: Metrics API not available\n' },
    { command: 'top pod --sort-by=disk', stderr: 'error: --sort-by accepts only cpu or memory\n' },
    { command: 'top pod web-0 -l app=web', stderr: 'error: only one of NAME or --selector can be provided\n' },
  ];
  for (const c of cases) {
    it(c.command, () => {
      const result = new Cluster({ seed: 1 }).kubectlResult(c.command);
      assert.deepEqual([result.stdout, result.stderr, result.exitCode], ['', c.stderr, 1]);
    });
  }
});
