import type { Service, ServicePort } from 'kubernetes-types/core/v1';
import { ApiError } from '../api/errors';
import { FlagError, flag, parseArgs, type FlagSpec, type ParsedArgs } from './args';
import { dryRunStrategy, int32FlagError, outputFormatError, printCreated, usageError } from './create-output';
import type { KubectlHost } from './host';
import { fail, subcommandRequired, type CommandResult } from './output';

/** The `kubectl create service` subcommands and the Service type each makes. */
const SERVICE_TYPES: Record<string, string> = {
  clusterip: 'ClusterIP',
  nodeport: 'NodePort',
  loadbalancer: 'LoadBalancer',
  externalname: 'ExternalName',
};

const COMMON_VALUED = {
  namespace: 'n',
  tcp: undefined,
  'dry-run': undefined,
  output: 'o',
  'field-manager': undefined,
};

/** Each subcommand's own flags, as NewCmdCreateService* registers them. */
const FLAGS: Record<string, FlagSpec> = {
  clusterip: { valued: { ...COMMON_VALUED, clusterip: undefined }, boolean: { 'save-config': undefined } },
  nodeport: { valued: { ...COMMON_VALUED, 'node-port': undefined }, boolean: { 'save-config': undefined } },
  loadbalancer: { valued: COMMON_VALUED, boolean: { 'save-config': undefined } },
  externalname: { valued: { ...COMMON_VALUED, 'external-name': undefined }, boolean: { 'save-config': undefined } },
};

/** DNS-1123 subdomain, as IsDNS1123Subdomain checks an external name. */
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/**
 * `kubectl create service clusterip|nodeport|loadbalancer|externalname NAME [--tcp=PORT[:TARGET]]...`
 * (ServiceOptions): a Service labelled and selecting app=NAME. `words` are the words after "service".
 */
export function runCreateService(host: KubectlHost, words: string[]): CommandResult {
  const typeAt = words.findIndex((w) => !w.startsWith('-'));
  const subcommand = typeAt >= 0 ? words[typeAt] : undefined;
  if (subcommand === undefined || !(subcommand in SERVICE_TYPES)) {
    // DefaultSubCommandRun: arguments that name no subcommand are a usage error; none at all shows the help.
    return subcommandRequired(
      'create service',
      words.filter((w) => !w.startsWith('-')),
      Object.keys(SERVICE_TYPES).sort(),
    );
  }
  const command = `create service ${subcommand}`;
  const rest = [...words];
  rest.splice(typeAt, 1);
  let args: ParsedArgs;
  try {
    args = parseArgs(rest, FLAGS[subcommand]);
  } catch (err) {
    if (err instanceof FlagError) return fail(`error: ${err.message}\nSee 'kubectl ${command} --help' for usage.\n`);
    throw err;
  }
  const badNodePort = int32FlagError(args, 'node-port');
  if (badNodePort) return fail(`error: ${badNodePort}\nSee 'kubectl ${command} --help' for usage.\n`);
  if (subcommand === 'externalname' && flag(args, 'external-name') === undefined) {
    return fail('error: required flag(s) "external-name" not set\n');
  }
  if (args.positional.length !== 1) {
    return usageError(command, `exactly one NAME is required, got ${args.positional.length}`);
  }
  const dryRun = dryRunStrategy(args);
  if (typeof dryRun !== 'string') return dryRun;
  const badOutput = outputFormatError(args);
  if (badOutput) return badOutput;
  const type = SERVICE_TYPES[subcommand];
  const invalid = validate(args, type);
  if (invalid) return fail(`error: ${invalid}\n`);
  const service = serviceFor(args, type);
  if (typeof service === 'string') return fail(`error: ${service}\n`);
  if (dryRun === 'client') return printCreated(service, args, dryRun);
  const namespace = flag(args, 'namespace') ?? 'default';
  try {
    const created = host.store.create<Service>(
      { ...service, metadata: { ...service.metadata, namespace } },
      { dryRun: dryRun === 'server' },
    );
    return printCreated(created, args, dryRun);
  } catch (err) {
    if (err instanceof ApiError) return fail(`error: failed to create ${type} service: ${err.message}\n`);
    throw err;
  }
}

