import type { Service, ServicePort } from 'kubernetes-types/core/v1';
import type { FieldError } from '../errors';
import { deepEqual } from '../meta';
import { child, duplicate, forbidden, index, invalidField, notSupported, required } from './field';
import { isValidPortName, isValidPortNum, nameIsDNS1035Label } from './names';
import { validateLabels, validateObjectMeta, validateObjectMetaUpdate } from './objectmeta';
import { PORT_PROTOCOLS, validateDNS1123Label } from './pod';

/** supportedServiceType, sorted */
const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const SESSION_AFFINITIES = ['ClientIP', 'None'];

function isHeadless(svc: Service): boolean {
  return svc.spec?.clusterIP === 'None';
}

/** ValidatePortNumOrName */
function validatePortNumOrName(port: number | string | undefined, path: string): FieldError[] {
  if (typeof port === 'number') return isValidPortNum(port).map((m) => invalidField(path, port, m));
  if (typeof port === 'string') {
    if (port === '') return [required(path)];
    return isValidPortName(port).map((m) => invalidField(path, port, m));
  }
  return [];
}

/** validateServicePort */
function validateServicePort(sp: ServicePort, requireName: boolean, names: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (requireName && !sp.name) {
    errs.push(required(child(path, 'name')));
  } else if (sp.name) {
    errs.push(...validateDNS1123Label(sp.name, child(path, 'name')));
    if (names.has(sp.name)) errs.push(duplicate(child(path, 'name'), sp.name));
    else names.add(sp.name);
  }
  errs.push(...isValidPortNum(sp.port ?? 0).map((m) => invalidField(child(path, 'port'), sp.port ?? 0, m)));
  if (!sp.protocol) errs.push(required(child(path, 'protocol')));
  else if (!PORT_PROTOCOLS.includes(sp.protocol)) {
    errs.push(notSupported(child(path, 'protocol'), sp.protocol, PORT_PROTOCOLS));
  }
  errs.push(...validatePortNumOrName(sp.targetPort, child(path, 'targetPort')));
  return errs;
}

/** ValidateService: name, ports (named when there are several), selector, type. */
export function validateService(svc: Service): FieldError[] {
  const errs = validateObjectMeta(svc.metadata, true, nameIsDNS1035Label);
  const spec = svc.spec ?? {};
  const ports = spec.ports ?? [];
  if (ports.length === 0 && !isHeadless(svc) && spec.type !== 'ExternalName') errs.push(required('spec.ports'));
  const names = new Set<string>();
  ports.forEach((p, i) => errs.push(...validateServicePort(p, ports.length > 1, names, index('spec.ports', i))));
  if (spec.selector) errs.push(...validateLabels(spec.selector, 'spec.selector'));
  if (!spec.sessionAffinity) errs.push(required('spec.sessionAffinity'));
  else if (!SESSION_AFFINITIES.includes(spec.sessionAffinity)) {
    errs.push(notSupported('spec.sessionAffinity', spec.sessionAffinity, SESSION_AFFINITIES));
  }
  if (!spec.type) errs.push(required('spec.type'));
  else if (!SERVICE_TYPES.includes(spec.type)) errs.push(notSupported('spec.type', spec.type, SERVICE_TYPES));
  errs.push(...validateNodePorts(spec.type, ports));
  return errs;
}

/** ValidateService's node port rules: none on a ClusterIP Service, and no node port twice for one protocol. */
function validateNodePorts(type: string | undefined, ports: ServicePort[]): FieldError[] {
  const errs: FieldError[] = [];
  if (type === 'ClusterIP') {
    ports.forEach((p, i) => {
      if (p.nodePort)
        errs.push(forbidden(`${index('spec.ports', i)}.nodePort`, "may not be used when `type` is 'ClusterIP'"));
    });
  }
  const seen = new Set<string>();
  ports.forEach((p, i) => {
    if (!p.nodePort) return;
    const key = `${p.protocol}/${p.nodePort}`;
    if (seen.has(key)) errs.push(duplicate(`${index('spec.ports', i)}.nodePort`, p.nodePort));
    seen.add(key);
  });
  return errs;
}

/**
 * ValidateServiceUpdate: metadata, the service itself, and the cluster IP, which may not change once set (the
 * registry first copies a changed clusterIP into clusterIPs, so the error shows the new list).
 */
export function validateServiceUpdate(svc: Service, old: Service): FieldError[] {
  const errs = [
    ...validateObjectMetaUpdate(svc.metadata ?? {}, old.metadata ?? {}),
    ...validateService(svc).filter((e) => !e.path.startsWith('metadata.name')),
  ];
  const oldIP = old.spec?.clusterIP;
  const newIP = svc.spec?.clusterIP;
  if (oldIP && newIP && oldIP !== newIP) {
    let ips = svc.spec?.clusterIPs ?? [newIP];
    if (deepEqual(ips, old.spec?.clusterIPs)) ips = [newIP];
    errs.push(invalidField('spec.clusterIPs[0]', ips, 'may not change once set'));
  }
  return errs;
}
