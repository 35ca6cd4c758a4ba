import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type {
  Container,
  PersistentVolumeClaim,
  Pod,
  PodSpec,
  PodTemplateSpec,
  Probe,
  Service,
} from 'kubernetes-types/core/v1';
import { writable, type KubeObject, type Stored } from './meta';
import { podQOSClass } from '../pods/resources';

/**
 * Server-side defaulting, as the apiserver's SetDefaults_* functions and admission plugins apply it. Each function
 * fills only what is unset, so applying it twice changes nothing. Pod defaults assign with `??=`: a spec shared
 * with the stored object (every status write) is read, never written.
 */

/** SetDefaults_Container (and the pull-policy rule: :latest or no tag → Always). */
export function defaultContainer(c: Container): void {
  if (!c.imagePullPolicy) {
    const image = c.image ?? '';
    const lastSlash = image.lastIndexOf('/');
    const colon = image.lastIndexOf(':');
    const tag = colon > lastSlash ? image.slice(colon + 1) : '';
    c.imagePullPolicy = tag === '' || tag === 'latest' ? 'Always' : 'IfNotPresent';
  }
  c.terminationMessagePath ??= '/dev/termination-log';
  c.terminationMessagePolicy ??= 'File';
  c.resources ??= {};
  for (const port of c.ports ?? []) port.protocol ??= 'TCP';
  defaultProbe(c.readinessProbe);
  defaultProbe(c.livenessProbe);
  defaultProbe(c.startupProbe);
}

/** SetDefaults_Probe */
function defaultProbe(probe: Probe | undefined): void {
  if (!probe) return;
  probe.timeoutSeconds ??= 1;
  probe.periodSeconds ??= 10;
  probe.successThreshold ??= 1;
  probe.failureThreshold ??= 3;
}

/** SetDefaults_PodSpec */
export function defaultPodSpec(spec: PodSpec): void {
  spec.restartPolicy ??= 'Always';
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.terminationGracePeriodSeconds ??= 30;
  spec.securityContext ??= {};
  spec.schedulerName ??= 'default-scheduler';
  for (const c of spec.containers ?? []) defaultContainer(c);
  for (const c of spec.initContainers ?? []) defaultContainer(c);
}

export function defaultPodTemplate(template: PodTemplateSpec | undefined): void {
  if (template?.spec) defaultPodSpec(template.spec);
}

/** Pod: registry PrepareForCreate sets the initial status; admission adds the default tolerations. */
export function preparePodForCreate(obj: KubeObject): void {
  const pod = obj as Pod;
  writable(pod).status = { phase: 'Pending', qosClass: podQOSClass(pod) };
  const spec = pod.spec;
  if (!spec) return;
  spec.serviceAccountName = spec.serviceAccountName ?? 'default';
  spec.serviceAccount = spec.serviceAccount ?? spec.serviceAccountName;
  spec.enableServiceLinks = spec.enableServiceLinks ?? true;
  spec.preemptionPolicy = spec.preemptionPolicy ?? 'PreemptLowerPriority';
  spec.priority = spec.priority ?? 0;
  // DefaultTolerationSeconds admission: tolerate a not-ready or unreachable node for 300 s before eviction.
  const tolerations = [...(spec.tolerations ?? [])];
  for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']) {
    if (!tolerations.some((t) => t.key === key)) {
      tolerations.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 });
    }
  }
  spec.tolerations = tolerations;
}

/** SetDefaults_Pod: the pod spec's defaults, and a container's limits stand in for the requests it leaves out. */
export function defaultPod(obj: KubeObject, stored?: Stored<KubeObject>): void {
  const pod = obj as Pod;
  // A spec shared with the stored pod (a status write) was defaulted when it was stored.
  if (!pod.spec || pod.spec === (stored as Pod | undefined)?.spec) return;
  defaultPodSpec(pod.spec);
  for (const c of [...pod.spec.containers, ...(pod.spec.initContainers ?? [])]) defaultRequestsFromLimits(c);
}

