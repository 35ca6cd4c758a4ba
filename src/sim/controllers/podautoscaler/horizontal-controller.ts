import type {
  HorizontalPodAutoscaler,
  HorizontalPodAutoscalerCondition,
  HorizontalPodAutoscalerStatus,
} from 'kubernetes-types/autoscaling/v2';
import { ApiError } from '../../api/errors';
import type { Pod } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { deepEqual, selectorMatches, type Stored } from '../../api/meta';
import type { ControllerContext } from '../context';
import { WorkQueue } from '../workqueue';
import { metricFailure } from './metric-sources';
import { getScale, updateScale, type Scale } from './scale-target';
import { formatSelector } from '../../api/label-selector-text';

const COMPONENT = 'horizontal-pod-autoscaler';
/** --horizontal-pod-autoscaler-sync-period: every HPA is reconciled this often, and first this long after it appears. */
export const HPA_SYNC_PERIOD_MS = 15_000;

type ConditionStatus = 'True' | 'False';

/**
 * The horizontal pod autoscaler controller (pkg/controller/podautoscaler): every 15 s it reads each HPA's target
 * through the scale subresource, keeps the replica count within [minReplicas, maxReplicas], and otherwise asks the
 * metrics APIs for a recommendation — which, with no metrics-server in this cluster, fails with the controller's
 * own events and conditions.
 */
export class HorizontalController {
  private readonly queue: WorkQueue;
  /** hpaSelectors: each HPA's target selector, recorded when it first computes metrics. */
  private readonly selectors = new Map<string, { namespace: string; selector: LabelSelector | undefined }>();

