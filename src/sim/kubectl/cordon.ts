import type { Node } from 'kubernetes-types/core/v1';
import { notFound } from '../api/errors';
import type { ParsedArgs } from './args';
import type { KubectlHost } from './host';
import { fail, ok, type CommandResult } from './output';

/** `kubectl cordon NODE` / `kubectl uncordon NODE`: sets spec.unschedulable (drain.RunCordonOrUncordon). */
export function runCordon(host: KubectlHost, args: ParsedArgs, desired: boolean): CommandResult {
  const verb = desired ? 'cordon' : 'uncordon';
  if (args.positional.length === 0)
    return fail(`error: USAGE: ${verb} NODE [flags]\nSee 'kubectl ${verb} -h' for help and examples`);
  let stdout = '';
  for (const arg of args.positional) {
    const name = arg.startsWith('node/') || arg.startsWith('nodes/') ? arg.slice(arg.indexOf('/') + 1) : arg;
    const node = host.store.get<Node>('Node', '', name);
    if (!node) throw notFound('Node', name);
    const done = desired ? 'cordoned' : 'uncordoned';
    if ((node.spec?.unschedulable ?? false) === desired) {
      stdout += `node/${name} already ${done}\n`;
      continue;
    }
    const spec = { ...node.spec };
    if (desired) spec.unschedulable = true;
    else delete spec.unschedulable;
    host.store.update<Node>({ ...node, spec });
    stdout += `node/${name} ${done}\n`;
  }
  return ok(stdout);
}
