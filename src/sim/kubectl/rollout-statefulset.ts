import type { ControllerRevision, StatefulSet } from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import { clone, deepEqual, type Stored } from '../api/meta';
import { parseDuration } from '../clock';
import { revisionData, sortRevisions } from '../controllers/statefulset/history';
import { flag, type ParsedArgs } from './args';
import { describePodTemplate } from './describe-pod-template';
import { dryRunStrategy, dryRunSuffix, type DryRun } from './create-output';
import type { KubectlHost } from './host';
import { fail, ok, subcommandRequired, type CommandResult } from './output';
import { parseResourceArgs } from './resource-args';

const KIND_PREFIX = 'statefulset.apps';
/** How long an unbounded `rollout status` watches before the simulated user gives up (a Ctrl-C). */
const WATCH_CAP_MS = 3600_000;

export interface RolloutStatus {
  message: string;
  done: boolean;
  error?: string;
}

/** StatefulSetStatusViewer.Status (kubectl polymorphichelpers/rollout_status.go). */
export function statefulSetRolloutStatus(sts: StatefulSet): RolloutStatus {
  const spec = sts.spec;
  const status = sts.status;
  if (spec?.updateStrategy?.type !== 'RollingUpdate') {
    return { message: '', done: true, error: 'rollout status is only available for RollingUpdate strategy type' };
  }
  const observed = status?.observedGeneration ?? 0;
  if (observed === 0 || (sts.metadata?.generation ?? 0) > observed) {
    return { message: 'Waiting for statefulset spec update to be observed...\n', done: false };
  }
  const replicas = spec.replicas;
  const ready = status?.readyReplicas ?? 0;
  if (replicas !== undefined && ready < replicas) {
    return { message: `Waiting for ${replicas - ready} pods to be ready...\n`, done: false };
  }
  const updated = status?.updatedReplicas ?? 0;
  const rollingUpdate = spec.updateStrategy.rollingUpdate;
  if (rollingUpdate) {
    const partition = rollingUpdate.partition;
    if (replicas !== undefined && partition !== undefined && updated < replicas - partition) {
      return {
        message: `Waiting for partitioned roll out to finish: ${updated} out of ${replicas - partition} new pods have been updated...\n`,
        done: false,
      };
    }
    return { message: `partitioned roll out complete: ${updated} new pods have been updated...\n`, done: true };
  }
  if (status?.updateRevision !== status?.currentRevision) {
    return {
      message: `waiting for statefulset rolling update to complete ${updated} pods at revision ${status?.updateRevision ?? ''}...\n`,
      done: false,
    };
  }
  return {
    message: `statefulset rolling update complete ${status?.currentReplicas ?? 0} pods at revision ${status?.currentRevision ?? ''}...\n`,
    done: true,
  };
}

/**
 * `kubectl rollout status statefulset/NAME`: prints the viewer's message for the set as first listed and again on
 * every change kubectl's watch delivers, until the rollout is done (or at once with --watch=false).
 */
export function statefulSetRolloutStatusCommand(
  host: KubectlHost,
  namespace: string,
  name: string,
  options: { watch: boolean; timeoutMs?: number },
): CommandResult {
  const sts = host.store.get<StatefulSet>('StatefulSet', namespace, name);
  if (!sts) return fail(`Error from server (NotFound): statefulsets.apps "${name}" not found`);
  let stdout = '';
  let done = false;
  let error: string | undefined;
  const observe = (obj: StatefulSet): void => {
    const s = statefulSetRolloutStatus(obj);
    if (s.error) {
      error = s.error;
      done = true;
      return;
    }
    stdout += s.message;
    if (s.done || !options.watch) done = true;
  };
  observe(sts);
  if (!done) {
    const stop = host.store.watch('StatefulSet', (e) => {
      if (done || e.object.metadata.name !== name || e.object.metadata.namespace !== namespace) return;
      if (e.type === 'DELETED') {
        error = `object has been deleted`;
        done = true;
        return;
      }
      observe(e.object as StatefulSet);
    });
    const finished = host.waitFor(() => done, options.timeoutMs ?? WATCH_CAP_MS);
    stop();
    if (!finished && options.timeoutMs !== undefined) return fail('error: timed out waiting for the condition', stdout);
  }
  if (error) return fail(`error: ${error}`, stdout);
  return ok(stdout);
}

/** statefulSetHistory: the set's ControllerRevisions, oldest first. */
function revisionsOf(host: KubectlHost, sts: Stored<StatefulSet>): Stored<ControllerRevision>[] {
  return sortRevisions(host.store.listControlledBy<ControllerRevision>('ControllerRevision', sts.metadata.uid ?? ''));
}

/** applyStatefulSetHistory: the pod template a revision restores (its patch replaces the template whole). */
function templateOf(revision: ControllerRevision): PodTemplateSpec {
  const data = clone(revision.data) as { spec?: { template?: Record<string, unknown> } } | undefined;
  const template = data?.spec?.template ?? {};
  delete template.$patch;
  return template as PodTemplateSpec;
}

