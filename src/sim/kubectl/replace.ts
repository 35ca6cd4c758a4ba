import { ApiError, notFound } from '../api/errors';
import { clone, type KubeObject, type Stored } from '../api/meta';
import { typeForKind, type ResourceType } from '../api/resources';
import { parseDuration } from '../clock';
import { formatApiError } from './api-error';
import { manifestSource, mapManifests, readManifests, runOnManifests, withSource } from './apply';
import { boolFlag, flag, type ParsedArgs } from './args';
import { parseCascade } from './cascade';
import { dryRunStrategy, outputFormatError, printCreated } from './create-output';
import { deletedLine } from './delete';
import type { KubectlHost } from './host';
import { createOrUpdateAnnotation } from './last-applied';
import { fail, type CommandResult } from './output';
import { changeCause, recordChangeCause } from './record';

/** forceReplace polls this long for the old objects' names to be free when --timeout is not given. */
const FORCE_REPLACE_TIMEOUT_MS = 5 * 60 * 1000;
const WEEK_MS = 7 * 24 * 3600 * 1000;

/**
 * `kubectl replace -f`: each manifest is sent whole (a PUT), so every field it leaves out goes back to its default;
 * with --force, the objects are deleted, waited for, and created again from the manifests.
 */
export function runReplace(host: KubectlHost, args: ParsedArgs, stdin: string | undefined): CommandResult {
  const dryRun = dryRunStrategy(args);
  if (typeof dryRun !== 'string') return dryRun;
  const badOutput = outputFormatError(args);
  if (badOutput) return badOutput;
  const cascade = parseCascade(flag(args, 'cascade'));
  if ('error' in cascade) return fail(cascade.error);
  if (flag(args, 'filename') === undefined) return fail('error: must specify one of -f and -k');
  const force = boolFlag(args, 'force');
  const graceText = flag(args, 'grace-period');
  const timeoutText = flag(args, 'timeout');
  // ReplaceOptions.Validate: the deletion flags only mean something to a forced replace.
  if (graceText !== undefined && Number(graceText) >= 0 && !force) {
    return fail('error: --grace-period must have --force specified');
  }
  const timeoutMs = timeoutText === undefined ? 0 : parseDuration(timeoutText);
  if (timeoutMs !== 0 && !force) return fail('error: --timeout must have --force specified');
  const saveConfig = boolFlag(args, 'save-config');
  // CreateOrUpdateAnnotation comes before Recorder.Record: the change cause stays out of the saved configuration.
  const prepare = (obj: KubeObject): KubeObject =>
    recordChangeCause(createOrUpdateAnnotation(saveConfig, obj), changeCause(args));
  if (force) {
    if (dryRun !== 'none') return fail('error: kubesim: kubectl replace --force --dry-run is not simulated');
    // Complete: --grace-period=0 becomes 1, so the old objects still get the kubelet's confirmation.
    const grace = graceText === undefined || Number(graceText) < 0 ? undefined : Math.max(1, Number(graceText));
    const result = forceReplace(host, args, stdin, prepare, {
      grace,
      policy: cascade.policy,
      timeoutMs,
    });
    return { ...result, stderr: cascade.warning + result.stderr };
  }
  const source = manifestSource(args);
  const result = runOnManifests(
    host,
    args,
    stdin,
    ({ type, obj }) => {
      const body = prepare(obj);
      if (dryRun === 'client') return printCreated(body, args, dryRun, 'replaced').stdout;
      try {
        return printCreated(putWhole(host, type, body, dryRun === 'server'), args, dryRun, 'replaced').stdout;
      } catch (err) {
        throw err instanceof ApiError ? withSource(err, 'replacing', source) : err;
      }
    },
    (err) => formatApiError(err),
  );
  return { ...result, stderr: cascade.warning + result.stderr };
}

/**
 * Helper.Replace with overwrite: a manifest without a resourceVersion takes the live one, so the PUT cannot
 * conflict; one with a stale resourceVersion does. The registry's PrepareForUpdate keeps the live status.
 */
