import type { KubeObject, Stored } from '../api/meta';
import { selectorMatches } from '../api/meta';
import { qualifiedKind } from '../api/resources';
import type { WatchEvent } from '../api/store';
import { isStateChange } from '../api/state-change';
import { boolFlag, flag, type ParsedArgs } from './args';
import { age } from './duration';
import { ordered, runGet, toYaml } from './get';
import { goJson, sortKeys } from './go-json';
import type { KubectlHost } from './host';
import { parseLabelSelector } from './label-selector';
import { formatLabels } from './selector-string';
import type { CommandResult } from './output';
import { PRINTERS, tableHeader, tableRow } from './printers';
import { parseResourceArgs } from './resource-args';
import { RememberedWidths } from './tabwriter';

/** A watch ends once nothing in the cluster has changed for this long (virtual time). */
const QUIET_PERIOD_MS = 60_000;
/** The most virtual time one watch may run. */
const WATCH_CAP_MS = 6 * 3600_000;

/**
 * `kubectl get … -w`: prints the list as `kubectl get` does, then one row per change to a listed object, each
 * row flushed on its own (so, as in kubectl, later rows are not aligned with the header). The simulated
 * terminal cannot be interrupted, so the watch drives the virtual clock until the cluster settles.
 */
export function runWatch(host: KubectlHost, args: ParsedArgs): CommandResult {
  const listArgs: ParsedArgs = { positional: args.positional, flags: new Map(args.flags) };
  listArgs.flags.delete('watch');
  const output = flag(args, 'output') ?? '';
  const table = output === '' || output === 'wide';
  // Other formats print each object on its own, the listed ones first: list them as names to find them.
  if (!table) listArgs.flags.set('output', ['name']);
  const initial = runGet(host, listArgs);
  if (initial.exitCode !== 0 && initial.stdout === '') return initial;
  const targets = parseResourceArgs(args.positional);
  const allNamespaces = boolFlag(args, 'all-namespaces');
  const namespace = flag(args, 'namespace') ?? 'default';
  const selectorText = flag(args, 'selector');
  const selector = selectorText !== undefined ? parseLabelSelector(selectorText) : undefined;
  const wide = output === 'wide';
  const showLabels = boolFlag(args, 'show-labels');
  const labelColumns = (args.flags.get('label-columns') ?? []).flatMap((v) => v.split(',')).filter(Boolean);
  const prefixNames = targets.length > 1;
  // --watch-only skips the list; --output-watch-events shows each change as a watch event (the list as ADDED).
  const watchOnly = boolFlag(args, 'watch-only');
  const watchEvents = boolFlag(args, 'output-watch-events');
  const listed = !table || watchOnly ? '' : watchEvents ? withEventColumn(initial.stdout) : initial.stdout;
  // With nothing listed yet, the first event's row comes with the header.
  let headerPrinted = listed !== '';
  let stdout = listed;
  const widths = RememberedWidths.fromPrinted(listed);
  let printed = 0;
  /** One object in a non-table format, as kubectl's printers write them one after another. */
  const printObject = (
    obj: Stored<KubeObject>,
    target: { type: Parameters<typeof qualifiedKind>[0] },
    type: WatchEvent['type'],
  ): void => {
    if (output === 'name') stdout += `${qualifiedKind(target.type)}/${obj.metadata.name}\n`;
    else if (output === 'json') {
      // A metav1.WatchEvent is a typed struct (type, then object); the object inside is a sorted map.
      const data = watchEvents ? { type, object: sortKeys(obj) } : sortKeys(obj);
      stdout += `${goJson(data, { indent: 4, structOrder: true })}\n`;
    } else {
      // The YAML printer goes through JSON, so a watch event's keys come out sorted.
      const data = watchEvents ? { object: ordered(obj), type } : ordered(obj);
      stdout += `${printed > 0 ? '---\n' : ''}${toYaml(data)}`;
    }
    printed += 1;
  };
  if (!table && !watchOnly) {
    for (const line of initial.stdout.split('\n').filter(Boolean)) {
      const slash = line.indexOf('/');
      const target = targets.find((t) => qualifiedKind(t.type) === line.slice(0, slash));
      const name = line.slice(slash + 1);
      const obj = target && host.store.get(target.type.kind, target.type.namespaced ? namespace : '', name);
      if (target && obj) printObject(obj, target, 'ADDED');
    }
  }
  // kubectl's watch path never reports an empty list.
  const stderr = initial.stderr.startsWith('No resources found') ? '' : initial.stderr;

  const watched = (obj: Stored<KubeObject>) =>
    targets.find((t) => {
      if (t.type.kind !== obj.kind) return false;
      if (t.type.namespaced && !allNamespaces && obj.metadata.namespace !== namespace) return false;
      if (t.names.length > 0 && !t.names.includes(obj.metadata.name)) return false;
      return !selector || selectorMatches(selector, obj.metadata.labels);
    });

  const onEvent = (event: WatchEvent): void => {
    if (!isStateChange(event.object.kind)) return;
    const target = watched(event.object);
    if (!target) return;
    if (!table) {
      printObject(event.object, target, event.type);
      return;
    }
    const printer = PRINTERS[target.type.kind];
    const now = host.clock.now();
    const obj = event.object;
    const cells = printer
      ? tableRow(printer, obj, now, wide)
      : [obj.metadata.name, age(obj.metadata.creationTimestamp, now)];
    if (prefixNames) cells[0] = `${qualifiedKind(target.type)}/${cells[0]}`;
    if (allNamespaces && target.type.namespaced) cells.unshift(obj.metadata.namespace ?? '');
    const labels = obj.metadata.labels ?? {};
    for (const l of labelColumns) cells.push(labels[l] ?? '');
    if (showLabels) cells.push(formatLabels(labels));
    if (watchEvents) cells.unshift(event.type);
    const rows = [cells];
    if (!headerPrinted) {
      const header = printer ? tableHeader(printer, wide) : ['NAME', 'AGE'];
      if (allNamespaces && target.type.namespaced) header.unshift('NAMESPACE');
      for (const l of labelColumns) header.push(l.toUpperCase());
      if (showLabels) header.push('LABELS');
      if (watchEvents) header.unshift('EVENT');
      rows.unshift(header);
      headerPrinted = true;
    }
    stdout += widths.format(rows);
  };

  watchUntilQuiet(host, onEvent);
  return { stdout, stderr, exitCode: initial.exitCode };
}

