import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ContainerTable } from '../../../src/sim/node/container-table';
import type { RuntimeContainer } from '../../../src/sim/node/runtime';

function container(id: string, podUid: string, name: string, state: RuntimeContainer['state']): RuntimeContainer {
  return {
    id,
    node: 'node-1',
    podNamespace: 'default',
    podName: `pod-${podUid}`,
    podUid,
    container: name,
    image: 'docker.io/library/nginx:1.27',
    state,
    startedAtMs: 0,
    log: '',
    claims: [],
  };
}

describe('ContainerTable', () => {
  it('lists every container oldest first and each pod on its own', () => {
    const table = new ContainerTable();
    table.add(container('a1', 'a', 'nginx', 'Running'));
    table.add(container('b1', 'b', 'nginx', 'Running'));
    table.add(container('a2', 'a', 'sidecar', 'Running'));
    assert.deepEqual(
      table.all().map((c) => c.id),
      ['a1', 'b1', 'a2'],
    );
    assert.deepEqual(
      table.ofPod('a').map((c) => c.id),
      ['a1', 'a2'],
    );
    assert.deepEqual(table.ofPod('missing'), []);
  });

  it('removes only the selected containers of a pod, or all of them', () => {
    const table = new ContainerTable();
    table.add(container('a1', 'a', 'nginx', 'Exited'));
    table.add(container('b1', 'b', 'nginx', 'Running'));
    table.add(container('a2', 'a', 'nginx', 'Running'));
    table.removeOfPod('a', (c) => c.state === 'Exited');
    assert.deepEqual(
      table.all().map((c) => c.id),
      ['b1', 'a2'],
    );
    table.removeOfPod('a');
    assert.deepEqual(
      table.all().map((c) => c.id),
      ['b1'],
    );
    assert.deepEqual(table.ofPod('a'), []);
  });
});
