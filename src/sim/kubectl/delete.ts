import { qualifiedResource, type ResourceType } from '../api/resources';
import type { KubeObject, Stored } from '../api/meta';
import { boolFlag, flag, type ParsedArgs } from './args';
import type { KubectlHost } from './host';
import { listMatching } from './list-matching';
import { fail, type CommandResult } from './output';
import { NAMES_WITH_SELECTOR, namesWithSelector, parseResourceArgs } from './resource-args';
import { parseDuration } from '../clock';
import { parseCascade } from './cascade';
import { dryRunStrategy, dryRunSuffix, type DryRun } from './create-output';

/** DeleteOptions.PrintObj: v1.34 names the namespace of a namespaced object, then the dry run. */
export function deletedLine(
  type: ResourceType,
  name: string,
  namespace: string,
  force: boolean,
  dryRun: DryRun,
  output: string | undefined,
): string {
  const label = type.group === '' ? type.singular : `${type.singular}.${type.group}`;
  if (output === 'name') return `${label}/${name}\n`;
  const where = type.namespaced ? ` from ${namespace} namespace` : '';
  return `${label} "${name}" ${force ? 'force deleted' : 'deleted'}${where}${dryRunSuffix(dryRun)}\n`;
}

/**
 * `kubectl delete`: prints `<resource> "<name>" deleted` per object and, with the default --wait, advances
 * virtual time until the objects are gone.
 */
export function runDelete(host: KubectlHost, args: ParsedArgs): CommandResult {
  const graceText = flag(args, 'grace-period');
  const now = boolFlag(args, 'now');
  // DeleteOptions.Complete: --now is --grace-period=1, so it refuses a grace period of its own.
  if (now && graceText !== undefined && Number(graceText) !== -1) {
    return fail('error: --now and --grace-period cannot be specified together');
  }
  const targets = parseResourceArgs(args.positional);
  if (targets.length === 0) return fail('error: You must provide one or more resources by argument or filename.');
  const namespace = flag(args, 'namespace') ?? 'default';
  const selectorText = flag(args, 'selector');
  if (namesWithSelector(targets, selectorText)) return fail(NAMES_WITH_SELECTOR);
  const all = boolFlag(args, 'all');
  const force = boolFlag(args, 'force');
  let grace = now ? 1 : graceText !== undefined ? Number(graceText) : undefined;
  if (grace !== undefined && grace < 0) grace = undefined;
  if (force && grace === undefined) grace = 0;
  if (grace === 0 && !force) grace = 1; // kubectl: --grace-period=0 without --force means 1 s
  // DeleteOptions.Validate: a forced deletion is an immediate one.
  if (force && grace !== undefined && grace > 0) {
    return fail('error: --force and --grace-period greater than 0 cannot be specified together');
  }
  const cascade = parseCascade(flag(args, 'cascade'));
  if ('error' in cascade) return fail(cascade.error);
  const policy = cascade.policy;
  const waitFlag = flag(args, 'wait');
  const wait = waitFlag === undefined || waitFlag !== 'false';
  const timeoutMs = flag(args, 'timeout') ? parseDuration(flag(args, 'timeout') ?? '0') : 0;
  const dryRun = dryRunStrategy(args);
  if (typeof dryRun !== 'string') return dryRun;

  let stdout = '';
  // Printed while kubectl checks its flags, before anything is deleted.
  const warnings =
    cascade.warning +
    (force
      ? 'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n'
      : '');
  let stderr = warnings;
  const deleted: Array<{ kind: string; namespace: string; name: string; uid: string }> = [];
  for (const target of targets) {
    const ns = target.type.namespaced ? namespace : '';
    let objects: Stored<KubeObject>[] = [];
    if (target.names.length > 0) {
      for (const name of target.names) {
        const obj = host.store.get(target.type.kind, ns, name);
        if (obj) objects.push(obj);
        else {
          // AddSourceToErr: an object read from a file is named with it.
          const from = args.source !== undefined ? `error when deleting "${args.source}": ` : '';
          stderr += `Error from server (NotFound): ${from}${qualifiedResource(target.type)} "${name}" not found\n`;
        }
      }
    } else if (selectorText !== undefined || all) {
      objects = listMatching(host, target.type, ns, selectorText);
    } else {
      return fail('error: resource(s) were provided, but no name was specified');
    }
    for (const obj of objects) {
      // A server dry run is answered as if deleted, and nothing is; a client one never reaches the server.
      if (dryRun === 'none') {
        host.store.delete(target.type.kind, ns, obj.metadata.name, {
          gracePeriodSeconds: grace,
          propagationPolicy: policy,
        });
      }
      stdout += deletedLine(target.type, obj.metadata.name, ns, force, dryRun, flag(args, 'output'));
      deleted.push({ kind: target.type.kind, namespace: ns, name: obj.metadata.name, uid: obj.metadata.uid ?? '' });
    }
  }
  const stderrBeforeStdout = warnings.length;
  // DeleteResult writes this to stdout.
  if (deleted.length === 0 && stderr === warnings)
    return { stdout: 'No resources found\n', stderr: warnings, exitCode: 0, stderrBeforeStdout };
  // There is nothing to wait for after a dry run.
  if (wait && deleted.length > 0 && dryRun === 'none') {
    const gone = (): boolean =>
      deleted.every((d) => host.store.get(d.kind, d.namespace, d.name)?.metadata.uid !== d.uid);
    // kubectl's default --timeout=0 means "a week": long enough for any graceful deletion here.
    if (!host.waitFor(gone, timeoutMs > 0 ? timeoutMs : 7 * 24 * 3600 * 1000)) {
      stderr += 'error: timed out waiting for the condition\n';
    }
  }
  return { stdout, stderr, exitCode: stderr.length > warnings.length ? 1 : 0, stderrBeforeStdout };
}
