import { ApiError } from '../api/errors';
import { clone } from '../api/meta';
import { qualifiedKind, typeForKind } from '../api/resources';
import { flag, type ParsedArgs } from './args';
import { formatApiError } from './api-error';
import { mapManifests, readManifests } from './apply';
import type { KubectlHost } from './host';
import { fail, type CommandResult } from './output';

/** `kubectl create -f FILE`: creates each object; one that exists is an AlreadyExists error naming the source. */
export function runCreate(host: KubectlHost, args: ParsedArgs, stdin: string | undefined): CommandResult {
  if (flag(args, 'filename') === undefined) {
    return fail("error: must specify one of -f and -k\n\nSee 'kubectl create -h' for help and examples");
  }
  const objects = readManifests(host, args, stdin);
  if (!Array.isArray(objects)) return objects;
  const source = flag(args, 'filename') === '-' ? 'STDIN' : (flag(args, 'filename') ?? '');
  const mappingError = mapManifests(objects, source);
  if (mappingError) return mappingError;
  const namespace = flag(args, 'namespace');
  let stdout = '';
  let stderr = '';
  for (const manifest of objects) {
    const type = typeForKind(manifest.kind ?? '');
    if (!type) continue;
    const obj = clone(manifest);
    obj.metadata = obj.metadata ?? {};
    if (type.namespaced) obj.metadata.namespace = obj.metadata.namespace ?? namespace ?? 'default';
    try {
      const created = host.store.create(obj);
      stdout += `${qualifiedKind(type)}/${created.metadata.name} created\n`;
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      // AddSourceToErr: the server's message gains "error when creating <source>", except for Invalid.
      stderr +=
        err.reason === 'Invalid'
          ? `${formatApiError(err)}\n`
          : `Error from server (${err.reason}): error when creating "${source}": ${err.message}\n`;
    }
  }
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
}
