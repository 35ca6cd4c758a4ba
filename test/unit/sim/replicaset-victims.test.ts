import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../../../src/sim/api/meta';
import {
  deletionCost,
  isActive,
  podFacts,
  podStanding,
  selectRankedToDelete,
} from '../../../src/sim/controllers/replicaset/pod-ranking';
import { PodSlots, uidOrder, type PodSlot } from '../../../src/sim/controllers/replicaset/pod-slots';
import { selectVictims } from '../../../src/sim/controllers/replicaset/victim-selection';

const NOW = Date.UTC(2026, 0, 1, 2, 0, 0);
const NODES = ['', 'node-1', 'node-2', 'node-3'];
const iso = (ms: number): string => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

interface PodSpec {
  node: number;
  phase: 'Pending' | 'Running' | 'Unknown';
  ready: boolean;
  /** Seconds before NOW it turned ready; undefined for a Ready condition without a transition time. */
  readyAgo: number | undefined;
  restarts: number;
  createdAgo: number;
  cost: string | undefined;
  uid: string;
}

function pod(i: number, s: PodSpec): Stored<Pod> {
  const readyAt = s.readyAgo === undefined ? undefined : iso(NOW - s.readyAgo * 1000);
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `p${i}`,
      uid: s.uid,
      creationTimestamp: iso(NOW - s.createdAgo * 1000),
      annotations: s.cost === undefined ? undefined : { 'controller.kubernetes.io/pod-deletion-cost': s.cost },
    },
    spec: { nodeName: NODES[s.node] || undefined, containers: [{ name: 'c' }] },
    status: {
      phase: s.phase,
      conditions: s.ready ? [{ type: 'Ready', status: 'True', lastTransitionTime: readyAt }] : [],
      containerStatuses: [{ name: 'c', restartCount: s.restarts, ready: s.ready, image: '', imageID: '' }],
    },
  };
}

// Few distinct values, so that ties on every step of the ranking are common.
const hexUid = fc.array(fc.constantFrom('0', 'a'), { minLength: 5, maxLength: 5 }).map((c) => `${c.join('')}-4abc`);
const podSpec: fc.Arbitrary<PodSpec> = fc.record({
  node: fc.integer({ min: 0, max: NODES.length - 1 }),
  phase: fc.constantFrom('Pending', 'Running', 'Running', 'Unknown'),
  ready: fc.boolean(),
  readyAgo: fc
    .option(fc.constantFrom(0, 1, 2, 3, 5, 8, 30, 31, 64, 65, 600, 601, 3000), { freq: 8 })
    .map((v) => v ?? undefined),
  restarts: fc.constantFrom(0, 0, 0, 1, 2),
  createdAgo: fc.constantFrom(0, 1, 4, 30, 31, 700, 3600),
  cost: fc.constantFrom(undefined, undefined, undefined, '0', '-5', '7', 'x', '99999999999'),
  uid: fc.oneof(hexUid, fc.constantFrom('uid-a', 'uid-b', 'uid-c', 'uid-d', 'u', 'uid')),
});

/** Pods as a rollout scales down: running, ready a few seconds apart (so mostly in one log bucket), no cost. */
const rolloutPodSpec: fc.Arbitrary<PodSpec> = fc.record({
  node: fc.integer({ min: 1, max: 2 }),
  phase: fc.constant('Running' as const),
  ready: fc.constant(true),
  readyAgo: fc.integer({ min: 60, max: 75 }),
  restarts: fc.constantFrom(0, 0, 1),
  createdAgo: fc.integer({ min: 75, max: 80 }),
  cost: fc.constant(undefined),
  uid: fc.oneof(hexUid, fc.constantFrom('uid-a', 'uid-b', 'uid-c', 'uid-d')),
});

/** `now` values around NOW, including ones that put a ready or creation time at the edge of a log bucket. */
const nowOffset = fc.oneof(
  fc.integer({ min: -2000, max: 4_000_000 }),
  fc
    .tuple(fc.integer({ min: 20, max: 42 }), fc.integer({ min: -1, max: 1 }))
    .map(([b, d]) => Math.round(2 ** b / 1e6) + d),
);

/** Pods with whether each is removed after all are added, and whether it is replaced in place. */
const podSet = (spec: fc.Arbitrary<PodSpec>): fc.Arbitrary<Array<[PodSpec, boolean, boolean]>> =>
  fc.array(fc.tuple(spec, fc.boolean(), fc.boolean()), { minLength: 1, maxLength: 120 });

/** Mostly the few pods of a rollout step, where the heap is used; sometimes most of them. */
const victimCount = fc.oneof(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 130 }));

