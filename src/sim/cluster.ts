import type { Event as CoreEvent, Pod } from 'kubernetes-types/core/v1';
import { validatePodDisruptionBudget } from './api/validation/pdb';
import { DisruptionController } from './controllers/disruption/disruption-controller';
import { HorizontalController } from './controllers/podautoscaler/horizontal-controller';
import { defaultHorizontalPodAutoscaler, validateHorizontalPodAutoscaler } from './api/validation/hpa';
import { decodePod, decodeStatefulSet, decodeTemplateOwner } from './api/decode-quantities';
import { defaultPod, defaultStatefulSet, preparePodForCreate } from './api/defaults';
import type { KubeObject, Stored } from './api/meta';
import { lookupResource } from './api/resources';
import { isStateChange } from './api/state-change';
import { ObjectStore, type WatchEvent } from './api/store';
import { validatePodStrategy, validateStatefulSetStrategy } from './api/validation';
import { registerServiceStrategy } from './api/service-strategy';
import {
  validateDeploymentStatusUpdate,
  validatePodStatusUpdate,
  validateReplicaSetStatusUpdate,
  validateStatefulSetStatusUpdate,
} from './api/validation/status';
import { parseDuration, VirtualClock } from './clock';
import type { ControllerContext } from './controllers/context';
import { StatefulSetController } from './controllers/statefulset/statefulset-controller';
import { EndpointsController } from './controllers/endpoint/endpoints-controller';
import { EndpointSliceController } from './controllers/endpointslice/endpointslice-controller';
import { NodeLifecycleController } from './controllers/nodelifecycle/node-lifecycle-controller';
import { PodGCController } from './controllers/podgc/pod-gc-controller';
import { PodNodeIndex } from './controllers/pod-node-index';
import { TaintEvictionController } from './controllers/nodelifecycle/taint-eviction';
import { ClusterDns, CLUSTER_DNS_IP } from './dns/cluster-dns';
import { nslookup, type NslookupOptions } from './dns/nslookup';
import type { PodNslookup } from './node/container-exec';
import { ReplicaSetController } from './controllers/replicaset/replicaset-controller';
import { DeploymentController } from './controllers/deployment/deployment-controller';
import { defaultDeployment, defaultReplicaSet, validateDeployment, validateReplicaSet } from './api/apps-validation';
import { GarbageCollector } from './controllers/garbagecollector/garbage-collector';
import { EventRecorder } from './events';
import { Faults } from './faults';
import { atMostOneViolations, listProcesses, type ProcessRow } from './ground-truth';
import { HeartbeatTicker, NodeHeartbeat } from './node/heartbeat';
import { KubernetesServiceController } from './controllers/apiserver/kubernetes-service';
import { runKubectl } from './kubectl/kubectl';
import type { Editor, KubectlHost } from './kubectl/host';
import { combined, type CommandResult } from './kubectl/output';
import { lastSeenMs } from './kubectl/event-times';
import { toYaml } from './kubectl/get';
import { Kubelet } from './node/kubelet';
import { ContainerFiles } from './node/container-files';
import { nodeIP, registerNode } from './node/nodes';
import { Scheduler } from './node/scheduler';
import { SeededRandom } from './random';
import { ExternalProvisioners } from './controllers/volume/external-provisioner';
import { PersistentVolumeController } from './controllers/volume/pv-controller';
import { PvcProtectionController } from './controllers/volume/pvc-protection';
import { kindDefaultStorageClass } from './storage/storage-class';
import { registerStorageStrategies } from './storage/register';
import { runScript, type ScriptOptions, type ScriptResult } from './script/runner';
import { dnsTable as drawDnsTable, type DnsRecord } from './pictures/dns-table';
import { podTimeline, type TimelineOptions } from './pictures/timeline';
import { topology as drawTopology } from './pictures/topology';
import { defaultNamespace, prepareNamespaceForCreate } from './api/namespace';

/** One change to the cluster's state, as a watcher saw it. */
export interface HistoryEntry {
  /** Virtual milliseconds since the cluster started. */
  time: number;
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  kind: string;
  namespace: string;
  name: string;
  /** The object after the change (before it, for DELETED). Treat as read-only. */
  object: Stored<KubeObject>;
}

export interface ClusterOptions {
  /** Seed for every random choice; the same seed and commands give the same output. Default 1. */
  seed?: number;
  /** Number of worker nodes. Default 3. */
  nodes?: number;
  /** Record every state change in `history` (default true; large benchmarks turn it off). */
  recordHistory?: boolean;
}

/** How long `settle()` waits with nothing changing before it calls the cluster settled. */
const QUIET_PERIOD_MS = 60_000;
/** The most virtual time one `settle()` may run. */
const SETTLE_CAP_MS = 6 * 3600_000;
/** kube-apiserver's default --event-ttl. */
const EVENT_TTL_SECONDS = 3600;

