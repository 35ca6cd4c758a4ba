import { ApiError } from '../api/errors';
import { KUBERNETES_VERSION } from '../node/nodes';
import { FlagError, boolFlag, parseArgs, splitWords, type FlagSpec, type ParsedArgs } from './args';
import { runApply } from './apply';
import { formatApiError } from './api-error';
import { runGet } from './get';
import type { Editor, KubectlHost } from './host';
import { SelectorError } from './label-selector';
import { fail, ok, warnedFirst, type CommandResult } from './output';
import { RECORD_DEPRECATED } from './record';
import { runTop } from './top';
import { FILE_TARGET_COMMANDS, withFileTargets } from './file-targets';
import { ResourceArgError, parseResourceArgs } from './resource-args';
import { runDelete } from './delete';
import { runStatefulSetRollout } from './rollout-statefulset';
import { runRollout } from './rollout';
import { runSet } from './set-image';
import { runWatch } from './watch';
import { runPatch } from './patch';
import { runLabel } from './label';
import { runAnnotate } from './annotate';
import { runCordon } from './cordon';
import { runCreate } from './create';
import { runReplace } from './replace';
import { runEdit } from './edit';
import { runCreateDeployment } from './create-deployment';
import { runCreateService } from './create-service';
import { runSetResources } from './set-resources';
import { runSetEnv } from './set-env';
import { runExpose } from './expose';
import { runAutoscale } from './autoscale';
import { runCreatePodDisruptionBudget } from './create-pdb';
import { runDescribe } from './describe';
import { runExec } from './exec';
import { runLogs } from './logs';
import { runPodRun } from './run';
import { runWait } from './wait';
import { runScale } from './scale';
import { runApiResources } from './api-resources';
import { runTaint } from './taint';
import { runDrain } from './drain';
import { runEvents } from './kubectl-events';
import { FieldSelectorError } from './field-selector';

const COMMON: FlagSpec = {
  valued: {
    namespace: 'n',
    output: 'o',
    selector: 'l',
    filename: 'f',
    'label-columns': 'L',
    replicas: undefined,
    timeout: undefined,
    'grace-period': undefined,
    cascade: undefined,
    revision: undefined,
    'to-revision': undefined,
    patch: 'p',
    type: undefined,
    'sort-by': undefined,
    'field-selector': undefined,
    for: undefined,
    types: undefined,
    'current-replicas': undefined,
    'resource-version': undefined,
    'api-group': undefined,
    'pod-selector': undefined,
    'dry-run': undefined,
  },
  boolean: {
    'all-namespaces': 'A',
    'show-labels': undefined,
    'no-headers': undefined,
    watch: 'w',
    force: undefined,
    wait: undefined,
    all: undefined,
    client: undefined,
    overwrite: undefined,
    now: undefined,
    'watch-only': undefined,
    'output-watch-events': undefined,
    namespaced: undefined,
    'ignore-daemonsets': undefined,
    'delete-emptydir-data': undefined,
    'disable-eviction': undefined,
    record: undefined,
    'save-config': undefined,
  },
};

type Handler = (host: KubectlHost, args: ParsedArgs, stdin: string | undefined) => CommandResult;

const COMMANDS: Record<string, Handler> = {
  get: (host, args) =>
    boolFlag(args, 'watch') || boolFlag(args, 'watch-only') ? runWatch(host, args) : runGet(host, args),
  apply: runApply,
  scale: runScale,
  delete: (host, args) => runDelete(host, args),
  version: runVersion,
  rollout: dispatchRollout,
  set: (host, args) => runSet(host, args),
  patch: (host, args) => runPatch(host, args),
  label: (host, args) => runLabel(host, args),
  annotate: (host, args) => runAnnotate(host, args),
  cordon: (host, args) => runCordon(host, args, true),
  uncordon: (host, args) => runCordon(host, args, false),
  create: runCreate,
  replace: runReplace,
  edit: runEdit,
  describe: (host, args) => runDescribe(host, args),
  wait: (host, args) => runWait(host, args),
  events: (host, args) => runEvents(host, args),
  'api-resources': (_host, args) => runApiResources(args),
  taint: (host, args) => runTaint(host, args),
  drain: (host, args) => runDrain(host, args),
  top: (_host, args) => runTop(args),
};

