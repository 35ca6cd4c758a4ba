import { parse as parseYaml } from 'yaml';
import { notFound } from '../api/errors';
import { deepEqual, writable, type KubeObject, type Stored } from '../api/meta';
import { flag, type ParsedArgs } from './args';
import type { KubectlHost } from './host';
import { JsonPatchError, applyJsonPatch } from './json-patch';
import { applyMergePatch } from './merge';
import { fail, ok, type CommandResult } from './output';
import { parseResourceArgs, NO_RESOURCES } from './resource-args';
import { strategicMergePatch } from './strategic-merge';
import { changeCause, recordChangeCause } from './record';
import { dryRunStrategy, outputFormatError, printCreated } from './create-output';

/** Parses a patch the way kubectl does (yaml.ToJSON); a syntax error comes back as kubectl's message. */
function parsePatch(text: string): { value: unknown } | { error: string } {
  try {
    return { value: parseYaml(text, { prettyErrors: false }) as unknown };
  } catch (err) {
    const line = /line (\d+)/.exec((err as Error).message)?.[1] ?? '1';
    return { error: `error: unable to parse "${text}": yaml: line ${line}: did not find expected node content` };
  }
}

/** `kubectl patch TYPE NAME -p PATCH [--type strategic|merge|json]` */
export function runPatch(host: KubectlHost, args: ParsedArgs): CommandResult {
  const patchText = flag(args, 'patch');
  if (patchText === undefined)
    return fail('error: must specify --patch or --patch-file containing the contents of the patch');
  const type = flag(args, 'type') ?? 'strategic';
  if (!['strategic', 'merge', 'json'].includes(type)) {
    return fail(`error: --type must be one of [json merge strategic], not "${type}"`);
  }
  const targets = parseResourceArgs(args.positional);
  const target = targets[0];
  if (!target || target.names.length === 0) {
    return fail(NO_RESOURCES);
  }
  const dryRun = dryRunStrategy(args);
  if (typeof dryRun !== 'string') return dryRun;
  const badOutput = outputFormatError(args);
  if (badOutput) return badOutput;
  const parsed = parsePatch(patchText);
  if ('error' in parsed) return fail(parsed.error);
  const patch = parsed.value;
  const namespace = target.type.namespaced ? (flag(args, 'namespace') ?? 'default') : '';
  let stdout = '';
  for (const name of target.names) {
    const live = host.store.get(target.type.kind, namespace, name);
    if (!live) throw notFound(target.type.kind, name);
    let patched: unknown;
    try {
      if (type === 'json') patched = applyJsonPatch(live, patch);
      else if (type === 'merge') patched = applyMergePatch(live, patch);
      else patched = strategicMergePatch(live, patch);
    } catch (err) {
      if (err instanceof JsonPatchError) {
        return fail('The request is invalid: the server rejected our request due to an error in our request');
      }
      throw err;
    }
    const obj = patched as Stored<KubeObject>;
    writable(obj.metadata).resourceVersion = live.metadata.resourceVersion;
    // A client dry run patches the object it fetched, locally, and reports whether that changed it.
    let written: Stored<KubeObject> = obj;
    if (dryRun !== 'client') written = host.store.update(obj, { dryRun: dryRun === 'server' });
    // didPatch is decided by the patch itself, before the change cause is recorded.
    const operation = deepEqual(written, live) ? 'patched (no change)' : 'patched';
    // MakeRecordMergePatch: --record is a second patch, of the annotation alone.
    const cause = changeCause(args);
    if (cause !== undefined && dryRun === 'none') written = host.store.update(recordChangeCause(written, cause));
    stdout += printCreated(written, args, dryRun, operation).stdout;
  }
  return ok(stdout);
}
