import type { Container, EnvVar, EnvVarSource } from 'kubernetes-types/core/v1';
import { ApiError } from '../api/errors';
import { clone, deepEqual, type KubeObject, type Stored } from '../api/meta';
import type { ResourceType } from '../api/resources';
import { regexError } from '../api/validation/names';
import { FlagError, boolFlag, flag, parseArgs, type FlagSpec, type ParsedArgs } from './args';
import { dryRunStrategy, outputFormatError, printCreated, type DryRun } from './create-output';
import type { KubectlHost } from './host';
import { fetchInfos } from './list-matching';
import { checkErrors, fail, type CommandResult } from './output';
import { NAMES_WITH_SELECTOR, ResourceArgError, namesWithSelector, parseResourceArgs } from './resource-args';
import { podSpecOf, selectContainers } from './set-image';

const FLAGS: FlagSpec = {
  valued: {
    namespace: 'n',
    containers: 'c',
    env: 'e',
    selector: 'l',
    from: undefined,
    prefix: undefined,
    keys: undefined,
    'dry-run': undefined,
    output: 'o',
    'field-manager': undefined,
    filename: 'f',
  },
  boolean: { list: undefined, resolve: undefined, local: undefined, all: undefined, overwrite: undefined },
};

const ENV_VAR_NAME = '[-._a-zA-Z][-._a-zA-Z0-9]*';
const ENV_VAR_NAME_RE = new RegExp(`^${ENV_VAR_NAME}$`);

/** validation.IsEnvVarName */
export function envVarNameProblems(name: string): string[] {
  if (ENV_VAR_NAME_RE.test(name)) return [];
  return [
    regexError(
      "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit",
      ENV_VAR_NAME,
      'my.env-name',
      'MY_ENV.NAME',
      'MyEnvName1',
    ),
  ];
}

/** IsEnvironmentArgument, or the KEY- removal syntax. */
function isEnvArgument(arg: string): boolean {
  return /^.+=/s.test(arg) || arg.endsWith('-');
}

/** SplitEnvironmentFromResources: resources first, then environment changes; undefined when they are mixed. */
export function splitEnvironment(args: string[]): { resources: string[]; env: string[] } | undefined {
  const resources: string[] = [];
  const env: string[] = [];
  for (const arg of args) {
    if (isEnvArgument(arg)) env.push(arg);
    else if (env.length === 0) resources.push(arg);
    else return undefined;
  }
  return { resources, env };
}

/** ParseEnv: the variables to set and the names to remove, or kubectl's message for a bad one. */
export function parseEnv(specs: string[], stdin: string | undefined): { env: EnvVar[]; remove: string[] } | string {
  const env: EnvVar[] = [];
  const remove: string[] = [];
  for (const spec of specs) {
    if (spec === '-') {
      if (stdin === undefined) return "when '-' is used, STDIN must be open";
      for (const line of stdin.split('\n')) {
        const text = line.includes('#') ? line.slice(0, line.indexOf('#')) : line;
        const eq = text.indexOf('=');
        if (eq >= 0) env.push(envVar(text.slice(0, eq), text.slice(eq + 1)));
      }
    } else if (spec.includes('=')) {
      const eq = spec.indexOf('=');
      const name = spec.slice(0, eq);
      const problems = envVarNameProblems(name);
      if (problems.length > 0) return `${JSON.stringify(name)} is not a valid key name: ${problems.join(';')}`;
      env.push(envVar(name, spec.slice(eq + 1)));
    } else if (spec.endsWith('-')) {
      remove.push(spec.slice(0, -1));
    } else {
      return `unknown environment variable: ${spec}`;
    }
  }
  if (remove.some((name) => env.some((e) => e.name === name))) {
    return 'can not both modify and remove the same environment variable in the same command';
  }
  return { env, remove };
}

/** An EnvVar as Go encodes it: an empty value is omitted. */
function envVar(name: string, value: string): EnvVar {
  return value === '' ? { name } : { name, value };
}

