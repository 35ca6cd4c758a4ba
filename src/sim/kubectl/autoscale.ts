import type { HorizontalPodAutoscaler, MetricSpec, MetricTarget } from 'kubernetes-types/autoscaling/v2';
import { ApiError } from '../api/errors';
import { apiVersionOf, qualifiedResource, type ResourceType } from '../api/resources';
import { canonicalQuantity } from '../api/quantity-canonical';
import { FlagError, flag, parseArgs, type FlagSpec, type ParsedArgs } from './args';
import { formatApiError } from './api-error';
import { dryRunStrategy, int32FlagError, outputFormatError, printCreated, type DryRun } from './create-output';
import type { KubectlHost } from './host';
import { fail, type CommandResult } from './output';
import { NO_RESOURCES, ResourceArgError, parseResourceArgs } from './resource-args';
import { RECORD_DEPRECATED, changeCause, deprecationWarnings, recordChangeCause } from './record';

const FLAGS: FlagSpec = {
  valued: {
    namespace: 'n',
    min: undefined,
    max: undefined,
    'cpu-percent': undefined,
    cpu: undefined,
    memory: undefined,
    name: undefined,
    'dry-run': undefined,
    output: 'o',
    'field-manager': undefined,
    filename: 'f',
  },
  boolean: { 'save-config': undefined, record: undefined },
};

/** The kinds whose scale subresource discovery lists, of those this cluster serves. */
const SCALABLE = ['Deployment', 'ReplicaSet', 'StatefulSet'];

const CPU_PERCENT_DEPRECATED =
  "Flag --cpu-percent has been deprecated, Use --cpu with percentage or resource quantity format (e.g., '70%' for utilization or '500m' for milliCPU).\n";

/** A --cpu or --memory target: a utilization percentage, an average quantity, or why it is neither. */
type ResourceInput = { utilization: number } | { averageValue: string } | { error: string };

/**
 * parseResourceInput: "70%" is a utilization; a bare number is milli-CPU or mebibytes; anything else must be a
 * quantity with its unit.
 */
export function parseResourceInput(input: string, resource: 'cpu' | 'memory'): ResourceInput {
  const text = input.trim();
  if (text === '') return { error: 'empty input' };
  if (text.endsWith('%')) {
    const digits = text.slice(0, -1);
    const value = /^[-+]?\d+$/.test(digits) ? Number(digits) : NaN;
    if (!Number.isInteger(value) || value < 0 || value > 2147483647) {
      return { error: `invalid percentage value: ${digits}` };
    }
    return { utilization: value };
  }
  const bare = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text) ? Number(text) : NaN;
  const withUnit = Number.isFinite(bare) ? `${bare}${resource === 'cpu' ? 'm' : 'Mi'}` : text;
  const canonical = canonicalQuantity(withUnit);
  if (canonical instanceof Error) {
    return Number.isFinite(bare)
      ? { error: canonical.message }
      : { error: `invalid resource ${resource} value: ${text}` };
  }
  return { averageValue: canonical };
}

/** One Resource metric in the Go struct's field order (type, then the source). */
function resourceMetric(name: 'cpu' | 'memory', input: { utilization: number } | { averageValue: string }): MetricSpec {
  const target: MetricTarget =
    'utilization' in input
      ? { type: 'Utilization', averageUtilization: input.utilization }
      : { type: 'AverageValue', averageValue: input.averageValue };
  return { type: 'Resource', resource: { name, target } };
}

/**
 * `kubectl autoscale (TYPE NAME | TYPE/NAME) [--min=MINPODS] --max=MAXPODS [--cpu=CPU] [--memory=MEMORY]`
 * (AutoscaleOptions): an autoscaling/v2 HorizontalPodAutoscaler whose scaleTargetRef is the named workload.
 * `words` are the words after "autoscale".
 */
