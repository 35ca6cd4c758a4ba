import { ApiError, renderFieldError } from '../api/errors';
import { deepEqual, type KubeObject, type Stored } from '../api/meta';
import { qualifiedResource, type ResourceType } from '../api/resources';
import { ManifestError, parseManifests } from '../manifest';
import { boolFlag, flag, type ParsedArgs } from './args';
import { outputFormatError, printCreated } from './create-output';
import { ordered, toYaml } from './get';
import type { Editor, KubectlHost } from './host';
import { createOrUpdateAnnotation } from './last-applied';
import { fail, type CommandResult } from './output';
import { changeCause, recordChangeCause } from './record';
import { putWhole } from './replace';
import { NO_RESOURCES, parseResourceArgs } from './resource-args';

/** editHeader.writeTo in the normal edit mode. */
const HEADER = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`;

/** An editor that keeps saving new files the server refuses would reopen for ever: kubesim stops it here. */
const MAX_ROUNDS = 20;

/**
 * `kubectl edit TYPE/NAME`: EditOptions.Run for one object. The editor is the host's (the CLI launches
 * $KUBE_EDITOR or $EDITOR; a cell passes a function); standard input, when given, is the file it saves every time.
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
  const editor: Editor | undefined = stdin !== undefined ? () => stdin : host.editor;
  if (!editor) {
    return fail(
      'error: kubesim: kubectl edit needs an editor here: give the saved file on standard input, or an editor function',
    );
  }
  const [{ type, name }] = names;
  const namespace = type.namespaced ? (flag(args, 'namespace') ?? 'default') : '';
  const live = host.store.get(type.kind, namespace, name);
  if (!live) return fail(`Error from server (NotFound): ${qualifiedResource(type)} "${name}" not found`);
  return editLoop(host, args, editor, { type, name, namespace, live });
}

interface Target {
  type: ResourceType;
  name: string;
  namespace: string;
  live: Stored<KubeObject>;
}

/**
 * The loop of EditOptions.Run: open, compare, parse, patch. A save the server refuses as invalid, or one that does
 * not parse, is opened again with the reasons in the header; the same save again gives up, and kubectl says where
 * it kept the file.
 */
function editLoop(host: KubectlHost, args: ParsedArgs, editor: Editor, target: Target): CommandResult {
  const { type, name, namespace, live } = target;
  const resource = qualifiedResource(type);
  const original = JSON.parse(JSON.stringify(live)) as KubeObject;
  // LaunchTempFile's file, named when kubectl keeps it.
  const tempFile = (): string => `/tmp/kubectl-edit-${host.store.randomInt(0, 4294967295)}.yaml`;
  const stopped = (stderr: string, message: string): CommandResult => ({
    stdout: '',
    stderr: `${stderr}A copy of your changes has been stored to "${tempFile()}"\nerror: ${message}\n`,
    exitCode: 1,
  });
  let stderr = '';
  let opened = HEADER + toYaml(ordered(original));
  let refused: string | undefined;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let saved: string;
    try {
      saved = editor(opened);
    } catch (err) {
      // LaunchTempFile's error: an editor that failed (the CLI's says which) ends the edit.
      return { stdout: '', stderr: `${stderr}error: ${(err as Error).message}\n`, exitCode: 1 };
    }
    if (refused !== undefined && sameIgnoringComments(refused, saved)) {
      return stopped(stderr, 'Edit cancelled, no valid changes were saved.');
    }
    const objects = parseSaved(saved);
    if (Array.isArray(objects) && objects.length === 1 && deepEqual(objects[0], original)) {
      return { stdout: '', stderr: `${stderr}Edit cancelled, no changes made.\n`, exitCode: 0 };
    }
    if (!hasLines(saved))
      return { stdout: '', stderr: `${stderr}Edit cancelled, saved file was empty.\n`, exitCode: 0 };
    const reopen = (reasons: string): void => {
      refused = saved;
      opened = `${HEADER}${reasons}${withoutComments(saved)}`;
    };
    if (!Array.isArray(objects)) {
      reopen(`# The edited file had a syntax error: ${hashOnLineBreak(objects.error)}\n#\n`);
      continue;
    }
    if (objects.length !== 1) return fail('error: kubesim: an edited file with other than one object is not simulated');
    const [object] = objects;
    // visitToPatch's preconditions: the patch may not touch apiVersion, kind or name.
    if (
      object.apiVersion !== original.apiVersion ||
      object.kind !== original.kind ||
      object.metadata?.name !== original.metadata?.name
    ) {
      return stopped(stderr, 'At least one of apiVersion, kind and name was changed');
    }
    const editedNamespace = object.metadata?.namespace ?? namespace;
    if (type.namespaced && editedNamespace !== namespace) {
      return stopped(
        stderr,
        `the namespace from the provided object "${editedNamespace}" does not match the namespace "${namespace}". You must pass '--namespace=${editedNamespace}' to perform this operation.`,
      );
    }
    const body = recordChangeCause(createOrUpdateAnnotation(boolFlag(args, 'save-config'), object), changeCause(args));
    try {
      const written = putWhole(host, type, body);
      const printed = printCreated(written, args, 'none', 'edited');
      return { ...printed, stderr: stderr + printed.stderr };
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      // editResults.addError: an invalid object goes back to the editor; anything else is left to a replace.
      if (err.reason === 'Invalid') {
        stderr += `error: ${resource} "${name}" is invalid\n`;
        const causes = (err.causes ?? []).map((c) => `# * ${hashOnLineBreak(renderFieldError(c))}\n`).join('');
        reopen(`# ${resource} "${name}" was not valid${causes ? ':' : ''}\n${causes}#\n`);
        continue;
      }
      const file = tempFile();
      const next =
        err.reason === 'NotFound'
          ? `error: ${resource} "${name}" could not be found on the server\nThe edits you made on deleted resources have been saved to "${file}"\n`
          : `error: ${resource} "${name}" could not be patched: ${err.message}\nYou can run \`kubectl replace -f ${file}\` to try this update again.\n`;
      return { stdout: '', stderr: stderr + next, exitCode: 1 };
    }
  }
  return stopped(stderr, `kubesim: the editor was reopened ${MAX_ROUNDS} times; the edit is given up`);
}

/** The objects of a saved file, or why it does not parse (updatedResultGetter reads it as "edited-file"). */
function parseSaved(text: string): KubeObject[] | { error: string } {
  try {
    return parseManifests(text, 'edited-file');
  } catch (err) {
    if (!(err instanceof ManifestError)) throw err;
    return { error: err.message.replace(/^error: /, '') };
  }
}

/** StripComments: files compared as the data they hold, or without their comment lines when they do not parse. */
function sameIgnoringComments(a: string, b: string): boolean {
  const left = parseSaved(a);
  const right = parseSaved(b);
  if (Array.isArray(left) && Array.isArray(right)) return deepEqual(left, right);
  return withoutComments(a) === withoutComments(b);
}

/** ManualStrip: the file without its comment lines. */
function withoutComments(text: string): string {
  return text
    .split('\n')
    .filter((line) => !line.trim().startsWith('#'))
    .join('\n');
}

/** hasLines: whether any line is neither blank nor a comment. */
function hasLines(text: string): boolean {
  return text.split('\n').some((line) => {
    const trimmed = line.trim();
    return trimmed.length > 0 && !trimmed.startsWith('#');
  });
}

/** hashOnLineBreak: a reason of several lines stays a comment on each. */
function hashOnLineBreak(text: string): string {
  return text.replace(/\n(?!#)/g, '\n# ');
}
