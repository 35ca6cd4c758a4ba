import type { Container, ContainerPort, Pod, PodSpec, PodTemplateSpec, Volume } from 'kubernetes-types/core/v1';
import type { FieldError } from '../errors';
import {
  child,
  duplicate,
  index,
  invalidField,
  notFoundField,
  notSupported,
  required,
  validateNonnegative,
} from './field';
import { validateResourceRequirements } from './resources';
import { isDNS1123Label, isValidPortName, isValidPortNum, nameIsDNSSubdomain } from './names';
import { validateAnnotations, validateLabels, validateObjectMeta, validateObjectMetaUpdate } from './objectmeta';

/** supportedPortProtocols, sorted as sets.List returns them. */
export const PORT_PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'];
/** The volume sources the simulator knows; a volume must name exactly one. */
const VOLUME_SOURCES = [
  'hostPath',
  'emptyDir',
  'secret',
  'configMap',
  'persistentVolumeClaim',
  'projected',
  'downwardAPI',
  'ephemeral',
  'nfs',
  'csi',
];

/** ValidateDNS1123Label */
export function validateDNS1123Label(value: string, path: string): FieldError[] {
  return isDNS1123Label(value).map((msg) => invalidField(path, value, msg));
}

/** validateContainerPorts */
export function validateContainerPorts(ports: ContainerPort[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  (ports ?? []).forEach((port, i) => {
    const p = index(path, i);
    if (port.name) {
      const msgs = isValidPortName(port.name);
      if (msgs.length > 0) errs.push(...msgs.map((m) => invalidField(child(p, 'name'), port.name, m)));
      else if (names.has(port.name)) errs.push(duplicate(child(p, 'name'), port.name));
      else names.add(port.name);
    }
    if (!port.containerPort) errs.push(required(child(p, 'containerPort')));
    else
      errs.push(
        ...isValidPortNum(port.containerPort).map((m) =>
          invalidField(child(p, 'containerPort'), port.containerPort, m),
        ),
      );
    if (port.hostPort) {
      errs.push(...isValidPortNum(port.hostPort).map((m) => invalidField(child(p, 'hostPort'), port.hostPort, m)));
    }
    if (!port.protocol) errs.push(required(child(p, 'protocol')));
    else if (!PORT_PROTOCOLS.includes(port.protocol))
      errs.push(notSupported(child(p, 'protocol'), port.protocol, PORT_PROTOCOLS));
  });
  return errs;
}

/** validateVolumes: returns the errors and the volume names a mount may refer to. */
export function validateVolumes(
  volumes: Volume[] | undefined,
  path: string,
): { errs: FieldError[]; names: Set<string> } {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  (volumes ?? []).forEach((vol, i) => {
    const p = index(path, i);
    const sources = VOLUME_SOURCES.filter((s) => (vol as unknown as Record<string, unknown>)[s] !== undefined);
    if (sources.length === 0) errs.push(required(p, 'must specify a volume type'));
    if (!vol.name) errs.push(required(child(p, 'name')));
    else errs.push(...validateDNS1123Label(vol.name, child(p, 'name')));
    if (vol.name && names.has(vol.name)) errs.push(duplicate(child(p, 'name'), vol.name));
    else if (vol.name) names.add(vol.name);
  });
  return { errs, names };
}

/** validateContainerCommon + the per-container checks of validateContainers. */
function validateContainer(c: Container, volumes: Set<string> | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!c.name) errs.push(required(child(path, 'name')));
  else errs.push(...validateDNS1123Label(c.name, child(path, 'name')));
  if (!c.image) errs.push(required(child(path, 'image')));
  if (!c.imagePullPolicy) errs.push(required(child(path, 'imagePullPolicy')));
  else if (!PULL_POLICIES.includes(c.imagePullPolicy)) {
    errs.push(notSupported(child(path, 'imagePullPolicy'), c.imagePullPolicy, PULL_POLICIES));
  }
  errs.push(...validateContainerPorts(c.ports, child(path, 'ports')));
  errs.push(...validateResourceRequirements(c.resources, child(path, 'resources')));
  (c.volumeMounts ?? []).forEach((m, i) => {
    const p = index(child(path, 'volumeMounts'), i);
    if (!m.name) errs.push(required(child(p, 'name')));
    else if (volumes && !volumes.has(m.name)) errs.push(notFoundField(child(p, 'name'), m.name));
    if (!m.mountPath) errs.push(required(child(p, 'mountPath')));
  });
  return errs;
}

