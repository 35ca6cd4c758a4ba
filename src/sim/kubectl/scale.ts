import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { Stored } from '../api/meta';
import { qualifiedKind, qualifiedResource } from '../api/resources';
import { parseDuration } from '../clock';
import { FlagError, boolFlag, flag, type ParsedArgs } from './args';
import type { KubectlHost } from './host';
import { listMatching } from './list-matching';
import { fail, type CommandResult } from './output';
import { NAMES_WITH_SELECTOR, namesWithSelector, parseResourceArgs } from './resource-args';
import { changeCause, recordChangeCause } from './record';
import { dryRunStrategy } from './create-output';

const SCALABLE = ['StatefulSet', 'Deployment', 'ReplicaSet'];

/** An IntVar flag: kubectl's message for a value that is not a whole number. */
function intFlag(args: ParsedArgs, name: string): number | undefined {
  const text = flag(args, name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isInteger(value)) {
    throw new FlagError(
      `invalid argument "${text}" for "--${name}" flag: strconv.ParseInt: parsing "${text}": invalid syntax`,
    );
  }
  return value;
}

/**
 * `kubectl scale TYPE NAME… | TYPE -l SELECTOR | TYPE --all --replicas=N [--current-replicas=N]
 * [--resource-version=RV] [--timeout=D]` (ScaleOptions.RunScale): a precondition that does not hold stops the
 * command; objects that are not found are reported after the others are scaled.
 */
export function runScale(host: KubectlHost, args: ParsedArgs): CommandResult {
  const replicas = intFlag(args, 'replicas');
  if (replicas === undefined) return fail('error: required flag(s) "replicas" not set');
  const currentReplicas = intFlag(args, 'current-replicas') ?? -1;
  const resourceVersion = flag(args, 'resource-version') ?? '';
  const timeoutText = flag(args, 'timeout');
  const timeoutMs = timeoutText === undefined ? 0 : parseDuration(timeoutText);
  // ScaleOptions.Validate
  if (replicas < 0) {
    return fail('error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
  }
  if (currentReplicas < -1) return fail('error: The --current-replicas must specify an integer of -1 or greater');
  const dryRun = dryRunStrategy(args);
  if (typeof dryRun !== 'string') return dryRun;

  const selectorText = flag(args, 'selector');
  const all = boolFlag(args, 'all');
  const targets = parseResourceArgs(args.positional);
  if (namesWithSelector(targets, selectorText)) return fail(NAMES_WITH_SELECTOR);
  if (targets.length === 0 || targets.some((t) => t.names.length === 0 && selectorText === undefined && !all)) {
    return fail('error: resource(s) were provided, but no name was specified');
  }
  const namespace = flag(args, 'namespace') ?? 'default';
  // r.Infos(): every object is looked up first; the ones not found are reported at the end.
  const infos: Array<{ target: (typeof targets)[number]; name: string }> = [];
  let missing = '';
  for (const target of targets) {
    const names =
      target.names.length > 0
        ? target.names
        : listMatching(host, target.type, namespace, selectorText).map((o) => o.metadata.name);
    for (const name of names) {
      if (host.store.get(target.type.kind, namespace, name)) infos.push({ target, name });
      else missing += `Error from server (NotFound): ${qualifiedResource(target.type)} "${name}" not found\n`;
    }
  }
  if (resourceVersion !== '' && infos.length > 1)
    return fail('error: cannot use --resource-version with multiple resources');
  if (infos.length === 0) return fail(missing || 'error: no objects passed to scale');

  let stdout = '';
  let stderr = '';
  for (const { target, name } of infos) {
    if (!SCALABLE.includes(target.type.kind)) {
      stderr += `error: no objects passed to scale ${qualifiedResource(target.type)} "${name}" is not scalable\n`;
      continue;
    }
    // A client dry run prints the object as it is, before any precondition is checked.
    if (dryRun === 'client') {
      stdout += `${qualifiedKind(target.type)}/${name} scaled (dry run)\n`;
      continue;
    }
    const obj = host.store.get<StatefulSet>(target.type.kind, namespace, name) as Stored<StatefulSet>;
    // ScalePrecondition.validate, against the scale subresource (spec.replicas and the object's resourceVersion).
    const size = obj.spec?.replicas ?? 1;
    if (currentReplicas !== -1 && size !== currentReplicas) {
      return fail(`${stderr}error: Expected replicas to be ${currentReplicas}, was ${size}`, stdout);
    }
    if (resourceVersion !== '' && obj.metadata.resourceVersion !== resourceVersion) {
      return fail(
        `${stderr}error: Expected resource version to be ${resourceVersion}, was ${obj.metadata.resourceVersion}`,
        stdout,
      );
    }
    if (dryRun === 'server') {
      stdout += `${qualifiedKind(target.type)}/${name} scaled (server dry run)\n`;
      continue;
    }
    const scaled = host.store.update<StatefulSet>({ ...obj, spec: { ...obj.spec!, replicas } });
    if (timeoutMs > 0 && !host.waitFor(() => synced(host, scaled, replicas), timeoutMs)) {
      return fail(`${stderr}error: timed out waiting for "${name}" to be synced`, stdout);
    }
    // MakeRecordMergePatch: --record is a second write, a merge patch of the annotation alone.
    const cause = changeCause(args);
    const current = cause === undefined ? undefined : host.store.get(target.type.kind, namespace, name);
    if (current) host.store.update(recordChangeCause(current, cause));
    stdout += `${qualifiedKind(target.type)}/${name} scaled\n`;
  }
  stderr += missing;
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
}

/**
 * ScaleHasDesiredReplicas: the scale's status reports the size asked for (or something else has set another size
 * meanwhile, which ends the wait too).
 */
function synced(host: KubectlHost, scaled: Stored<StatefulSet>, replicas: number): boolean {
  const now = host.store.get<StatefulSet>(scaled.kind ?? '', scaled.metadata.namespace ?? '', scaled.metadata.name);
  if (!now) return false;
  if ((now.spec?.replicas ?? 1) !== replicas) return true;
  return now.status?.replicas === replicas;
}
