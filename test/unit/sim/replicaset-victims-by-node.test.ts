import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../../../src/sim/api/meta';
import {
  deletionCost,
  podFacts,
  podStanding,
  selectRankedToDelete,
} from '../../../src/sim/controllers/replicaset/pod-ranking';
import { PodSlots, type PodSlot } from '../../../src/sim/controllers/replicaset/pod-slots';
import { selectVictims } from '../../../src/sim/controllers/replicaset/victim-selection';

const NOW = Date.UTC(2026, 0, 1, 2, 0, 0);
const NODES = ['', 'node-1', 'node-2', 'node-3'];
const iso = (ms: number): string => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

interface Spec {
  node: number;
  ready: boolean;
  readyAgo: number;
  cost: string | undefined;
  uid: string;
}

function pod(name: string, s: Spec): Stored<Pod> {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      uid: s.uid,
      creationTimestamp: iso(NOW - 90_000),
      annotations: s.cost === undefined ? undefined : { 'controller.kubernetes.io/pod-deletion-cost': s.cost },
    },
    spec: { nodeName: NODES[s.node] || undefined, containers: [{ name: 'c' }] },
    status: {
      phase: 'Running',
      conditions: [
        { type: 'Ready', status: s.ready ? 'True' : 'False', lastTransitionTime: iso(NOW - s.readyAgo * 1000) },
      ],
    },
  } as Stored<Pod>;
}

function facts(p: Stored<Pod>): [number, number, number] {
  const f = podFacts(p);
  return [podStanding(p, f.ready), deletionCost(p), f.node ? NODES.indexOf(f.node) : 0];
}

/** Alike pods of a rollout, with one in `1 + odd` not ready, unassigned or carrying a deletion cost. */
function spec(odd: number): fc.Arbitrary<Spec> {
  const mostly = <T>(usual: fc.Arbitrary<T>, rare: fc.Arbitrary<T>): fc.Arbitrary<T> =>
    fc.oneof({ weight: odd, arbitrary: usual }, { weight: 1, arbitrary: rare });
  return fc.record({
    node: mostly(fc.integer({ min: 1, max: 3 }), fc.constant(0)),
    ready: mostly(fc.constant(true), fc.constant(false)),
    readyAgo: fc.integer({ min: 60, max: 70 }),
    cost: mostly(fc.constant<string | undefined>(undefined), fc.constantFrom('-3', '4')),
    uid: fc.array(fc.constantFrom('0', '7', 'a'), { minLength: 4, maxLength: 4 }).map((c) => `${c.join('')}-uid`),
  });
}

type Op =
  | { kind: 'add'; spec: Spec }
  | { kind: 'remove'; at: number }
  | { kind: 'replace'; at: number; spec: Spec }
  | { kind: 'scan'; diff: number; ranks: number[] };

function ops(odd: number): fc.Arbitrary<Op[]> {
  const op: fc.Arbitrary<Op> = fc.oneof(
    { weight: 12, arbitrary: spec(odd).map((s) => ({ kind: 'add' as const, spec: s })) },
    { weight: 3, arbitrary: fc.nat().map((at) => ({ kind: 'remove' as const, at })) },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.nat(), spec(odd)).map(([at, s]) => ({ kind: 'replace' as const, at, spec: s })),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          fc.integer({ min: 1, max: 5 }),
          fc.oneof(
            fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: NODES.length }),
            fc.shuffledSubarray([0, 1, 2, 3, 4], { minLength: NODES.length, maxLength: NODES.length }),
          ),
        )
        .map(([diff, ranks]) => ({ kind: 'scan' as const, diff, ranks })),
    },
  );
  return fc.array(op, { minLength: 40, maxLength: 300, size: 'max' });
}

describe('selectVictims scanning one node at a time', () => {
  it('chooses what selectRankedToDelete chooses while pods come, go and move between scans', () => {
    fc.assert(
      fc.property(fc.oneof(ops(9), ops(400)), (list) => {
        const slots = new PodSlots();
        const live: PodSlot[] = [];
        let made = 0;
        for (const o of list) {
          if (o.kind === 'add') {
            const p = pod(`p${made++}`, o.spec);
            live.push(slots.append(p, ...facts(p)));
          } else if (o.kind === 'remove' && live.length > 0) {
            const [entry] = live.splice(o.at % live.length, 1);
            slots.remove(entry);
          } else if (o.kind === 'replace' && live.length > 0) {
            const entry = live[o.at % live.length];
            const p = pod(entry.pod.metadata.name, o.spec);
            slots.replace(entry, p, ...facts(p));
          } else if (o.kind === 'scan') {
            const got = selectVictims(slots, o.ranks, o.diff, NOW).map((p) => p.metadata.name);
            const list = slots.pods().map((p) => {
              const f = podFacts(p);
              f.rank = o.ranks[f.node ? NODES.indexOf(f.node) : 0] ?? 0;
              return f;
            });
            const want = selectRankedToDelete(list, undefined, o.diff, NOW).map((p) => p.metadata.name);
            assert.deepEqual(got, want);
          }
        }
      }),
      { numRuns: 400 },
    );
  });
});