/** validateContainers */
export function validateContainers(
  containers: Container[] | undefined,
  volumes: Set<string> | undefined,
  path: string,
): FieldError[] {
  const list = containers ?? [];
  if (list.length === 0) return [required(path)];
  const errs: FieldError[] = [];
  const names = new Set<string>();
  list.forEach((c, i) => {
    const p = index(path, i);
    errs.push(...validateContainer(c, volumes, p));
    if (c.name && names.has(c.name)) errs.push(duplicate(child(p, 'name'), c.name));
    else if (c.name) names.add(c.name);
  });
  return errs;
}

/**
 * ValidatePodSpec (the parts the simulator models). `volumes` is the set of volume names mounts may use; pass
 * undefined to skip that check (a StatefulSet adds its claim volumes later).
 */
export function validatePodSpec(spec: PodSpec | undefined, path: string, extraVolumes: string[] = []): FieldError[] {
  const s = spec ?? ({} as PodSpec);
  const { errs, names } = validateVolumes(s.volumes, child(path, 'volumes'));
  for (const v of extraVolumes) names.add(v);
  errs.push(...validateContainers(s.containers, names, child(path, 'containers')));
  if (s.initContainers)
    errs.push(
      ...validateContainers(s.initContainers, names, child(path, 'initContainers')).filter(
        (e) => e.path !== child(path, 'initContainers'),
      ),
    );
  if (!s.restartPolicy) errs.push(required(child(path, 'restartPolicy')));
  else if (!RESTART_POLICIES.includes(s.restartPolicy)) {
    errs.push(notSupported(child(path, 'restartPolicy'), s.restartPolicy, RESTART_POLICIES));
  }
  if (s.dnsPolicy && !DNS_POLICIES.includes(s.dnsPolicy)) {
    errs.push(notSupported(child(path, 'dnsPolicy'), s.dnsPolicy, DNS_POLICIES));
  }
  errs.push(...validateLabels(s.nodeSelector, child(path, 'nodeSelector')));
  if (s.terminationGracePeriodSeconds !== undefined) {
    errs.push(...validateNonnegative(s.terminationGracePeriodSeconds, child(path, 'terminationGracePeriodSeconds')));
  }
  if (s.activeDeadlineSeconds !== undefined && s.activeDeadlineSeconds <= 0) {
    errs.push(
      invalidField(
        child(path, 'activeDeadlineSeconds'),
        s.activeDeadlineSeconds,
        'must be between 1 and 2147483647, inclusive',
      ),
    );
  }
  return errs;
}

/**
 * ValidatePodTemplateSpec: note the apiserver reports template label errors at `<path>.labels`, not
 * `<path>.metadata.labels`.
 */
export function validatePodTemplateSpec(template: PodTemplateSpec | undefined, path: string): FieldError[] {
  if (!template) return [required(path)];
  return [
    ...validateLabels(template.metadata?.labels, child(path, 'labels')),
    ...validateAnnotations(template.metadata?.annotations, child(path, 'annotations')),
    ...validatePodSpec(template.spec, child(path, 'spec')),
  ];
}

/** ValidatePod */
export function validatePod(pod: Pod): FieldError[] {
  return [...validateObjectMeta(pod.metadata, true, nameIsDNSSubdomain), ...validatePodSpec(pod.spec, 'spec')];
}

/**
 * ValidatePodUpdate, reduced to what the simulator's writers can change: metadata, and a container image that may
 * not be emptied.
 */
export function validatePodUpdate(pod: Pod, old: Pod): FieldError[] {
  const errs = validateObjectMetaUpdate(pod.metadata ?? {}, old.metadata ?? {});
  (pod.spec?.containers ?? []).forEach((c, i) => {
    if (!c.image) errs.push(required(child(index('spec.containers', i), 'image')));
  });
  return errs;
}
