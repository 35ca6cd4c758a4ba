import type { KubeObject } from '../api/meta';
import { CHANGE_CAUSE_ANNOTATION } from '../controllers/deployment/deployment-util';
import { boolFlag, type ParsedArgs } from './args';

/** What pflag prints when the deprecated flag is parsed, before the command runs. */
export const RECORD_DEPRECATED = 'Flag --record has been deprecated, --record will be removed in the future\n';

/**
 * RecordFlags: with --record (deprecated, off by default), the change cause a command stamps on what it writes;
 * undefined without it. parseCommandArguments: "kubectl", the words that are not flags, then every flag as
 * --name=value in the order given (shorthands under their long names).
 */
export function changeCause(args: ParsedArgs): string | undefined {
  if (!boolFlag(args, 'record')) return undefined;
  const words = [...(args.command ?? []), ...args.positional];
  const flags = (args.order ?? []).map((f) => ` --${f.name}=${f.value}`).join('');
  return `kubectl${words.length > 0 ? ` ${words.join(' ')}` : ''}${flags}`;
}

/** pflag's deprecation notices, one per use of a deprecated flag, in the order the flags were given. */
export function deprecationWarnings(
  args: ParsedArgs,
  notices: Record<string, string> = { record: RECORD_DEPRECATED },
): string {
  return (args.order ?? [])
    .filter((f) => Object.prototype.hasOwnProperty.call(notices, f.name))
    .map((f) => notices[f.name])
    .join('');
}

/** ChangeCauseRecorder.Record on a copy: the annotation set (or replaced) to the cause, nothing else touched. */
export function recordChangeCause<T extends KubeObject>(obj: T, cause: string | undefined): T {
  if (cause === undefined) return obj;
  const metadata = obj.metadata ?? {};
  return {
    ...obj,
    metadata: { ...metadata, annotations: { ...metadata.annotations, [CHANGE_CAUSE_ANNOTATION]: cause } },
  };
}
