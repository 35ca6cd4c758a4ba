import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { selectorMatches, type Stored } from '../api/meta';
import { parseDuration } from '../clock';
import { evictPod } from '../controllers/disruption/eviction';
import { boolFlag, flag, type ParsedArgs } from './args';
import { groupedMessages, podDeleteStatus, type DrainFilterOptions } from './drain-filters';
import type { KubectlHost } from './host';
import { SelectorError, parseLabelSelector } from './label-selector';
import { OutputLog, fail, type CommandResult } from './output';
import { dryRunStrategy, dryRunSuffix, type DryRun } from './create-output';

/** drain's --timeout=0 waits for ever; the simulated user gives up after a week of virtual time. */
const FOREVER_MS = 7 * 24 * 3600_000;
/** waitForDelete polls each evicted pod every second. */
const POLL_MS = 1000;
/** evictPods waits this long after an eviction its PodDisruptionBudget refuses. */
const EVICTION_RETRY_MS = 5000;
/** With no --timeout, how long the simulated user watches refused evictions before giving up. */
const REFUSED_FOREVER_MS = 120_000;

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
  const dryRun = dryRunStrategy(args);
  if (typeof dryRun !== 'string') return dryRun;
  const suffix = dryRunSuffix(dryRun);
  const log = new OutputLog();
  cordon(host, nodes, log, dryRun);

  const fatal: string[][] = [];
  const remaining: string[] = [];
  for (const node of nodes) {
    const onNode = podsOn(host, node.metadata.name).filter(
      (p) => !podSelector || selectorMatches(podSelector, p.metadata.labels),
    );
    // A server dry run skips deleteOrEvictPodsSimple altogether; a client one lists what it would evict.
    const error =
      dryRun === 'server'
        ? undefined
        : drainNode(host, onNode, node.metadata.name, options, {
            grace,
            timeoutMs,
            evict: !boolFlag(args, 'disable-eviction'),
            log,
            dryRun: dryRun === 'client',
          });
    if (error === undefined) {
      log.out(`node/${node.metadata.name} drained${suffix}\n`);
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
function cordon(host: KubectlHost, nodes: Stored<Node>[], log: OutputLog, dryRun: DryRun): void {
  const suffix = dryRunSuffix(dryRun);
  for (const node of nodes) {
    const current = host.store.get<Node>('Node', '', node.metadata.name) ?? node;
    if (current.spec?.unschedulable) {
      log.out(`node/${node.metadata.name} already cordoned${suffix}\n`);
      continue;
    }
    if (dryRun === 'none') host.store.update<Node>({ ...current, spec: { ...current.spec, unschedulable: true } });
    log.out(`node/${node.metadata.name} cordoned${suffix}\n`);
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
  /** --dry-run=client: name each pod it would evict, and touch none. */
  dryRun: boolean;
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
  if (options.dryRun) {
    for (const pod of doomed)
      options.log.out(`evicting pod ${pod.metadata.namespace}/${pod.metadata.name} (dry run)\n`);
    return undefined;
  }
  const failures = removePods(host, doomed, options);
  if (failures.length === 0) return undefined;
  const left = podsOn(host, nodeName).filter((p) => podDeleteStatus(p, filters).delete);
  if (left.length > 0) {
    options.log.err(
      `There are pending pods in node "${nodeName}" when an error occurred: ${aggregate(failures)}\n` +
        left.map((p) => `pod/${p.metadata.name}\n`).join(''),
    );
  }
  return failures;
}

/** One pod's progress through evictPods (or deletePods): asking for its eviction, then waiting for it to go. */
interface Removal {
  pod: Stored<Pod>;
  state: 'evict' | 'wait' | 'done';
  /** When this pod's loop acts next, in virtual ms. */
  nextAt: number;
}

/**
 * evictPods / deletePods and waitForDelete, each pod in its own loop as kubectl runs them in goroutines: an eviction
 * its PodDisruptionBudget refuses is retried every 5 s; an evicted pod is polled every second until it is gone or
 * its name belongs to a new pod. Returns the errors, in pod order.
 */
function removePods(host: KubectlHost, pods: Stored<Pod>[], options: EvictOptions): string[] {
  const verb = options.evict ? 'evicted' : 'deleted';
  const start = host.clock.now();
  const forever = options.timeoutMs <= 0;
  const deadline = start + (forever ? FOREVER_MS : options.timeoutMs);
  const removals: Removal[] = pods.map((pod) => ({ pod, state: options.evict ? 'evict' : 'wait', nextAt: start }));
  if (!options.evict) for (const pod of pods) deletePod(host, pod, options.grace);
  const failures = new Map<Removal, string>();
  for (;;) {
    const now = host.clock.now();
    for (const r of removals) {
      if (r.state !== 'evict' || r.nextAt > now) continue;
      const { name, namespace = 'default' } = r.pod.metadata;
      const refused = evictPod(host.store, host.clock, r.pod, options.grace);
      if (!refused) {
        options.log.out(`evicting pod ${namespace}/${name}\n`);
        r.state = 'wait';
      } else if (refused.reason === 'NotFound') {
        r.state = 'done';
      } else if (refused.reason === 'TooManyRequests') {
        options.log.err(
          `error when evicting pods/"${name}" -n "${namespace}" (will retry after 5s): ${refused.message}\n`,
        );
        r.nextAt = now + EVICTION_RETRY_MS;
      } else {
        failures.set(r, `error when evicting pods/"${name}" -n "${namespace}": ${refused.message}`);
        r.state = 'done';
      }
    }
    for (const r of removals) {
      if (r.state !== 'wait' || r.nextAt > now) continue;
      const { name, namespace = 'default' } = r.pod.metadata;
      const current = host.store.get<Pod>('Pod', namespace, name);
      if (!current || current.metadata.uid !== r.pod.metadata.uid) {
        options.log.out(`pod/${name} ${verb}\n`);
        r.state = 'done';
      } else {
        r.nextAt = now + POLL_MS;
      }
    }
    const active = removals.filter((r) => r.state !== 'done');
    if (active.length === 0) break;
    const refusing = active.filter((r) => r.state === 'evict');
    if (forever && refusing.length > 0 && now - start >= REFUSED_FOREVER_MS) {
      options.log.err(
        `kubesim: drain would keep retrying for ever; stopped after ${goDuration(REFUSED_FOREVER_MS)} of virtual time (pass --timeout to choose how long)\n`,
      );
      for (const r of refusing) failures.set(r, 'kubesim: stopped retrying');
      break;
    }
    if (now >= deadline) {
      // A refused eviction's loop sleeps its 5 s out before it sees the deadline; drain waits for every loop.
      const wake = Math.max(now, ...refusing.map((r) => r.nextAt));
      if (wake > now) host.waitFor(() => false, wake - now);
      const reached = `global timeout reached: ${goDuration(options.timeoutMs)}`;
      for (const r of active) {
        const { name, namespace = 'default' } = r.pod.metadata;
        failures.set(
          r,
          !options.evict
            ? reached
            : r.state === 'evict'
              ? `error when evicting pods/"${name}" -n "${namespace}": ${reached}`
              : `error when waiting for pod "${name}" terminating: ${reached}`,
        );
      }
      break;
    }
    const next = Math.min(deadline, ...active.map((r) => r.nextAt));
    host.waitFor(() => false, Math.max(0, next - now));
  }
  return removals.filter((r) => failures.has(r)).map((r) => failures.get(r) as string);
}

/** --disable-eviction: a plain graceful delete. */
function deletePod(host: KubectlHost, pod: Stored<Pod>, grace: number | undefined): void {
  const namespace = pod.metadata.namespace ?? 'default';
  const current = host.store.get<Pod>('Pod', namespace, pod.metadata.name);
  if (!current || current.metadata.uid !== pod.metadata.uid) return;
  host.store.delete('Pod', namespace, pod.metadata.name, { gracePeriodSeconds: grace });
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
