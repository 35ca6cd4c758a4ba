import type { Deployment, ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { PodDisruptionBudget, PodDisruptionBudgetStatus } from 'kubernetes-types/policy/v1';
import { scaledValue } from '../../api/intstr';
import { controllerOf, deepEqual, type Stored } from '../../api/meta';
import type { WatchEvent } from '../../api/store';
import { isPodReady } from '../../pods/pod-util';
import type { ControllerContext } from '../context';
import { WorkQueue } from '../workqueue';
import { labelSelectorGoString } from '../../api/label-selector-text';
import { DELETION_TIMEOUT_MS, allowedConditionFor, disruptionAllowedCondition, pdbSelects } from './pdb-status';

const COMPONENT = 'controllermanager';

/**
 * The disruption controller (pkg/controller/disruption): keeps each PodDisruptionBudget's status — how many of its
 * pods are healthy, how many must be, and so how many evictions it allows now — as pods come and go.
 */
export class DisruptionController {
  private readonly queue: WorkQueue;

  constructor(private readonly ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, 'disruption', 5, (key) => this.sync(key));
    ctx.store.watch('PodDisruptionBudget', (e) => this.queue.add(keyOf(e.object as Stored<PodDisruptionBudget>)));
    ctx.store.watch('Pod', (e) => this.onPod(e));
  }

  /** addPod / updatePod / deletePod: the budgets that cover the pod, before or after the change. */
  private onPod(event: WatchEvent): void {
    const pod = event.object as Stored<Pod>;
    const budgets = this.ctx.store.list<PodDisruptionBudget>('PodDisruptionBudget', pod.metadata.namespace);
    if (budgets.length === 0) return;
    const old = event.old as Stored<Pod> | undefined;
    for (const pdb of budgets) {
      if (pdbSelects(pdb, pod) || (old && pdbSelects(pdb, old))) this.queue.add(keyOf(pdb));
    }
  }

  /** sync and trySync; a failure leaves the budget allowing nothing (failSafe). */
  private sync(key: string): void {
    const [namespace, name] = key.split('/');
    const pdb = this.ctx.store.get<PodDisruptionBudget>('PodDisruptionBudget', namespace, name);
    if (!pdb) return;
    const pods = this.ctx.store.list<Pod>('Pod', namespace).filter((p) => pdbSelects(pdb, p));
    if (pods.length === 0) this.ctx.recorder.event(pdb, 'Normal', 'NoPods', 'No matching pods found', COMPONENT);
    const expected = this.expectedPodCount(pdb, pods);
    if (typeof expected === 'string') {
      this.ctx.recorder.event(
        pdb,
        'Warning',
        'CalculateExpectedPodCountFailed',
        `Failed to calculate the number of expected pods: ${expected}`,
        COMPONENT,
      );
      this.failSafe(pdb, expected);
      return;
    }
    if (expected.unmanaged.length > 0) {
      this.ctx.recorder.event(
        pdb,
        'Warning',
        'UnmanagedPods',
        `Pods selected by this PodDisruptionBudget (selector: ${labelSelectorGoString(pdb.spec?.selector)}) were found to be unmanaged. As a result, the status of the PDB cannot be calculated correctly, which may result in undefined behavior. To account for these pods please set ".spec.minAvailable" field of the PDB to an integer value.`,
        COMPONENT,
      );
    }
    const now = this.ctx.clock.now();
    const { disrupted, recheckAt } = this.disruptedPodMap(pdb, pods, now);
    const currentHealthy = pods.filter(
      (p) => !p.metadata.deletionTimestamp && !(p.metadata.name in disrupted) && isPodReady(p),
    ).length;
    this.updateStatus(pdb, currentHealthy, expected.desiredHealthy, expected.expectedCount, disrupted);
    if (recheckAt !== undefined) this.queue.addAfter(key, recheckAt - now);
  }

  /** getExpectedPodCount */
  private expectedPodCount(
    pdb: Stored<PodDisruptionBudget>,
    pods: Stored<Pod>[],
  ): { expectedCount: number; desiredHealthy: number; unmanaged: string[] } | string {
    const { minAvailable, maxUnavailable } = pdb.spec ?? {};
    if (maxUnavailable !== undefined) {
      const scale = this.expectedScale(pods);
      if (typeof scale === 'string') return scale;
      const desired = scale.count - scaledValue(maxUnavailable, scale.count, true);
      return { expectedCount: scale.count, desiredHealthy: Math.max(0, desired), unmanaged: scale.unmanaged };
    }
    if (typeof minAvailable === 'number')
      return { expectedCount: pods.length, desiredHealthy: minAvailable, unmanaged: [] };
    if (typeof minAvailable === 'string') {
      const scale = this.expectedScale(pods);
      if (typeof scale === 'string') return scale;
      return {
        expectedCount: scale.count,
        desiredHealthy: scaledValue(minAvailable, scale.count, true),
        unmanaged: scale.unmanaged,
      };
    }
    return { expectedCount: 0, desiredHealthy: 0, unmanaged: [] };
  }

  /** getExpectedScale: the sum of the scale of every controller behind the pods; pods without one are listed. */
  private expectedScale(pods: Stored<Pod>[]): { count: number; unmanaged: string[] } | string {
    const scales = new Map<string, number>();
    const unmanaged: string[] = [];
    for (const pod of pods) {
      const ref = controllerOf(pod);
      if (!ref) {
        unmanaged.push(pod.metadata.name);
        continue;
      }
      if (scales.has(ref.uid)) continue;
      const found = this.controllerScale(ref, pod.metadata.namespace ?? 'default');
      if (!found) return `found no controllers for pod "${pod.metadata.name}"`;
      scales.set(found.uid, found.scale);
    }
    let count = 0;
    for (const scale of scales.values()) count += scale;
    return { count, unmanaged };
  }

  /** The finders: a ReplicaSet of a Deployment counts as the Deployment; a bare ReplicaSet, a StatefulSet. */
  private controllerScale(
    ref: { kind: string; name: string; uid: string },
    namespace: string,
  ): { uid: string; scale: number } | undefined {
    const store = this.ctx.store;
    if (ref.kind === 'ReplicaSet') {
      const rs = store.get<ReplicaSet>('ReplicaSet', namespace, ref.name);
      if (!rs || rs.metadata.uid !== ref.uid) return undefined;
      const owner = controllerOf(rs);
      if (owner?.kind === 'Deployment') {
        const deploy = store.get<Deployment>('Deployment', namespace, owner.name);
        if (!deploy || deploy.metadata.uid !== owner.uid) return undefined;
        return { uid: deploy.metadata.uid, scale: deploy.spec?.replicas ?? 1 };
      }
      return { uid: rs.metadata.uid, scale: rs.spec?.replicas ?? 1 };
    }
    if (ref.kind === 'StatefulSet') {
      const set = store.get<StatefulSet>('StatefulSet', namespace, ref.name);
      if (!set || set.metadata.uid !== ref.uid) return undefined;
      return { uid: set.metadata.uid, scale: set.spec?.replicas ?? 1 };
    }
    return undefined;
  }

  /** buildDisruptedPodMap: evicted pods stay out of the count until deleted, or until DeletionTimeout passes. */
  private disruptedPodMap(
    pdb: Stored<PodDisruptionBudget>,
    pods: Stored<Pod>[],
    now: number,
  ): { disrupted: Record<string, string>; recheckAt: number | undefined } {
    const disrupted: Record<string, string> = {};
    let recheckAt: number | undefined;
    const listed = pdb.status?.disruptedPods ?? {};
    for (const pod of pods) {
      if (pod.metadata.deletionTimestamp) continue;
      const at = listed[pod.metadata.name];
      if (at === undefined) continue;
      const expectedDeletion = Date.parse(at) + DELETION_TIMEOUT_MS;
      if (expectedDeletion < now) {
        this.ctx.recorder.event(
          pod,
          'Warning',
          'NotDeleted',
          // The real message names the namespace twice.
          `Pod was expected by PDB ${pdb.metadata.namespace}/${pdb.metadata.namespace} to be deleted but it wasn't`,
          COMPONENT,
        );
      } else {
        disrupted[pod.metadata.name] = at;
        if (recheckAt === undefined || expectedDeletion < recheckAt) recheckAt = expectedDeletion;
      }
    }
    return { disrupted, recheckAt };
  }

  /** updatePdbStatus */
  private updateStatus(
    pdb: Stored<PodDisruptionBudget>,
    currentHealthy: number,
    desiredHealthy: number,
    expectedPods: number,
    disruptedPods: Record<string, string>,
  ): void {
    let allowed = currentHealthy - desiredHealthy;
    if (expectedPods <= 0 || allowed <= 0) allowed = 0;
    const generation = pdb.metadata.generation ?? 1;
    const status: PodDisruptionBudgetStatus = {
      currentHealthy,
      desiredHealthy,
      disruptionsAllowed: allowed,
      expectedPods,
      observedGeneration: generation,
    };
    if (Object.keys(disruptedPods).length > 0) status.disruptedPods = disruptedPods;
    const withGeneration = { ...pdb, status: { ...pdb.status, ...status } } as Stored<PodDisruptionBudget>;
    status.conditions = allowedConditionFor(withGeneration, allowed, this.ctx.clock.timestamp());
    if (deepEqual(pdb.status, status)) return;
    this.ctx.store.update<PodDisruptionBudget>({ ...pdb, status });
  }

  /** failSafe */
  private failSafe(pdb: Stored<PodDisruptionBudget>, message: string): void {
    const conditions = disruptionAllowedCondition(pdb, 'False', 'SyncFailed', message, this.ctx.clock.timestamp());
    const status = { ...(pdb.status ?? {}), disruptionsAllowed: 0, conditions } as PodDisruptionBudgetStatus;
    if (deepEqual(pdb.status, status)) return;
    this.ctx.store.update<PodDisruptionBudget>({ ...pdb, status });
  }
}

function keyOf(pdb: Stored<PodDisruptionBudget>): string {
  return `${pdb.metadata.namespace ?? 'default'}/${pdb.metadata.name}`;
}
