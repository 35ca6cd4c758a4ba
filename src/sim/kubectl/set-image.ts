import type { Container, PodSpec } from 'kubernetes-types/core/v1';
import { clone, type KubeObject, type Stored } from '../api/meta';
import { qualifiedKind, qualifiedResource } from '../api/resources';
import { flag, type ParsedArgs } from './args';
import type { KubectlHost } from './host';
import { fail, subcommandRequired, type CommandResult } from './output';
import { parseResourceArgs } from './resource-args';
import { changeCause, recordChangeCause } from './record';
import { dryRunStrategy, dryRunSuffix } from './create-output';

/** Where each kind keeps its pod spec (polymorphichelpers.updatePodSpecForObject). */
export function podSpecOf(obj: KubeObject): PodSpec | undefined {
  if (obj.kind === 'Pod') return (obj as { spec?: PodSpec }).spec;
  if (['Deployment', 'StatefulSet', 'ReplicaSet', 'DaemonSet', 'Job'].includes(obj.kind ?? '')) {
    return (obj as { spec?: { template?: { spec?: PodSpec } } }).spec?.template?.spec;
  }
  return undefined;
}

/** selectContainers: the containers whose names match the pattern, as path.Match matches them. */
export function selectContainers(containers: Container[], pattern: string): Container[] {
  const regex = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|\\]/g, '\\$&')
      .replace(/\*/g, '[^/]*')
      .replace(/\?/g, '[^/]')}$`,
  );
  return containers.filter((c) => regex.test(c.name));
}

/** kubectl v1.34's other `set` subcommands (`set resources` and `set env` parse their own flags elsewhere). */
const UNSIMULATED_SET = new Set(['selector', 'serviceaccount', 'sa', 'subject']);

/** `kubectl set image …`; the other real subcommands say they are not simulated. */
export function runSet(host: KubectlHost, args: ParsedArgs): CommandResult {
  const [sub, ...rest] = args.positional;
  if (sub !== undefined && UNSIMULATED_SET.has(sub)) return fail(`kubesim: kubectl set ${sub} is not simulated`);
  if (sub !== 'image') {
    return subcommandRequired('set', args.positional, [
      'env',
      'image',
      'resources',
      'selector',
      'serviceaccount',
      'subject',
    ]);
  }
  return runSetImage(host, { ...args, positional: rest, command: ['set', 'image'] });
}

/** `kubectl set image TYPE/NAME CONTAINER=IMAGE ...` ("*" names every container). */
function runSetImage(host: KubectlHost, args: ParsedArgs): CommandResult {
  const resources = args.positional.filter((a) => !a.includes('='));
  const pairs = args.positional.filter((a) => a.includes('='));
  if (resources.length === 0 || pairs.length === 0) {
    return fail(
      "error: one or more resources must be specified as <resource> <name> or <resource>/<name>\nSee 'kubectl set image -h' for help and examples",
    );
  }
  const images = new Map<string, string>();
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    images.set(pair.slice(0, eq), pair.slice(eq + 1));
  }
  const namespace = flag(args, 'namespace') ?? 'default';
  const dryRun = dryRunStrategy(args);
  if (typeof dryRun !== 'string') return dryRun;
  let stdout = '';
  let stderr = '';
  for (const target of parseResourceArgs(resources)) {
    for (const name of target.names) {
      const obj = host.store.get(target.type.kind, target.type.namespaced ? namespace : '', name);
      if (!obj) {
        stderr += `Error from server (NotFound): ${qualifiedResource(target.type)} "${name}" not found\n`;
        continue;
      }
      const next = clone(obj) as Stored<KubeObject>;
      const spec = podSpecOf(next);
      if (!spec) {
        stderr += `error: ${qualifiedResource(target.type)} "${name}" does not have a pod template\n`;
        continue;
      }
      const missing = setImages(spec, images);
      if (missing) {
        stderr += `error: unable to find container named "${missing}"\n`;
        continue;
      }
      // A server dry run is sent like the real request, so validation still answers.
      if (dryRun !== 'client')
        host.store.update(recordChangeCause(next, changeCause(args)), { dryRun: dryRun === 'server' });
      stdout += `${qualifiedKind(target.type)}/${name} image updated${dryRunSuffix(dryRun)}\n`;
    }
  }
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
}

/** Sets each named container's image (init containers too); returns a name that matched nothing. */
function setImages(spec: PodSpec, images: Map<string, string>): string | undefined {
  const all: Container[] = [...(spec.initContainers ?? []), ...spec.containers];
  for (const [name, image] of images) {
    let found = false;
    for (const c of all) {
      if (name === '*' || c.name === name) {
        c.image = image;
        found = true;
      }
    }
    if (!found) return name;
  }
  return undefined;
}
