import { boolFlag, flag, parseArgs, type FlagSpec } from './args';
import type { KubectlHost } from './host';
import { defaultContainer } from './pod-target';
import { mostActiveFirst, resolvePod } from './pod-for-object';
import { parseDuration } from '../clock';
import { fail, type CommandResult } from './output';

const EXEC_FLAGS: FlagSpec = {
  valued: { namespace: 'n', container: 'c', 'pod-running-timeout': undefined },
  boolean: { stdin: 'i', tty: 't', quiet: 'q' },
};

/** --pod-running-timeout's default for exec: how long it waits for a workload to have a pod. */
const POD_RUNNING_TIMEOUT_MS = 60_000;

const USAGE =
  "error: expected 'exec (POD | TYPE/NAME) -- COMMAND [args...]'.\n" +
  'POD or TYPE/NAME is a required argument for the exec command\n' +
  "See 'kubectl exec -h' for help and examples";

/**
 * `kubectl exec POD [-c CONTAINER] -- COMMAND [args...]` (ExecOptions.Complete, Validate and Run): finds the pod
 * and its container, then runs the command through the node's kubelet. A command that exits non-zero ends with
 * kubectl's "command terminated with exit code N" and that exit code. `words` are the words after "exec".
 */
export function runExec(host: KubectlHost, words: string[]): CommandResult {
  const dash = words.indexOf('--');
  const args = parseArgs(dash >= 0 ? words.slice(0, dash) : words, EXEC_FLAGS);
  const command = dash >= 0 ? words.slice(dash + 1) : [];
  const [target, ...extra] = args.positional;
  if (!target) return fail(USAGE);
  if (extra.length > 0) {
    return fail(
      "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples",
    );
  }
  if (command.length === 0) return fail('error: you must specify at least one command for the container');
  const namespace = flag(args, 'namespace') ?? 'default';
  const timeout = flag(args, 'pod-running-timeout');
  const found = resolvePod(
    host,
    'exec',
    target,
    namespace,
    timeout ? parseDuration(timeout) : POD_RUNNING_TIMEOUT_MS,
    mostActiveFirst,
  );
  if ('error' in found) return fail(found.error);
  const pod = found.pod;
  const name = pod.metadata.name;
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') {
    return fail(`error: cannot exec into a container in a completed pod; current phase is ${phase}`);
  }
  let stderr = '';
  let container = flag(args, 'container');
  if (!container) {
    const picked = defaultContainer(pod);
    container = picked.name;
    if (picked.notice && !boolFlag(args, 'quiet')) stderr += picked.notice;
  }
  if (!pod.spec?.nodeName) {
    return fail(`${stderr}Error from server (BadRequest): pod ${name} does not have a host assigned`);
  }
  const result = host.exec(pod, container, command);
  if (!result) return fail(`${stderr}error: unable to upgrade connection: container not found ("${container}")`);
  if ('unreachable' in result) {
    return fail(`${stderr}Error from server: error dialing backend: dial tcp ${result.unreachable}:10250: i/o timeout`);
  }
  stderr += result.stderr;
  if (result.exitCode !== 0) stderr += `command terminated with exit code ${result.exitCode}\n`;
  return { stdout: result.stdout, stderr, exitCode: result.exitCode };
}
