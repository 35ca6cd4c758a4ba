import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Lease } from 'kubernetes-types/coordination/v1';
import type { Node } from 'kubernetes-types/core/v1';
import { Cluster } from '../../../src/sim/index';

function lease(cluster: Cluster, node: string): Lease | undefined {
  return cluster.get<Lease>('lease', node, 'kube-node-lease');
}

describe('node leases', () => {
  it('name their Node as owner, as the kubelet sets it (setNodeOwnerFunc)', () => {
    const cluster = new Cluster({ seed: 3 });
    const node = cluster.get<Node>('node', 'node-2');
    assert.deepEqual(lease(cluster, 'node-2')?.metadata?.ownerReferences, [
      { apiVersion: 'v1', kind: 'Node', name: 'node-2', uid: node?.metadata?.uid },
    ]);
    cluster.run('25s');
    // Renewals keep the reference and move renewTime on.
    assert.equal(lease(cluster, 'node-2')?.metadata?.ownerReferences?.[0]?.uid, node?.metadata?.uid);
    assert.equal(lease(cluster, 'node-2')?.spec?.renewTime, '2026-01-01T00:00:20.000000Z');
  });

  it('are collected with their Node, even one deleted before any renewal', () => {
    const cluster = new Cluster({ seed: 3 });
    assert.equal(cluster.kubectl('delete node node-3'), 'node "node-3" deleted\n');
    cluster.run('1s');
    assert.equal(lease(cluster, 'node-3'), undefined);
    assert.ok(lease(cluster, 'node-1'));
    assert.equal(
      cluster.kubectl('get lease -n kube-node-lease'),
      'NAME     HOLDER   AGE\nnode-1   node-1   1s\nnode-2   node-2   1s\n',
    );
  });

  it('are renewed every 10 s, node after node, except by a partitioned kubelet', () => {
    const cluster = new Cluster({ seed: 3 });
    cluster.faults.partitionNode('node-2');
    cluster.run('35s');
    const rows = ['node-1', 'node-2', 'node-3'].map((node) => {
      const l = lease(cluster, node);
      return [node, l?.spec?.renewTime, Number(l?.metadata?.resourceVersion)] as const;
    });
    assert.deepEqual(
      rows.map(([node, renewTime]) => [node, renewTime]),
      [
        ['node-1', '2026-01-01T00:00:30.000000Z'],
        ['node-2', '2026-01-01T00:00:00.000000Z'],
        ['node-3', '2026-01-01T00:00:30.000000Z'],
      ],
    );
    // Each renewal is a write of its own: node-1's lease was written just before node-3's.
    assert.equal(rows[2][2], rows[0][2] + 1);
    cluster.faults.healNode('node-2');
    assert.equal(lease(cluster, 'node-2')?.spec?.renewTime, '2026-01-01T00:00:35.000000Z');
  });

  it('keep spec fields someone else wrote when renewed (newLease copies the lease it read)', () => {
    const cluster = new Cluster({ seed: 3 });
    assert.equal(
      cluster.kubectl('patch lease node-1 -n kube-node-lease --type=merge -p \'{"spec":{"leaseTransitions":2}}\''),
      'lease.coordination.k8s.io/node-1 patched\n',
    );
    cluster.run('25s');
    assert.deepEqual(lease(cluster, 'node-1')?.spec, {
      holderIdentity: 'node-1',
      leaseDurationSeconds: 40,
      leaseTransitions: 2,
      renewTime: '2026-01-01T00:00:20.000000Z',
    });
    assert.deepEqual(lease(cluster, 'node-2')?.spec, {
      holderIdentity: 'node-2',
      leaseDurationSeconds: 40,
      renewTime: '2026-01-01T00:00:20.000000Z',
    });
  });
});
