import type { ContainerStatus, Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../api/meta';
import { boolFlag, flag, parseArgs, type FlagSpec } from './args';
import { defaultContainer } from './pod-target';
import { byLogging, resolvePod } from './pod-for-object';
import { parseDuration } from '../clock';
import type { KubectlHost } from './host';
import { OutputLog, fail, type CommandResult } from './output';
import { parseLabelSelector } from './label-selector';
import { selectorMatches } from '../api/meta';

const LOGS_FLAGS: FlagSpec = {
  valued: {
    namespace: 'n',
    container: 'c',
    tail: undefined,
    'pod-running-timeout': undefined,
    selector: 'l',
    'max-log-requests': undefined,
  },
  boolean: { previous: 'p', follow: 'f', quiet: 'q', prefix: undefined },
};

/** With a selector and no --tail, kubectl shows the last 10 lines of each container. */
const SELECTOR_TAIL = 10;

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
  const selectorText = flag(args, 'selector');
  if (extra.length > 0 || (!target && selectorText === undefined)) return fail(USAGE);
  if (target && second === undefined && selectorText !== undefined) {
    return fail("error: only a selector (-l) or a POD name is allowed\nSee 'kubectl logs -h' for help and examples");
  }
  const tailText = flag(args, 'tail') ?? (selectorText !== undefined ? String(SELECTOR_TAIL) : '-1');
  const tail = Number(tailText);
  if (!Number.isInteger(tail)) {
    return fail(
      `error: invalid argument "${tailText}" for "--tail" flag: strconv.ParseInt: parsing "${tailText}": invalid syntax`,
    );
  }
  const namespace = flag(args, 'namespace') ?? 'default';
  if (!target) return logsForSelector(host, args, namespace, selectorText ?? '', tail);
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
  if (boolFlag(args, 'follow')) followUntilStopped(host, pod, container);
  const read = readLog(host, pod, container, boolFlag(args, 'previous'), tail);
  if ('error' in read) return fail(`${stderr}${read.error}`);
  // kubectl's notes (which pod, which container) come before the log it then streams.
  return stderr === ''
    ? { stdout: read.log, stderr, exitCode: 0 }
    : { stdout: read.log, stderr, exitCode: 0, stderrBeforeStdout: stderr.length };
}

/** One container's log through the apiserver: its checks (LogLocation, the kubelet's status check), then the tail. */
function readLog(
  host: KubectlHost,
  pod: Stored<Pod>,
  container: string,
  previous: boolean,
  tail: number,
): { log: string } | { error: string } {
  // LogLocation: a pod not yet on a node has nowhere to read from, and the answer is empty.
  if (!pod.spec?.nodeName) return { log: '' };
  const refused = logStatusError(pod, container, previous);
  if (refused) return { error: `Error from server (BadRequest): ${refused}` };
  const log = host.logs(pod, container, previous);
  if (log !== undefined && typeof log !== 'string') {
    const url = `https://${log.unreachable}:10250/containerLogs/${pod.metadata.namespace}/${pod.metadata.name}/${container}`;
    return { error: `Error from server: Get "${url}": dial tcp ${log.unreachable}:10250: i/o timeout` };
  }
  return { log: lastLines(log ?? '', tail) };
}

/**
 * `kubectl logs -l SELECTOR [--prefix] [--tail N] [-c CONTAINER]`: every matching pod in name order, each
 * container's last 10 lines unless --tail says otherwise, read one after another (with -f, kubectl follows up to
 * --max-log-requests streams at once). The first error ends the command.
 */
function logsForSelector(
  host: KubectlHost,
  args: ReturnType<typeof parseArgs>,
  namespace: string,
  selectorText: string,
  tail: number,
): CommandResult {
  const selector = parseLabelSelector(selectorText);
  const pods = host.store
    .list<Pod>('Pod', namespace)
    .filter((p) => selectorMatches(selector, p.metadata.labels))
    .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
  if (pods.length === 0) return { stdout: '', stderr: `No resources found in ${namespace} namespace.\n`, exitCode: 0 };
  const follow = boolFlag(args, 'follow');
  const maxText = flag(args, 'max-log-requests') ?? '5';
  const max = Number(maxText);
  if (follow && pods.length > max) {
    return fail(
      `error: you are attempting to follow ${pods.length} log streams, but maximum allowed concurrency is ${max}, use --max-log-requests to increase the limit`,
    );
  }
  const log = new OutputLog();
  for (const pod of pods) {
    let container = flag(args, 'container');
    if (!container) {
      const picked = defaultContainer(pod);
      container = picked.name;
      if (picked.notice && !boolFlag(args, 'quiet')) log.err(picked.notice);
    }
    if (!(pod.spec?.containers ?? []).some((c) => c.name === container)) {
      log.err(`Error from server (BadRequest): container ${container} is not valid for pod ${pod.metadata.name}\n`);
      return log.result(1);
    }
    if (follow) followUntilStopped(host, pod, container);
    const read = readLog(host, pod, container, boolFlag(args, 'previous'), tail);
    if ('error' in read) {
      log.err(`${read.error}\n`);
      return log.result(1);
    }
    const prefix = boolFlag(args, 'prefix') ? `[pod/${pod.metadata.name}/${container}] ` : '';
    log.out(prefix ? read.log.replace(/^(?=.)/gm, prefix) : read.log);
  }
  return log.result(0);
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
