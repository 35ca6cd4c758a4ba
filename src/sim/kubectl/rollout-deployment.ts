import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import { clone, type Stored } from '../api/meta';
import type { ObjectStore } from '../api/store';
import {
  ANNOTATIONS_TO_SKIP,
  CHANGE_CAUSE_ANNOTATION,
  equalIgnoreHash,
  getCondition,
  POD_TEMPLATE_HASH_LABEL,
  revisionOf,
  TIMED_OUT_REASON,
} from '../controllers/deployment/deployment-util';
import { describePodTemplate } from './describe-pod-template';
import type { DryRun } from './create-output';
import { RolloutError, type RolloutKind } from './rollout-kinds';

/** The ReplicaSets a Deployment controls (deploymentutil.GetAllReplicaSets as kubectl lists them). */
function replicaSetsOf(store: ObjectStore, d: Stored<Deployment>): Stored<ReplicaSet>[] {
  return store.listControlledBy<ReplicaSet>('ReplicaSet', d.metadata.uid ?? '');
}

/** DeploymentStatusViewer.Status */
function status(d: Stored<Deployment>, revision: number): { message: string; done: boolean } {
  const name = d.metadata.name;
  if (revision > 0) {
    const current = revisionOf(d);
    if (current !== revision) {
      throw new RolloutError(`desired revision (${revision}) is different from the running revision (${current})`);
    }
  }
  if ((d.metadata.generation ?? 0) > (d.status?.observedGeneration ?? 0)) {
    return { message: 'Waiting for deployment spec update to be observed...\n', done: false };
  }
  if (getCondition(d.status, 'Progressing')?.reason === TIMED_OUT_REASON) {
    throw new RolloutError(`deployment "${name}" exceeded its progress deadline`);
  }
  const s = d.status ?? {};
  const replicas = d.spec?.replicas;
  const updated = s.updatedReplicas ?? 0;
  if (replicas !== undefined && updated < replicas) {
    return {
      message: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${replicas} new replicas have been updated...\n`,
      done: false,
    };
  }
  if ((s.replicas ?? 0) > updated) {
    return {
      message: `Waiting for deployment "${name}" rollout to finish: ${(s.replicas ?? 0) - updated} old replicas are pending termination...\n`,
      done: false,
    };
  }
  if ((s.availableReplicas ?? 0) < updated) {
    return {
      message: `Waiting for deployment "${name}" rollout to finish: ${s.availableReplicas ?? 0} of ${updated} updated replicas are available...\n`,
      done: false,
    };
  }
  return { message: `deployment "${name}" successfully rolled out\n`, done: true };
}

/** DeploymentHistoryViewer.ViewHistory */
function history(store: ObjectStore, d: Stored<Deployment>, revision: number): string {
  const byRevision = new Map<number, Stored<ReplicaSet>>();
  for (const rs of replicaSetsOf(store, d)) byRevision.set(revisionOf(rs), rs);
  if (byRevision.size === 0) return 'No rollout history found.';
  if (revision > 0) {
    const rs = byRevision.get(revision);
    if (!rs) throw new RolloutError('unable to find the specified revision');
    const template = clone(rs.spec?.template ?? {});
    const cause = rs.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION];
    if (cause) {
      template.metadata = {
        ...template.metadata,
        annotations: { ...(template.metadata?.annotations ?? {}), [CHANGE_CAUSE_ANNOTATION]: cause },
      };
    }
    return describePodTemplate(template);
  }
  const rows = [...byRevision.keys()]
    .sort((a, b) => a - b)
    .map((r) => [String(r), byRevision.get(r)?.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION] || '<none>']);
  return tabbedString([['REVISION', 'CHANGE-CAUSE'], ...rows]);
}

/** tabbedString: a tabwriter with minwidth 0 and padding 2 (not the table printers' 6 and 3). */
function tabbedString(rows: string[][]): string {
  const width = Math.max(...rows.map((r) => r[0].length)) + 2;
  return rows.map((r) => `${r[0].padEnd(width)}${r[1]}\n`).join('');
}

/** deploymentRevision: the ReplicaSet for `toRevision`, or the one before the latest when it is 0. */
function revisionReplicaSet(store: ObjectStore, d: Stored<Deployment>, toRevision: number): Stored<ReplicaSet> {
  let latest: Stored<ReplicaSet> | undefined;
  let latestRevision = -1;
  let previous: Stored<ReplicaSet> | undefined;
  let previousRevision = -1;
  for (const rs of replicaSetsOf(store, d)) {
    const v = revisionOf(rs);
    if (toRevision === 0) {
      if (latestRevision < v) {
        previous = latest;
        previousRevision = latestRevision;
        latest = rs;
        latestRevision = v;
      } else if (previousRevision < v) {
        previous = rs;
        previousRevision = v;
      }
    } else if (toRevision === v) {
      return rs;
    }
  }
  if (toRevision > 0) throw new RolloutError(`unable to find specified revision ${toRevision} in history`);
  if (!previous) throw new RolloutError(`no rollout history found for deployment "${d.metadata.name}"`);
  return previous;
}

/** DeploymentRollbacker.Rollback: copies the chosen ReplicaSet's template (and annotations) into the Deployment. */
function undo(store: ObjectStore, d: Stored<Deployment>, toRevision: number, dryRun: DryRun): string {
  const rs = revisionReplicaSet(store, d, toRevision);
  // A client dry run shows the revision's template as stored, hash label and all, before any other check.
  if (dryRun === 'client') return describePodTemplate(rs.spec?.template ?? {});
  if (d.spec?.paused) {
    throw new RolloutError(
      "you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again",
    );
  }
  if (equalIgnoreHash(rs.spec?.template, d.spec?.template)) {
    return `skipped rollback (current template already matches revision ${toRevision})`;
  }
  const template = clone(rs.spec?.template ?? {});
  if (template.metadata?.labels) delete template.metadata.labels[POD_TEMPLATE_HASH_LABEL];
  const annotations: Record<string, string> = {};
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) if (ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
  for (const [k, v] of Object.entries(rs.metadata.annotations ?? {}))
    if (!ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
  store.update<Deployment>(
    { ...d, metadata: { ...d.metadata, annotations }, spec: { ...d.spec!, template } },
    { dryRun: dryRun === 'server' },
  );
  return 'rolled back';
}

export const deploymentRollout: RolloutKind = {
  status: (_store, obj, revision) => status(obj as Stored<Deployment>, revision),
  history: (store, obj, revision) => history(store, obj as Stored<Deployment>, revision),
  undo: (store, obj, toRevision, dryRun) => undo(store, obj as Stored<Deployment>, toRevision, dryRun),
  pausable: true,
  restartable: true,
};
