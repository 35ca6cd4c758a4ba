/**
 * Warming a spare worker: the first run of the simulator in a new worker is several times slower than later ones,
 * because the engine compiles its code on first use. A spare worker runs the common paths once, on a throw-away
 * cluster, while it waits; the cell that later runs there starts with nothing of it: no cluster, no output, no
 * names (the simulator keeps no state between clusters, so its results are the same either way).
 */
import { Cluster } from '../sim/index';

const MANIFEST = `
apiVersion: v1
kind: Service
metadata:
  name: nginx
  labels: {app: nginx}
spec:
  clusterIP: None
  selector: {app: nginx}
  ports: [{port: 80, name: web}]
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: nginx
  replicas: 2
  selector: {matchLabels: {app: nginx}}
  template:
    metadata: {labels: {app: nginx}}
    spec:
      containers:
      - name: nginx
        image: registry.k8s.io/nginx-slim:0.21
        ports: [{containerPort: 80, name: web}]
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  replicas: 2
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      containers:
      - name: api
        image: registry.k8s.io/e2e-test-images/agnhost:2.39
`;

const COMMANDS = [
  'get pods',
  'get pods -o wide',
  'get statefulsets',
  'get deployments',
  'describe statefulset web',
  'scale statefulset web --replicas=3',
  'rollout status statefulset/web',
];

/**
 * How many times the spare runs the common paths. The engine optimises a function only after it has run it a
 * number of times; one pass still left a cell's run about twice as slow as a third.
 */
const PASSES = 3;

/** The warm-up in small steps, so that a run arriving meanwhile waits for one step at most (see cell.worker.ts). */
export function* warmUpSteps(passes = PASSES): Generator<void, void, void> {
  for (let pass = 0; pass < passes; pass++) yield* warmUpPass();
}

function* warmUpPass(): Generator<void, void, void> {
  const cluster = new Cluster({ seed: 1 });
  cluster.apply(MANIFEST);
  yield;
  cluster.run('1s');
  yield;
  for (const command of COMMANDS) {
    cluster.kubectl(command);
    yield;
  }
  cluster.settle();
  yield;
  cluster.kubectl('get pods -o wide');
  cluster.timeline();
  cluster.topology();
  cluster.nslookup('web-0.nginx');
}

/** Runs the simulator's common paths once and throws everything away. Never fails. */
export function warmUpSimulator(): void {
  try {
    for (const _ of warmUpSteps());
  } catch {
    // warming is only an optimisation
  }
}
