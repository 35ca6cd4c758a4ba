import type { Event as CoreEvent } from 'kubernetes-types/core/v1';
import type { Stored } from '../api/meta';
import { apiVersionOf, lookupResource, type ResourceType } from '../api/resources';
import { boolFlag, flag, type ParsedArgs } from './args';
import { eventInterval, lastSeenMs } from './event-times';
import type { KubectlHost } from './host';
import { fail, type CommandResult } from './output';
import { formatTable } from './tabwriter';
import { watchUntilQuiet } from './watch';

const HEADER = ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'];

/** `--for TYPE/NAME`: the involved object's kind, apiVersion and name the field selector asks for. */
interface ForObject {
  type: ResourceType;
  name: string;
}

/**
 * `kubectl events [--for TYPE/NAME] [--types=Normal,Warning] [-w] [-A] [--no-headers]` (cmd/events): the events
 * sorted by when they were last seen, each with its repeat count (`2m (x5 over 10m)`) and its object as
 * Kind/name; `-w` prints each new or updated event as it comes, never the deletions.
 */
export function runEvents(host: KubectlHost, args: ParsedArgs): CommandResult {
  const output = flag(args, 'output');
  if (output !== undefined) return fail(`kubesim: kubectl events -o ${output} is not simulated`);
  const forObject = parseFor(flag(args, 'for'));
  if ('error' in forObject) return fail(forObject.error);
  const types = (args.flags.get('types') ?? []).flatMap((v) => v.split(',')).filter((t) => t !== '');
  // EventsOptions.Validate
  if (types.some((t) => !['normal', 'warning'].includes(t.toLowerCase()))) {
    return fail('error: valid --types are Normal or Warning');
  }
  const allNamespaces = boolFlag(args, 'all-namespaces');
  const namespace = flag(args, 'namespace') ?? 'default';
  const noHeaders = boolFlag(args, 'no-headers');
  const wanted = (e: Stored<CoreEvent>): boolean =>
    (allNamespaces || e.metadata.namespace === namespace) &&
    (types.length === 0 || types.some((t) => t.toLowerCase() === (e.type ?? '').toLowerCase())) &&
    (forObject.for === undefined || involves(e, forObject.for));
  const header = allNamespaces ? ['NAMESPACE', ...HEADER] : HEADER;
  const row = (e: Stored<CoreEvent>): string[] => {
    const cells = eventRow(e, host.clock.now());
    return allNamespaces ? [e.metadata.namespace ?? '', ...cells] : cells;
  };
  if (boolFlag(args, 'watch')) return watchEvents(host, wanted, noHeaders ? undefined : header, row);

  const events = host.store.list<CoreEvent>('Event').filter(wanted);
  if (events.length === 0) {
    return {
      stdout: '',
      stderr: allNamespaces ? 'No events found.\n' : `No events found in ${namespace} namespace.\n`,
      exitCode: 0,
    };
  }
  // SortableEvents: by the time last seen. The list comes in name order; Go's sort keeps ties of a short list in
  // that order (insertion sort), which a stable sort reproduces.
  const sorted = byName(events).sort((a, b) => lastSeenMs(a) - lastSeenMs(b));
  const rows = sorted.map(row);
  return { stdout: formatTable(noHeaders ? rows : [header, ...rows]), stderr: '', exitCode: 0 };
}

/**
 * runWatch: a watch without a resourceVersion starts with every matching event as it is stored (in name order),
 * then each added or modified one; the header comes with the first, and each row is flushed on its own.
 */
function watchEvents(
  host: KubectlHost,
  wanted: (e: Stored<CoreEvent>) => boolean,
  header: string[] | undefined,
  row: (e: Stored<CoreEvent>) => string[],
): CommandResult {
  let stdout = '';
  let pendingHeader = header;
  const print = (e: Stored<CoreEvent>): void => {
    stdout += formatTable(pendingHeader ? [pendingHeader, row(e)] : [row(e)]);
    pendingHeader = undefined;
  };
  for (const e of byName(host.store.list<CoreEvent>('Event').filter(wanted))) print(e);
  watchUntilQuiet(host, (event) => {
    if (event.type === 'DELETED' || event.object.kind !== 'Event') return;
    const e = event.object as Stored<CoreEvent>;
    if (wanted(e)) print(e);
  });
  return { stdout, stderr: '', exitCode: 0 };
}

/** decodeResourceTypeName: TYPE/NAME, with TYPE any name the RESTMapper knows. */
function parseFor(text: string | undefined): { for?: ForObject } | { error: string } {
  if (text === undefined || text === '') return {};
  if (!text.includes('/')) return { error: 'error: --for must be in resource/name form' };
  const parts = text.split('/');
  if (parts.length !== 2) return { error: 'error: arguments in resource/name form may not have more than one slash' };
  const type = lookupResource(parts[0].toLowerCase());
  if (!type) return { error: `error: the server doesn't have a resource type "${parts[0].toLowerCase()}"` };
  return { for: { type, name: parts[1] } };
}

/** The field selector on involvedObject.kind, involvedObject.apiVersion and involvedObject.name. */
function involves(e: CoreEvent, target: ForObject): boolean {
  const ref = e.involvedObject;
  return ref.kind === target.type.kind && ref.apiVersion === apiVersionOf(target.type) && ref.name === target.name;
}

/** printOneEvent: the interval, type, reason, Kind/name and the trimmed message. */
export function eventRow(e: CoreEvent, nowMs: number): string[] {
  const interval = eventInterval(e, nowMs);
  const object = `${e.involvedObject.kind ?? ''}/${e.involvedObject.name ?? ''}`;
  return [interval, e.type ?? '', e.reason ?? '', object, (e.message ?? '').trim()];
}

/** The apiserver's list order: by namespace, then name. */
function byName(events: Stored<CoreEvent>[]): Stored<CoreEvent>[] {
  const key = (e: Stored<CoreEvent>): string => `${e.metadata.namespace ?? ''}/${e.metadata.name}`;
  return [...events].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
