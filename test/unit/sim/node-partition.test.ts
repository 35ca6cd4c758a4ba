import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { Cluster, NODE_MONITOR_GRACE_PERIOD_MS, type HistoryEntry } from '../../../src/sim/index';
import { NFS_STORAGE_CLASS, webManifest } from './fixtures-web';
import { combined } from '../../../src/sim/kubectl/output';

/** The first history entry after `from` (ms) for which `test` holds. */
function firstAfter(cluster: Cluster, from: number, test: (h: HistoryEntry) => boolean): HistoryEntry | undefined {
  return cluster.history.find((h) => h.time >= from && test(h));
}

function nodeReady(node: Node): string | undefined {
  return node.status?.conditions?.find((c) => c.type === 'Ready')?.status;
}

/** A settled web StatefulSet and the node running web-1, cut off from the control plane. */
function partitioned(
  seed: number,
  storageClass?: string,
): { cluster: Cluster; node: string; start: number; uid: string } {
  const cluster = new Cluster({ seed });
  if (storageClass) cluster.apply(NFS_STORAGE_CLASS);
  cluster.apply(webManifest({ storageClass }));
  cluster.settle();
  const pod = cluster.get<Pod>('pod', 'web-1');
  const node = pod?.spec?.nodeName ?? '';
  const start = cluster.elapsed();
  cluster.faults.partitionNode(node);
  return { cluster, node, start, uid: pod?.metadata.uid ?? '' };
}

