import { qualifiedKind, typeForKind } from '../api/resources';
import { flag, type ParsedArgs } from './args';
import { mapManifests, readManifests } from './apply';
import type { KubectlHost } from './host';
import type { CommandResult } from './output';
import { fail } from './output';

/** The commands that take -f as the objects to act on (FilenameParam), rather than as objects to write. */
export const FILE_TARGET_COMMANDS = new Set([
  'get',
  'describe',
  'delete',
  'wait',
  'rollout',
  'scale',
  'label',
  'annotate',
]);

/**
 * The builder's FilenameParam for commands that act on existing objects: each manifest in the file names one
 * object, as if given as TYPE/NAME in file order, in the file's namespace. Returns the arguments with those targets
 * in place of -f, or kubectl's error; `source` is the file as errors name it ("STDIN" for -).
 */
export function withFileTargets(
  host: KubectlHost,
  verb: string,
  args: ParsedArgs,
  stdin: string | undefined,
): { args: ParsedArgs; source: string } | CommandResult {
  const manifests = readManifests(host, args, stdin);
  if (!Array.isArray(manifests)) return manifests;
  const file = flag(args, 'filename') ?? '';
  const source = file === '-' ? 'STDIN' : file;
  const mappingError = mapManifests(manifests, source);
  if (mappingError) return mappingError;
  const given = flag(args, 'namespace');
  const namespaces = new Set<string>();
  const targets: string[] = [];
  for (const obj of manifests) {
    const type = typeForKind(obj.kind ?? '');
    if (!type) continue;
    const namespace = type.namespaced ? obj.metadata?.namespace : undefined;
    // enforceNamespace: an object's own namespace must be the one asked for.
    if (given !== undefined && namespace !== undefined && namespace !== given) {
      return fail(
        `error: the namespace from the provided object "${namespace}" does not match the namespace "${given}". You must pass '--namespace=${namespace}' to perform this operation.`,
      );
    }
    if (namespace !== undefined) namespaces.add(namespace);
    targets.push(`${qualifiedKind(type)}/${obj.metadata?.name ?? ''}`);
  }
  if (namespaces.size > 1) return fail('kubesim: -f naming objects in several namespaces is not simulated');
  const flags = new Map(args.flags);
  flags.delete('filename');
  const [namespace] = [...namespaces];
  if (namespace !== undefined) flags.set('namespace', [namespace]);
  // Targets come where TYPE/NAME would: after a rollout subcommand, before label or annotation changes.
  const positional =
    verb === 'rollout'
      ? [...args.positional.slice(0, 1), ...targets, ...args.positional.slice(1)]
      : [...targets, ...args.positional];
  return { args: { ...args, flags, positional }, source };
}
