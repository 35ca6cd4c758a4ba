import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Deployment } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { Cluster } from '../../../src/sim/index';

// Invariants that must hold whatever a reader does: random sequences of scale / update / delete / fault operations.

const STS = (replicas: number, retention = 'Retain') => `
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web}
spec:
  serviceName: nginx
  replicas: ${replicas}
  persistentVolumeClaimRetentionPolicy: {whenScaled: ${retention}, whenDeleted: ${retention}}
  selector: {matchLabels: {app: nginx}}
  template:
    metadata: {labels: {app: nginx}}
    spec:
      containers:
      - name: nginx
        image: "nginx:1.25"
        readinessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 2, failureThreshold: 1}
  volumeClaimTemplates:
  - metadata: {name: www}
    spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
`;

const IMAGES = ['nginx:1.25', 'nginx:1.26', 'nginx:1.27'];

type Op =
  | { kind: 'scale'; replicas: number }
  | { kind: 'image'; image: string }
  | { kind: 'partition'; partition: number }
  | { kind: 'deletePod'; ordinal: number }
  | { kind: 'unready'; ordinal: number }
  | { kind: 'ready'; ordinal: number }
  | { kind: 'wait'; seconds: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('scale' as const), replicas: fc.integer({ min: 0, max: 5 }) }),
  fc.record({ kind: fc.constant('image' as const), image: fc.constantFrom(...IMAGES) }),
  fc.record({ kind: fc.constant('partition' as const), partition: fc.integer({ min: 0, max: 5 }) }),
  fc.record({ kind: fc.constant('deletePod' as const), ordinal: fc.integer({ min: 0, max: 4 }) }),
  fc.record({ kind: fc.constant('unready' as const), ordinal: fc.integer({ min: 0, max: 4 }) }),
  fc.record({ kind: fc.constant('ready' as const), ordinal: fc.integer({ min: 0, max: 4 }) }),
  fc.record({ kind: fc.constant('wait' as const), seconds: fc.integer({ min: 1, max: 90 }) }),
);

/** Applies one operation the way a reader would, and returns what kubectl printed. */
function apply(cluster: Cluster, o: Op): string {
  switch (o.kind) {
    case 'scale':
      return cluster.kubectl(`scale sts web --replicas=${o.replicas}`);
    case 'image':
      return cluster.kubectl(`set image statefulset/web nginx=${o.image}`);
    case 'partition':
      return cluster.kubectl(
        `patch sts web -p '{"spec":{"updateStrategy":{"rollingUpdate":{"partition":${o.partition}}}}}'`,
      );
    case 'deletePod':
      return cluster.kubectl(`delete pod web-${o.ordinal} --wait=false`);
    case 'unready':
    case 'ready': {
      try {
        if (o.kind === 'unready') cluster.faults.unready(`web-${o.ordinal}`);
        else cluster.faults.ready(`web-${o.ordinal}`);
      } catch (err) {
        // A fault needs a pod that a kubelet runs; the message says so, and nothing changes.
        return `${(err as Error).message}\n`;
      }
      return '';
    }
    case 'wait':
      cluster.run(`${o.seconds}s`);
      return '';
  }
}

function transcript(seed: number, ops: Op[]): string {
  const cluster = new Cluster({ seed });
  let out = cluster.apply(STS(3));
  cluster.run('20s');
  for (const o of ops) out += apply(cluster, o);
  cluster.settle();
  return out + cluster.kubectl('get pods,pvc -o wide');
}

describe('StatefulSet invariants under random operations', () => {
  it('never holds two pods of one identity, and nothing runs twice without a force delete', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.array(op, { maxLength: 12 }), (seed, ops) => {
        const cluster = new Cluster({ seed });
        cluster.apply(STS(3));
        cluster.run('20s');
        for (const o of ops) {
          apply(cluster, o);
          assert.deepEqual(cluster.violations(), []);
        }
        cluster.settle();
        assert.deepEqual(cluster.violations(), []);
        // A pod name is re-created only after the previous pod of that name is gone from the API.
        const live = new Map<string, string>();
        for (const h of cluster.history) {
          if (h.kind !== 'Pod') continue;
          const uid = h.object.metadata.uid ?? '';
          if (h.type === 'ADDED') {
            assert.equal(live.get(h.name), undefined, `${h.name} added while ${live.get(h.name)} still exists`);
            live.set(h.name, uid);
          } else if (h.type === 'DELETED') {
            live.delete(h.name);
          }
        }
      }),
      { numRuns: 25 },
    );
  });

  it('never deletes a PersistentVolumeClaim under the Retain policy', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.array(op, { maxLength: 12 }), (seed, ops) => {
        const cluster = new Cluster({ seed });
        cluster.apply(STS(3, 'Retain'));
        cluster.run('20s');
        for (const o of ops) apply(cluster, o);
        cluster.kubectl('delete sts web');
        cluster.settle();
        const deleted = cluster.history.filter((h) => h.kind === 'PersistentVolumeClaim' && h.type === 'DELETED');
        assert.deepEqual(
          deleted.map((h) => h.name),
          [],
        );
      }),
      { numRuns: 20 },
    );
  });

  it('replays byte for byte from the same seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.array(op, { maxLength: 10 }), (seed, ops) => {
        assert.equal(transcript(seed, ops), transcript(seed, ops));
      }),
      { numRuns: 15 },
    );
  });
});

describe('Deployment rolling update bounds', () => {
  it('keeps available ≥ replicas − maxUnavailable and total ≤ replicas + maxSurge during a healthy rollout', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 0, max: 4 }),
        (seed, replicas, surge, unavailable) => {
          fc.pre(surge + unavailable > 0);
          const cluster = new Cluster({ seed });
          cluster.apply(`
apiVersion: apps/v1
kind: Deployment
metadata: {name: app}
spec:
  replicas: ${replicas}
  strategy: {rollingUpdate: {maxSurge: ${surge}, maxUnavailable: ${unavailable}}}
  selector: {matchLabels: {app: app}}
  template:
    metadata: {labels: {app: app}}
    spec:
      containers: [{name: app, image: "nginx:1.25"}]
`);
          cluster.settle();
          const start = cluster.history.length;
          cluster.kubectl('set image deployment/app app=nginx:1.27');
          cluster.settle();
          // Replay the pods from the rollout's start, checking the bounds after every change.
          const pods = new Map<string, Pod>();
          for (const p of cluster.list<Pod>('pods')) pods.set(p.metadata.name, p);
          const live = new Map<string, Pod>();
          for (const h of cluster.history.slice(0, start)) {
            if (h.kind !== 'Pod') continue;
            if (h.type === 'DELETED') live.delete(h.name);
            else live.set(h.name, h.object as Pod);
          }
          for (const h of cluster.history.slice(start)) {
            if (h.kind !== 'Pod') continue;
            if (h.type === 'DELETED') live.delete(h.name);
            else live.set(h.name, h.object as Pod);
            const all = [...live.values()].filter((p) => !p.metadata?.deletionTimestamp);
            const available = all.filter((p) =>
              p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'),
            ).length;
            assert.ok(all.length <= replicas + surge, `${all.length} pods > ${replicas} + ${surge}`);
            assert.ok(available >= replicas - unavailable, `${available} available < ${replicas} - ${unavailable}`);
          }
          const deploy = cluster.get<Deployment>('deploy', 'app');
          assert.equal(deploy?.status?.updatedReplicas, replicas);
        },
      ),
      { numRuns: 20 },
    );
  });
});
