import type { Container, EnvVar, Pod, Service } from 'kubernetes-types/core/v1';
import { ApiError } from '../api/errors';
import type { Stored } from '../api/meta';
import { parseDuration } from '../clock';
import { boolFlag, flag, parseArgs, type FlagSpec } from './args';
import { formatApiError } from './api-error';
import type { KubectlHost } from './host';
import { dryRunSuffix, outputFormatError, printCreated } from './create-output';
import { parseLabelSpec } from './label-selector';
import { fail, type CommandResult } from './output';

const RUN_FLAGS: FlagSpec = {
  valued: {
    namespace: 'n',
    image: undefined,
    restart: undefined,
    labels: 'l',
    env: undefined,
    port: undefined,
    'image-pull-policy': undefined,
    'pod-running-timeout': undefined,
    'dry-run': undefined,
    output: 'o',
  },
  boolean: {
    rm: undefined,
    stdin: 'i',
    tty: 't',
    attach: undefined,
    command: undefined,
    quiet: 'q',
    'leave-stdin-open': undefined,
    expose: undefined,
  },
};

/** distribution/reference's ReferenceRegexp: [domain[:port]/]path[:tag][@digest]. */
const IMAGE_REFERENCE =
  /^(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*(?::[0-9]+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$/;

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const PROMPT = "If you don't see a command prompt, try pressing enter.\n";

/**
 * `kubectl run NAME --image=IMAGE [flags] [-- COMMAND [args...]]` (RunOptions.Complete, Validate and Run): creates a
 * Pod labelled run=NAME with one container of that name (and with --expose a Service in front of it). With -i or --attach it waits for the pod to run, shows
 * what the container prints until its process ends, with --rm deletes the pod, and with restart Never or
 * OnFailure ends with the container's exit code. `words` are the words after "run".
 */
export function runPodRun(host: KubectlHost, words: string[]): CommandResult {
  const dash = words.indexOf('--');
  const args = parseArgs(dash >= 0 ? words.slice(0, dash) : words, RUN_FLAGS);
  const positional = [...args.positional, ...(dash >= 0 ? words.slice(dash + 1) : [])];
  // cobra checks required flags before the command runs.
  const image = flag(args, 'image');
  if (image === undefined) return fail('error: required flag(s) "image" not set');
  // Complete: labels, environment, restart and pull policies, the dry-run strategy.
  const labels = parseLabels(flag(args, 'labels') ?? '');
  if (typeof labels === 'string') return fail(`error: ${labels}`);
  const env = parseEnv(args.flags.get('env') ?? []);
  if (typeof env === 'string') return fail(`error: ${env}`);
  const interactive = boolFlag(args, 'stdin');
  const restart = flag(args, 'restart') ?? 'Always';
  const restartPolicy = restart === '' ? (interactive ? 'OnFailure' : 'Always') : restart;
  if (!RESTART_POLICIES.includes(restartPolicy)) {
    return fail(`error: invalid restart policy: ${restart}, valid values are: Always, OnFailure, Never`);
  }
  const pullPolicy = flag(args, 'image-pull-policy') ?? '';
  if (pullPolicy !== '' && !['Always', 'IfNotPresent', 'Never'].includes(pullPolicy)) {
    return fail(`error: invalid image pull policy: ${pullPolicy}`);
  }
  const dryRun = flag(args, 'dry-run') ?? 'none';
  if (!['none', 'client', 'server'].includes(dryRun)) {
    return fail(`error: Invalid dry-run value (${dryRun}). Must be "none", "server", or "client".`);
  }
  const tty = boolFlag(args, 'tty');
  const attach = args.flags.has('attach') ? boolFlag(args, 'attach') : interactive;
  const port = flag(args, 'port') ?? '';
  // Validate: `kubectl run --image=x -- y` has its ArgsLenAtDash at 0, which counts as no name.
  if (positional.length === 0 || args.positional.length === 0) return fail('error: NAME is required for run');
  if (image === '') return fail('error: --image is required');
  if (!IMAGE_REFERENCE.test(image)) return fail(`error: invalid image name "${image}": invalid reference format`);
  if (tty && !interactive) return fail('error: -i/--stdin is required for containers with -t/--tty=true');
  const expose = boolFlag(args, 'expose');
  if (expose && port === '') return fail('error: --port must be set when exposing a service');
  if (port !== '' && !/^[-+]?\d+$/.test(port)) return fail('error: --port must be a number');
  if (!attach && boolFlag(args, 'rm')) return fail('error: --rm should only be used for attached containers');
  if (attach && dryRun !== 'none') {
    return fail(
      "error: --dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)",
    );
  }
  const output = flag(args, 'output');
  if (output !== undefined) {
    if (attach) return fail('error: kubesim: kubectl run -o with an attached session is not simulated');
    const badOutput = outputFormatError(args);
    if (badOutput) return badOutput;
  }
  const [name, ...commandArgs] = positional;
  const namespace = flag(args, 'namespace') ?? 'default';
  // The generator's Pod, its fields in the Go structs' order, which -o json keeps.
  const container: Container = { name, image };
  if (commandArgs.length > 0) {
    if (boolFlag(args, 'command')) container.command = commandArgs;
    else container.args = commandArgs;
  }
  if (port !== '') container.ports = [{ containerPort: Number(port) }];
  if (env.length > 0) container.env = env;
  container.resources = {};
  if (pullPolicy !== '') container.imagePullPolicy = pullPolicy;
  if (interactive) {
    container.stdin = true;
    container.stdinOnce = !boolFlag(args, 'leave-stdin-open');
  }
  if (tty) container.tty = true;
  const pod: Pod = {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata: { name, labels: labels ?? { run: name } },
    spec: { containers: [container], restartPolicy, dnsPolicy: 'ClusterFirst' },
    status: {},
  };
  if (dryRun === 'client') return printCreated(pod, args, 'client');
  const serverDryRun = { dryRun: dryRun === 'server' };
  let created: Stored<Pod>;
  try {
    const { status: _status, ...request } = pod;
    created = host.store.create<Pod>({ ...request, metadata: { ...request.metadata, namespace } }, serverDryRun);
  } catch (err) {
    if (err instanceof ApiError) return fail(formatApiError(err));
    throw err;
  }
  // --expose: a ClusterIP Service selecting the pod's labels, naming only the labels the user gave.
  let serviceError = '';
  let service: Stored<Service> | undefined;
  if (expose) {
    try {
      service = host.store.create<Service>(
        {
          apiVersion: 'v1',
          kind: 'Service',
          metadata: labels ? { name, namespace, labels } : { name, namespace },
          spec: {
            selector: labels ?? { run: name },
            ports: [{ port: Number(port), protocol: 'TCP', targetPort: Number(port) }],
          },
        },
        serverDryRun,
      );
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      serviceError = `${formatApiError(err)}\n`;
    }
  }
  if (!attach) {
    const suffix = dryRunSuffix(dryRun === 'server' ? 'server' : 'none');
    const printed =
      output === undefined
        ? `pod/${name} created${suffix}\n${service ? `service/${name} created${suffix}\n` : ''}`
        : printObjects(args, [created, ...(service ? [service] : [])]);
    return { stdout: printed, stderr: serviceError, exitCode: serviceError ? 1 : 0 };
  }
  const timeout = flag(args, 'pod-running-timeout');
  return attachToRun(host, created, service, {
    timeoutMs: timeout ? parseDuration(timeout) : 60_000,
    remove: boolFlag(args, 'rm'),
    quiet: boolFlag(args, 'quiet'),
    waitForExitCode: !boolFlag(args, 'leave-stdin-open') && restartPolicy !== 'Always',
  });
}

interface AttachOptions {
  timeoutMs: number;
  remove: boolean;
  quiet: boolean;
  waitForExitCode: boolean;
}

/** handleAttachPod and what follows it in RunOptions.Run, in virtual time. */
function attachToRun(
  host: KubectlHost,
  created: Stored<Pod>,
  service: Stored<Service> | undefined,
  options: AttachOptions,
): CommandResult {
  const { namespace = 'default', name } = created.metadata;
  const container = created.spec?.containers[0]?.name ?? name;
  const current = (): Stored<Pod> | undefined => {
    const pod = host.store.get<Pod>('Pod', namespace, name);
    return pod?.metadata.uid === created.metadata.uid ? pod : undefined;
  };
  let stdout = '';
  let stderr = '';
  let stderrBeforeStdout: number | undefined;
  const finish = (exitCode: number): CommandResult => {
    // The deferred removeCreatedObjects: deleted without waiting, whatever the attach came to.
    if (options.remove && current()) {
      host.store.delete('Pod', namespace, name);
      stdout += `pod "${name}" deleted from ${namespace} namespace\n`;
    }
    if (options.remove && service && host.store.get('Service', namespace, name)) {
      host.store.delete('Service', namespace, name);
      stdout += `service "${name}" deleted from ${namespace} namespace\n`;
    }
    return stderrBeforeStdout === undefined
      ? { stdout, stderr, exitCode }
      : { stdout, stderr, exitCode, stderrBeforeStdout };
  };
  // waitForPod(podRunningAndReady): a pod that already ran to completion is shown through its log instead.
  let state: 'running' | 'completed' | 'gone' | undefined;
  host.waitFor(() => {
    const pod = current();
    if (!pod) state = 'gone';
    else if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') state = 'completed';
    else if (pod.status?.phase === 'Running' && isReady(pod)) state = 'running';
    return state !== undefined;
  }, options.timeoutMs);
  if (state === undefined) {
    stderr += 'error: timed out waiting for the condition\n';
    return finish(1);
  }
  if (state === 'gone') {
    stderr += `Error from server (NotFound): pods "${name}" not found\n`;
    return finish(1);
  }
  const logOf = (): string => {
    const pod = current();
    const log = pod ? host.logs(pod, container, false) : undefined;
    return typeof log === 'string' ? log : '';
  };
  if (state === 'running') {
    // The logs printed before attach connects, then the attached stream until the process ends.
    const before = logOf();
    const ended = host.waitFor(() => !containerRunning(current(), container), options.timeoutMs);
    if (!ended) {
      stdout += before;
      stderr +=
        `kubesim: pod/${name} keeps running: an attached session is not simulated; ` +
        `the pod is left running (try kubectl exec or kubectl logs)\n`;
      return { stdout, stderr, exitCode: 1 };
    }
    if (!options.quiet) {
      stderr += PROMPT;
      stderrBeforeStdout = stderr.length;
    }
    stdout += logOf();
  } else {
    stdout += logOf();
  }
  if (!options.waitForExitCode) return finish(0);
  const restartPolicy = created.spec?.restartPolicy;
  let done: Stored<Pod> | undefined;
  host.waitFor(() => {
    const pod = current();
    const phase = pod?.status?.phase;
    if (phase === 'Succeeded' || (phase === 'Failed' && restartPolicy === 'Never')) done = pod;
    return done !== undefined || !pod;
  }, options.timeoutMs);
  if (!done) {
    stderr += current()
      ? 'error: timed out waiting for the condition\n'
      : `Error from server (NotFound): pods "" not found\n`;
    return finish(1);
  }
  if (done.status?.phase === 'Succeeded') return finish(0);
  const terminated = done.status?.containerStatuses?.[0]?.state?.terminated;
  if (!terminated || terminated.exitCode === 0) {
    stderr += `error: pod ${namespace}/${name} failed with unknown exit code\n`;
    return finish(1);
  }
  stderr += `pod ${namespace}/${name} terminated (${terminated.reason ?? ''})\n${terminated.message ?? ''}`;
  if (!stderr.endsWith('\n')) stderr += '\n';
  return finish(terminated.exitCode);
}

/** PrintObj for each created object: YAML documents separated by "---", as the YAML printer counts them. */
function printObjects(args: ReturnType<typeof parseArgs>, objects: Array<Stored<Pod> | Stored<Service>>): string {
  const printed = objects.map((o) => printCreated(o, args, 'none').stdout);
  return flag(args, 'output') === 'yaml' ? printed.join('---\n') : printed.join('');
}

function isReady(pod: Pod): boolean {
  return (pod.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

function containerRunning(pod: Pod | undefined, container: string): boolean {
  return !!pod?.status?.containerStatuses?.find((c) => c.name === container)?.state?.running;
}

/** parseLabels: "a=b,c=d"; undefined when none are given. */
function parseLabels(text: string): Record<string, string> | undefined | string {
  return text === '' ? undefined : parseLabelSpec(text);
}

/** parseEnvs: NAME=VALUE pairs with valid names. */
function parseEnv(pairs: string[]): EnvVar[] | string {
  const env: EnvVar[] = [];
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    const key = eq >= 0 ? pair.slice(0, eq) : '';
    if (eq < 0 || !/^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(key)) return `invalid env: ${pair}`;
    env.push({ name: key, value: pair.slice(eq + 1) });
  }
  return env;
}
