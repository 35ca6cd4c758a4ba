import type { Container, Service, ServicePort } from 'kubernetes-types/core/v1';
import { ApiError } from '../api/errors';
import type { KubeObject, Stored } from '../api/meta';
import { qualifiedResource, type ResourceType } from '../api/resources';
import { FlagError, flag, parseArgs, type FlagSpec, type ParsedArgs } from './args';
import { formatApiError } from './api-error';
import { dryRunStrategy, outputFormatError, printCreated } from './create-output';
import type { KubectlHost } from './host';
import { parseLabelSpec } from './label-selector';
import { podSpecOf } from './set-image';
import { fail, warnedFirst, type CommandResult } from './output';
import { changeCause, deprecationWarnings, recordChangeCause } from './record';
import { ResourceArgError, parseResourceArgs, NO_RESOURCES } from './resource-args';

const FLAGS: FlagSpec = {
  valued: {
    namespace: 'n',
    protocol: undefined,
    port: undefined,
    type: undefined,
    'load-balancer-ip': undefined,
    selector: undefined,
    labels: 'l',
    'target-port': undefined,
    'external-ip': undefined,
    name: undefined,
    'session-affinity': undefined,
    'cluster-ip': undefined,
    'dry-run': undefined,
    output: 'o',
    'field-manager': undefined,
  },
  boolean: { 'save-config': undefined, record: undefined },
};

/** CanBeExposed: the kinds kubectl expose accepts. */
const EXPOSABLE = ['Pod', 'Service', 'ReplicationController', 'Deployment', 'ReplicaSet'];

/** DNS1035LabelMaxLength: a longer object name is cut to this for the Service's default name. */
const MAX_NAME = 63;

/**
 * `kubectl expose TYPE NAME [--port=P] [--target-port=T] [--name=N] [--type=T] [--cluster-ip=None]`
 * (ExposeServiceOptions.RunExpose): a Service whose selector, ports, protocols and labels are taken from the
 * exposed object unless given. `words` are the words after "expose".
 */
export function runExpose(host: KubectlHost, words: string[]): CommandResult {
  let args: ParsedArgs;
  try {
    args = parseArgs(words, FLAGS);
  } catch (err) {
    if (err instanceof FlagError) return fail(`error: ${err.message}\nSee 'kubectl expose --help' for usage.`);
    throw err;
  }
  args.command = ['expose'];
  return warnedFirst(expose(host, args), deprecationWarnings(args));
}

function expose(host: KubectlHost, args: ParsedArgs): CommandResult {
  const dryRun = dryRunStrategy(args);
  if (typeof dryRun !== 'string') return dryRun;
  const badOutput = outputFormatError(args);
  if (badOutput) return badOutput;
  let targets: ReturnType<typeof parseResourceArgs>;
  try {
    targets = parseResourceArgs(args.positional);
  } catch (err) {
    if (err instanceof ResourceArgError) return fail(err.message);
    throw err;
  }
  if (targets.length === 0) return fail(NO_RESOURCES);
  if (targets.some((t) => t.names.length === 0))
    return fail('error: resource(s) were provided, but no name was specified');
  const namespace = flag(args, 'namespace') ?? 'default';
  let stdout = '';
  for (const target of targets) {
    for (const name of target.names) {
      const obj = host.store.get(target.type.kind, target.type.namespaced ? namespace : '', name);
      if (!obj) {
        return {
          stdout,
          stderr: `Error from server (NotFound): ${qualifiedResource(target.type)} "${name}" not found\n`,
          exitCode: 1,
        };
      }
      const result = exposeOne(host, args, target.type, obj, namespace, dryRun);
      stdout += result.stdout;
      // The visitor stops at the first error.
      if (result.exitCode !== 0) return { ...result, stdout };
    }
  }
  return { stdout, stderr: '', exitCode: 0 };
}

function exposeOne(
  host: KubectlHost,
  args: ParsedArgs,
  type: ResourceType,
  obj: Stored<KubeObject>,
  namespace: string,
  dryRun: string,
): CommandResult {
  if (!EXPOSABLE.includes(obj.kind ?? '')) {
    return fail(`error: cannot expose a ${obj.kind}${type.group ? `.${type.group}` : ''}`);
  }
  let selector = flag(args, 'selector') ?? '';
  if (selector === '') {
    const derived = selectorFor(obj);
    if (derived.error !== undefined) {
      return fail(`error: couldn't retrieve selectors via --selector flag or introspection: ${derived.error}`);
    }
    selector = derived.selector;
  }
  const clusterIP = flag(args, 'cluster-ip') ?? '';
  let ports = flag(args, 'port') ?? '';
  if (ports === '') {
    const found = portsOf(obj);
    if (found.length === 0 && clusterIP !== 'None') {
      return fail("error: couldn't find port via --port flag or introspection");
    }
    ports = found.join(',');
  }
  const labels = flag(args, 'labels') ?? labelString(obj.metadata.labels);
  const service = serviceFor({
    name: flag(args, 'name') ?? obj.metadata.name.slice(0, MAX_NAME),
    selector,
    labels,
    ports,
    protocols: protocolsOf(obj),
    protocol: flag(args, 'protocol') ?? '',
    targetPort: flag(args, 'target-port') ?? '',
    type: flag(args, 'type') ?? '',
    externalIP: flag(args, 'external-ip') ?? '',
    loadBalancerIP: flag(args, 'load-balancer-ip') ?? '',
    sessionAffinity: flag(args, 'session-affinity') ?? '',
    clusterIP,
  });
  if (typeof service === 'string') return fail(`error: ${service}`);
  const recorded = recordChangeCause(service, changeCause(args));
  if (dryRun === 'client') {
    if (flag(args, 'namespace') !== undefined) recorded.metadata = { ...recorded.metadata, namespace };
    return printCreated(recorded, args, 'client', 'exposed');
  }
  try {
    const created = host.store.create<Service>(
      { ...recorded, metadata: { ...recorded.metadata, namespace } },
      { dryRun: dryRun === 'server' },
    );
    return printCreated(created, args, dryRun === 'server' ? 'server' : 'none', 'exposed');
  } catch (err) {
    if (err instanceof ApiError) return fail(formatApiError(err));
    throw err;
  }
}

