import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { Cluster } from '../../../src/sim/index';

interface Options {
  replicas?: number;
  image?: string;
  strategy?: string;
  extraSpec?: string;
}

function manifest(o: Options = {}): string {
  return `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: nginx-deployment
  labels: {app: nginx}
spec:
  replicas: ${o.replicas ?? 3}
  selector: {matchLabels: {app: nginx}}
${o.strategy ?? ''}
${o.extraSpec ?? ''}
  template:
    metadata: {labels: {app: nginx}}
    spec:
      containers:
      - name: nginx
        image: ${o.image ?? 'nginx:1.14.2'}
        ports: [{containerPort: 80}]
`;
}

/** A template change whose new pods never turn ready: the readiness probe starts only after an hour. */
function neverReadyTemplate(cluster: Cluster, image: string): void {
  const d = cluster.get<Deployment>('deploy', 'nginx-deployment')!;
  const container = d.spec!.template.spec!.containers[0];
  container.image = image;
  container.readinessProbe = { exec: { command: ['true'] }, initialDelaySeconds: 3600 };
  delete (d.metadata as { resourceVersion?: string }).resourceVersion;
  cluster.apply(d);
}

function scalingEvents(cluster: Cluster): string[] {
  return cluster
    .events()
    .filter((e) => e.reason === 'ScalingReplicaSet')
    .map((e) => e.message ?? '');
}

function replicaSets(cluster: Cluster): Map<string, { spec: number; ready: number; revision: string }> {
  const out = new Map<string, { spec: number; ready: number; revision: string }>();
  for (const rs of cluster.list<ReplicaSet>('rs')) {
    out.set(rs.metadata.name, {
      spec: rs.spec?.replicas ?? 0,
      ready: rs.status?.readyReplicas ?? 0,
      revision: rs.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? '',
    });
  }
  return out;
}

function progressing(cluster: Cluster): { status?: string; reason?: string; message?: string } | undefined {
  return cluster
    .get<Deployment>('deploy', 'nginx-deployment')
    ?.status?.conditions?.find((c) => c.type === 'Progressing');
}

function newestReplicaSet(cluster: Cluster): string {
  const d = cluster.get<Deployment>('deploy', 'nginx-deployment')!;
  const revision = d.metadata?.annotations?.['deployment.kubernetes.io/revision'];
  return [...replicaSets(cluster)].find(([, v]) => v.revision === revision)![0];
}

