import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { selectorMatches, type Stored } from '../api/meta';
import { parseDuration } from '../clock';
import { withCondition } from '../pods/pod-util';
import { boolFlag, flag, type ParsedArgs } from './args';
import { groupedMessages, podDeleteStatus, type DrainFilterOptions } from './drain-filters';
import type { KubectlHost } from './host';
import { SelectorError, parseLabelSelector } from './label-selector';
import { OutputLog, fail, type CommandResult } from './output';

/** drain's --timeout=0 waits for ever; the simulated user gives up after a week of virtual time. */
const FOREVER_MS = 7 * 24 * 3600_000;
/** waitForDelete polls each evicted pod every second. */
const POLL_MS = 1000;

/**
 * `kubectl drain NODE… | -l SELECTOR [--force] [--ignore-daemonsets] [--delete-emptydir-data] [--grace-period=N]
 * [--timeout=D] [--disable-eviction] [--pod-selector=S]` (DrainCmdOptions.RunDrain): cordons the nodes, then for
 * each evicts the pods the filters allow, waits in virtual time until each is gone and prints
 * `node/NAME drained`; a node whose pods cannot all go is left cordoned and reported.
 */
export function runDrain(host: KubectlHost, args: ParsedArgs): CommandResult {
  const selectorText = flag(args, 'selector');
  if (args.positional.length === 0 && selectorText === undefined) {
    return fail("error: USAGE: drain NODE [flags]\nSee 'kubectl drain -h' for help and examples");
  }
  if (args.positional.length > 0 && selectorText) {
    return fail(
      "error: cannot specify both a node name and a --selector option\nSee 'kubectl drain -h' for help and examples",
    );
  }
  const podSelectorText = flag(args, 'pod-selector');
  let podSelector: LabelSelector | undefined;
  try {
    podSelector = podSelectorText ? parseLabelSelector(podSelectorText) : undefined;
  } catch (err) {
    if (err instanceof SelectorError)
      return fail('error: --pod-selector=<pod_selector> must be a valid label selector');
    throw err;
  }
  // The builder: every node must exist before anything is cordoned.
  const nodes: Stored<Node>[] = [];
  if (selectorText !== undefined) {
    const selector = parseLabelSelector(selectorText);
    nodes.push(...host.store.list<Node>('Node').filter((n) => selectorMatches(selector, n.metadata.labels)));
  }
  for (const arg of args.positional) {
    const name = arg.replace(/^(nodes?|no)\//, '');
    const node = host.store.get<Node>('Node', '', name);
    if (!node) return fail(`Error from server (NotFound): nodes "${name}" not found`);
    nodes.push(node);
  }
  const graceText = flag(args, 'grace-period');
  const grace = graceText !== undefined && Number(graceText) >= 0 ? Number(graceText) : undefined;
  const timeoutText = flag(args, 'timeout');
  const timeoutMs = timeoutText ? parseDuration(timeoutText) : 0;
  const options: DrainFilterOptions = {
    force: boolFlag(args, 'force'),
    deleteEmptyDirData: boolFlag(args, 'delete-emptydir-data'),
    ignoreDaemonSets: boolFlag(args, 'ignore-daemonsets'),
  };
  const log = new OutputLog();
  cordon(host, nodes, log);

  const fatal: string[][] = [];
  const remaining: string[] = [];
  for (const node of nodes) {
    const onNode = podsOn(host, node.metadata.name).filter(
      (p) => !podSelector || selectorMatches(podSelector, p.metadata.labels),
    );
    const error = drainNode(host, onNode, node.metadata.name, options, {
      grace,
      timeoutMs,
      evict: !boolFlag(args, 'disable-eviction'),
      log,
    });
    if (error === undefined) {
      log.out(`node/${node.metadata.name} drained\n`);
      continue;
    }
    log.err(
      `error: unable to drain node "${node.metadata.name}" due to error: ${aggregate(error)}, continuing command...\n`,
    );
    fatal.push(error);
    remaining.push(node.metadata.name);
  }
  if (remaining.length === 0) return log.result(0);
  log.err(`There are pending nodes to be drained:\n${remaining.map((n) => ` ${n}\n`).join('')}`);
  // CheckErr on the aggregate of the nodes' errors (one node's is unwrapped): each error on a line of its own.
  const lines = fatal.length === 1 ? fatal[0] : fatal.map(aggregate);
  log.err(lines.map((e) => `${e}\n`).join(''));
  return log.result(1);
}

/** RunCordonOrUncordon(true): `node/NAME cordoned`, or `already cordoned`. */
function cordon(host: KubectlHost, nodes: Stored<Node>[], log: OutputLog): void {
  for (const node of nodes) {
    const current = host.store.get<Node>('Node', '', node.metadata.name) ?? node;
    if (current.spec?.unschedulable) {
      log.out(`node/${node.metadata.name} already cordoned\n`);
      continue;
    }
    host.store.update<Node>({ ...current, spec: { ...current.spec, unschedulable: true } });
    log.out(`node/${node.metadata.name} cordoned\n`);
  }
}

/** The pods bound to a node, in the apiserver's list order (namespace, then name). */
function podsOn(host: KubectlHost, nodeName: string): Stored<Pod>[] {
  const key = (p: Stored<Pod>): string => `${p.metadata.namespace ?? ''}/${p.metadata.name}`;
  return host.store
    .list<Pod>('Pod')
    .filter((p) => p.spec?.nodeName === nodeName)
    .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

interface EvictOptions {
  grace: number | undefined;
  timeoutMs: number;
  evict: boolean;
  log: OutputLog;
}

/** deleteOrEvictPodsSimple for one node: undefined when drained, else the errors that stopped it. */
function drainNode(
  host: KubectlHost,
  pods: Stored<Pod>[],
  nodeName: string,
  filters: DrainFilterOptions,
  options: EvictOptions,
): string[] | undefined {
  const items = pods.map((pod) => ({ pod, status: podDeleteStatus(pod, filters) }));
  const errors = groupedMessages(items, 'Error');
  if (errors.length > 0) return errors;
  const warnings = groupedMessages(items, 'Warning');
  if (warnings.length > 0) options.log.err(`Warning: ${warnings.join('; ')}\n`);
  const doomed = items.filter((i) => i.status.delete).map((i) => i.pod);
  const verb = options.evict ? 'evicted' : 'deleted';
  for (const pod of doomed) {
    if (options.evict) options.log.out(`evicting pod ${pod.metadata.namespace}/${pod.metadata.name}\n`);
    evictOrDelete(host, pod, options);
  }
  // waitForDelete: a pod is gone when it is not found, or its name now belongs to a new pod.
  let pending = doomed;
  const deadline = host.clock.now() + (options.timeoutMs > 0 ? options.timeoutMs : FOREVER_MS);
  for (;;) {
    const still: Stored<Pod>[] = [];
    for (const pod of pending) {
      const now = host.store.get<Pod>('Pod', pod.metadata.namespace ?? 'default', pod.metadata.name);
      if (!now || now.metadata.uid !== pod.metadata.uid) options.log.out(`pod/${pod.metadata.name} ${verb}\n`);
      else still.push(pod);
    }
    pending = still;
    if (pending.length === 0) return undefined;
    if (host.clock.now() >= deadline) break;
    host.waitFor(() => false, Math.min(POLL_MS, deadline - host.clock.now()));
  }
  const reached = `global timeout reached: ${goDuration(options.timeoutMs)}`;
  const failures = options.evict
    ? pending.map((p) => `error when waiting for pod "${p.metadata.name}" terminating: ${reached}`)
    : [reached];
  const left = podsOn(host, nodeName).filter((p) => podDeleteStatus(p, filters).delete);
  if (left.length > 0) {
    options.log.err(
      `There are pending pods in node "${nodeName}" when an error occurred: ${aggregate(failures)}\n` +
        left.map((p) => `pod/${p.metadata.name}\n`).join(''),
    );
  }
  return failures;
}

/**
 * The Eviction API (no PodDisruptionBudgets here, so it always allows): the pod gets the DisruptionTarget
 * condition and is deleted gracefully; with --disable-eviction, a plain delete.
 */
function evictOrDelete(host: KubectlHost, pod: Stored<Pod>, options: EvictOptions): void {
  const namespace = pod.metadata.namespace ?? 'default';
  const current = host.store.get<Pod>('Pod', namespace, pod.metadata.name);
  if (!current || current.metadata.uid !== pod.metadata.uid) return;
  if (options.evict && !current.metadata.deletionTimestamp) {
    const conditions = withCondition(
      current.status?.conditions,
      'DisruptionTarget',
      'True',
      host.clock.timestamp(),
      'EvictionByEvictionAPI',
      'Eviction API: evicting',
    );
    host.store.update<Pod>({ ...current, status: { ...current.status, conditions } });
  }
  host.store.delete('Pod', namespace, pod.metadata.name, { gracePeriodSeconds: options.grace });
}

/** utilerrors.Aggregate's Error(): one message as it is, several in brackets. */
function aggregate(errors: string[]): string {
  const unique = [...new Set(errors)];
  return unique.length === 1 ? unique[0] : `[${unique.join(', ')}]`;
}

/** Go's time.Duration String for whole seconds or milliseconds: 500ms, 20s, 1m30s, 1h0m0s. */
function goDuration(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  const total = ms / 1000;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `${h}h${m}m${s}s`;
  if (m > 0) return `${m}m${s}s`;
  return `${s}s`;
}