/**
 * The listed table as watch events: an EVENT column in front, ADDED on every row. A column of its own, it does not
 * change the widths of the others; blocks (one per type) each start with their header.
 */
function withEventColumn(table: string): string {
  const width = Math.max(6, 'EVENT'.length + 3);
  let headerNext = true;
  return table
    .split('\n')
    .map((line) => {
      if (line === '') {
        headerNext = true;
        return line;
      }
      const cell = headerNext ? 'EVENT' : 'ADDED';
      headerNext = false;
      return cell.padEnd(width) + line;
    })
    .join('\n');
}

/**
 * A watch the simulated user never interrupts: hands every store event to `onEvent` while driving the virtual
 * clock, until the cluster's state (not its Events or Leases) has not changed for the quiet period, or the cap.
 */
export function watchUntilQuiet(host: KubectlHost, onEvent: (event: WatchEvent) => void): void {
  let lastChange = host.clock.now();
  const stop = host.store.watch('*', (event) => {
    if (isStateChange(event.object.kind)) lastChange = host.clock.now();
    onEvent(event);
  });
  try {
    const start = host.clock.now();
    for (;;) {
      const next = host.clock.nextAt();
      const quietUntil = Math.min(lastChange + QUIET_PERIOD_MS, start + WATCH_CAP_MS);
      if (next === undefined || next > quietUntil) {
        host.clock.advanceTo(Math.max(host.clock.now(), quietUntil));
        break;
      }
      host.clock.step();
    }
  } finally {
    stop();
  }
}
