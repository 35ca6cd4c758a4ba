import { apiVersionOf, resourceTypes, type ResourceType } from '../api/resources';
import { boolFlag, flag, type ParsedArgs } from './args';
import { fail, ok, type CommandResult } from './output';
import { formatTable } from './tabwriter';

const HEADER = ['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND'];

/**
 * `kubectl api-resources [--namespaced=BOOL] [--api-group=GROUP] [--sort-by=name|kind] [-o name] [--no-headers]`
 * (APIResourceOptions.RunAPIResources): the resources this apiserver's discovery serves, sorted stably by API
 * group (the core group first), each group's in discovery order (by name).
 */
export function runApiResources(args: ParsedArgs): CommandResult {
  if (args.positional.length > 0) {
    return fail(
      `error: unexpected arguments: [${args.positional.join(' ')}]\nSee 'kubectl api-resources -h' for help and examples`,
    );
  }
  const output = flag(args, 'output') ?? '';
  if (output === 'wide') return fail('kubesim: kubectl api-resources -o wide (verbs and categories) is not simulated');
  if (output !== '' && output !== 'name') return fail(`error: --output ${output} is not available`);
  const sortBy = flag(args, 'sort-by') ?? '';
  if (sortBy !== '' && sortBy !== 'name' && sortBy !== 'kind') {
    return fail('error: --sort-by accepts only name or kind');
  }
  const namespacedText = flag(args, 'namespaced');
  const group = flag(args, 'api-group');
  const served = resourceTypes()
    .filter((t) => namespacedText === undefined || t.namespaced === (namespacedText !== 'false'))
    .filter((t) => group === undefined || t.group === group)
    .sort((a, b) => compare(a.plural, b.plural))
    .sort((a, b) => compare(sortKey(a, sortBy), sortKey(b, sortBy)));
  if (output === 'name')
    return ok(served.map((t) => (t.group ? `${t.plural}.${t.group}\n` : `${t.plural}\n`)).join(''));
  const rows = served.map((t) => [t.plural, t.shortNames.join(','), apiVersionOf(t), String(t.namespaced), t.kind]);
  return ok(formatTable(boolFlag(args, 'no-headers') ? rows : [HEADER, ...rows]));
}

/** sortableResource.compareValues: by name, by kind, or (the default) by API group. */
function sortKey(t: ResourceType, sortBy: string): string {
  return sortBy === 'name' ? t.plural : sortBy === 'kind' ? t.kind : t.group;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