/** Only for Pods: a pod template keeps what was written, so `get deploy -o yaml` shows no requests. */
function defaultRequestsFromLimits(container: Container): void {
  const limits = container.resources?.limits;
  if (!limits || Object.keys(limits).length === 0) return;
  const requests = { ...(container.resources?.requests ?? {}) };
  for (const [name, value] of Object.entries(limits)) if (!(name in requests)) requests[name] = value;
  container.resources = { ...container.resources, requests };
}

/** SetDefaults_PersistentVolumeClaim */
export function defaultClaim(claim: PersistentVolumeClaim): void {
  claim.spec = claim.spec ?? {};
  claim.spec.volumeMode = claim.spec.volumeMode ?? 'Filesystem';
}

/** SetDefaults_StatefulSet (apps/v1), including the GA StatefulSetAutoDeletePVC retention policy. */
export function defaultStatefulSet(obj: KubeObject): void {
  const set = obj as StatefulSet;
  if (!set.spec) return;
  const spec = set.spec;
  spec.podManagementPolicy = spec.podManagementPolicy ?? 'OrderedReady';
  spec.updateStrategy = spec.updateStrategy ?? { type: 'RollingUpdate' };
  if (!spec.updateStrategy.type) spec.updateStrategy.type = 'RollingUpdate';
  if (spec.updateStrategy.type === 'RollingUpdate') {
    spec.updateStrategy.rollingUpdate = spec.updateStrategy.rollingUpdate ?? {};
    spec.updateStrategy.rollingUpdate.partition = spec.updateStrategy.rollingUpdate.partition ?? 0;
    // MaxUnavailableStatefulSet is alpha (off) in v1.34: the apiserver drops the field.
    delete spec.updateStrategy.rollingUpdate.maxUnavailable;
  }
  spec.replicas = spec.replicas ?? 1;
  spec.revisionHistoryLimit = spec.revisionHistoryLimit ?? 10;
  const retention = spec.persistentVolumeClaimRetentionPolicy;
  // Replaced only when incomplete: a defaulted spec the store shares with the stored object stays untouched.
  if (!retention?.whenDeleted || !retention.whenScaled) {
    spec.persistentVolumeClaimRetentionPolicy = {
      whenDeleted: retention?.whenDeleted ?? 'Retain',
      whenScaled: retention?.whenScaled ?? 'Retain',
    };
  }
  defaultPodTemplate(spec.template);
  for (const template of spec.volumeClaimTemplates ?? []) {
    template.apiVersion = template.apiVersion ?? 'v1';
    template.kind = template.kind ?? 'PersistentVolumeClaim';
    defaultClaim(template);
    writable(template).status = template.status ?? { phase: 'Pending' };
  }
  if (!set.status) set.status = { replicas: 0, availableReplicas: 0 };
}

/** SetDefaults_Service, with the ClusterIP allocated by the caller for non-headless services. */
export function defaultService(obj: KubeObject, allocateClusterIP: () => string): void {
  const svc = obj as Service;
  const spec = (svc.spec = svc.spec ?? {});
  spec.type = spec.type ?? 'ClusterIP';
  spec.sessionAffinity = spec.sessionAffinity ?? 'None';
  for (const port of spec.ports ?? []) {
    port.protocol = port.protocol ?? 'TCP';
    port.targetPort = port.targetPort ?? port.port;
  }
  if (!spec.clusterIP) spec.clusterIP = allocateClusterIP();
  spec.clusterIPs = spec.clusterIPs ?? [spec.clusterIP];
  spec.ipFamilies = spec.ipFamilies ?? ['IPv4'];
  spec.ipFamilyPolicy = spec.ipFamilyPolicy ?? 'SingleStack';
  spec.internalTrafficPolicy = spec.internalTrafficPolicy ?? 'Cluster';
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') {
    spec.externalTrafficPolicy = spec.externalTrafficPolicy ?? 'Cluster';
  }
  if (spec.type === 'LoadBalancer') spec.allocateLoadBalancerNodePorts = spec.allocateLoadBalancerNodePorts ?? true;
  writable(svc).status = svc.status ?? { loadBalancer: {} };
}
