import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LastMiss } from '../../../src/sim/node/last-miss';

describe('LastMiss', () => {
  const nodes = [{}];
  const requests = { cpu: 100, memory: 0 };
  const cases: Array<{ name: string; nodes: object; loads: number; cpu: number; found: boolean }> = [
    { name: 'the same nodes, load version and requests', nodes, loads: 7, cpu: 100, found: true },
    { name: 'a node list rebuilt after a Node change', nodes: [{}], loads: 7, cpu: 100, found: false },
    { name: 'a load that changed since', nodes, loads: 8, cpu: 100, found: false },
    { name: 'a pod requesting something else', nodes, loads: 7, cpu: 200, found: false },
  ];
  for (const c of cases) {
    it(`${c.found ? 'answers' : 'does not answer'} for ${c.name}`, () => {
      const miss = new LastMiss();
      miss.record(nodes, 7, requests, '0/1 nodes are available: 1 Too many pods.');
      const found = miss.lookup(c.nodes, c.loads, { cpu: c.cpu, memory: 0 });
      assert.equal(found, c.found ? '0/1 nodes are available: 1 Too many pods.' : undefined);
    });
  }

  it('answers nothing before a miss is recorded', () => {
    assert.equal(new LastMiss().lookup(nodes, -1, { cpu: Number.NaN, memory: Number.NaN }), undefined);
  });
});