/** MapBasedSelectorForObject */
function selectorFor(
  obj: KubeObject,
): { selector: string; error?: undefined } | { selector?: undefined; error: string } {
  if (obj.kind === 'Pod') {
    const labels = obj.metadata?.labels ?? {};
    if (Object.keys(labels).length === 0) return { error: 'the pod has no labels and cannot be exposed' };
    return { selector: labelString(labels) };
  }
  if (obj.kind === 'Service') {
    const selector = (obj as Service).spec?.selector ?? {};
    if (Object.keys(selector).length === 0) return { error: 'the service has no pod selector set' };
    return { selector: labelString(selector) };
  }
  const spec = (obj as { spec?: { selector?: { matchLabels?: Record<string, string>; matchExpressions?: unknown[] } } })
    .spec;
  if (obj.kind === 'ReplicationController') return { selector: labelString(spec?.selector as Record<string, string>) };
  if ((spec?.selector?.matchExpressions ?? []).length > 0) {
    return {
      error: `couldn't convert expressions - "${JSON.stringify(spec?.selector?.matchExpressions)}" to map-based selector format`,
    };
  }
  return { selector: labelString(spec?.selector?.matchLabels) };
}

/** PortsForObject: a Service's ports, or every container port of the pod (template). */
function portsOf(obj: KubeObject): string[] {
  if (obj.kind === 'Service') return ((obj as Service).spec?.ports ?? []).map((p) => String(p.port));
  const containers: Container[] = podSpecOf(obj)?.containers ?? [];
  return containers.flatMap((c) => (c.ports ?? []).map((p) => String(p.containerPort)));
}

/** MultiProtocolsForObject: each port's protocols. */
function protocolsOf(obj: KubeObject): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (port: number, protocol: string | undefined): void => {
    const key = String(port);
    out.set(key, [...(out.get(key) ?? []), protocol ?? 'TCP']);
  };
  if (obj.kind === 'Service') for (const p of (obj as Service).spec?.ports ?? []) add(p.port, p.protocol);
  else
    for (const c of podSpecOf(obj)?.containers ?? []) for (const p of c.ports ?? []) add(p.containerPort, p.protocol);
  return out;
}

/** MakeLabels */
function labelString(labels: Record<string, string> | undefined): string {
  return Object.entries(labels ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}

interface ServiceRequest {
  name: string;
  selector: string;
  labels: string;
  ports: string;
  protocols: Map<string, string[]>;
  protocol: string;
  targetPort: string;
  type: string;
  externalIP: string;
  loadBalancerIP: string;
  sessionAffinity: string;
  clusterIP: string;
}

/** createService, with ServiceSpec's fields in the Go struct's order for -o json. */
function serviceFor(request: ServiceRequest): Service | string {
  const selector = parseLabels(request.selector);
  if (typeof selector === 'string') return selector;
  const labels = request.labels === '' ? undefined : parseLabels(request.labels);
  if (typeof labels === 'string') return labels;
  const ports: ServicePort[] = [];
  const portList = request.ports === '' ? [] : request.ports.split(',');
  for (const [i, text] of portList.entries()) {
    if (!/^[-+]?\d+$/.test(text)) return `strconv.Atoi: parsing ${JSON.stringify(text)}: invalid syntax`;
    const port = Number(text);
    const name = portList.length > 1 ? `port-${i + 1}` : '';
    const found = request.protocols.get(text);
    if (request.protocol === '' && found && found.length > 1) {
      for (const protocol of found) ports.push({ name: `port-${i + 1}-${protocol.toLowerCase()}`, protocol, port });
      continue;
    }
    const protocol = request.protocol || (found?.length === 1 ? found[0] : 'TCP');
    ports.push(name ? { name, protocol, port } : { protocol, port });
  }
  const target = request.targetPort;
  for (const p of ports) p.targetPort = target === '' ? p.port : /^\d+$/.test(target) ? Number(target) : target;
  const spec: NonNullable<Service['spec']> = {};
  if (ports.length > 0) spec.ports = ports;
  spec.selector = selector;
  if (request.clusterIP !== '') spec.clusterIP = request.clusterIP;
  if (request.type !== '') spec.type = request.type;
  if (request.externalIP !== '') spec.externalIPs = [request.externalIP];
  if (request.sessionAffinity !== '') {
    if (!['None', 'ClientIP'].includes(request.sessionAffinity))
      return `unknown session affinity: ${request.sessionAffinity}`;
    spec.sessionAffinity = request.sessionAffinity;
  }
  if (request.type === 'LoadBalancer' && request.loadBalancerIP !== '') spec.loadBalancerIP = request.loadBalancerIP;
  return {
    // TypeMeta declares kind before apiVersion.
    kind: 'Service',
    apiVersion: 'v1',
    metadata: labels ? { name: request.name, labels } : { name: request.name },
    spec,
    status: { loadBalancer: {} },
  };
}

/** expose's parseLabels: an empty spec is an error of its own. */
function parseLabels(text: string): Record<string, string> | string {
  return text === '' ? 'no label spec passed' : parseLabelSpec(text);
}
