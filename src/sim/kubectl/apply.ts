import { ApiError } from '../api/errors';
import { formatApiError } from './api-error';
import { clone, deepEqual, writable, type KubeObject, type Stored } from '../api/meta';
import { qualifiedKind, typeForKind, type ResourceType } from '../api/resources';
import { ManifestError, parseManifests } from '../manifest';
import { flag, type ParsedArgs } from './args';
import type { KubectlHost } from './host';
import { threeWayMerge } from './merge';
import { LAST_APPLIED, withLastApplied } from './last-applied';
import { fail, type CommandResult } from './output';
import { changeCause, recordChangeCause } from './record';
import { dryRunStrategy, dryRunSuffix, outputFormatError, printCreated, type DryRun } from './create-output';

export { LAST_APPLIED };

/** The -f source as errors name it: "STDIN" for -, else the file name. */
export function manifestSource(args: ParsedArgs): string {
  const file = flag(args, 'filename') ?? '';
  return file === '-' ? 'STDIN' : file;
}

/** Reads the manifests named by -f (a file, or "-" for stdin). */
export function readManifests(
  host: KubectlHost,
  args: ParsedArgs,
  stdin: string | undefined,
): KubeObject[] | CommandResult {
  const file = flag(args, 'filename');
  if (file === undefined) return fail('error: must specify one of -f and -k');
  const source = file === '-' ? 'STDIN' : file;
  const text = file === '-' ? stdin : host.readFile(file);
  if (text === undefined) {
    return fail(`error: the path "${file}" does not exist`);
  }
  try {
    return parseManifests(text, source);
  } catch (err) {
    if (err instanceof ManifestError) return fail(err.message);
    throw err;
  }
}

/** Finds each manifest's resource type before anything is written, as kubectl's builder does. */
export function mapManifests(objects: KubeObject[], source: string): CommandResult | undefined {
  for (const obj of objects) {
    if (!obj.kind || !obj.apiVersion) {
      const missing = !obj.apiVersion ? 'apiVersion' : 'kind';
      return fail(
        `error: error validating "${source}": error validating data: ${missing} not set; if you choose to ignore these errors, turn validation off with --validate=false`,
      );
    }
    const type = typeForKind(obj.kind);
    const expected = type ? (type.group === '' ? type.version : `${type.group}/${type.version}`) : undefined;
    if (!type || expected !== obj.apiVersion) {
      return fail(
        `error: resource mapping not found for name: "${obj.metadata?.name ?? ''}" namespace: "${obj.metadata?.namespace ?? ''}" from "${source}": no matches for kind "${obj.kind}" in version "${obj.apiVersion}"\nensure CRDs are installed first`,
      );
    }
  }
  return undefined;
}

/** `kubectl apply -f`: client-side apply with the last-applied-configuration annotation. */
export function runApply(host: KubectlHost, args: ParsedArgs, stdin: string | undefined): CommandResult {
  const dryRun = dryRunStrategy(args);
  if (typeof dryRun !== 'string') return dryRun;
  const badOutput = outputFormatError(args);
  if (badOutput) return badOutput;
  const source = manifestSource(args);
  const output = flag(args, 'output') ?? '';
  return runOnManifests(
    host,
    args,
    stdin,
    // Recorder.Record comes first: the change cause is part of the last-applied configuration too.
    ({ type, obj }) => {
      const result = applyOne(host, recordChangeCause(obj, changeCause(args)), source, dryRun);
      if (output === '')
        return `${qualifiedKind(type)}/${obj.metadata?.name} ${result.operation}${dryRunSuffix(dryRun)}\n`;
      return printCreated(result.object, args, dryRun, result.operation).stdout;
    },
    (err) => formatApiError(err),
  );
}

/**
 * What `apply -f` and `create -f` share: read and map every manifest first (nothing is written when one is
 * malformed or of an unknown kind), default the namespace, then act on each object in turn, collecting one line
 * of output or one server error per object.
 */
export function runOnManifests(
  host: KubectlHost,
  args: ParsedArgs,
  stdin: string | undefined,
  /** What one object prints, its newline included. */
  act: (target: { type: ResourceType; obj: KubeObject }) => string,
  describeError: (err: ApiError, source: string) => string,
): CommandResult {
  const objects = readManifests(host, args, stdin);
  if (!Array.isArray(objects)) return objects;
  const source = manifestSource(args);
  const mappingError = mapManifests(objects, source);
  if (mappingError) return mappingError;
  const namespace = flag(args, 'namespace');
  // The YAML printer separates the objects it prints with a document marker.
  const yaml = flag(args, 'output') === 'yaml';
  let stdout = '';
  let stderr = '';
  for (const manifest of objects) {
    const type = typeForKind(manifest.kind ?? '');
    if (!type) continue;
    const obj = clone(manifest);
    obj.metadata = obj.metadata ?? {};
    if (type.namespaced) obj.metadata.namespace = obj.metadata.namespace ?? namespace ?? 'default';
    try {
      const printed = act({ type, obj });
      stdout += yaml && stdout !== '' ? `---\n${printed}` : printed;
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      stderr += `${describeError(err, source)}\n`;
    }
  }
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
}

/**
 * One object applied. A client dry run works out the answer from the live object; a server one sends the request
 * with dryRun, so defaults and validation answer, and nothing is written either way.
 */
function applyOne(
  host: KubectlHost,
  manifest: KubeObject,
  source: string,
  dryRun: DryRun,
): { operation: 'created' | 'configured' | 'unchanged'; object: KubeObject } {
  const annotated = clone(withLastApplied(manifest));
  const type = typeForKind(manifest.kind ?? '');
  const live = host.store.get(
    manifest.kind ?? '',
    type?.namespaced ? (manifest.metadata?.namespace ?? 'default') : '',
    manifest.metadata?.name ?? '',
  );
  if (!live) {
    if (dryRun === 'client') return { operation: 'created', object: annotated };
    try {
      return { operation: 'created', object: host.store.create(annotated, { dryRun: dryRun === 'server' }) };
    } catch (err) {
      throw err instanceof ApiError ? withSource(err, 'creating', source) : err;
    }
  }
  const previous = live.metadata.annotations?.[LAST_APPLIED];
  const original = previous ? (JSON.parse(previous) as unknown) : {};
  const merged = threeWayMerge(original, annotated, live) as Stored<KubeObject>;
  writable(merged.metadata).resourceVersion = live.metadata.resourceVersion;
  // The patch kubectl would send is empty exactly when the merge leaves the live object as it is.
  const unchanged = deepEqual(merged, live);
  // An empty patch is never sent.
  if (dryRun === 'client' || unchanged) return { operation: unchanged ? 'unchanged' : 'configured', object: merged };
  const written = host.store.update(merged, { dryRun: dryRun === 'server' });
  return { operation: deepEqual(written, live) ? 'unchanged' : 'configured', object: written };
}

/**
 * AddSourceToErr: the server's message gains `error when creating "STDIN": `. An Invalid error still prints from
 * its causes, so only the other reasons show it.
 */
export function withSource(err: ApiError, verb: string, source: string): ApiError {
  if (source === '') return err;
  const tagged = new ApiError(err.reason, err.code, `error when ${verb} "${source}": ${err.message}`);
  tagged.causes = err.causes;
  tagged.detailsKind = err.detailsKind;
  tagged.detailsName = err.detailsName;
  return tagged;
}

export function errorPrefix(err: ApiError): string {
  return `Error from server (${err.reason}): `;
}