/** updateEnv: removals drop out, existing names take the new value in place, new names go last. */
export function updateEnv(existing: EnvVar[], env: EnvVar[], remove: string[]): EnvVar[] {
  const covered = new Set(remove);
  const out: EnvVar[] = [];
  for (const e of existing) {
    if (covered.has(e.name)) continue;
    const newer = env.find((n) => n.name === e.name);
    if (newer) covered.add(e.name);
    out.push(newer ?? e);
  }
  for (const e of env) {
    if (covered.has(e.name)) continue;
    covered.add(e.name);
    out.push(e);
  }
  return out;
}

/** envutil.GetEnvVarRefString */
function refString(from: EnvVarSource): string {
  if (from.configMapKeyRef) return `configmap ${from.configMapKeyRef.name ?? ''}, key ${from.configMapKeyRef.key}`;
  if (from.secretKeyRef) return `secret ${from.secretKeyRef.name ?? ''}, key ${from.secretKeyRef.key}`;
  if (from.fieldRef) return `field path ${from.fieldRef.fieldPath}`;
  if (from.resourceFieldRef) {
    const container = from.resourceFieldRef.containerName ? `${from.resourceFieldRef.containerName}/` : '';
    return `resource ${container}${from.resourceFieldRef.resource}`;
  }
  return 'invalid valueFrom';
}

interface EnvChange {
  env: EnvVar[];
  remove: string[];
  containers: string;
  overwrite: boolean;
  list: boolean;
}

/**
 * `kubectl set env RESOURCE/NAME KEY_1=VAL_1 … [KEY-] [-e KEY=VAL] [-c CONTAINERS] [--list] [--overwrite=false]`
 * (EnvOptions.RunEnv): sets or removes variables in every selected container (init containers too) of each pod
 * template; an object that would not change is passed over without a word. `words` are the words after "env".
 */
export function runSetEnv(host: KubectlHost, words: string[], stdin?: string): CommandResult {
  let args: ParsedArgs;
  try {
    args = parseArgs(words, FLAGS);
  } catch (err) {
    if (err instanceof FlagError) return fail(`error: ${err.message}\nSee 'kubectl set env --help' for usage.`);
    throw err;
  }
  const selectorText = flag(args, 'selector');
  const all = boolFlag(args, 'all');
  // Complete
  if (all && selectorText !== undefined) return fail('error: cannot set --all and --selector at the same time');
  const split = splitEnvironment(args.positional);
  if (!split) {
    return fail(`error: all resources must be specified before environment changes: ${args.positional.join(' ')}`);
  }
  const dryRun = dryRunStrategy(args);
  if (typeof dryRun !== 'string') return dryRun;
  const badOutput = outputFormatError(args);
  if (badOutput) return badOutput;
  for (const unsimulated of ['from', 'filename', 'local', 'resolve']) {
    if (args.flags.has(unsimulated)) return fail(`kubesim: kubectl set env --${unsimulated} is not simulated`);
  }
  // Validate
  if (split.resources.length === 0) {
    return fail('error: one or more resources must be specified as <resource> <name> or <resource>/<name>');
  }
  const list = boolFlag(args, 'list');
  if (list && flag(args, 'output') !== undefined)
    return fail('error: --list and --output may not be specified together');
  if (flag(args, 'keys') !== undefined) {
    return fail('error: when specifying --keys, a configmap or secret must be provided with --from');
  }
  // RunEnv
  const parsed = parseEnv([...(args.flags.get('env') ?? []), ...split.env], stdin);
  if (typeof parsed === 'string') return fail(`error: ${parsed}`);
  const prefix = flag(args, 'prefix') ?? '';
  const env = parsed.env.map((e) => ({ ...e, name: `${prefix}${e.name}` }));
  let targets: ReturnType<typeof parseResourceArgs>;
  try {
    targets = parseResourceArgs(split.resources);
  } catch (err) {
    if (err instanceof ResourceArgError) return fail(err.message);
    throw err;
  }
  if (namesWithSelector(targets, selectorText)) return fail(NAMES_WITH_SELECTOR);
  const { infos, missing } = fetchInfos(host, targets, flag(args, 'namespace') ?? 'default', selectorText);
  if (missing.length > 0) return fail(checkErrors(missing));
  const change: EnvChange = {
    env,
    remove: parsed.remove,
    containers: flag(args, 'containers') ?? '*',
    overwrite: flag(args, 'overwrite') === undefined || boolFlag(args, 'overwrite'),
    list,
  };
  return patchEach(host, args, infos, change, dryRun, split.env.length === 0 && env.length === 0);
}