function tcpSpecs(args: ParsedArgs): string[] {
  return (args.flags.get('tcp') ?? []).flatMap((v) => v.split(','));
}

/** ServiceOptions.Validate */
function validate(args: ParsedArgs, type: string): string | undefined {
  const clusterIP = flag(args, 'clusterip') ?? '';
  if (clusterIP === 'None' && type !== 'ClusterIP')
    return 'ClusterIP=None can only be used with ClusterIP service type';
  if (clusterIP !== 'None' && tcpSpecs(args).length === 0 && type !== 'ExternalName') {
    return 'at least one tcp port specifier must be provided';
  }
  const externalName = flag(args, 'external-name') ?? '';
  if (type === 'ExternalName' && (externalName.length > 253 || !DNS1123_SUBDOMAIN.test(externalName))) {
    return `invalid service external name ${externalName}`;
  }
  return undefined;
}

/** createService: one TCP port per --tcp, named after the spec with ":" turned into "-". */
function serviceFor(args: ParsedArgs, type: string): Service | string {
  const ports: ServicePort[] = [];
  const nodePort = Number(flag(args, 'node-port') ?? 0);
  for (const spec of tcpSpecs(args)) {
    const parsed = parsePorts(spec);
    if (typeof parsed === 'string') return parsed;
    const port: ServicePort = {
      name: spec.replace(/:/g, '-'),
      protocol: 'TCP',
      port: parsed.port,
      targetPort: parsed.target,
    };
    if (nodePort !== 0) port.nodePort = nodePort;
    ports.push(port);
  }
  const name = args.positional[0];
  const namespace = flag(args, 'namespace');
  const labels = { app: name };
  // ServiceSpec's fields in the Go struct's order, which -o json keeps.
  const spec: NonNullable<Service['spec']> = {};
  if (ports.length > 0) spec.ports = ports;
  spec.selector = { ...labels };
  const clusterIP = flag(args, 'clusterip');
  if (clusterIP) spec.clusterIP = clusterIP;
  spec.type = type;
  const externalName = flag(args, 'external-name');
  if (externalName) spec.externalName = externalName;
  return {
    // TypeMeta declares kind before apiVersion.
    kind: 'Service',
    apiVersion: 'v1',
    metadata: namespace ? { name, namespace, labels } : { name, labels },
    spec,
    status: { loadBalancer: {} },
  };
}

/** parsePorts: "PORT" or "PORT:TARGET", where TARGET is a number or a port name. */
export function parsePorts(spec: string): { port: number; target: number | string } | string {
  const [portText, targetText] = spec.split(':');
  // utilsnet.ParsePort with allowZero: strconv.ParseUint(port, 10, 16).
  if (!/^\d+$/.test(portText)) return `strconv.ParseUint: parsing ${JSON.stringify(portText)}: invalid syntax`;
  if (Number(portText) > 65535) return `strconv.ParseUint: parsing ${JSON.stringify(portText)}: value out of range`;
  const port = Number(portText);
  if (targetText === undefined) return { port, target: port };
  if (/^[-+]?\d+$/.test(targetText)) {
    const n = Number(targetText);
    if (n < 1 || n > 65535) return 'must be between 1 and 65535, inclusive';
    return { port, target: n };
  }
  const nameError = portNameError(targetText);
  return nameError ?? { port, target: targetText };
}

/** IsValidPortName's messages, joined with "," as parsePorts joins them. */
function portNameError(name: string): string | undefined {
  const errs: string[] = [];
  if (name.length > 15) errs.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(name)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(name)) errs.push('must contain at least one letter (a-z)');
  if (name.includes('--')) errs.push('must not contain consecutive hyphens');
  if (name.startsWith('-') || name.endsWith('-')) errs.push('must not begin or end with a hyphen');
  return errs.length > 0 ? errs.join(',') : undefined;
}
