import type { Node } from 'kubernetes-types/core/v1';
import { notFound } from '../api/errors';
import { selectorMatches } from '../api/meta';
import { flag, type ParsedArgs } from './args';
import { parseLabelSelector } from './label-selector';
import type { KubectlHost } from './host';
import { fail, ok, type CommandResult } from './output';
import { dryRunStrategy, dryRunSuffix } from './create-output';

/** `kubectl cordon NODE` / `kubectl uncordon NODE`: sets spec.unschedulable (drain.RunCordonOrUncordon). */
export function runCordon(host: KubectlHost, args: ParsedArgs, desired: boolean): CommandResult {
  const verb = desired ? 'cordon' : 'uncordon';
  const selectorText = flag(args, 'selector');
  if (args.positional.length === 0 && selectorText === undefined)
    return fail(`error: USAGE: ${verb} NODE [flags]\nSee 'kubectl ${verb} -h' for help and examples`);
  if (args.positional.length > 0 && selectorText) {
    return fail(
      `error: cannot specify both a node name and a --selector option\nSee 'kubectl ${verb} -h' for help and examples`,
    );
  }
  // -l picks the nodes by label, in name order.
  const selected =
    selectorText === undefined
      ? args.positional
      : host.store
          .list<Node>('Node')
          .filter((n) => selectorMatches(parseLabelSelector(selectorText), n.metadata.labels))
          .map((n) => n.metadata.name);
  const dryRun = dryRunStrategy(args);
  if (typeof dryRun !== 'string') return dryRun;
  const suffix = dryRunSuffix(dryRun);
  let stdout = '';
  for (const arg of selected) {
    const name = arg.startsWith('node/') || arg.startsWith('nodes/') ? arg.slice(arg.indexOf('/') + 1) : arg;
    const node = host.store.get<Node>('Node', '', name);
    if (!node) throw notFound('Node', name);
    const done = desired ? 'cordoned' : 'uncordoned';
    if ((node.spec?.unschedulable ?? false) === desired) {
      stdout += `node/${name} already ${done}${suffix}\n`;
      continue;
    }
    const spec = { ...node.spec };
    if (desired) spec.unschedulable = true;
    else delete spec.unschedulable;
    if (dryRun === 'none') host.store.update<Node>({ ...node, spec });
    stdout += `node/${name} ${done}${suffix}\n`;
  }
  return ok(stdout);
}
