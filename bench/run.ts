// Wall-clock benchmark: create a workload of N replicas, let it become ready, then roll it out to a new image and
// let that finish. Prints a table of timings and the 10,000/1,000 ratio (cost per pod should stay flat).
// Run with `npm run bench` (or `npm run bench:sim -- 100 1000` for chosen sizes).
// It times the compiled `kubesim` package (src/sim/dist, rebuilt by `bench:sim`) that the CLI and the notebooks
// load, not the sources as tsx compiles them: tsx keeps function names by adding a call each time a closure is made.
import { performance } from 'node:perf_hooks';
import type { Deployment, StatefulSet } from 'kubernetes-types/apps/v1';
import { Cluster } from 'kubesim';

/** One workload kind under test: its manifest for N replicas and image, and how to tell the rollout is done. */
interface Workload {
  kind: string;
  manifest(replicas: number, image: string): string;
  /** Whether every replica runs `image` and is ready. */
  rolledOut(cluster: Cluster, replicas: number, image: string): boolean;
}

const IMAGE_V1 = 'registry.k8s.io/nginx-slim:0.21';
const IMAGE_V2 = 'registry.k8s.io/nginx-slim:0.24';

const WORKLOADS: Workload[] = [
  {
    kind: 'StatefulSet',
    manifest: (replicas, image) => `
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web}
spec:
  serviceName: nginx
  replicas: ${replicas}
  selector: {matchLabels: {app: nginx}}
  template:
    metadata: {labels: {app: nginx}}
    spec:
      containers: [{name: nginx, image: "${image}"}]
`,
    rolledOut(cluster, replicas, image) {
      const set = cluster.get<StatefulSet>('sts', 'web');
      const status = set?.status;
      return (
        status?.readyReplicas === replicas &&
        status.updatedReplicas === replicas &&
        status.currentRevision === status.updateRevision &&
        JSON.stringify(set?.spec?.template).includes(image)
      );
    },
  },
  {
    kind: 'Deployment',
    manifest: (replicas, image) => `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: nginx}}
  template:
    metadata: {labels: {app: nginx}}
    spec:
      containers: [{name: nginx, image: "${image}"}]
`,
    rolledOut(cluster, replicas, image) {
      const deploy = cluster.get<Deployment>('deploy', 'web');
      const status = deploy?.status;
      return (
        status?.updatedReplicas === replicas &&
        status.availableReplicas === replicas &&
        status.replicas === replicas &&
        deploy?.metadata.generation === status.observedGeneration &&
        JSON.stringify(deploy?.spec?.template).includes(image)
      );
    },
  },
];

const SIZES = process.argv.slice(2).map(Number).filter(Boolean);
const sizes = SIZES.length > 0 ? SIZES : [100, 1000, 10000];

interface Row {
  kind: string;
  replicas: number;
  nodes: number;
  createMs: number;
  rolloutMs: number;
  virtualS: number;
  /** CPU time of the whole measurement (user + system), less sensitive than wall time to a busy machine. */
  cpuMs: number;
}

/**
 * A node runs at most 110 pods (the kubelet's default --max-pods), so the cluster grows with the workload: enough
 * nodes for the replicas plus a Deployment's 25 % surge, at least 3 and at most 100 (the simulator's limit).
 */
function nodesFor(replicas: number): number {
  return Math.min(100, Math.max(3, Math.ceil((replicas * 1.25) / 110)));
}

function measure(workload: Workload, replicas: number): Row {
  const nodes = nodesFor(replicas);
  const cluster = new Cluster({ seed: 1, nodes, recordHistory: false });
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  check(cluster.apply(workload.manifest(replicas, IMAGE_V1)));
  settleUntil(cluster, () => workload.rolledOut(cluster, replicas, IMAGE_V1));
  const t1 = performance.now();
  if (!workload.rolledOut(cluster, replicas, IMAGE_V1)) throw new Error(`${workload.kind} ${replicas}: not ready`);
  check(cluster.apply(workload.manifest(replicas, IMAGE_V2)));
  settleUntil(cluster, () => workload.rolledOut(cluster, replicas, IMAGE_V2));
  const t2 = performance.now();
  if (!workload.rolledOut(cluster, replicas, IMAGE_V2)) throw new Error(`${workload.kind} ${replicas}: not rolled out`);
  const cpu = process.cpuUsage(cpu0);
  return {
    kind: workload.kind,
    replicas,
    nodes,
    createMs: t1 - t0,
    rolloutMs: t2 - t1,
    virtualS: cluster.elapsed() / 1000,
    cpuMs: (cpu.user + cpu.system) / 1000,
  };
}

/**
 * settle() gives up after six virtual hours, and the 10,000-pod StatefulSet rollout (about 2 s of virtual time per
 * pod, one pod at a time) takes nearly that long: settle again, a few times at most, while the workload is unfinished.
 */
function settleUntil(cluster: Cluster, done: () => boolean): void {
  cluster.settle();
  for (let again = 0; again < 3 && !done(); again++) cluster.settle();
}

function check(output: string): void {
  if (/error/i.test(output)) throw new Error(output);
}

function pad(cells: string[], widths: number[]): string {
  return cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
}

const header = ['KIND', 'REPLICAS', 'NODES', 'CREATE ms', 'ROLLOUT ms', 'TOTAL ms', 'µs/POD', 'CPU ms', 'VIRTUAL'];
const widths = [12, 9, 6, 10, 11, 9, 7, 8, 9];
console.log(pad(header, widths));
const rows: Row[] = [];
const KINDS = process.env.BENCH_KIND?.split(',');
for (const workload of WORKLOADS) {
  if (KINDS && !KINDS.includes(workload.kind)) continue;
  for (const replicas of sizes) {
    const row = measure(workload, replicas);
    rows.push(row);
    const total = row.createMs + row.rolloutMs;
    console.log(
      pad(
        [
          row.kind,
          String(row.replicas),
          String(row.nodes),
          row.createMs.toFixed(0),
          row.rolloutMs.toFixed(0),
          total.toFixed(0),
          ((total * 1000) / row.replicas).toFixed(0),
          row.cpuMs.toFixed(0),
          `${Math.round(row.virtualS)}s`,
        ],
        widths,
      ),
    );
  }
}
/** The targets: each 10,000-replica rollout under 2 s, and the 10,000/1,000 ratio at most 12 (flat cost). */
const ROLLOUT_TARGET_MS = 2000;
const RATIO_TARGET = 12;
for (const workload of WORKLOADS) {
  const row = (n: number): Row | undefined => rows.find((x) => x.kind === workload.kind && x.replicas === n);
  const total = (r: Row): number => r.createMs + r.rolloutMs;
  const big = row(10000);
  const small = row(1000);
  if (big) {
    const ms = big.rolloutMs;
    console.log(
      `${workload.kind}: 10,000-replica rollout ${ms.toFixed(0)} ms, target under ${ROLLOUT_TARGET_MS} ms, ` +
        `ratio ${(ms / ROLLOUT_TARGET_MS).toFixed(2)}`,
    );
  }
  if (big && small) {
    const ratio = total(big) / total(small);
    console.log(`${workload.kind}: 10,000/1,000 ratio ${ratio.toFixed(1)}, target at most ${RATIO_TARGET}`);
  }
}