export function runAutoscale(host: KubectlHost, words: string[]): CommandResult {
  let args: ParsedArgs;
  try {
    args = parseArgs(words, FLAGS);
  } catch (err) {
    if (err instanceof FlagError) return fail(`error: ${err.message}\nSee 'kubectl autoscale --help' for usage.`);
    throw err;
  }
  for (const name of ['min', 'max', 'cpu-percent']) {
    const bad = int32FlagError(args, name);
    if (bad) return fail(`error: ${bad}\nSee 'kubectl autoscale --help' for usage.`);
  }
  args.command = ['autoscale'];
  // pflag warns of a deprecated flag as it parses it, before cobra checks the required ones.
  const warning = deprecationWarnings(args, { 'cpu-percent': CPU_PERCENT_DEPRECATED, record: RECORD_DEPRECATED });
  const refuse = (message: string): CommandResult => ({ stdout: '', stderr: `${warning}${message}\n`, exitCode: 1 });
  if (flag(args, 'max') === undefined) return refuse('error: required flag(s) "max" not set');
  if (flag(args, 'filename') !== undefined) return refuse('kubesim: kubectl autoscale -f is not simulated');
  const dryRun = dryRunStrategy(args);
  if (typeof dryRun !== 'string') return { ...dryRun, stderr: warning + dryRun.stderr };
  const badOutput = outputFormatError(args);
  if (badOutput) return { ...badOutput, stderr: warning + badOutput.stderr };
  const min = Number(flag(args, 'min') ?? -1);
  const max = Number(flag(args, 'max'));
  const cpuPercent = Number(flag(args, 'cpu-percent') ?? -1);
  const cpu = flag(args, 'cpu') ?? '';
  const memory = flag(args, 'memory') ?? '';
  // Validate
  if (max < 1) return refuse(`error: --max=MAXPODS is required and must be at least 1, max: ${max}`);
  if (max < min) {
    return refuse(`error: --max=MAXPODS must be larger or equal to --min=MINPODS, max: ${max}, min: ${min}`);
  }
  if (cpuPercent > 0 && cpu !== '') return refuse('error: --cpu-percent and --cpu are mutually exclusive');
  const metrics: MetricSpec[] = [];
  if (cpuPercent > 0) metrics.push(resourceMetric('cpu', { utilization: cpuPercent }));
  for (const [resource, text] of [
    ['cpu', cpu],
    ['memory', memory],
  ] as const) {
    if (text === '') continue;
    const input = parseResourceInput(text, resource);
    if ('error' in input) return refuse(`error: ${input.error}`);
    metrics.push(resourceMetric(resource, input));
  }
  let targets: ReturnType<typeof parseResourceArgs>;
  try {
    targets = parseResourceArgs(args.positional);
  } catch (err) {
    if (err instanceof ResourceArgError) return refuse(err.message);
    throw err;
  }
  if (targets.length === 0) return refuse(NO_RESOURCES.replace(/\n$/, ''));
  const namespace = flag(args, 'namespace') ?? 'default';
  const plan: Plan = { min, max, metrics, cpuPercent, memory, dryRun };
  let stdout = '';
  for (const target of targets) {
    for (const name of target.names) {
      const result = autoscaleOne(host, args, target.type, name, namespace, plan);
      stdout += result.stdout;
      // The visitor stops at the first error.
      if (result.exitCode !== 0) {
        return {
          stdout,
          stderr: warning + result.stderr,
          exitCode: result.exitCode,
          stderrBeforeStdout: warning.length,
        };
      }
    }
  }
  return { stdout, stderr: warning, exitCode: 0, stderrBeforeStdout: warning.length };
}

interface Plan {
  min: number;
  max: number;
  metrics: MetricSpec[];
  cpuPercent: number;
  memory: string;
  dryRun: DryRun;
}

function autoscaleOne(
  host: KubectlHost,
  args: ParsedArgs,
  type: ResourceType,
  name: string,
  namespace: string,
  plan: Plan,
): CommandResult {
  if (!host.store.get(type.kind, type.namespaced ? namespace : '', name)) {
    return fail(`Error from server (NotFound): ${qualifiedResource(type)} "${name}" not found`);
  }
  if (!SCALABLE.includes(type.kind)) {
    const gvr = `${type.group}/${type.version}, Resource=${type.plural}`;
    return fail(
      `error: cannot autoscale a ${type.kind}: could not find scale subresource for ${gvr} in discovery information`,
    );
  }
  const hpa = recordChangeCause(newAutoscaler(args, type, name, plan), changeCause(args));
  if (plan.dryRun === 'client') return printCreated(hpa, args, 'client');
  const { status: _status, ...request } = hpa;
  try {
    const created = host.store.create<HorizontalPodAutoscaler>(
      { ...request, metadata: { ...request.metadata, namespace } },
      { dryRun: plan.dryRun === 'server' },
    );
    return printCreated(created, args, plan.dryRun, 'autoscaled');
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    // On a refused autoscaling/v2 create kubectl tries autoscaling/v1 if canCreateHPAV1 allows. That parses --cpu
    // first, so without --cpu it stops at "empty input" and reports that instead of the apiserver's answer.
    const cpu = parseResourceInput(flag(args, 'cpu') ?? '', 'cpu');
    const incompatible =
      'error: failed to create autoscaling/v2 HPA and the configuration is incompatible with autoscaling/v1';
    if ('error' in cpu) return fail(`${incompatible}: ${cpu.error}`);
    if (plan.memory !== '' || (plan.cpuPercent < 0 && !('utilization' in cpu))) {
      return fail(`${incompatible}: %!w(<nil>)`);
    }
    // The autoscaling/v1 object has the same name and target, so the apiserver refuses it for the same reason.
    return fail(formatApiError(err));
  }
}

/** createHorizontalPodAutoscalerV2, its fields in the Go structs' declaration order. */
function newAutoscaler(args: ParsedArgs, type: ResourceType, name: string, plan: Plan): HorizontalPodAutoscaler {
  const hpaName = flag(args, 'name') || name;
  const namespace = flag(args, 'namespace');
  return {
    kind: 'HorizontalPodAutoscaler',
    apiVersion: 'autoscaling/v2',
    metadata: namespace !== undefined ? { name: hpaName, namespace } : { name: hpaName },
    spec: {
      scaleTargetRef: { kind: type.kind, name, apiVersion: apiVersionOf(type) },
      ...(plan.min > 0 ? { minReplicas: plan.min } : {}),
      maxReplicas: plan.max,
      ...(plan.metrics.length > 0 ? { metrics: plan.metrics } : {}),
    },
    status: { desiredReplicas: 0 },
  };
}
