import type { Node } from 'kubernetes-types/core/v1';
import type { Stored } from '../api/meta';
import { lookupResource } from '../api/resources';
import { boolFlag, flag, type ParsedArgs } from './args';
import type { KubectlHost } from './host';
import { listMatching } from './list-matching';
import { checkErrors, fail, type CommandResult } from './output';
import { dryRunStrategy, dryRunSuffix } from './create-output';
import { alreadyPresent, conflicts, parseTaints, reorganizeTaints } from './taint-spec';

/** Whether a word is a taint change rather than a resource (TaintOptions.Complete). */
function isTaintArg(word: string): boolean {
  return word.includes('=') || word.includes(':') || word.endsWith('-');
}

/**
 * `kubectl taint node NAME… KEY[=VALUE]:EFFECT… [KEY[:EFFECT]-…] [--overwrite] [-l SELECTOR | --all]`
 * (TaintOptions: Complete, Validate, RunTaint): prints `node/NAME tainted|untainted|modified` per node.
 */
export function runTaint(host: KubectlHost, args: ParsedArgs): CommandResult {
  const resources: string[] = [];
  const taintArgs: string[] = [];
  for (const word of args.positional) {
    if (isTaintArg(word)) taintArgs.push(word);
    else if (taintArgs.length > 0) return fail(`error: all resources must be specified before taint changes: ${word}`);
    else resources.push(word);
  }
  if (resources.length < 1) return fail('error: one or more resources must be specified as <resource> <name>');
  if (taintArgs.length < 1) return fail('error: at least one taint update is required');
  const dryRun = dryRunStrategy(args);
  if (typeof dryRun !== 'string') return dryRun;
  const parsed = parseTaints(taintArgs);
  if ('error' in parsed) return fail(`error: ${parsed.error}\nSee 'kubectl taint -h' for help and examples`);

  const resourceType = resources[0].toLowerCase();
  const type = lookupResource(resourceType);
  if (!type) return fail(`error: the server doesn't have a resource type "${resourceType}"`);
  if (type.kind !== 'Node') return fail(`error: invalid resource type ${resourceType}, only node types are supported`);
  const clash = conflicts(parsed.add, parsed.remove);
  if (clash.length > 0) {
    return fail(
      `error: can not both modify and remove the following taint(s) in the same command: ${clash.join(', ')}`,
    );
  }
  const selectorText = flag(args, 'selector');
  const all = boolFlag(args, 'all');
  if (all && selectorText !== undefined && selectorText !== '') {
    return fail("error: setting 'all' parameter with a non empty selector is prohibited");
  }
  if (!all && !selectorText && resources.length < 2) {
    return fail("error: at least one resource name must be specified since 'all' parameter is not set");
  }

  const names =
    all || selectorText ? listMatching(host, type, '', selectorText).map((n) => n.metadata.name) : resources.slice(1);
  const overwrite = boolFlag(args, 'overwrite');
  let stdout = '';
  // The builder continues on error: every node is visited and the errors are reported together.
  const errors: string[] = [];
  for (const name of names) {
    const node = host.store.get<Node>('Node', '', name);
    if (!node) {
      errors.push(`Error from server (NotFound): nodes "${name}" not found`);
      continue;
    }
    const existing = node.spec?.taints ?? [];
    const present = overwrite ? '' : alreadyPresent(existing, parsed.add);
    if (present) {
      errors.push(`node ${name} already has ${present} taint(s) with same effect(s) and --overwrite is false`);
      continue;
    }
    const result = reorganizeTaints(existing, overwrite, parsed.add, parsed.remove);
    if (result.errors.length > 0) {
      errors.push(...result.errors);
      continue;
    }
    const spec = { ...node.spec };
    if (result.taints.length > 0) spec.taints = result.taints;
    else delete spec.taints;
    if (dryRun === 'none') host.store.update<Stored<Node>>({ ...node, spec });
    stdout += `node/${name} ${result.operation}${dryRunSuffix(dryRun)}\n`;
  }
  if (errors.length === 0) return { stdout, stderr: '', exitCode: 0 };
  return fail(checkErrors(errors), stdout);
}
