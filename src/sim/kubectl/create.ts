import { flag, type ParsedArgs } from './args';
import { formatApiError } from './api-error';
import { runOnManifests } from './apply';
import type { KubectlHost } from './host';
import { fail, type CommandResult } from './output';
import { qualifiedKind } from '../api/resources';

/** `kubectl create -f FILE`: creates each object; one that exists is an AlreadyExists error naming the source. */
export function runCreate(host: KubectlHost, args: ParsedArgs, stdin: string | undefined): CommandResult {
  if (flag(args, 'filename') === undefined) {
    return fail("error: must specify one of -f and -k\n\nSee 'kubectl create -h' for help and examples");
  }
  return runOnManifests(
    host,
    args,
    stdin,
    ({ type, obj }) => `${qualifiedKind(type)}/${host.store.create(obj).metadata.name} created`,
    // AddSourceToErr: the server's message gains "error when creating <source>", except for Invalid.
    (err, source) =>
      err.reason === 'Invalid'
        ? formatApiError(err)
        : `Error from server (${err.reason}): error when creating "${source}": ${err.message}`,
  );
}