/** tabbedString with kubectl's history tabwriter: minwidth 0, padding 2. */
function historyTable(rows: string[][]): string {
  const width = Math.max(...rows.map((r) => r[0].length)) + 2;
  return rows.map((r) => `${r[0].padEnd(width)}${r[1]}\n`).join('');
}

/** `kubectl rollout history statefulset/NAME [--revision=N]` (StatefulSetHistoryViewer + printHistory). */
export function statefulSetHistoryCommand(
  host: KubectlHost,
  namespace: string,
  name: string,
  revision: number,
): CommandResult {
  const sts = host.store.get<StatefulSet>('StatefulSet', namespace, name);
  if (!sts) return fail(`Error from server (NotFound): statefulsets.apps "${name}" not found`);
  const byNumber = new Map<number, ControllerRevision>();
  for (const r of revisionsOf(host, sts)) byNumber.set(r.revision, r);
  let body: string;
  if (byNumber.size === 0) {
    body = 'No rollout history found.';
  } else if (revision > 0) {
    const found = byNumber.get(revision);
    if (!found) return fail('error: unable to find the specified revision');
    body = describePodTemplate(templateOf(found));
  } else {
    const rows = [['REVISION', 'CHANGE-CAUSE']];
    for (const n of [...byNumber.keys()].sort((a, b) => a - b)) {
      rows.push([String(n), byNumber.get(n)?.metadata?.annotations?.['kubernetes.io/change-cause'] || '<none>']);
    }
    body = historyTable(rows);
  }
  const withRevision = revision > 0 ? `with revision #${revision}` : '';
  return ok(`${KIND_PREFIX}/${name} ${withRevision}\n${body}\n`);
}

/** `kubectl rollout undo statefulset/NAME [--to-revision=N]` (StatefulSetRollbacker.Rollback). */
export function rollbackStatefulSetCommand(
  host: KubectlHost,
  namespace: string,
  name: string,
  toRevision: number,
  dryRun: DryRun = 'none',
): CommandResult {
  const sts = host.store.get<StatefulSet>('StatefulSet', namespace, name);
  if (!sts) return fail(`Error from server (NotFound): statefulsets.apps "${name}" not found`);
  if (toRevision < 0) return fail(`error: unable to find specified revision ${toRevision} in history`);
  const history = revisionsOf(host, sts);
  if (toRevision === 0 && history.length <= 1) return fail('error: no last revision to roll back to');
  // findHistory: the second-newest revision by default, else the one with that number.
  const target = toRevision === 0 ? history[history.length - 2] : history.find((r) => r.revision === toRevision);
  if (!target) return fail(`error: unable to find specified revision ${toRevision} in history`);
  const suffix = dryRunSuffix(dryRun);
  // printPodTemplate: a client dry run shows the set with the revision applied.
  if (dryRun === 'client') {
    return ok(`${KIND_PREFIX}/${name} will roll back to ${describePodTemplate(templateOf(target))}${suffix}\n`);
  }
  if (deepEqual(revisionData(sts), target.data)) {
    return ok(
      `${KIND_PREFIX}/${name} skipped rollback (current template already matches revision ${toRevision})${suffix}\n`,
    );
  }
  // The revision's strategic merge patch replaces spec.template whole.
  host.store.update<StatefulSet>(
    { ...sts, spec: { ...sts.spec!, template: templateOf(target) } },
    { dryRun: dryRun === 'server' },
  );
  return ok(`${KIND_PREFIX}/${name} rolled back${suffix}\n`);
}

/**
 * A `kubectl rollout status|history|undo` for StatefulSets, until the command is merged with the Deployment
 * rollout command.
 */
export function runStatefulSetRollout(host: KubectlHost, args: ParsedArgs): CommandResult {
  const [sub, ...rest] = args.positional;
  if (!['status', 'history', 'undo'].includes(sub ?? '')) {
    return subcommandRequired('rollout', args.positional, ['history', 'pause', 'restart', 'resume', 'status', 'undo']);
  }
  const targets = parseResourceArgs(rest);
  const target = targets[0];
  if (!target || target.names.length === 0) {
    return fail('error: required resource not specified');
  }
  if (target.type.kind !== 'StatefulSet') return fail(`error: no ${sub} for ${target.type.plural} in this build`);
  const namespace = flag(args, 'namespace') ?? 'default';
  const name = target.names[0];
  if (args.flags.has('dry-run') && sub !== 'undo')
    return fail(`kubesim: kubectl rollout ${sub} --dry-run is not simulated`);
  if (sub === 'status') {
    const timeout = flag(args, 'timeout');
    return statefulSetRolloutStatusCommand(host, namespace, name, {
      watch: (flag(args, 'watch') ?? 'true') !== 'false',
      timeoutMs: timeout !== undefined && timeout !== '0s' && timeout !== '0' ? parseDuration(timeout) : undefined,
    });
  }
  if (sub === 'history') return statefulSetHistoryCommand(host, namespace, name, Number(flag(args, 'revision') ?? 0));
  const dryRun = dryRunStrategy(args);
  if (typeof dryRun !== 'string') return dryRun;
  return rollbackStatefulSetCommand(host, namespace, name, Number(flag(args, 'to-revision') ?? 0), dryRun);
}
