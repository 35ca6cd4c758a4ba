import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { KubeObject, Stored } from '../api/meta';
import { qualifiedKind, qualifiedResource, type ResourceType } from '../api/resources';
import { parseDuration } from '../clock';
import { boolFlag, flag, type ParsedArgs } from './args';
import type { KubectlHost } from './host';
import { fail, ok, subcommandRequired, type CommandResult } from './output';
import { parseResourceArgs } from './resource-args';
import { RolloutError, type RolloutKind } from './rollout-kinds';
import { dryRunStrategy, dryRunSuffix } from './create-output';
import { ROLLOUT_KINDS } from './rollout-viewers';

/** How long `rollout status` without --timeout waits in virtual time before giving up. */
const STATUS_CAP_MS = 24 * 3600_000;
const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt';

type Sub = (host: KubectlHost, type: ResourceType, obj: Stored<KubeObject>, args: ParsedArgs) => CommandResult;

const SUBCOMMANDS: Record<string, Sub> = {
  status: runStatus,
  history: runHistory,
  undo: runUndo,
  pause: (host, type, obj) => setPaused(host, type, obj, true),
  resume: (host, type, obj) => setPaused(host, type, obj, false),
  restart: runRestart,
};

/** `kubectl rollout SUBCOMMAND TYPE NAME` (or TYPE/NAME). */
export function runRollout(host: KubectlHost, args: ParsedArgs): CommandResult {
  const [sub, ...rest] = args.positional;
  const handler = sub === undefined ? undefined : SUBCOMMANDS[sub];
  if (!handler) {
    return subcommandRequired('rollout', args.positional, ['history', 'pause', 'restart', 'resume', 'status', 'undo']);
  }
  // Of the rollout subcommands only undo is simulated with --dry-run.
  if (args.flags.has('dry-run') && sub !== 'undo')
    return fail(`kubesim: kubectl rollout ${sub} --dry-run is not simulated`);
  const targets = parseResourceArgs(rest);
  if (targets.length === 0 || targets[0].names.length === 0) {
    return fail(`error: Required resource not specified.\nSee 'kubectl rollout ${sub} -h' for help and examples`);
  }
  const namespace = flag(args, 'namespace') ?? 'default';
  let stdout = '';
  let stderr = '';
  for (const target of targets) {
    for (const name of target.names) {
      const obj = host.store.get(target.type.kind, target.type.namespaced ? namespace : '', name);
      if (!obj) {
        stderr += `Error from server (NotFound): ${qualifiedResource(target.type)} "${name}" not found\n`;
        continue;
      }
      let result: CommandResult;
      try {
        result = handler(host, target.type, obj, { ...args, positional: [] });
      } catch (err) {
        if (!(err instanceof RolloutError)) throw err;
        result = fail(`error: ${err.message}`);
      }
      stdout += result.stdout;
      stderr += result.stderr;
    }
  }
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
}

function kindFor(type: ResourceType, what: string): RolloutKind {
  const kind = lookupKind(type);
  if (!kind) throw new RolloutError(`no ${what} has been implemented for ${groupKind(type)}`);
  return kind;
}

function lookupKind(type: ResourceType): RolloutKind | undefined {
  return ROLLOUT_KINDS[type.kind];
}

/** schema.GroupKind.String(): "Deployment.apps", "Service". */
function groupKind(type: ResourceType): string {
  return type.group ? `${type.kind}.${type.group}` : type.kind;
}

function intFlag(args: ParsedArgs, name: string): number {
  const text = flag(args, name);
  if (text === undefined) return 0;
  const n = Number(text);
  if (!Number.isInteger(n)) {
    throw new RolloutError(
      `invalid argument "${text}" for "--${name}" flag: strconv.ParseInt: parsing "${text}": invalid syntax`,
    );
  }
  return n;
}

/**
 * `rollout status`: prints the status viewer's line, then watches the object (advancing virtual time) and prints
 * each new line until the rollout is done, fails, or --timeout passes.
 */
