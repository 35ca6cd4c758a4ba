import { type KubeObject, type Stored } from '../api/meta';
import { qualifiedKind } from '../api/resources';
import { CHANGE_CAUSE_ANNOTATION } from '../controllers/deployment/deployment-util';
import { boolFlag, flag, type ParsedArgs } from './args';
import type { KubectlHost } from './host';
import { liveObject, namesToVisit } from './list-matching';
import { fail, type CommandResult } from './output';
import { NAMES_WITH_SELECTOR, namesWithSelector, parseResourceArgs } from './resource-args';
import { changeCause } from './record';
import { dryRunStrategy, dryRunSuffix } from './create-output';

/** A word that is an annotation change ("k=v", "k-") rather than a resource (cmdutil.GetResourcesAndPairs). */
function isPair(word: string): boolean {
  return (word.includes('=') && word[0] !== '=') || (word.endsWith('-') && word !== '-');
}

/** GetResourcesAndPairs + ParsePairs: resources first, then `key=value` to set and `key-` to remove. */
function splitArgs(
  words: string[],
): { resources: string[]; add: Map<string, string>; remove: string[] } | { error: string } {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const word of words) {
    if (isPair(word)) pairs.push(word);
    else if (pairs.length > 0)
      return { error: `error: all resources must be specified before annotation changes: ${word}` };
    else resources.push(word);
  }
  const add = new Map<string, string>();
  const remove: string[] = [];
  const invalid: string[] = [];
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq > 0) add.set(pair.slice(0, eq), pair.slice(eq + 1));
    else if (pair.endsWith('-') && pair !== '-') remove.push(pair.slice(0, -1));
    else invalid.push(pair);
  }
  if (invalid.length > 0) return { error: `error: invalid annotation format: ${invalid.join(', ')}` };
  return { resources, add, remove };
}

/** validateNoAnnotationOverwrites: without --overwrite an annotation already set is refused, change-cause aside. */
function overwriteError(obj: Stored<KubeObject>, add: Map<string, string>): string | undefined {
  const existing = obj.metadata.annotations ?? {};
  const found: string[] = [];
  for (const [key] of add) {
    if (key === CHANGE_CAUSE_ANNOTATION || !(key in existing)) continue;
    found.push(`'${key}' already has a value (${existing[key]})`);
  }
  if (found.length === 0) return undefined;
  return `error: --overwrite is false but found the following declared annotation(s): ${found.join('; ')}`;
}

/** `kubectl annotate TYPE NAME k=v k2- [--overwrite] [-l SELECTOR | --all]` */
export function runAnnotate(host: KubectlHost, args: ParsedArgs): CommandResult {
  const parsed = splitArgs(args.positional);
  if ('error' in parsed) return fail(parsed.error);
  const selectorText = flag(args, 'selector');
  const all = boolFlag(args, 'all');
  if (all && selectorText !== undefined) return fail('error: cannot set --all and --selector at the same time');
  if (parsed.resources.length === 0) {
    return fail('error: one or more resources must be specified as <resource> <name> or <resource>/<name>');
  }
  if (parsed.add.size === 0 && parsed.remove.length === 0)
    return fail('error: at least one annotation update is required');
  const both = parsed.remove.filter((k) => parsed.add.has(k));
  if (both.length > 0) {
    return fail(
      `error: can not both modify and remove the following annotation(s) in the same command: ${both.join(', ')}`,
    );
  }
  const targets = parseResourceArgs(parsed.resources);
  if (namesWithSelector(targets, selectorText)) return fail(NAMES_WITH_SELECTOR);
  if (targets.every((t) => t.names.length === 0) && selectorText === undefined && !all) {
    return fail('error: resource(s) were provided, but no name was specified');
  }
  const overwrite = boolFlag(args, 'overwrite');
  const dryRun = dryRunStrategy(args);
  if (typeof dryRun !== 'string') return dryRun;
  let stdout = '';
  for (const target of targets) {
    const namespace = flag(args, 'namespace') ?? 'default';
    for (const name of namesToVisit(host, target, namespace, selectorText)) {
      const live = liveObject(host, target.type, namespace, name);
      const refused = overwrite ? undefined : overwriteError(live, parsed.add);
      if (refused) return fail(refused, stdout);
      const annotations = { ...(live.metadata.annotations ?? {}) };
      for (const [k, v] of parsed.add) annotations[k] = v;
      for (const k of parsed.remove) delete annotations[k];
      const cause = changeCause(args);
      if (cause !== undefined) annotations[CHANGE_CAUSE_ANNOTATION] = cause;
      if (dryRun === 'none') {
        host.store.update<Stored<KubeObject>>({
          ...live,
          metadata: { ...live.metadata, annotations: Object.keys(annotations).length > 0 ? annotations : undefined },
        });
      }
      // The printer's operation is "annotated" whether or not the patch changed anything.
      stdout += `${qualifiedKind(target.type)}/${name} annotated${dryRunSuffix(dryRun)}\n`;
    }
  }
  return { stdout, stderr: '', exitCode: 0 };
}