/** CalculatePatches and the patch loop: listing prints and writes nothing; otherwise one patch per changed object. */
function patchEach(
  host: KubectlHost,
  args: ParsedArgs,
  infos: Array<{ type: ResourceType; obj: Stored<KubeObject> }>,
  change: EnvChange,
  dryRun: DryRun,
  nothingGiven: boolean,
): CommandResult {
  let stdout = '';
  let stderr = '';
  const errors: string[] = [];
  for (const { type, obj } of infos) {
    const next = clone(obj);
    const spec = podSpecOf(next);
    if (!spec) {
      errors.push(`error: ${type.plural}/${obj.metadata.name} does not have a pod template\n`);
      continue;
    }
    const containers: Container[] = [
      ...selectContainers(spec.containers, change.containers),
      ...selectContainers(spec.initContainers ?? [], change.containers),
    ];
    if (containers.length === 0) {
      stderr += `warning: ${obj.kind}/${obj.metadata.name} does not have any containers matching ${JSON.stringify(change.containers)}\n`;
      continue;
    }
    const refused = change.overwrite ? undefined : overwriteRefusal(containers, change.env);
    if (refused) {
      errors.push(`error: ${type.plural}/${obj.metadata.name} ${refused}\n`);
      continue;
    }
    for (const c of containers) {
      const updated = updateEnv(c.env ?? [], change.env, change.remove);
      if (updated.length > 0) c.env = updated;
      else delete c.env;
      if (change.list) stdout += listing(obj, c);
    }
    if (change.list || deepEqual(next, obj)) continue;
    if (dryRun === 'client') {
      stdout += printCreated(next, args, 'client', 'env updated').stdout;
      continue;
    }
    try {
      const written = host.store.update(next, { dryRun: dryRun === 'server' });
      // Only a patch that went through reaches this check.
      if (nothingGiven)
        return { stdout, stderr: `${stderr}error: at least one environment variable must be provided\n`, exitCode: 1 };
      stdout += printCreated(written, args, dryRun, 'env updated').stdout;
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      errors.push(`failed to patch env update to pod template: ${err.message}`);
    }
  }
  if (errors.length === 0) return { stdout, stderr, exitCode: 0 };
  return { stdout, stderr: `${stderr}${checkErrors(errors).replace(/\n$/, '')}\n`, exitCode: 1 };
}

/** validateNoOverwrites: a variable already set to something else is refused without --overwrite. */
function overwriteRefusal(containers: Container[], env: EnvVar[]): string | undefined {
  for (const c of containers) {
    for (const e of env) {
      const current = (c.env ?? []).find((x) => x.name === e.name);
      if (current && (current.value ?? '') !== (e.value ?? '')) {
        return `'${current.name}' already has a value (${current.value ?? ''}), and --overwrite is false`;
      }
    }
  }
  return undefined;
}

/** --list: a header per container, then each variable (a reference shown as where it comes from). */
function listing(obj: Stored<KubeObject>, c: Container): string {
  let out = `# ${obj.kind} ${obj.metadata.name}, container ${c.name}\n`;
  for (const e of c.env ?? []) {
    out += e.valueFrom ? `# ${e.name} from ${refString(e.valueFrom)}\n` : `${e.name}=${e.value ?? ''}\n`;
  }
  return out;
}