/** The commands that take --dry-run (rollout for undo alone). */
const DRY_RUN_COMMANDS = new Set([
  'delete',
  'scale',
  'label',
  'annotate',
  'cordon',
  'uncordon',
  'set',
  'apply',
  'create',
  'replace',
  'patch',
  'taint',
  'drain',
  'rollout',
]);

/** The commands of those that bind the deprecated --record (RecordFlags). */
const RECORDING_COMMANDS = new Set([
  'apply',
  'create',
  'replace',
  'edit',
  'scale',
  'patch',
  'annotate',
  'label',
  'set',
]);

/** Commands that parse their own flags: each keeps the words after "--" (or after its name) as a command line. */
const RAW_COMMANDS: Record<string, (host: KubectlHost, words: string[]) => CommandResult> = {
  exec: runExec,
  run: runPodRun,
  expose: runExpose,
  autoscale: runAutoscale,
  logs: runLogs,
};

/** Subcommands that parse their own flags, by verb: `create deployment`, `set resources` and so on. */
const SUBCOMMANDS: Record<
  string,
  Record<string, (host: KubectlHost, words: string[], stdin?: string) => CommandResult>
> = {
  create: {
    deployment: runCreateDeployment,
    deploy: runCreateDeployment,
    service: runCreateService,
    svc: runCreateService,
    poddisruptionbudget: runCreatePodDisruptionBudget,
    pdb: runCreatePodDisruptionBudget,
  },
  set: { resources: runSetResources, env: runSetEnv },
};

/** kubectl v1.34's other `create` subcommands: real, but they make objects the simulator does not model. */
const UNSIMULATED_GENERATORS = new Set([
  'clusterrole',
  'clusterrolebinding',
  'configmap',
  'cm',
  'cronjob',
  'cj',
  'ingress',
  'ing',
  'job',
  'priorityclass',
  'pc',
  'quota',
  'resourcequota',
  'role',
  'rolebinding',
  'secret',
  'serviceaccount',
  'sa',
  'token',
]);

/** kubectl v1.34's other commands: real ones, so not "unknown", but outside what the simulator models. */
const UNSIMULATED_COMMANDS = new Set([
  'alpha',
  'api-versions',
  'attach',
  'auth',
  'certificate',
  'cluster-info',
  'completion',
  'config',
  'cp',
  'debug',
  'diff',
  'explain',
  'help',
  'kustomize',
  'options',
  'plugin',
  'port-forward',
  'proxy',
]);

/**
 * Runs one kubectl command line (without the leading "kubectl") against the simulated cluster and returns what
 * kubectl prints. Never throws for bad input: errors come back as kubectl's own messages with exit code 1.
 */