  constructor(private readonly ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, 'horizontal-pod-autoscaler', 0, (key) => this.processKey(key));
    ctx.store.watch('HorizontalPodAutoscaler', (e) => {
      // enqueueHPA: AddRateLimited with the sync period, so a change waits for the next round (deleteHPA: Forget).
      const key = keyOf(e.object as Stored<HorizontalPodAutoscaler>);
      if (e.type === 'DELETED') this.selectors.delete(key);
      else this.queue.addAfter(key, HPA_SYNC_PERIOD_MS);
    });
  }

  /** processNextWorkItem: reconcile, then come back after a sync period unless the HPA is gone. */
  private processKey(key: string): void {
    const [namespace, name] = key.split('/');
    const hpa = this.ctx.store.get<HorizontalPodAutoscaler>('HorizontalPodAutoscaler', namespace, name);
    if (!hpa) return;
    this.reconcileAutoscaler(hpa);
    this.queue.addAfter(key, HPA_SYNC_PERIOD_MS);
  }

  /** reconcileAutoscaler */
  private reconcileAutoscaler(hpa: Stored<HorizontalPodAutoscaler>): void {
    const original = hpa.status ?? { desiredReplicas: 0 };
    const status: HorizontalPodAutoscalerStatus = { ...original, conditions: [...(original.conditions ?? [])] };
    const spec = hpa.spec;
    if (!spec) return; // validation requires a spec: a stored HPA always has one
    const scale = getScale(this.ctx.store, hpa.metadata.namespace ?? 'default', spec.scaleTargetRef);
    if ('error' in scale) {
      this.event(hpa, 'Warning', 'FailedGetScale', scale.error);
      this.setCondition(
        status,
        'AbleToScale',
        'False',
        'FailedGetScale',
        `the HPA controller was unable to get the target's current scale: ${scale.error}`,
      );
      this.updateStatusIfNeeded(hpa, original, status);
      return;
    }
    this.setCondition(
      status,
      'AbleToScale',
      'True',
      'SucceededGetScale',
      "the HPA controller was able to get the target's current scale",
    );
    const current = scale.replicas;
    const minReplicas = spec.minReplicas ?? 1;
    let desired: number;
    let reason = '';
    let rescale = true;
    if (current === 0 && minReplicas !== 0) {
      desired = 0;
      rescale = false;
      this.setCondition(
        status,
        'ScalingActive',
        'False',
        'ScalingDisabled',
        'scaling is disabled since the replica count of the target is zero',
      );
    } else if (current > spec.maxReplicas) {
      reason = 'Current number of replicas above Spec.MaxReplicas';
      desired = spec.maxReplicas;
    } else if (current < minReplicas) {
      reason = 'Current number of replicas below Spec.MinReplicas';
      desired = minReplicas;
    } else {
      // computeReplicasForMetrics: the selector must be the HPA's alone, and then every metric fails here, so no
      // recommendation is made and nothing is scaled.
      const error = this.validateSelector(hpa, scale, status) ?? this.failMetrics(hpa, status);
      this.updateStatusIfNeeded(hpa, original, this.withReplicas(status, current, status.desiredReplicas, false));
      this.event(hpa, 'Warning', 'FailedComputeMetricsReplicas', error);
      return;
    }
    if (rescale) {
      const failed = updateScale(this.ctx.store, scale, desired);
      if (failed !== undefined) {
        this.event(hpa, 'Warning', 'FailedRescale', `New size: ${desired}; reason: ${reason}; error: ${failed}`);
        this.setCondition(
          status,
          'AbleToScale',
          'False',
          'FailedUpdateScale',
          `the HPA controller was unable to update the target scale: ${failed}`,
        );
        this.updateStatusIfNeeded(hpa, original, this.withReplicas(status, current, status.desiredReplicas, false));
        return;
      }
      this.setCondition(
        status,
        'AbleToScale',
        'True',
        'SucceededRescale',
        `the HPA controller was able to update the target scale to ${desired}`,
      );
      this.event(hpa, 'Normal', 'SuccessfulRescale', `New size: ${desired}; reason: ${reason}`);
    } else {
      desired = current;
    }
    this.updateStatusIfNeeded(hpa, original, this.withReplicas(status, current, desired, rescale));
  }

  /**
   * validateAndParseSelector: records the target's selector as this HPA's, then refuses to act (returning why) when
   * the pods it selects are also selected by another HPA's recorded selector.
   */
  private validateSelector(
    hpa: Stored<HorizontalPodAutoscaler>,
    scale: Scale,
    status: HorizontalPodAutoscalerStatus,
  ): string | undefined {
    const key = keyOf(hpa);
    const namespace = hpa.metadata.namespace ?? 'default';
    const selector = (scale.target as { spec?: { selector?: LabelSelector } }).spec?.selector;
    this.selectors.set(key, { namespace, selector });
    const pods = this.ctx.store.list<Pod>('Pod', namespace).filter((p) => selectorMatches(selector, p.metadata.labels));
    // hpasControllingPodsUnderSelector; Go builds the list from a map, so its order varies: sorted here.
    const selecting = [...this.selectors.entries()]
      .filter(([, s]) => s.namespace === namespace && pods.some((p) => selectorMatches(s.selector, p.metadata.labels)))
      .map(([k]) => k)
      .sort();
    if (selecting.length <= 1) return undefined;
    const message = `pods by selector ${formatSelector(selector)} are controlled by multiple HPAs: [${selecting.join(' ')}]`;
    this.event(hpa, 'Warning', 'AmbiguousSelector', message);
    this.setCondition(status, 'ScalingActive', 'False', 'AmbiguousSelector', message);
    return message;
  }

  /**
   * computeReplicasForMetrics with every metric invalid: an event per metric, ScalingActive from the first, and the
   * error with the count that reconcileAutoscaler records as FailedComputeMetricsReplicas.
   */
  private failMetrics(hpa: Stored<HorizontalPodAutoscaler>, status: HorizontalPodAutoscalerStatus): string {
    const metrics = hpa.spec?.metrics ?? [];
    const failures = metrics.map((metric) => {
      const failure = metricFailure(metric, hpa.metadata.namespace ?? 'default');
      this.event(hpa, 'Warning', failure.reason, failure.cause);
      return failure;
    });
    const first = failures[0];
    if (first) {
      this.setCondition(
        status,
        'ScalingActive',
        'False',
        first.reason,
        `the HPA was unable to compute the replica count: ${first.cause}`,
      );
    }
    const n = failures.length;
    const firstError = first ? first.error : '<nil>';
    return `invalid metrics (${n} invalid out of ${n}), first error is: ${firstError}`;
  }

  /** setStatus: the counts, the last scale time when this round rescaled, and the conditions set so far. */
  private withReplicas(
    status: HorizontalPodAutoscalerStatus,
    current: number,
    desired: number,
    rescaled: boolean,
  ): HorizontalPodAutoscalerStatus {
    const out: HorizontalPodAutoscalerStatus = { desiredReplicas: desired };
    const lastScaleTime = rescaled ? this.ctx.clock.timestamp() : status.lastScaleTime;
    if (lastScaleTime !== undefined) out.lastScaleTime = lastScaleTime;
    // currentReplicas is omitempty in autoscaling/v2: zero does not appear.
    if (current !== 0) out.currentReplicas = current;
    if (status.currentMetrics && status.currentMetrics.length > 0) out.currentMetrics = status.currentMetrics;
    if (status.conditions && status.conditions.length > 0) out.conditions = status.conditions;
    return out;
  }

  /** setConditionInList: a condition moves its lastTransitionTime only when its status changes. */
  private setCondition(
    status: HorizontalPodAutoscalerStatus,
    type: string,
    value: ConditionStatus,
    reason: string,
    message: string,
  ): void {
    const conditions = status.conditions ?? [];
    const i = conditions.findIndex((c) => c.type === type);
    const existing: HorizontalPodAutoscalerCondition | undefined = i >= 0 ? conditions[i] : undefined;
    const lastTransitionTime =
      existing && existing.status === value ? existing.lastTransitionTime : this.ctx.clock.timestamp();
    // Field order as the Go struct declares it: type, status, lastTransitionTime, reason, message.
    const ordered: HorizontalPodAutoscalerCondition = { type, status: value, lastTransitionTime, reason, message };
    if (i >= 0) conditions[i] = ordered;
    else conditions.push(ordered);
    status.conditions = conditions;
  }

  /** updateStatusIfNeeded: no write when the status is what it was. */
  private updateStatusIfNeeded(
    hpa: Stored<HorizontalPodAutoscaler>,
    original: HorizontalPodAutoscalerStatus,
    status: HorizontalPodAutoscalerStatus,
  ): void {
    if (deepEqual(original, status)) return;
    try {
      this.ctx.store.update<HorizontalPodAutoscaler>({ ...hpa, status });
    } catch (err) {
      // updateStatus: a refused write (a user's edit won the race) is reported, and the next round reads again.
      if (!(err instanceof ApiError)) throw err;
      this.event(hpa, 'Warning', 'FailedUpdateStatus', err.message);
    }
  }

  private event(
    hpa: Stored<HorizontalPodAutoscaler>,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
  ): void {
    this.ctx.recorder.event(hpa, type, reason, message, COMPONENT);
  }
}

function keyOf(hpa: Stored<HorizontalPodAutoscaler>): string {
  return `${hpa.metadata.namespace}/${hpa.metadata.name}`;
}