describe('Deployment rolling update', () => {
  it('creates one ReplicaSet named <deployment>-<pod-template-hash> and scales it straight to 3', () => {
    const cluster = new Cluster({ seed: 4 });
    cluster.apply(manifest());
    cluster.settle();
    const sets = [...replicaSets(cluster)];
    assert.equal(sets.length, 1);
    const [name, rs] = sets[0];
    const hash = cluster.get<ReplicaSet>('rs', name)!.metadata?.labels?.['pod-template-hash'];
    assert.equal(name, `nginx-deployment-${hash}`);
    assert.deepEqual(rs, { spec: 3, ready: 3, revision: '1' });
    assert.deepEqual(scalingEvents(cluster), [`Scaled up replica set ${name} from 0 to 3`]);
    for (const pod of cluster.list<Pod>('pods')) {
      assert.match(pod.metadata!.name!, new RegExp(`^${name}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
      assert.equal(pod.metadata?.labels?.['pod-template-hash'], hash);
    }
    const d = cluster.get<Deployment>('deploy', 'nginx-deployment')!;
    assert.deepEqual(
      d.status?.conditions?.map((c) => [c.type, c.status, c.reason]),
      [
        ['Available', 'True', 'MinimumReplicasAvailable'],
        ['Progressing', 'True', 'NewReplicaSetAvailable'],
      ],
    );
  });

  it('replaces 3 replicas one at a time with 25%/25%, in the order kubectl describe shows', () => {
    const cluster = new Cluster({ seed: 4 });
    cluster.apply(manifest());
    cluster.settle();
    const oldRS = [...replicaSets(cluster).keys()][0];
    cluster.kubectl('set image deployment/nginx-deployment nginx=nginx:1.16.1');
    cluster.settle();
    const newRS = newestReplicaSet(cluster);
    assert.notEqual(newRS, oldRS);
    assert.deepEqual(scalingEvents(cluster), [
      `Scaled up replica set ${oldRS} from 0 to 3`,
      `Scaled up replica set ${newRS} from 0 to 1`,
      `Scaled down replica set ${oldRS} from 3 to 2`,
      `Scaled up replica set ${newRS} from 1 to 2`,
      `Scaled down replica set ${oldRS} from 2 to 1`,
      `Scaled up replica set ${newRS} from 2 to 3`,
      `Scaled down replica set ${oldRS} from 1 to 0`,
    ]);
    assert.deepEqual(replicaSets(cluster).get(oldRS), { spec: 0, ready: 0, revision: '1' });
    assert.deepEqual(replicaSets(cluster).get(newRS), { spec: 3, ready: 3, revision: '2' });
    const annotations = cluster.get<ReplicaSet>('rs', newRS)!.metadata?.annotations ?? {};
    assert.equal(annotations['deployment.kubernetes.io/desired-replicas'], '3');
    assert.equal(annotations['deployment.kubernetes.io/max-replicas'], '4');
  });

  it('keeps 10 replicas within maxSurge and maxUnavailable at every moment of a healthy rollout', () => {
    const cluster = new Cluster({ seed: 11 });
    cluster.apply(manifest({ replicas: 10 }));
    cluster.settle();
    const start = cluster.history.length;
    cluster.kubectl('set image deployment/nginx-deployment nginx=nginx:1.16.1');
    cluster.settle();
    // 25% of 10: surge rounds up to 3, unavailability rounds down to 2.
    const pods = new Map<string, Pod>();
    for (const h of cluster.history.slice(0, start)) {
      if (h.kind !== 'Pod') continue;
      if (h.type === 'DELETED') pods.delete(h.name);
      else pods.set(h.name, h.object as Pod);
    }
    let sawSurge = false;
    for (const h of cluster.history.slice(start)) {
      if (h.kind !== 'Pod') continue;
      if (h.type === 'DELETED') pods.delete(h.name);
      else pods.set(h.name, h.object as Pod);
      const live = [...pods.values()].filter((p) => !p.metadata?.deletionTimestamp);
      const available = live.filter((p) =>
        p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'),
      ).length;
      assert.ok(live.length <= 13, `${live.length} pods at ${h.time} ms exceed replicas + maxSurge`);
      assert.ok(available >= 8, `${available} available at ${h.time} ms is below replicas - maxUnavailable`);
      if (live.length > 10) sawSurge = true;
    }
    assert.ok(sawSurge, 'the rollout used its surge');
    const images = cluster.list<Pod>('pods').map((p) => p.spec?.containers[0].image);
    assert.deepEqual(images, new Array(10).fill('nginx:1.16.1'));
  });

  it('stalls with one new pod that never becomes ready, then reports ProgressDeadlineExceeded', () => {
    const cluster = new Cluster({ seed: 5 });
    cluster.apply(manifest({ extraSpec: '  progressDeadlineSeconds: 120' }));
    cluster.settle();
    const oldRS = [...replicaSets(cluster).keys()][0];
    neverReadyTemplate(cluster, 'nginx:1.91');
    cluster.run('60s');
    const newRS = newestReplicaSet(cluster);
    // maxSurge 1 lets one new pod start; maxUnavailable 0 keeps all three old ones until it is available.
    assert.deepEqual(replicaSets(cluster).get(oldRS), { spec: 3, ready: 3, revision: '1' });
    assert.deepEqual(replicaSets(cluster).get(newRS), { spec: 1, ready: 0, revision: '2' });
    assert.equal(progressing(cluster)?.reason, 'ReplicaSetUpdated');
    cluster.run('50s');
    assert.equal(progressing(cluster)?.reason, 'ReplicaSetUpdated', 'still within the 120 s deadline');
    cluster.run('20s');
    assert.deepEqual(progressing(cluster), {
      ...progressing(cluster),
      status: 'False',
      reason: 'ProgressDeadlineExceeded',
      message: `ReplicaSet "${newRS}" has timed out progressing.`,
    });
    // A timed-out rollout is not rolled back: the replica sets stay as they were.
    assert.deepEqual(replicaSets(cluster).get(oldRS), { spec: 3, ready: 3, revision: '1' });
  });

  it('waits minReadySeconds before counting a ready pod as available', () => {
    const cluster = new Cluster({ seed: 6 });
    cluster.apply(manifest({ replicas: 2, extraSpec: '  minReadySeconds: 30' }));
    cluster.run('10s');
    const early = cluster.get<Deployment>('deploy', 'nginx-deployment')!.status!;
    assert.equal(early.readyReplicas, 2);
    assert.equal(early.availableReplicas, undefined);
    cluster.run('40s');
    assert.equal(cluster.get<Deployment>('deploy', 'nginx-deployment')!.status!.availableReplicas, 2);
  });
});

describe('Deployment scaling, pausing and rolling back', () => {
  it('scales a stuck rollout proportionally (10 → 15 with maxSurge 3, maxUnavailable 2)', () => {
    const cluster = new Cluster({ seed: 7 });
    const strategy = '  strategy: {rollingUpdate: {maxSurge: 3, maxUnavailable: 2}}';
    cluster.apply(manifest({ replicas: 10, strategy }));
    cluster.settle();
    const oldRS = [...replicaSets(cluster).keys()][0];
    neverReadyTemplate(cluster, 'nginx:sometag');
    cluster.run('60s');
    const newRS = newestReplicaSet(cluster);
    assert.equal(replicaSets(cluster).get(oldRS)?.spec, 8);
    assert.equal(replicaSets(cluster).get(newRS)?.spec, 5);
    assert.equal(
      cluster.kubectl('scale deployment/nginx-deployment --replicas=15'),
      'deployment.apps/nginx-deployment scaled\n',
    );
    cluster.run('30s');
    // 5 more replicas allowed (18 - 13): 8·18/13 → 11 for the old set, the remaining 2 to the new one.
    assert.equal(replicaSets(cluster).get(oldRS)?.spec, 11);
    assert.equal(replicaSets(cluster).get(newRS)?.spec, 7);
    assert.deepEqual(scalingEvents(cluster).slice(-2), [
      `Scaled up replica set ${oldRS} from 8 to 11`,
      `Scaled up replica set ${newRS} from 5 to 7`,
    ]);
  });

  it('scales a settled deployment through its only ReplicaSet, without a new revision', () => {
    const cluster = new Cluster({ seed: 13 });
    cluster.apply(manifest());
    cluster.settle();
    const rs = [...replicaSets(cluster).keys()][0];
    cluster.kubectl('scale deployment/nginx-deployment --replicas=5');
    cluster.settle();
    cluster.kubectl('scale deployment/nginx-deployment --replicas=2');
    cluster.settle();
    assert.deepEqual([...replicaSets(cluster)], [[rs, { spec: 2, ready: 2, revision: '1' }]]);
    assert.deepEqual(scalingEvents(cluster), [
      `Scaled up replica set ${rs} from 0 to 3`,
      `Scaled up replica set ${rs} from 3 to 5`,
      `Scaled down replica set ${rs} from 5 to 2`,
    ]);
    assert.equal(cluster.list<Pod>('pods').length, 2);
  });

  it('replays a rollout byte for byte from the same seed', () => {
    const run = (): string => {
      const cluster = new Cluster({ seed: 21 });
      cluster.apply(manifest({ replicas: 4 }));
      cluster.settle();
      const status =
        cluster.kubectl('set image deployment/nginx-deployment nginx=nginx:1.16.1') +
        cluster.kubectl('rollout status deployment/nginx-deployment');
      return status + cluster.kubectl('get deploy,rs,pods -o wide') + scalingEvents(cluster).join('\n');
    };
    assert.equal(run(), run());
  });

  it('pauses: a template change creates no ReplicaSet until resume, but scaling still applies', () => {
    const cluster = new Cluster({ seed: 8 });
    cluster.apply(manifest());
    cluster.settle();
    const oldRS = [...replicaSets(cluster).keys()][0];
    assert.equal(
      cluster.kubectl('rollout pause deployment/nginx-deployment'),
      'deployment.apps/nginx-deployment paused\n',
    );
    cluster.kubectl('set image deployment/nginx-deployment nginx=nginx:1.16.1');
    cluster.kubectl('scale deployment/nginx-deployment --replicas=4');
    cluster.settle();
    assert.deepEqual([...replicaSets(cluster).keys()], [oldRS]);
    assert.equal(replicaSets(cluster).get(oldRS)?.spec, 4);
    assert.deepEqual(progressing(cluster), {
      ...progressing(cluster),
      status: 'Unknown',
      reason: 'DeploymentPaused',
      message: 'Deployment is paused',
    });
    assert.equal(
      cluster.kubectl('rollout resume deployment/nginx-deployment'),
      'deployment.apps/nginx-deployment resumed\n',
    );
    cluster.settle();
    const newRS = newestReplicaSet(cluster);
    assert.notEqual(newRS, oldRS);
    assert.deepEqual(replicaSets(cluster).get(newRS), { spec: 4, ready: 4, revision: '2' });
    assert.equal(replicaSets(cluster).get(oldRS)?.spec, 0);
    assert.equal(progressing(cluster)?.reason, 'NewReplicaSetAvailable');
  });

  it('rolls back a stalled rollout: the old template returns and its ReplicaSet takes the next revision', () => {
    const cluster = new Cluster({ seed: 9 });
    cluster.apply(manifest());
    cluster.settle();
    cluster.kubectl('set image deployment/nginx-deployment nginx=nginx:1.16.1');
    cluster.settle();
    const goodRS = newestReplicaSet(cluster);
    neverReadyTemplate(cluster, 'nginx:1.91');
    cluster.run('60s');
    const badRS = newestReplicaSet(cluster);
    assert.equal(replicaSets(cluster).get(badRS)?.revision, '3');
    assert.equal(
      cluster.kubectl('rollout undo deployment/nginx-deployment'),
      'deployment.apps/nginx-deployment rolled back\n',
    );
    cluster.settle();
    const d = cluster.get<Deployment>('deploy', 'nginx-deployment')!;
    assert.equal(d.spec?.template.spec?.containers[0].image, 'nginx:1.16.1');
    assert.equal(d.spec?.template.spec?.containers[0].readinessProbe, undefined);
    assert.equal(d.spec?.template.metadata?.labels?.['pod-template-hash'], undefined);
    assert.equal(d.metadata?.annotations?.['deployment.kubernetes.io/revision'], '4');
    assert.deepEqual(replicaSets(cluster).get(goodRS), { spec: 3, ready: 3, revision: '4' });
    assert.equal(replicaSets(cluster).get(badRS)?.spec, 0);
    assert.equal(
      cluster.get<ReplicaSet>('rs', goodRS)!.metadata?.annotations?.['deployment.kubernetes.io/revision-history'],
      '2',
    );
    assert.equal(
      cluster.kubectl('rollout undo deployment/nginx-deployment --to-revision=2'),
      'error: unable to find specified revision 2 in history\n',
    );
  });

  it('keeps only revisionHistoryLimit old ReplicaSets', () => {
    const cluster = new Cluster({ seed: 10 });
    cluster.apply(manifest({ replicas: 1, extraSpec: '  revisionHistoryLimit: 2' }));
    cluster.settle();
    for (const tag of ['1.15', '1.16', '1.17', '1.18']) {
      cluster.kubectl(`set image deployment/nginx-deployment nginx=nginx:${tag}`);
      cluster.settle();
    }
    const revisions = [...replicaSets(cluster).values()].map((r) => r.revision).sort();
    assert.deepEqual(revisions, ['3', '4', '5']);
  });

  it('Recreate scales the old ReplicaSet to 0 and waits for its pods before creating the new one', () => {
    const cluster = new Cluster({ seed: 12 });
    cluster.apply(manifest({ strategy: '  strategy: {type: Recreate}' }));
    cluster.settle();
    const oldRS = [...replicaSets(cluster).keys()][0];
    cluster.kubectl('set image deployment/nginx-deployment nginx=nginx:1.16.1');
    cluster.settle();
    const newRS = newestReplicaSet(cluster);
    assert.deepEqual(scalingEvents(cluster), [
      `Scaled up replica set ${oldRS} from 0 to 3`,
      `Scaled down replica set ${oldRS} from 3 to 0`,
      `Scaled up replica set ${newRS} from 0 to 3`,
    ]);
    const lastOldPodGone = Math.max(
      ...cluster.history
        .filter((h) => h.kind === 'Pod' && h.type === 'DELETED' && h.name.startsWith(oldRS))
        .map((h) => h.time),
    );
    const firstNewPod = Math.min(
      ...cluster.history
        .filter((h) => h.kind === 'Pod' && h.type === 'ADDED' && h.name.startsWith(newRS))
        .map((h) => h.time),
    );
    assert.ok(firstNewPod > lastOldPodGone, 'no new pod before every old pod is gone');
  });
});
