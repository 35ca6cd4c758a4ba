import { flag, type ParsedArgs } from './args';
import { formatApiError } from './api-error';
import { runOnManifests } from './apply';
import type { KubectlHost } from './host';
import { fail, ok, type CommandResult } from './output';
import { ApiError } from '../api/errors';
import { changeCause, recordChangeCause } from './record';
import { dryRunStrategy, outputFormatError, printCreated } from './create-output';

/** `kubectl create -f FILE`: creates each object; one that exists is an AlreadyExists error naming the source. */
export function runCreate(host: KubectlHost, args: ParsedArgs, stdin: string | undefined): CommandResult {
  const [generator, ...names] = args.positional;
  if (generator === 'namespace' || generator === 'ns') {
    if (flag(args, 'dry-run') !== undefined)
      return fail('kubesim: kubectl create namespace --dry-run is not simulated');
    return createNamespace(host, names);
  }
  if (flag(args, 'filename') === undefined) {
    return fail("error: must specify one of -f and -k\n\nSee 'kubectl create -h' for help and examples");
  }
  const dryRun = dryRunStrategy(args);
  if (typeof dryRun !== 'string') return dryRun;
  const badOutput = outputFormatError(args);
  if (badOutput) return badOutput;
  return runOnManifests(
    host,
    args,
    stdin,
    ({ obj }) => {
      // A client dry run never reaches the apiserver, so it cannot find that an object exists already.
      const request = recordChangeCause(obj, changeCause(args));
      const created = dryRun === 'client' ? request : host.store.create(request, { dryRun: dryRun === 'server' });
      return printCreated(created, args, dryRun).stdout;
    },
    // AddSourceToErr: the server's message gains "error when creating <source>", except for Invalid.
    (err, source) =>
      err.reason === 'Invalid'
        ? formatApiError(err)
        : `Error from server (${err.reason}): error when creating "${source}": ${err.message}`,
  );
}

/** `kubectl create namespace NAME` */
function createNamespace(host: KubectlHost, names: string[]): CommandResult {
  if (names.length !== 1)
    return fail(
      `error: exactly one NAME is required, got ${names.length}\nSee 'kubectl create namespace -h' for help and examples`,
    );
  try {
    const created = host.store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: names[0] } });
    return ok(`namespace/${created.metadata.name} created\n`);
  } catch (err) {
    if (err instanceof ApiError) return fail(formatApiError(err));
    throw err;
  }
}
