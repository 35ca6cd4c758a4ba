import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import { Cluster } from '../../../src/sim/index';

function deployment(spec: Record<string, unknown>, labels: Record<string, string> = { app: 'x' }): string {
  return JSON.stringify({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'x' },
    spec: {
      selector: { matchLabels: { app: 'x' } },
      template: { metadata: { labels }, spec: { containers: [{ name: 'c', image: 'nginx:1.14.2' }] } },
      ...spec,
    },
  });
}

describe('Deployment defaults', () => {
  it('fills in the apps/v1 defaults', () => {
    const cluster = new Cluster();
    cluster.apply(deployment({}));
    const d = cluster.get<Deployment>('deploy', 'x')!;
    assert.equal(d.spec?.replicas, 1);
    assert.deepEqual(d.spec?.strategy, {
      type: 'RollingUpdate',
      rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' },
    });
    assert.equal(d.spec?.revisionHistoryLimit, 10);
    assert.equal(d.spec?.progressDeadlineSeconds, 600);
    const container = d.spec?.template.spec?.containers[0];
    assert.equal(container?.imagePullPolicy, 'IfNotPresent');
    assert.equal(d.spec?.template.spec?.restartPolicy, 'Always');
    assert.equal(d.metadata?.generation, 1);
  });

  it('leaves rollingUpdate out of a Recreate strategy', () => {
    const cluster = new Cluster();
    cluster.apply(deployment({ strategy: { type: 'Recreate' } }));
    assert.deepEqual(cluster.get<Deployment>('deploy', 'x')?.spec?.strategy, { type: 'Recreate' });
  });
});

describe('Deployment validation', () => {
  const prefix = 'The Deployment "x" is invalid: ';
  const cases: Array<{ name: string; manifest: string; want: string }> = [
    {
      name: 'maxSurge and maxUnavailable both 0',
      manifest: deployment({ strategy: { rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } } }),
      want: 'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0',
    },
    {
      name: 'both 0%',
      manifest: deployment({ strategy: { rollingUpdate: { maxSurge: '0%', maxUnavailable: '0%' } } }),
      want: 'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0%: may not be 0 when `maxSurge` is 0',
    },
    {
      name: 'selector not matching the template',
      manifest: deployment({}, { app: 'y' }),
      want: 'spec.template.metadata.labels: Invalid value: {"app":"y"}: `selector` does not match template `labels`',
    },
    {
      name: 'negative replicas',
      manifest: deployment({ replicas: -1 }),
      want: 'spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    },
    {
      name: 'missing selector',
      manifest: deployment({ selector: undefined }),
      // Several causes: kubectl prints each on its own line.
      want:
        '\n* spec.selector: Required value\n' +
        '* spec.template.metadata.labels: Invalid value: {"app":"x"}: `selector` does not match template `labels`',
    },
    {
      name: 'maxUnavailable over 100%',
      manifest: deployment({ strategy: { rollingUpdate: { maxSurge: 1, maxUnavailable: '150%' } } }),
      want: 'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 150%: must not be greater than 100%',
    },
    {
      name: 'progress deadline not above minReadySeconds',
      manifest: deployment({ minReadySeconds: 30, progressDeadlineSeconds: 30 }),
      want: 'spec.progressDeadlineSeconds: Invalid value: 30: must be greater than minReadySeconds',
    },
  ];
  for (const c of cases) {
    it(`rejects ${c.name}`, () => {
      const cluster = new Cluster();
      assert.equal(cluster.kubectl('apply -f -', c.manifest), `${prefix}${c.want}\n`);
      assert.equal(cluster.get('deploy', 'x'), undefined);
    });
  }

  it('keeps the selector immutable', () => {
    const cluster = new Cluster();
    cluster.apply(deployment({}));
    const out = cluster.kubectl(
      'apply -f -',
      deployment({ selector: { matchLabels: { app: 'x', tier: 'web' } } }, { app: 'x', tier: 'web' }),
    );
    assert.equal(
      out,
      `${prefix}spec.selector: Invalid value: {"matchLabels":{"app":"x","tier":"web"}}: field is immutable\n`,
    );
  });
});

describe('ReplicaSet defaults and validation', () => {
  it('defaults replicas to 1 and rejects a negative count', () => {
    const cluster = new Cluster();
    const rs = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'frontend' },
      spec: {
        selector: { matchLabels: { tier: 'frontend' } },
        template: {
          metadata: { labels: { tier: 'frontend' } },
          spec: { containers: [{ name: 'php', image: 'php:8' }] },
        },
      },
    };
    assert.equal(
      cluster.kubectl('apply -f -', JSON.stringify({ ...rs, spec: { ...rs.spec, replicas: -2 } })),
      'The ReplicaSet "frontend" is invalid: spec.replicas: Invalid value: -2: must be greater than or equal to 0\n',
    );
    cluster.apply(JSON.stringify(rs));
    assert.equal(cluster.get<ReplicaSet>('rs', 'frontend')?.spec?.replicas, 1);
  });
});

describe('ValidatePodTemplateSpecForReplicaSet runs the pod spec rules on the template', () => {
  const withContainer = (container: Record<string, unknown>): string =>
    JSON.stringify({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'x' },
      spec: {
        selector: { matchLabels: { app: 'x' } },
        template: { metadata: { labels: { app: 'x' } }, spec: { containers: [container] } },
      },
    });
  const cases: Array<{ name: string; container: Record<string, unknown>; stderr: string }> = [
    {
      name: 'a container without an image',
      container: { name: 'c' },
      stderr: 'The Deployment "x" is invalid: spec.template.spec.containers[0].image: Required value\n',
    },
    {
      name: 'a negative cpu limit (templates get no requests defaulted from limits)',
      container: { name: 'c', image: 'nginx:1.14.2', resources: { limits: { cpu: '-1' } } },
      stderr:
        'The Deployment "x" is invalid: spec.template.spec.containers[0].resources.limits[cpu]: Invalid value: "-1": must be greater than or equal to 0\n',
    },
    {
      name: 'a container port out of range',
      container: { name: 'c', image: 'nginx:1.14.2', ports: [{ containerPort: 70000 }] },
      stderr:
        'The Deployment "x" is invalid: spec.template.spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive\n',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const cluster = new Cluster();
      const result = cluster.kubectlResult('apply -f -', withContainer(c.container));
      assert.deepEqual([result.stdout, result.stderr], ['', c.stderr]);
      assert.equal(cluster.get('deploy', 'x'), undefined);
    });
  }
});
