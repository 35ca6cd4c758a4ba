import type { ContainerStatus, Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../api/meta';
import { boolFlag, flag, parseArgs, type FlagSpec } from './args';
import { defaultContainer } from './pod-target';
import { byLogging, resolvePod } from './pod-for-object';
import { parseDuration } from '../clock';
import type { KubectlHost } from './host';
import { fail, type CommandResult } from './output';

const LOGS_FLAGS: FlagSpec = {
  valued: { namespace: 'n', container: 'c', tail: undefined, 'pod-running-timeout': undefined },
  boolean: { previous: 'p', follow: 'f', quiet: 'q' },
};

const USAGE =
  "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\n" +
  'POD or TYPE/NAME is a required argument for the logs command\n' +
  "See 'kubectl logs -h' for help and examples";

/** --pod-running-timeout's default for logs: how long it waits for a workload to have a pod. */
const POD_RUNNING_TIMEOUT_MS = 20_000;

/** How long `-f` follows a container that keeps running: until the cluster has been quiet this long. */
const FOLLOW_MS = 60_000;

/**
 * `kubectl logs (POD | TYPE/NAME) [CONTAINER] [-c CONTAINER] [-p] [--tail N] [-f]`: the container's log as its kubelet serves it,
 * after the apiserver's and the kubelet's checks (LogLocation, validateContainerLogStatus) with their messages.
 */
export function runLogs(host: KubectlHost, words: string[]): CommandResult {
  const args = parseArgs(words, LOGS_FLAGS);
  const [target, second, ...extra] = args.positional;
  if (!target || extra.length > 0) return fail(USAGE);
  const tailText = flag(args, 'tail') ?? '-1';
  const tail = Number(tailText);
  if (!Number.isInteger(tail)) {
    return fail(
      `error: invalid argument "${tailText}" for "--tail" flag: strconv.ParseInt: parsing "${tailText}": invalid syntax`,
    );
  }
  const namespace = flag(args, 'namespace') ?? 'default';
  let stderr = '';
  const timeout = flag(args, 'pod-running-timeout');
  const found = resolvePod(
    host,
    'logs',
    target,
    namespace,
    timeout ? parseDuration(timeout) : POD_RUNNING_TIMEOUT_MS,
    byLogging,
  );
  if ('error' in found) return fail(found.error);
  const pod = found.pod;
  if (found.count > 1) stderr += `Found ${found.count} pods, using pod/${pod.metadata.name}\n`;
  const name = pod.metadata.name;
  let container = flag(args, 'container') ?? second;
  if (!container) {
    const picked = defaultContainer(pod);
    container = picked.name;
    if (picked.notice && !boolFlag(args, 'quiet')) stderr += picked.notice;
  }
  if (!(pod.spec?.containers ?? []).some((c) => c.name === container)) {
    return fail(`${stderr}Error from server (BadRequest): container ${container} is not valid for pod ${name}`);
  }
  // LogLocation: a pod not yet on a node has nowhere to read from, and the answer is empty.
  if (!pod.spec?.nodeName) return { stdout: '', stderr, exitCode: 0 };
  const previous = boolFlag(args, 'previous');
  const refused = logStatusError(pod, container, previous);
  if (refused) return fail(`${stderr}Error from server (BadRequest): ${refused}`);
  if (boolFlag(args, 'follow')) followUntilStopped(host, pod, container);
  const log = host.logs(pod, container, previous);
  if (log !== undefined && typeof log !== 'string') {
    const url = `https://${log.unreachable}:10250/containerLogs/${namespace}/${name}/${container}`;
    return fail(`${stderr}Error from server: Get "${url}": dial tcp ${log.unreachable}:10250: i/o timeout`);
  }
  const stdout = lastLines(log ?? '', tail);
  // kubectl's notes (which pod, which container) come before the log it then streams.
  return stderr === ''
    ? { stdout, stderr, exitCode: 0 }
    : { stdout, stderr, exitCode: 0, stderrBeforeStdout: stderr.length };
}

/** validateContainerLogStatus: why the kubelet has no log to serve for the container, if it has none. */
export function logStatusError(pod: Pod, container: string, previous: boolean): string | undefined {
  const status: ContainerStatus | undefined = pod.status?.containerStatuses?.find((c) => c.name === container);
  const subject = `container "${container}" in pod "${pod.metadata?.name ?? ''}"`;
  if (!status) return `${subject} is not available`;
  const last = status.lastState?.terminated;
  const { waiting, running, terminated } = status.state ?? {};
  if (previous) return last?.containerID ? undefined : `previous terminated ${subject} not found`;
  if (running || terminated) return undefined;
  if (last) return last.containerID ? undefined : `${subject} is terminated`;
  if (!waiting) return `${subject} is waiting to start - no logs yet`;
  if (waiting.reason === 'ErrImagePull') return `${subject} is waiting to start: image can't be pulled`;
  if (waiting.reason === 'ImagePullBackOff') return `${subject} is waiting to start: trying and failing to pull image`;
  return `${subject} is waiting to start: ${waiting.reason ?? ''}`;
}

/** `-f`: the log grows while the container runs; follow it until it stops or the cluster has long been quiet. */
function followUntilStopped(host: KubectlHost, pod: Stored<Pod>, container: string): void {
  const stopped = (): boolean => {
    const now = host.store.get<Pod>('Pod', pod.metadata.namespace ?? '', pod.metadata.name);
    const status = now?.status?.containerStatuses?.find((c) => c.name === container);
    return now?.metadata.uid !== pod.metadata.uid || !status?.state?.running;
  };
  host.waitFor(stopped, FOLLOW_MS);
}

/** `--tail N`: the last N lines (all of them when N is negative). */
function lastLines(log: string, tail: number): string {
  if (tail < 0 || log === '') return log;
  const lines = log.endsWith('\n') ? log.slice(0, -1).split('\n') : log.split('\n');
  if (tail === 0) return '';
  return `${lines.slice(-tail).join('\n')}\n`;
}