describe('a node cut off from the control plane', () => {
  it('the v1.34 grace period is 50 s', () => {
    assert.equal(NODE_MONITOR_GRACE_PERIOD_MS, 50_000);
  });

  it('turns Unknown after the grace period, is tainted, and its pods are evicted after 300 s', () => {
    const { cluster, node, start, uid } = partitioned(21);
    cluster.run('10m');
    const unknown = firstAfter(
      cluster,
      start,
      (h) => h.kind === 'Node' && h.name === node && nodeReady(h.object as Node) === 'Unknown',
    );
    assert.ok(unknown, 'the node turned Unknown');
    const silentFor = (unknown.time - start) / 1000;
    // The last lease renewal was at most 10 s before the partition; the monitor checks every 5 s.
    assert.ok(silentFor >= 40 && silentFor <= 55, `Unknown ${silentFor} s after the partition`);
    const ready = (unknown.object as Node).status?.conditions?.find((c) => c.type === 'Ready');
    assert.equal(ready?.reason, 'NodeStatusUnknown');
    assert.equal(ready?.message, 'Kubelet stopped posting node status.');
    // kubectl prints any Ready condition that is not True as NotReady.
    assert.match(cluster.kubectl('get nodes'), new RegExp(`${node}\\s+NotReady`));

    const tainted = firstAfter(
      cluster,
      unknown.time,
      (h) => h.kind === 'Node' && h.name === node && ((h.object as Node).spec?.taints ?? []).length === 2,
    );
    assert.ok(tainted && tainted.time - unknown.time <= 1000, 'tainted within a second');
    const taints = (tainted.object as Node).spec?.taints ?? [];
    assert.deepEqual(taints.map((t) => `${t.key}:${t.effect}`).sort(), [
      'node.kubernetes.io/unreachable:NoExecute',
      'node.kubernetes.io/unreachable:NoSchedule',
    ]);

    const notReady = firstAfter(cluster, start, (h) => h.kind === 'Pod' && h.name === 'web-1' && h.type === 'MODIFIED');
    assert.equal(notReady?.time, unknown.time, 'MarkPodsNotReady runs as the node turns Unknown');
    assert.equal((notReady?.object as Pod).status?.conditions?.find((c) => c.type === 'Ready')?.status, 'False');

    const evicted = firstAfter(
      cluster,
      start,
      (h) => h.kind === 'Pod' && h.name === 'web-1' && h.object.metadata.deletionTimestamp !== undefined,
    );
    assert.ok(evicted, 'web-1 was evicted');
    const tolerated = (evicted.time - tainted.time) / 1000;
    assert.ok(tolerated >= 300 && tolerated < 301, `evicted ${tolerated} s after the NoExecute taint`);
    const disruption = (evicted.object as Pod).status?.conditions?.find((c) => c.type === 'DisruptionTarget');
    assert.deepEqual(
      [disruption?.status, disruption?.reason, disruption?.message],
      ['True', 'DeletionByTaintManager', 'Taint manager: deleting due to NoExecute taint'],
    );
    const events = cluster
      .events()
      .filter((e) => e.involvedObject.name === 'web-1')
      .map((e) => `${e.reason}: ${e.message}`);
    assert.ok(events.includes('NodeNotReady: Node is not ready'));
    assert.ok(events.includes('TaintManagerEviction: Marking for deletion Pod default/web-1'));

    // The kubelet cannot confirm the deletion: the pod stays Terminating and the StatefulSet waits.
    const pod = cluster.get<Pod>('pod', 'web-1');
    assert.equal(pod?.metadata.uid, uid);
    assert.match(cluster.kubectl('get pod web-1'), /web-1\s+1\/1\s+Terminating/);
    assert.equal(cluster.list<Pod>('pod').filter((p) => p.metadata.name === 'web-1').length, 1);
    assert.deepEqual(
      cluster
        .ps()
        .filter((p) => p.pod === 'web-1')
        .map((p) => [p.node, p.state, p.partitioned, p.inApi]),
      [[node, 'Running', true, true]],
    );
    assert.deepEqual(cluster.violations(), []);
  });

  it('with local-path storage the replacement waits on the lost node: its volume lives there', () => {
    const { cluster } = partitioned(22);
    cluster.run('7m');
    cluster.kubectl('delete pod web-1 --grace-period=0 --force');
    cluster.run('2m');
    const replacement = cluster.get<Pod>('pod', 'web-1');
    assert.ok(replacement, 'the StatefulSet created web-1 again');
    assert.equal(replacement.spec?.nodeName, undefined, 'not scheduled');
    assert.equal(replacement.status?.phase, 'Pending');
    // TaintToleration rejects the unreachable node (the pod tolerates only the NoExecute taint, for 300 s); the
    // local volumes pin the pod away from the other two.
    const failed = cluster.events().filter((e) => e.involvedObject.name === 'web-1' && e.reason === 'FailedScheduling');
    assert.match(
      failed.at(-1)?.message ?? '',
      /^0\/3 nodes are available: 1 node\(s\) had untolerated taint \{node\.kubernetes\.io\/unreachable: \}, 2 node\(s\) had volume node affinity conflict\. /,
    );
    assert.deepEqual(
      cluster.violations().filter((v) => v.includes('web-1 runs on')),
      [],
    );
  });

  it('force deleting the pod splits the brain, and healing the node kills the orphan', () => {
    // Network storage any node can mount (NFS): nothing stops the replacement from starting elsewhere.
    const { cluster, node } = partitioned(22, 'managed-nfs-storage');
    cluster.run('7m');
    const out = cluster.kubectlResult('delete pod web-1 --grace-period=0 --force');
    assert.equal(out.stdout, 'pod "web-1" force deleted from default namespace\n');
    assert.equal(out.exitCode, 0);
    // kubectl warns while checking its flags, so the warning comes before the result line.
    assert.match(
      combined(out),
      /^Warning: Immediate deletion does not wait for confirmation.*\npod "web-1" force deleted/,
    );
    cluster.settle();

    const replacement = cluster.get<Pod>('pod', 'web-1');
    assert.ok(replacement, 'the StatefulSet created web-1 again');
    assert.notEqual(replacement.spec?.nodeName, node, 'not on the tainted node');
    assert.equal(replacement.status?.phase, 'Running');
    const rows = cluster.ps().filter((p) => p.pod === 'web-1' && p.state === 'Running');
    assert.deepEqual(
      rows.map((r) => [r.node, r.partitioned, r.inApi, r.claims]),
      [
        [replacement.spec?.nodeName, false, true, ['www-web-1']],
        [node, true, false, ['www-web-1']],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    const nodes = [replacement.spec?.nodeName ?? '', node].sort();
    const where = (n: string): string => (n === node ? `${n} (partitioned)` : n);
    assert.deepEqual(cluster.violations(), [
      `at-most-one violated: web-1 runs on ${nodes.map(where).join(' and ')}`,
      `at-most-one violated: ReadWriteOnce claim www-web-1 is mounted by ${nodes.map((n) => `web-1 on ${where(n)}`).join(' and ')}`,
    ]);

    cluster.faults.healNode(node);
    cluster.run('30s');
    assert.deepEqual(cluster.violations(), []);
    assert.deepEqual(
      cluster
        .ps()
        .filter((p) => p.pod === 'web-1')
        .map((p) => p.node),
      [replacement.spec?.nodeName],
    );
    const healed = cluster.get<Node>('node', node);
    assert.equal(nodeReady(healed as Node), 'True');
    assert.equal(healed?.spec?.taints, undefined, 'the unreachable taints are gone');
    assert.match(cluster.kubectl('get nodes'), new RegExp(`${node}\\s+Ready`));
  });

  it('a node healed before the grace period ends never turns Unknown', () => {
    const { cluster, node, start } = partitioned(23);
    cluster.run('30s');
    cluster.faults.healNode(node);
    cluster.run('5m');
    const unknown = firstAfter(cluster, start, (h) => h.kind === 'Node' && nodeReady(h.object as Node) !== 'True');
    assert.equal(unknown, undefined);
    assert.equal(cluster.get<Pod>('pod', 'web-1')?.metadata.deletionTimestamp, undefined);
  });
});

describe('node heartbeats', () => {
  it('every kubelet holds a lease in kube-node-lease, renewed every 10 s', () => {
    const cluster = new Cluster({ seed: 24, nodes: 2 });
    cluster.run('25s');
    const table = cluster.kubectl('get leases -n kube-node-lease').split('\n');
    assert.match(table[0], /^NAME\s+HOLDER\s+AGE$/);
    assert.match(table[1], /^node-1\s+node-1\s+25s$/);
    const lease = cluster.get('lease', 'node-1', 'kube-node-lease') as { spec?: { renewTime?: string } } | undefined;
    assert.equal(lease?.spec?.renewTime, '2026-01-01T00:00:20.000000Z');
  });
});

describe('healing a node whose pods were evicted', () => {
  it('lets the kubelet finish the deletion, after which the StatefulSet recreates the pod', () => {
    const { cluster, node, uid } = partitioned(25);
    cluster.run('7m');
    assert.match(cluster.kubectl('get pod web-1'), /Terminating/);
    cluster.faults.healNode(node);
    cluster.settle();
    const pod = cluster.get<Pod>('pod', 'web-1');
    assert.ok(pod);
    assert.notEqual(pod.metadata.uid, uid, 'a new web-1');
    assert.equal(pod.status?.phase, 'Running');
    assert.deepEqual(cluster.ps().filter((p) => p.pod === 'web-1' && p.state === 'Running').length, 1);
    assert.deepEqual(cluster.violations(), []);
  });

  it('replays a partition identically from the same seed', () => {
    const run = (): string => {
      const { cluster, node } = partitioned(26);
      cluster.run('7m');
      cluster.kubectl('delete pod web-1 --grace-period=0 --force');
      cluster.settle();
      cluster.faults.healNode(node);
      cluster.settle();
      return JSON.stringify([cluster.history, cluster.ps(), cluster.events()]);
    };
    assert.equal(run(), run());
  });
});
