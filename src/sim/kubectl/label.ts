import { deepEqual, type KubeObject, type Stored } from '../api/meta';
import { liveObject, namesToVisit } from './list-matching';
import { qualifiedKind } from '../api/resources';
import { isValidLabelValue } from '../api/validation/names';
import { boolFlag, flag, type ParsedArgs } from './args';
import type { KubectlHost } from './host';
import { fail, type CommandResult } from './output';
import { NAMES_WITH_SELECTOR, namesWithSelector, parseResourceArgs } from './resource-args';
import { changeCause, recordChangeCause } from './record';
import { dryRunStrategy, dryRunSuffix } from './create-output';

/** parseLabels: `key=value` adds or changes, `key-` removes; values are checked before anything is sent. */
function parseLabelArgs(words: string[]): { add: Map<string, string>; remove: string[] } | string {
  const add = new Map<string, string>();
  const remove: string[] = [];
  for (const w of words) {
    if (w.includes('=')) {
      const parts = w.split('=');
      if (parts.length !== 2) return `error: invalid label spec: ${w}`;
      const errs = isValidLabelValue(parts[1]);
      if (errs.length > 0) return `error: invalid label value: ${JSON.stringify(w)}: ${errs.join(';')}`;
      add.set(parts[0], parts[1]);
    } else if (w.endsWith('-')) {
      remove.push(w.slice(0, -1));
    } else {
      return `error: unknown label spec: ${w}`;
    }
  }
  for (const k of remove) if (add.has(k)) return 'error: can not both modify and remove a label in the same command';
  return { add, remove };
}

/** `kubectl label TYPE NAME k=v k2- [--overwrite]` */
export function runLabel(host: KubectlHost, args: ParsedArgs): CommandResult {
  const resourceWords = args.positional.filter((w) => !w.includes('=') && !w.endsWith('-'));
  const labelWords = args.positional.filter((w) => w.includes('=') || w.endsWith('-'));
  if (labelWords.length === 0) return fail('error: at least one label update is required');
  const parsed = parseLabelArgs(labelWords);
  if (typeof parsed === 'string') return fail(parsed);
  const overwrite = boolFlag(args, 'overwrite');
  const dryRun = dryRunStrategy(args);
  if (typeof dryRun !== 'string') return dryRun;
  const targets = parseResourceArgs(resourceWords);
  const selectorText = flag(args, 'selector');
  const all = boolFlag(args, 'all');
  if (namesWithSelector(targets, selectorText)) return fail(NAMES_WITH_SELECTOR);
  if (targets.length === 0 || (targets.every((t) => t.names.length === 0) && selectorText === undefined && !all)) {
    return fail('error: resource(s) were provided, but no name was specified');
  }
  let stdout = '';
  let stderr = '';
  for (const target of targets) {
    const namespace = flag(args, 'namespace') ?? 'default';
    for (const name of namesToVisit(host, target, namespace, selectorText)) {
      const live = liveObject(host, target.type, namespace, name);
      const labels = { ...(live.metadata.labels ?? {}) };
      if (!overwrite) {
        for (const [k] of parsed.add) {
          if (k in labels) {
            return fail(`error: '${k}' already has a value (${labels[k]}), and --overwrite is false`, stdout);
          }
        }
      }
      for (const k of parsed.remove) {
        if (!(k in labels)) stderr += `label "${k}" not found.\n`;
        delete labels[k];
      }
      for (const [k, v] of parsed.add) labels[k] = v;
      const before = Object.keys(live.metadata.labels ?? {}).length;
      const relabeled = {
        ...live,
        metadata: { ...live.metadata, labels: Object.keys(labels).length > 0 ? labels : undefined },
      };
      const next = recordChangeCause(relabeled, changeCause(args));
      // A dry run changes nothing; its message still tells what the patch would have done.
      const changed = dryRun === 'none' ? host.store.update<Stored<KubeObject>>(next) !== live : !deepEqual(next, live);
      // updateDataChangeMsg: "unlabeled" when the object only shrank and --overwrite was not given.
      let msg = 'not labeled';
      if (changed) msg = !overwrite && Object.keys(labels).length < before ? 'unlabeled' : 'labeled';
      stdout += `${qualifiedKind(target.type)}/${name} ${msg}${dryRunSuffix(dryRun)}\n`;
    }
  }
  return { stdout, stderr, exitCode: 0 };
}