export function runKubectl(host: KubectlHost, line: string, input?: string | Editor): CommandResult {
  // A function is the editor `kubectl edit` opens the object in; any other command sees no standard input.
  if (typeof input === 'function') return runKubectl({ ...host, editor: input }, line);
  const stdin = input;
  let words: string[];
  try {
    words = splitWords(line);
  } catch (err) {
    return fail(`error: ${(err as Error).message}`);
  }
  if (words[0] === 'kubectl') words = words.slice(1);
  const verbAt = verbIndex(words);
  if (verbAt < 0) return fail('error: a command is required: kubectl <command> [flags]');
  const verb = words[verbAt];
  const handler = Object.prototype.hasOwnProperty.call(COMMANDS, verb) ? COMMANDS[verb] : undefined;
  const raw = Object.prototype.hasOwnProperty.call(RAW_COMMANDS, verb) ? RAW_COMMANDS[verb] : undefined;
  if (!handler && !raw) {
    if (UNSIMULATED_COMMANDS.has(verb)) return fail(`kubesim: kubectl ${verb} is not simulated`);
    return fail(`error: unknown command "${verb}" for "kubectl"`);
  }
  const rest = [...words];
  rest.splice(verbAt, 1);
  const subcommands = Object.prototype.hasOwnProperty.call(SUBCOMMANDS, verb) ? SUBCOMMANDS[verb] : undefined;
  const subcommandAt = subcommands ? verbIndex(rest) : -1;
  const subcommand =
    subcommands && subcommandAt >= 0 && Object.prototype.hasOwnProperty.call(subcommands, rest[subcommandAt])
      ? subcommands[rest[subcommandAt]]
      : undefined;
  if (subcommand) return runSubcommand(host, verb, subcommand, rest, subcommandAt, stdin);
  if (verb === 'create' && subcommandAt >= 0 && UNSIMULATED_GENERATORS.has(rest[subcommandAt])) {
    return fail(`kubesim: kubectl create ${rest[subcommandAt]} is not simulated`);
  }
  try {
    if (raw) return raw(host, rest);
    let args: ParsedArgs = { ...parseArgs(rest, COMMON), command: [verb] };
    if (FILE_TARGET_COMMANDS.has(verb) && args.flags.has('filename')) {
      const resolved = withFileTargets(host, verb, args, stdin);
      if (!('args' in resolved)) return resolved;
      args = { ...resolved.args, source: resolved.source };
    }
    if (args.flags.has('dry-run') && !DRY_RUN_COMMANDS.has(verb)) {
      throw new FlagError('unknown flag: --dry-run');
    }
    if (!args.flags.has('record')) return (handler as Handler)(host, args, stdin);
    // RecordFlags are bound only by the commands that write a change cause.
    if (!RECORDING_COMMANDS.has(verb)) throw new FlagError('unknown flag: --record');
    return warnedFirst(
      (handler as Handler)(host, args, stdin),
      RECORD_DEPRECATED.repeat(args.flags.get('record')!.length),
    );
  } catch (err) {
    if (err instanceof FlagError) return fail(`error: ${err.message}\nSee 'kubectl ${verb} --help' for usage.`);
    if (err instanceof ResourceArgError || err instanceof SelectorError || err instanceof FieldSelectorError)
      return fail(err.message);
    if (err instanceof ApiError) return fail(formatApiError(err));
    throw err;
  }
}

function runSubcommand(
  host: KubectlHost,
  verb: string,
  run: (host: KubectlHost, words: string[], stdin?: string) => CommandResult,
  words: string[],
  at: number,
  stdin: string | undefined,
): CommandResult {
  const name = words[at];
  const rest = [...words];
  rest.splice(at, 1);
  try {
    return run(host, rest, stdin);
  } catch (err) {
    const command =
      ({ svc: 'service', deploy: 'deployment', pdb: 'poddisruptionbudget' } as Record<string, string>)[name] ?? name;
    if (err instanceof FlagError)
      return fail(`error: ${err.message}\nSee 'kubectl ${verb} ${command} --help' for usage.`);
    throw err;
  }
}

const VALUED_LONG = new Set(Object.keys(COMMON.valued));
const VALUED_SHORT = new Set(Object.values(COMMON.valued).filter((v): v is string => typeof v === 'string'));

/** Where the command word is: global flags such as `-n shop` or `--namespace=shop` may come before it. */
function verbIndex(words: string[]): number {
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (!w.startsWith('-')) return i;
    if (w.includes('=')) continue;
    const long = w.startsWith('--') ? w.slice(2) : undefined;
    const takesValue = long !== undefined ? VALUED_LONG.has(long) : w.length === 2 && VALUED_SHORT.has(w.slice(1));
    if (takesValue) i++;
  }
  return -1;
}

/** StatefulSets have their own status viewer, history viewer and rollbacker; other kinds share `runRollout`. */
function dispatchRollout(host: KubectlHost, args: ParsedArgs): CommandResult {
  const [sub, ...rest] = args.positional;
  const statefulSetSubcommand = sub === 'status' || sub === 'history' || sub === 'undo';
  if (statefulSetSubcommand && rest.length > 0) {
    const targets = parseResourceArgs(rest);
    if (targets.length > 0 && targets.every((t) => t.type.kind === 'StatefulSet'))
      return runStatefulSetRollout(host, args);
  }
  return runRollout(host, args);
}

/** `kubectl scale TYPE NAME --replicas=N` */
/** `kubectl version [--client]`: --client leaves out the server, which it never asks. */
function runVersion(_host: KubectlHost, args: ParsedArgs): CommandResult {
  const client = `Client Version: ${KUBERNETES_VERSION}\nKustomize Version: v5.7.1\n`;
  return ok(boolFlag(args, 'client') ? client : `${client}Server Version: ${KUBERNETES_VERSION}\n`);
}
