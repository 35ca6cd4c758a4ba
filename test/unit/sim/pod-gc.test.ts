import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Pod } from 'kubernetes-types/core/v1';
import { Cluster } from '../../../src/sim/index';
import { webManifest } from './fixtures-web';

/** web-0 and web-1 running, then the node of web-0 cut off until its pods are stuck Terminating. */
function stuckOnPartitionedNode(): { c: Cluster; node: string } {
  const c = new Cluster({ seed: 1 });
  c.apply(webManifest({ replicas: 2 }));
  c.settle();
  const node = c.get<Pod>('pod', 'web-0')?.spec?.nodeName ?? '';
  c.faults.partitionNode(node);
  c.run('7m');
  assert.ok(c.get<Pod>('pod', 'web-0')?.metadata?.deletionTimestamp, 'web-0 is Terminating after eviction');
  return { c, node };
}

describe('pod garbage collector', () => {
  it('leaves pods of an unreachable node that still exists alone', () => {
    const { c, node } = stuckOnPartitionedNode();
    c.run('5m');
    assert.equal(c.get<Pod>('pod', 'web-0')?.spec?.nodeName, node);
  });

  const table: Array<{ after: string; replaced: boolean }> = [
    { after: '30s', replaced: false }, // still in quarantine
    { after: '70s', replaced: true }, // 40 s quarantine, checked every 20 s
  ];
  for (const { after, replaced } of table) {
    it(`${replaced ? 'frees' : 'does not yet free'} web-0 ${after} after its Node object is deleted`, () => {
      const { c, node } = stuckOnPartitionedNode();
      assert.equal(c.kubectl(`delete node ${node}`), `node "${node}" deleted\n`);
      c.run(after);
      const pod = c.get<Pod>('pod', 'web-0');
      if (replaced) {
        assert.notEqual(pod?.spec?.nodeName, node);
        assert.equal(pod?.metadata?.deletionTimestamp, undefined);
      } else {
        assert.equal(pod?.spec?.nodeName, node);
      }
    });
  }

  it('marks the orphan Failed with a DisruptionTarget condition, then deletes it at once', () => {
    const { c, node } = stuckOnPartitionedNode();
    c.kubectl(`delete node ${node}`);
    c.run('70s');
    const changes = c.history.filter(
      (h) => h.kind === 'Pod' && h.name === 'web-0' && (h.object as Pod).spec?.nodeName === node,
    );
    const [failed, deleted] = changes.slice(-2);
    const status = (failed.object as Pod).status;
    assert.equal(status?.phase, 'Failed');
    const condition = status?.conditions?.find((cond) => cond.type === 'DisruptionTarget');
    assert.equal(condition?.reason, 'DeletionByPodGC');
    assert.equal(condition?.message, 'PodGC: node no longer exists');
    assert.equal(deleted.type, 'DELETED');
    assert.equal(deleted.time, failed.time);
  });
});
