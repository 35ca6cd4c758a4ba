import type { Container, ResourceRequirements } from 'kubernetes-types/core/v1';
import { ApiError } from '../api/errors';
import { clone, deepEqual, type KubeObject, type Stored } from '../api/meta';
import { parseQuantity } from '../api/quantity';
import { qualifiedKind } from '../api/resources';
import { FlagError, boolFlag, flag, parseArgs, type FlagSpec, type ParsedArgs } from './args';
import { dryRunStrategy, dryRunSuffix, type DryRun } from './create-output';
import type { KubectlHost } from './host';
import { fetchInfos } from './list-matching';
import { checkErrors, fail, warnedFirst, type CommandResult } from './output';
import { changeCause, deprecationWarnings, recordChangeCause } from './record';
import { NAMES_WITH_SELECTOR, namesWithSelector, parseResourceArgs, NO_RESOURCES } from './resource-args';
import { podSpecOf, selectContainers } from './set-image';

const FLAGS: FlagSpec = {
  valued: {
    namespace: 'n',
    selector: 'l',
    containers: 'c',
    limits: undefined,
    requests: undefined,
    'dry-run': undefined,
    output: 'o',
    'field-manager': undefined,
  },
  boolean: { all: undefined, local: undefined, record: undefined },
};

const QUANTITY_FORMAT = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

/**
 * `kubectl set resources TYPE NAME… [-c CONTAINERS] --limits=cpu=200m,memory=512Mi --requests=…`
 * (SetResourcesOptions): merges the given limits and requests into every selected container (init containers too)
 * of each pod template. `words` are the words after "resources".
 */
export function runSetResources(host: KubectlHost, words: string[]): CommandResult {
  let args: ParsedArgs;
  try {
    args = parseArgs(words, FLAGS);
  } catch (err) {
    if (err instanceof FlagError) return fail(`error: ${err.message}\nSee 'kubectl set resources --help' for usage.`);
    throw err;
  }
  args.command = ['set', 'resources'];
  return warnedFirst(setResources(host, args), deprecationWarnings(args));
}

function setResources(host: KubectlHost, args: ParsedArgs): CommandResult {
  const dryRun = dryRunStrategy(args);
  if (typeof dryRun !== 'string') return dryRun;
  if (flag(args, 'output') !== undefined && flag(args, 'output') !== 'name') {
    return fail('error: kubesim: kubectl set resources -o is simulated only for name');
  }
  if (boolFlag(args, 'local')) return fail('error: kubesim: kubectl set resources --local is not simulated');
  const selectorText = flag(args, 'selector');
  const all = boolFlag(args, 'all');
  const targets = parseResourceArgs(args.positional);
  if (namesWithSelector(targets, selectorText)) return fail(NAMES_WITH_SELECTOR);
  if (targets.length === 0) return fail(NO_RESOURCES);
  // Complete: the builder fetches every object first, so one that is missing stops the command.
  const namespace = flag(args, 'namespace') ?? 'default';
  const { infos, missing } = fetchInfos(host, targets, namespace, selectorText);
  if (missing.length > 0) return fail(checkErrors(missing));
  // Validate
  if (all && selectorText !== undefined) return fail('error: cannot set --all and --selector at the same time');
  const limitsText = flag(args, 'limits') ?? '';
  const requestsText = flag(args, 'requests') ?? '';
  if (limitsText === '' && requestsText === '') {
    return fail('error: you must specify an update to requests or limits (in the form of --requests/--limits)');
  }
  const limits = parseResourceList(limitsText);
  if (typeof limits === 'string') return fail(`error: ${limits}`);
  const requests = parseResourceList(requestsText);
  if (typeof requests === 'string') return fail(`error: ${requests}`);
  return patchEach(host, infos, { containers: flag(args, 'containers') ?? '*', limits, requests }, dryRun, args);
}

interface ResourceUpdate {
  /** A path.Match pattern over container names. */
  containers: string;
  limits: Record<string, string>;
  requests: Record<string, string>;
}

/** Run: one patch per object; an object whose pod spec would not change is passed over without a word. */
function patchEach(
  host: KubectlHost,
  infos: Array<{ type: Parameters<typeof qualifiedKind>[0]; obj: Stored<KubeObject> }>,
  update: ResourceUpdate,
  dryRun: DryRun,
  args: ParsedArgs,
): CommandResult {
  const errors: string[] = [];
  let stdout = '';
  for (const { type, obj } of infos) {
    let next = clone(obj) as Stored<KubeObject>;
    const spec = podSpecOf(next);
    if (!spec) {
      // UpdatePodSpecForObject's error for a kind with no pod template, named as info.ObjectName() names it.
      errors.push(
        `error: ${type.plural}/${obj.metadata.name} the object is not a pod or does not have a pod template: *v1.${obj.kind}`,
      );
      continue;
    }
    const selected = [
      ...selectContainers(spec.containers, update.containers),
      ...selectContainers(spec.initContainers ?? [], update.containers),
    ];
    if (selected.length === 0) {
      errors.push(`error: unable to find container named ${update.containers}`);
      continue;
    }
    for (const container of selected) mergeResources(container, update);
    next = recordChangeCause(next, changeCause(args));
    if (deepEqual(next, obj)) continue;
    const name = `${qualifiedKind(type)}/${obj.metadata.name}`;
    if (flag(args, 'output') === 'name') {
      if (dryRun !== 'client') host.store.update(next, { dryRun: dryRun === 'server' });
      stdout += `${name}\n`;
      continue;
    }
    if (dryRun === 'client') {
      stdout += `${name} resource requirements updated (dry run)\n`;
      continue;
    }
    try {
      host.store.update(next, { dryRun: dryRun === 'server' });
      stdout += `${name} resource requirements updated${dryRunSuffix(dryRun)}\n`;
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      errors.push(`failed to patch resources update to pod template ${err.message}`);
    }
  }
  if (errors.length === 0) return { stdout, stderr: '', exitCode: 0 };
  return { stdout, stderr: `${checkErrors(errors)}\n`, exitCode: 1 };
}

function mergeResources(container: Container, update: ResourceUpdate): void {
  const resources: ResourceRequirements = container.resources ?? {};
  if (Object.keys(update.limits).length > 0) resources.limits = { ...(resources.limits ?? {}), ...update.limits };
  if (Object.keys(update.requests).length > 0) {
    resources.requests = { ...(resources.requests ?? {}), ...update.requests };
  }
  container.resources = resources;
}

/** populateResourceListV1: "cpu=200m,memory=512Mi". */
export function parseResourceList(spec: string): Record<string, string> | string {
  const list: Record<string, string> = {};
  if (spec === '') return list;
  for (const statement of spec.split(',')) {
    const parts = statement.split('=');
    if (parts.length !== 2) return `Invalid argument syntax ${statement}, expected <resource>=<value>`;
    if (!/^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/.test(parts[1]) || parseQuantity(parts[1]) === undefined) {
      return QUANTITY_FORMAT;
    }
    list[parts[0]] = parts[1];
  }
  return list;
}