function runStatus(host: KubectlHost, type: ResourceType, obj: Stored<KubeObject>, args: ParsedArgs): CommandResult {
  const kind = kindFor(type, 'status viewer');
  const revision = intFlag(args, 'revision');
  const watch = args.flags.has('watch') ? boolFlag(args, 'watch') : true;
  const timeoutText = flag(args, 'timeout');
  const timeoutMs = timeoutText ? parseDuration(timeoutText) : 0;
  const deadline = host.clock.now() + (timeoutMs > 0 ? timeoutMs : STATUS_CAP_MS);
  const ns = obj.metadata.namespace ?? '';
  const name = obj.metadata.name;
  const uid = obj.metadata.uid;
  let out = '';
  let last: string | undefined;
  /** One look at the object: the message, or why watching stops. */
  const observe = (): { message?: string; done?: boolean; error?: string } => {
    const current = host.store.get(type.kind, ns, name);
    if (!current || current.metadata.uid !== uid) return { error: 'object has been deleted' };
    try {
      return kind.status(host.store, current, revision);
    } catch (err) {
      if (err instanceof RolloutError) return { error: err.message };
      throw err;
    }
  };
  for (;;) {
    const seen = observe();
    if (seen.error !== undefined) return fail(`error: ${seen.error}`, out);
    if (seen.message !== last) {
      out += seen.message;
      last = seen.message;
    }
    if (seen.done || !watch) return ok(out);
    const remaining = deadline - host.clock.now();
    if (remaining <= 0) return fail('error: timed out waiting for the condition', out);
    host.waitFor(() => {
      const next = observe();
      return next.error !== undefined || next.message !== last;
    }, remaining);
  }
}

/** `rollout history [--revision=N]` */
function runHistory(host: KubectlHost, type: ResourceType, obj: Stored<KubeObject>, args: ParsedArgs): CommandResult {
  const kind = kindFor(type, 'history viewer');
  const revision = intFlag(args, 'revision');
  const info = kind.history(host.store, obj, revision);
  const operation = revision > 0 ? `with revision #${revision}` : '';
  return ok(`${qualifiedKind(type)}/${obj.metadata.name} ${operation}\n${info}\n`);
}

/** `rollout undo [--to-revision=N]` */
function runUndo(host: KubectlHost, type: ResourceType, obj: Stored<KubeObject>, args: ParsedArgs): CommandResult {
  const kind = kindFor(type, 'rollbacker');
  const dryRun = dryRunStrategy(args);
  if (typeof dryRun !== 'string') return dryRun;
  const result = kind.undo(host.store, obj, intFlag(args, 'to-revision'), dryRun);
  // PrintFlagsWithDryRunStrategy appends the dry run to the operation, after a template's last line too.
  return ok(`${qualifiedKind(type)}/${obj.metadata.name} ${result}${dryRunSuffix(dryRun)}\n`);
}

function templateOf(obj: Stored<KubeObject>): PodTemplateSpec | undefined {
  return (obj as { spec?: { template?: PodTemplateSpec } }).spec?.template;
}

/** `rollout pause` / `rollout resume`: sets spec.paused (ObjectPauser / ObjectResumer). */
function setPaused(host: KubectlHost, type: ResourceType, obj: Stored<KubeObject>, paused: boolean): CommandResult {
  const prefix = `${qualifiedResource(type)} "${obj.metadata.name}"`;
  if (!lookupKind(type)?.pausable) {
    return fail(`error: ${prefix} ${paused ? 'pausing' : 'resuming'} is not supported`);
  }
  const spec = (obj as { spec?: { paused?: boolean } }).spec ?? {};
  if (Boolean(spec.paused) === paused)
    return fail(`error: ${prefix} ${paused ? 'is already paused' : 'is not paused'}`);
  const next = { ...obj, spec: { ...spec, paused: paused ? true : undefined } } as Stored<KubeObject>;
  host.store.update(next);
  return ok(`${qualifiedKind(type)}/${obj.metadata.name} ${paused ? 'paused' : 'resumed'}\n`);
}

/** `rollout restart`: stamps kubectl.kubernetes.io/restartedAt on the pod template (ObjectRestarter). */
function runRestart(host: KubectlHost, type: ResourceType, obj: Stored<KubeObject>): CommandResult {
  const prefix = `${qualifiedResource(type)} "${obj.metadata.name}"`;
  const template = templateOf(obj);
  if (!lookupKind(type)?.restartable || !template) return fail(`error: ${prefix} restarting is not supported`);
  const spec = (obj as { spec?: { paused?: boolean } }).spec;
  if (spec?.paused) return fail(`error: ${prefix} can't restart paused deployment (run rollout resume first)`);
  const now = host.clock.timestamp();
  if (template.metadata?.annotations?.[RESTARTED_AT] === now) {
    return fail(
      `error: failed to create patch for ${obj.metadata.name}: if restart has already been triggered within the past second, please wait before attempting to trigger another`,
    );
  }
  const nextTemplate: PodTemplateSpec = {
    ...template,
    metadata: { ...template.metadata, annotations: { ...(template.metadata?.annotations ?? {}), [RESTARTED_AT]: now } },
  };
  host.store.update({ ...obj, spec: { ...spec, template: nextTemplate } } as Stored<KubeObject>);
  return ok(`${qualifiedKind(type)}/${obj.metadata.name} restarted\n`);
}
