import { flag, type ParsedArgs } from './args';
import { fail, subcommandRequired, type CommandResult } from './output';

const NODE = ['node', 'nodes', 'no'];
const POD = ['pod', 'pods', 'po'];

/**
 * `kubectl top node|pod`: this cluster runs no metrics-server, so discovery lists no metrics.k8s.io group and
 * RunTopNode / RunTopPod stop there, after their flags are checked.
 */
export function runTop(args: ParsedArgs): CommandResult {
  const [sub, ...rest] = args.positional;
  if (sub === undefined || (!NODE.includes(sub) && !POD.includes(sub))) {
    return subcommandRequired('top', args.positional, ['node', 'pod']);
  }
  const sortBy = flag(args, 'sort-by');
  if (sortBy !== undefined && sortBy !== '' && sortBy !== 'cpu' && sortBy !== 'memory') {
    return fail('error: --sort-by accepts only cpu or memory');
  }
  if (POD.includes(sub) && rest.length > 0 && flag(args, 'selector') !== undefined) {
    return fail('error: only one of NAME or --selector can be provided');
  }
  return fail('error: Metrics API not available');
}