/** Fills slots as the pod index does: appended in order, some removed afterwards, some replaced in place. */
function build(pods: Stored<Pod>[], removed: boolean[], replaced: boolean[]): PodSlots {
  const slots = new PodSlots();
  const put = (p: Stored<Pod>): [number, number, number] => {
    const facts = podFacts(p);
    return [podStanding(p, facts.ready), deletionCost(p), facts.node ? NODES.indexOf(facts.node) : 0];
  };
  const entries: PodSlot[] = pods.map((p) => slots.append(p, ...put(p)));
  pods.forEach((p, i) => {
    if (replaced[i]) slots.replace(entries[i], p, ...put(p));
    if (removed[i]) slots.remove(entries[i]);
  });
  return slots;
}

/** Today's choice: every pod's facts and rank in slot order, through selectRankedToDelete. */
function reference(slots: PodSlots, ranks: number[], diff: number, now: number): string[] {
  const list = slots.pods().map((p) => {
    const facts = podFacts(p);
    facts.rank = ranks[facts.node ? NODES.indexOf(facts.node) : 0] ?? 0;
    return facts;
  });
  return selectRankedToDelete(list, undefined, diff, now).map((p) => p.metadata.name);
}

describe('selectVictims (the pod index scale-down path)', () => {
  it('chooses the same pods in the same order as selectRankedToDelete', () => {
    fc.assert(
      fc.property(
        fc.oneof(podSet(podSpec), podSet(rolloutPodSpec)),
        fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 0, maxLength: NODES.length }),
        fc.array(fc.tuple(nowOffset, victimCount), { minLength: 1, maxLength: 4 }),
        (specs, ranks, calls) => {
          const pods = specs.map(([s], i) => pod(i, s));
          const slots = build(
            pods,
            specs.map(([, r]) => r),
            specs.map(([, , r]) => r),
          );
          // Repeated calls on the same slots: the facts and log buckets cached by the first must not leak.
          for (const [offset, diff] of calls) {
            const now = NOW + offset;
            const got = selectVictims(slots, ranks, diff, now).map((p) => p.metadata.name);
            assert.deepEqual(got, reference(slots, ranks, diff, now));
          }
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('keeps the order through removals that compact the slots', () => {
    const pods: Stored<Pod>[] = [];
    for (let i = 0; i < 400; i++) {
      pods.push(
        pod(i, {
          node: 1 + (i % 3),
          phase: 'Running',
          ready: true,
          readyAgo: (i * 7) % 50,
          restarts: 0,
          createdAgo: (i * 11) % 90,
          cost: undefined,
          uid: `${((i * 2654435761) >>> 0).toString(16).padStart(8, '0')}-4`,
        }),
      );
    }
    const slots = build(
      pods,
      pods.map((_, i) => i % 5 !== 0),
      pods.map(() => false),
    );
    assert.equal(slots.size, 80);
    assert.ok(slots.end < 400, 'compacted');
    assert.ok(pods.every((p) => isActive(p)));
    for (const diff of [1, 2, 7, 19]) {
      for (const offset of [0, 1500, 90_000]) {
        assert.deepEqual(
          selectVictims(slots, [0, 3, 3, 1], diff, NOW + offset).map((p) => p.metadata.name),
          reference(slots, [0, 3, 3, 1], diff, NOW + offset),
        );
      }
    }
  });

  it('matches selectRankedToDelete on rollout-sized sets, with pods moving between nodes', () => {
    const moved = fc.record({ node: fc.integer({ min: 1, max: 3 }), readyAgo: fc.integer({ min: 0, max: 90 }) });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(rolloutPodSpec, fc.boolean(), fc.option(moved, { freq: 6 })), {
          minLength: 8,
          maxLength: 400,
          size: 'max',
        }),
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 0, maxLength: NODES.length }),
        fc.array(fc.tuple(nowOffset, fc.integer({ min: 1, max: 6 })), { minLength: 1, maxLength: 4 }),
        (specs, ranks, calls) => {
          const slots = new PodSlots();
          const put = (p: Stored<Pod>): [number, number, number] => {
            const facts = podFacts(p);
            return [podStanding(p, facts.ready), deletionCost(p), facts.node ? NODES.indexOf(facts.node) : 0];
          };
          const entries = specs.map(([s], i) => slots.append(pod(i, s), ...put(pod(i, s))));
          specs.forEach(([s, removed, move], i) => {
            if (move) slots.replace(entries[i], pod(i, { ...s, ...move }), ...put(pod(i, { ...s, ...move })));
            if (removed) slots.remove(entries[i]);
          });
          for (const [offset, diff] of calls) {
            const now = NOW + offset;
            const got = selectVictims(slots, ranks, diff, now).map((p) => p.metadata.name);
            assert.deepEqual(got, reference(slots, ranks, diff, now));
            // Pods keep arriving between scale-downs.
            const extra = pod(specs.length + offset, { ...specs[0][0], node: 1 + (offset & 1) });
            slots.append(extra, ...put(extra));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('uidOrder orders as the strings do wherever it differs', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), (a, b) => {
        const ka = uidOrder(a);
        const kb = uidOrder(b);
        if (ka < kb) assert.ok(a < b);
        if (ka > kb) assert.ok(a > b);
      }),
    );
  });
});
