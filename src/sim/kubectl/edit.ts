import { ApiError } from '../api/errors';
import { deepEqual, type KubeObject } from '../api/meta';
import { qualifiedResource } from '../api/resources';
import { ManifestError, parseManifests } from '../manifest';
import { boolFlag, flag, type ParsedArgs } from './args';
import { outputFormatError, printCreated } from './create-output';
import type { KubectlHost } from './host';
import { createOrUpdateAnnotation } from './last-applied';
import { fail, type CommandResult } from './output';
import { changeCause, recordChangeCause } from './record';
import { putWhole } from './replace';
import { NO_RESOURCES, parseResourceArgs } from './resource-args';

/**
 * `kubectl edit TYPE/NAME`. There is no editor here: standard input is the file the editor saved. What follows is
 * EditOptions.Run for one object: a save without changes (comments aside) or an empty one cancels the edit; the
 * edited object is patched onto the live one, which comes to the same as sending it whole, the live status kept.
 * When the server refuses it, kubectl opens the editor again, and a save that is the same again gives up.
 */
export function runEdit(host: KubectlHost, args: ParsedArgs, stdin: string | undefined): CommandResult {
  const badOutput = outputFormatError(args);
  if (badOutput) return badOutput;
  const targets = parseResourceArgs(args.positional);
  if (targets.length === 0) return fail(NO_RESOURCES);
  const names = targets.flatMap((t) => t.names.map((name) => ({ type: t.type, name })));
  if (names.length !== 1 || targets.length !== 1) {
    return fail('error: kubesim: kubectl edit of anything but one named object is not simulated');
  }
  if (stdin === undefined) {
    return fail(
      'error: kubesim: kubectl edit reads the edited object from standard input (what the editor would save)',
    );
  }
  const [{ type, name }] = names;
  const namespace = type.namespaced ? (flag(args, 'namespace') ?? 'default') : '';
  const live = host.store.get(type.kind, namespace, name);
  if (!live) return fail(`Error from server (NotFound): ${qualifiedResource(type)} "${name}" not found`);
  const resource = qualifiedResource(type);
  // LaunchTempFile's file, named when kubectl keeps it.
  const tempFile = (): string => `/tmp/kubectl-edit-${host.store.randomInt(0, 4294967295)}.yaml`;
  const copy = (): string => `A copy of your changes has been stored to "${tempFile()}"\n`;
  const gaveUp = (before: string): CommandResult => ({
    stdout: '',
    stderr: `${before}${copy()}error: Edit cancelled, no valid changes were saved.\n`,
    exitCode: 1,
  });

  // StripComments: the two files are compared as the objects they describe.
  const original = JSON.parse(JSON.stringify(live)) as KubeObject;
  if (!hasLines(stdin)) return { stdout: '', stderr: 'Edit cancelled, saved file was empty.\n', exitCode: 0 };
  let edited: KubeObject[];
  try {
    edited = parseManifests(stdin, 'edited file');
  } catch (err) {
    if (!(err instanceof ManifestError)) throw err;
    // A syntax error reopens the editor with the reason in its header; the same save again ends the edit.
    return gaveUp('');
  }
  if (edited.length === 1 && deepEqual(edited[0], original)) {
    return { stdout: '', stderr: 'Edit cancelled, no changes made.\n', exitCode: 0 };
  }
  if (edited.length !== 1) return fail('error: kubesim: an edited file with other than one object is not simulated');
  const [object] = edited;
  // visitToPatch's preconditions: the patch may not touch apiVersion, kind or name.
  if (
    object.apiVersion !== original.apiVersion ||
    object.kind !== original.kind ||
    object.metadata?.name !== original.metadata?.name
  ) {
    return {
      stdout: '',
      stderr: `${copy()}error: At least one of apiVersion, kind and name was changed\n`,
      exitCode: 1,
    };
  }
  const editedNamespace = object.metadata?.namespace ?? namespace;
  if (type.namespaced && editedNamespace !== namespace) {
    return {
      stdout: '',
      stderr: `${copy()}error: the namespace from the provided object "${editedNamespace}" does not match the namespace "${namespace}". You must pass '--namespace=${editedNamespace}' to perform this operation.\n`,
      exitCode: 1,
    };
  }
  const body = recordChangeCause(createOrUpdateAnnotation(boolFlag(args, 'save-config'), object), changeCause(args));
  try {
    const written = putWhole(host, type, body);
    return printCreated(written, args, 'none', 'edited');
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    // editResults.addError: an invalid object goes back to the editor; anything else is left to a replace.
    if (err.reason === 'Invalid') return gaveUp(`error: ${resource} "${name}" is invalid\n`);
    if (err.reason === 'NotFound') {
      return {
        stdout: '',
        stderr: `error: ${resource} "${name}" could not be found on the server\nThe edits you made on deleted resources have been saved to "${tempFile()}"\n`,
        exitCode: 1,
      };
    }
    return {
      stdout: '',
      stderr: `error: ${resource} "${name}" could not be patched: ${err.message}\nYou can run \`kubectl replace -f ${tempFile()}\` to try this update again.\n`,
      exitCode: 1,
    };
  }
}

/** hasLines: whether any line is neither blank nor a comment. */
function hasLines(text: string): boolean {
  return text.split('\n').some((line) => {
    const trimmed = line.trim();
    return trimmed.length > 0 && !trimmed.startsWith('#');
  });
}