/**
 * A simulated Kubernetes v1.34 cluster: apiserver storage, controllers, scheduler and kubelets on a virtual clock.
 *
 * ```ts
 * const cluster = new Cluster({ seed: 7 });
 * cluster.apply(manifest);
 * cluster.settle();
 * console.log(cluster.kubectl('get pods'));
 * ```
 */
export class Cluster {
  /** Files that `kubectl apply -f NAME` can read, by name. */
  readonly files = new Map<string, string>();
  /** Every state change with its virtual time, oldest first (Events excluded). */
  readonly history: HistoryEntry[] = [];
  private readonly clock = new VirtualClock();
  private readonly random: SeededRandom;
  private readonly store: ObjectStore;
  private readonly kubelets = new Map<string, Kubelet>();
  private readonly heartbeats = new Map<string, NodeHeartbeat>();
  /** What containers have written, in their volumes and writable layers. */
  private readonly containerFiles: ContainerFiles;
  /** Faults to inject: node partitions, failing readiness probes, crashing containers. */
  readonly faults: Faults;
  /** The cluster's DNS (CoreDNS with the kubernetes plugin), answering from the API as it stands. */
  readonly dns: ClusterDns;
  private lastChangeMs: number;

  /**
   * Starts a cluster at virtual time 0: the default namespaces, the `kubernetes` and `kube-dns` Services, kind's
   * default StorageClass `standard`, `nodes` Ready worker nodes (node-1 … node-N) and every controller.
   * Throws a RangeError unless `nodes` is a whole number from 1 to 100.
   */
  constructor(options: ClusterOptions = {}) {
    const nodeCount = options.nodes ?? 3;
    if (!Number.isInteger(nodeCount) || nodeCount < 1 || nodeCount > 100) {
      throw new RangeError(`nodes must be a whole number from 1 to 100, got ${String(options.nodes)}`);
    }
    this.random = new SeededRandom(options.seed ?? 1);
    this.store = new ObjectStore(this.clock, this.random);
    this.containerFiles = new ContainerFiles(this.store);
    this.lastChangeMs = this.clock.now();
    this.registerStrategies();
    const ctx: ControllerContext = {
      store: this.store,
      clock: this.clock,
      random: this.random,
      recorder: new EventRecorder(this.store, this.clock),
    };
    for (const ns of ['default', 'kube-node-lease', 'kube-public', 'kube-system']) {
      this.store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
    }
    new KubernetesServiceController(ctx);
    this.store.create({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        name: 'kube-dns',
        namespace: 'kube-system',
        labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' },
        annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' },
      },
      spec: {
        clusterIP: CLUSTER_DNS_IP,
        selector: { 'k8s-app': 'kube-dns' },
        ports: [
          { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
          { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
          { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
        ],
      },
    });
    this.store.create(kindDefaultStorageClass());
    const ticker = new HeartbeatTicker(this.clock);
    for (let i = 1; i <= nodeCount; i++) {
      const name = `node-${i}`;
      registerNode(this.store, this.clock, name, i);
      const kubelet = new Kubelet(ctx, name, i, nodeIP(i), this.containerFiles, (pod) => this.podNslookup(pod));
      this.kubelets.set(name, kubelet);
      this.heartbeats.set(name, new NodeHeartbeat(ctx, kubelet, ticker));
    }
    this.store.watch('Pod', (e) => this.dispatchToKubelet(e));
    new Scheduler(ctx);
    new StatefulSetController(ctx);
    const podsByNode = new PodNodeIndex(ctx.store);
    new TaintEvictionController(ctx, new NodeLifecycleController(ctx, podsByNode));
    new PodGCController(ctx, podsByNode);
    new EndpointSliceController(ctx);
    new EndpointsController(ctx);
    new DisruptionController(ctx);
    new HorizontalController(ctx);
    this.faults = new Faults(this.store, this.kubelets, this.heartbeats);
    this.dns = new ClusterDns(this.store);
    new PersistentVolumeController(ctx);
    new ExternalProvisioners(ctx);
    new PvcProtectionController(ctx);
    new ReplicaSetController(ctx);
    new DeploymentController(ctx);
    new GarbageCollector(ctx);
    const record = options.recordHistory ?? true;
    this.store.watch('*', (e) => {
      if (!isStateChange(e.object.kind)) return;
      this.lastChangeMs = this.clock.now();
      if (record) {
        const { kind, metadata } = e.object;
        this.history.push({
          time: this.clock.elapsed(),
          type: e.type,
          kind,
          namespace: metadata.namespace ?? '',
          name: metadata.name,
          object: e.object,
        });
      }
    });
  }

  /** Applies YAML (one or more documents) or an object, like `kubectl apply -f -`. Returns kubectl's output. */
  apply(manifest: string | KubeObject): string {
    const text = typeof manifest === 'string' ? manifest : JSON.stringify(manifest);
    return this.kubectl('apply -f -', text);
  }

  /**
   * Runs a kubectl command line ("get pods -o wide"); returns what kubectl prints, errors included. `input` is
   * standard input, or for `kubectl edit` the editor: a function from the file as opened to the file as saved.
   */
  kubectl(command: string, input?: string | Editor): string {
    return combined(this.kubectlResult(command, input));
  }

  /** Like `kubectl()`, but with stdout, stderr and the exit code apart. */
  kubectlResult(command: string, input?: string | Editor): CommandResult {
    return runKubectl(this.host(), command, input);
  }

  /** Runs a kubesim script (kubectl lines, heredocs, `sleep 30s`, …); see `runScript`. */
  script(text: string, options: ScriptOptions = {}): ScriptResult {
    return runScript(this, text, options);
  }

  /** An SVG of pods over virtual time, one row per ordinal, coloured by revision (needs recordHistory). */
  timeline(options: TimelineOptions = {}): string {
    return podTimeline(this.history, { until: this.elapsed(), ...options });
  }

  /** An SVG of StatefulSet → Pods → PersistentVolumeClaims → PersistentVolumes, with each pod's node. */
  topology(): string {
    return drawTopology({
      statefulSets: this.store.list('StatefulSet'),
      pods: this.store.list('Pod'),
      claims: this.store.list('PersistentVolumeClaim'),
      volumes: this.store.list('PersistentVolume'),
      nodes: this.store.list('Node'),
    });
  }

  /** An SVG table of DNS records. */
  dnsTable(records: readonly DnsRecord[] = []): string {
    return drawDnsTable(records);
  }

  /** Advances virtual time by a duration ("30s", "2m", or milliseconds), running everything due. */
  run(duration: string | number): void {
    const ms = typeof duration === 'number' ? duration : parseDuration(duration);
    this.clock.advanceTo(this.clock.now() + ms);
  }

  /**
   * Runs until nothing has changed for 60 s of virtual time (or nothing is left to do), capped at six virtual
   * hours. Returns the virtual milliseconds it advanced.
   */
  settle(): number {
    const start = this.clock.now();
    this.lastChangeMs = start;
    for (;;) {
      const next = this.clock.nextAt();
      const quietUntil = this.lastChangeMs + QUIET_PERIOD_MS;
      if (next === undefined || next > quietUntil) {
        this.clock.advanceTo(Math.max(this.clock.now(), Math.min(quietUntil, start + SETTLE_CAP_MS)));
        break;
      }
      if (next > start + SETTLE_CAP_MS) {
        this.clock.advanceTo(start + SETTLE_CAP_MS);
        break;
      }
      this.clock.step();
    }
    return this.clock.now() - start;
  }

  /** The stored object, or undefined. `kind` accepts what kubectl does: "sts", "pods", "StatefulSet". */
  get<T extends KubeObject = KubeObject>(kind: string, name: string, namespace = 'default'): Stored<T> | undefined {
    const type = lookupResource(kind);
    if (!type) throw new Error(`unknown resource type "${kind}"`);
    const obj = this.store.get<T>(type.kind, type.namespaced ? namespace : '', name);
    return obj ? (JSON.parse(JSON.stringify(obj)) as Stored<T>) : undefined;
  }

  /** Every object of a kind, sorted by namespace and name. */
  list<T extends KubeObject = KubeObject>(kind: string, namespace?: string): Stored<T>[] {
    const type = lookupResource(kind);
    if (!type) throw new Error(`unknown resource type "${kind}"`);
    return JSON.parse(JSON.stringify(this.store.list<T>(type.kind, namespace))) as Stored<T>[];
  }

  /**
   * Events in time order, as kubectl describe sorts them: by when each was last seen (its series' last observation,
   * lastTimestamp, or the eventTime of one the scheduler wrote through events.k8s.io).
   */
  events(): Stored<CoreEvent>[] {
    return this.list<CoreEvent>('Event').sort((a, b) => lastSeenMs(a) - lastSeenMs(b));
  }

  /** Virtual milliseconds since the cluster started. */
  elapsed(): number {
    return this.clock.elapsed();
  }

  /** What really runs on every node, from the kubelets' container runtimes (whatever the API says). */
  ps(): ProcessRow[] {
    return listProcesses(this.store, this.kubelets.values());
  }

  /** Breaches of the StatefulSet at-most-one guarantees that `ps()` shows, described; empty when all is well. */
  violations(): string[] {
    return atMostOneViolations(this.store, this.ps());
  }

  /** `nslookup NAME` run in a busybox pod (busybox:1.28 unless `image` says otherwise). */
  nslookup(name: string, options: NslookupOptions = {}): CommandResult {
    return nslookup(this.dns, name, options);
  }

  /** The object as YAML, the way `kubectl get -o yaml` prints it. */
  yaml(kind: string, name: string, namespace = 'default'): string {
    const obj = this.get(kind, name, namespace);
    return obj ? toYaml(obj) : '';
  }

  private host(): KubectlHost {
    return {
      store: this.store,
      clock: this.clock,
      readFile: (path) => this.files.get(path),
      waitFor: (done, timeoutMs) => this.waitFor(done, timeoutMs),
      exec: (pod, container, argv) => {
        const kubelet = this.kubelets.get(pod.spec?.nodeName ?? '');
        if (!kubelet) return undefined;
        if (kubelet.partitioned) return { unreachable: kubelet.hostIP };
        return kubelet.exec(pod, container, argv, this.podNslookup(pod));
      },
      logs: (pod, container, previous) => {
        const kubelet = this.kubelets.get(pod.spec?.nodeName ?? '');
        if (!kubelet) return undefined;
        if (kubelet.partitioned) return { unreachable: kubelet.hostIP };
        return kubelet.containerLog(pod.metadata.uid ?? '', container, previous);
      },
    };
  }

  /** busybox's nslookup as run from `pod`: short names are searched in its namespace. */
  private podNslookup(pod: Stored<Pod>): PodNslookup {
    const namespace = pod.metadata.namespace;
    return (name, image) => nslookup(this.dns, name, { namespace, image });
  }

  private waitFor(done: () => boolean, timeoutMs: number): boolean {
    const deadline = this.clock.now() + timeoutMs;
    while (!done()) {
      const next = this.clock.nextAt();
      if (next === undefined || next > deadline) {
        this.clock.advanceTo(deadline);
        return done();
      }
      this.clock.step();
    }
    return true;
  }

  private dispatchToKubelet(event: WatchEvent): void {
    const pod = event.object as Stored<Pod>;
    const node = pod.spec?.nodeName;
    if (node) this.kubelets.get(node)?.handlePodEvent(event);
  }

  private registerStrategies(): void {
    this.store.registerStrategy('Namespace', {
      prepareForCreate: prepareNamespaceForCreate,
      applyDefaults: defaultNamespace,
    });
    this.store.registerStrategy('Pod', {
      decode: decodePod,
      prepareForCreate: preparePodForCreate,
      applyDefaults: defaultPod,
      validate: validatePodStrategy,
      validateStatus: validatePodStatusUpdate,
    });
    this.store.registerStrategy('StatefulSet', {
      decode: decodeStatefulSet,
      applyDefaults: defaultStatefulSet,
      tracksGeneration: true,
      validate: validateStatefulSetStrategy,
      validateStatus: validateStatefulSetStatusUpdate,
    });
    registerStorageStrategies(this.store);
    this.store.registerStrategy('Deployment', {
      decode: decodeTemplateOwner,
      applyDefaults: defaultDeployment,
      validate: validateDeployment,
      validateStatus: validateDeploymentStatusUpdate,
      tracksGeneration: true,
    });
    this.store.registerStrategy('HorizontalPodAutoscaler', {
      // The registry's PrepareForCreate clears the status; desiredReplicas has no omitempty in autoscaling/v2.
      prepareForCreate: (obj) => {
        (obj as { status?: unknown }).status = { desiredReplicas: 0 };
      },
      applyDefaults: defaultHorizontalPodAutoscaler,
      validate: validateHorizontalPodAutoscaler,
      tracksGeneration: true,
    });
    this.store.registerStrategy('PodDisruptionBudget', {
      validate: validatePodDisruptionBudget,
      tracksGeneration: true,
    });
    this.store.registerStrategy('ReplicaSet', {
      decode: decodeTemplateOwner,
      applyDefaults: defaultReplicaSet,
      validate: validateReplicaSet,
      validateStatus: validateReplicaSetStatusUpdate,
      tracksGeneration: true,
    });
    registerServiceStrategy(this.store, this.random, ['10.96.0.1', CLUSTER_DNS_IP]);
    // kube-apiserver --event-ttl: an Event is deleted an hour after its last write.
    this.store.registerTimeToLive('Event', EVENT_TTL_SECONDS);
    this.store.registerGracePeriod('Pod', (obj, requested) => {
      const pod = obj as Stored<Pod>;
      // An unscheduled or finished pod has nothing to stop: it goes at once (pod strategy CheckGracefulDelete).
      if (!pod.spec?.nodeName || pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return 0;
      return requested ?? pod.spec?.terminationGracePeriodSeconds ?? 30;
    });
  }
}