export function putWhole(host: KubectlHost, type: ResourceType, obj: KubeObject, dryRun = false): Stored<KubeObject> {
  const name = obj.metadata?.name ?? '';
  const live = host.store.get(type.kind, type.namespaced ? (obj.metadata?.namespace ?? 'default') : '', name);
  // A PUT creates nothing for these resources (AllowCreateOnUpdate is false).
  if (!live) throw notFound(type.kind, name);
  const body = clone(obj) as KubeObject & { status?: unknown };
  body.metadata = {
    ...body.metadata,
    resourceVersion: body.metadata?.resourceVersion || live.metadata.resourceVersion,
  };
  const status = (live as { status?: unknown }).status;
  if (status === undefined) delete body.status;
  else body.status = status;
  return host.store.update(body, { dryRun });
}

interface ForceDeletion {
  grace: number | undefined;
  policy: 'Background' | 'Foreground' | 'Orphan';
  /** --timeout; 0 when not given. */
  timeoutMs: number;
}

/**
 * forceReplace: deletes what the manifests name (those already gone are no error), waits until no object of
 * those names is left, then creates each manifest afresh, its resourceVersion dropped (Helper.Create with modify).
 */
function forceReplace(
  host: KubectlHost,
  args: ParsedArgs,
  stdin: string | undefined,
  prepare: (obj: KubeObject) => KubeObject,
  deletion: ForceDeletion,
): CommandResult {
  const manifests = readManifests(host, args, stdin);
  if (!Array.isArray(manifests)) return manifests;
  const source = manifestSource(args);
  const mappingError = mapManifests(manifests, source);
  if (mappingError) return mappingError;
  const namespace = flag(args, 'namespace') ?? 'default';
  const targets = manifests.map((manifest) => {
    const type = typeForKind(manifest.kind ?? '') as ResourceType;
    const ns = type.namespaced ? (manifest.metadata?.namespace ?? namespace) : '';
    return { type, ns, name: manifest.metadata?.name ?? '', manifest };
  });
  let stdout = '';
  let stderr = '';
  const deleted: Array<{ kind: string; ns: string; name: string; uid: string | undefined }> = [];
  for (const t of targets) {
    const live = host.store.get(t.type.kind, t.ns, t.name);
    if (!live) continue;
    host.store.delete(t.type.kind, t.ns, t.name, {
      gracePeriodSeconds: deletion.grace,
      propagationPolicy: deletion.policy,
    });
    stdout += deletedLine(t.type, t.name, t.ns, false, 'none', undefined);
    deleted.push({ kind: t.type.kind, ns: t.ns, name: t.name, uid: live.metadata.uid });
  }
  const timedOut = { stdout, stderr: 'error: timed out waiting for the condition\n', exitCode: 1 };
  // DeleteResult waits for the deleted objects (by uid); --timeout 0 means a week there.
  const uidsGone = (): boolean => deleted.every((d) => host.store.get(d.kind, d.ns, d.name)?.metadata.uid !== d.uid);
  if (!host.waitFor(uidsGone, deletion.timeoutMs || WEEK_MS)) return timedOut;
  // Then PollImmediate, a Get a second: a controller that makes an object of that name again keeps it waiting.
  const deadline = host.clock.now() + (deletion.timeoutMs || FORCE_REPLACE_TIMEOUT_MS);
  const present = (): boolean => targets.some((t) => host.store.get(t.type.kind, t.ns, t.name));
  while (present()) {
    const left = deadline - host.clock.now();
    if (left <= 0) return timedOut;
    host.waitFor(() => false, Math.min(1000, left));
  }
  // The YAML printer separates the objects it prints with a document marker.
  let separator = '';
  for (const t of targets) {
    const body = clone(prepare(t.manifest));
    const metadata = { ...body.metadata };
    delete metadata.resourceVersion;
    if (t.type.namespaced) metadata.namespace = t.ns;
    else delete metadata.namespace;
    body.metadata = metadata;
    try {
      stdout += separator + printCreated(host.store.create(body), args, 'none', 'replaced').stdout;
      if (flag(args, 'output') === 'yaml') separator = '---\n';
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      stderr += `${formatApiError(err)}\n`;
    }
  }
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
}
