import type {
  HorizontalPodAutoscaler,
  HPAScalingRules,
  MetricSpec,
  MetricStatus,
  MetricTarget,
} from 'kubernetes-types/autoscaling/v2';
import type { Event as CoreEvent } from 'kubernetes-types/core/v1';
import type { Stored } from '../api/meta';
import {
  describeEvents,
  printAnnotationsMultiline,
  printLabelsMultiline,
  PrefixWriter,
  rfc1123z,
} from './describe-util';
import { quantity } from './printers-autoscaling';

const UNKNOWN = '<unknown>';

/** "(as a percentage of request):\tcurrent / target" for a Resource or ContainerResource metric. */
function writeResourceTarget(
  w: PrefixWriter,
  target: MetricTarget | undefined,
  current: MetricStatus['resource'] | MetricStatus['containerResource'],
): void {
  if (target?.averageValue !== undefined) {
    w.write(0, `:\t${current ? quantity(current.current.averageValue) : UNKNOWN} / ${quantity(target.averageValue)}\n`);
    return;
  }
  const now = current?.current.averageUtilization;
  const shown = now !== undefined ? `${now}% (${quantity(current?.current.averageValue)})` : UNKNOWN;
  const wanted = target?.averageUtilization !== undefined ? `${target.averageUtilization}%` : '<auto>';
  w.write(1, `(as a percentage of request):\t${shown} / ${wanted}\n`);
}

/** One line (or two, for resources) under "Metrics:", as describeHorizontalPodAutoscalerV2 writes each type. */
function writeMetric(w: PrefixWriter, metric: MetricSpec, status: MetricStatus | undefined): void {
  switch (metric.type) {
    case 'External': {
      const external = metric.external;
      const name = JSON.stringify(external?.metric.name ?? '');
      if (external?.target.averageValue !== undefined) {
        const current = status?.external?.current.averageValue;
        const shown = current === undefined ? UNKNOWN : quantity(current);
        w.write(1, `${name} (target average value):\t${shown} / ${quantity(external.target.averageValue)}\n`);
      } else {
        const shown = status?.external ? quantity(status.external.current.value) : UNKNOWN;
        w.write(1, `${name} (target value):\t${shown} / ${quantity(external?.target.value)}\n`);
      }
      return;
    }
    case 'Pods': {
      const shown = status?.pods ? quantity(status.pods.current.averageValue) : UNKNOWN;
      const name = JSON.stringify(metric.pods?.metric.name ?? '');
      w.write(1, `${name} on pods:\t${shown} / ${quantity(metric.pods?.target.averageValue)}\n`);
      return;
    }
    case 'Object': {
      const object = metric.object;
      const described = object?.describedObject;
      w.write(1, `"${object?.metric.name ?? ''}" on ${described?.kind ?? ''}/${described?.name ?? ''} `);
      if (object?.target.type === 'AverageValue') {
        const shown = status?.object ? quantity(status.object.current.averageValue) : UNKNOWN;
        w.write(0, `(target average value):\t${shown} / ${quantity(object.target.averageValue)}\n`);
      } else {
        const shown = status?.object ? quantity(status.object.current.value) : UNKNOWN;
        w.write(0, `(target value):\t${shown} / ${quantity(object?.target.value)}\n`);
      }
      return;
    }
    case 'Resource':
      w.write(1, `resource ${metric.resource?.name ?? ''} on pods`);
      writeResourceTarget(w, metric.resource?.target, status?.resource);
      return;
    case 'ContainerResource': {
      const source = metric.containerResource;
      w.write(1, `resource ${source?.name ?? ''} of container "${source?.container ?? ''}" on pods`);
      writeResourceTarget(w, source?.target, status?.containerResource);
      return;
    }
    default:
      w.write(1, `<unknown metric type ${JSON.stringify(metric.type)}>\n`);
  }
}

/** printDirectionBehavior */
function writeDirection(w: PrefixWriter, direction: string, rules: HPAScalingRules | undefined): void {
  if (!rules) return;
  w.write(1, `${direction}:\n`);
  if (rules.stabilizationWindowSeconds !== undefined) {
    w.write(2, `Stabilization Window: ${rules.stabilizationWindowSeconds} seconds\n`);
  }
  const policies = rules.policies ?? [];
  if (policies.length === 0) return;
  w.write(2, `Select Policy: ${rules.selectPolicy ?? '<unset>'}\n`);
  w.write(2, 'Policies:\n');
  for (const p of policies) w.write(3, `- Type: ${p.type}\tValue: ${p.value}\tPeriod: ${p.periodSeconds} seconds\n`);
}

/** describeHorizontalPodAutoscalerV2: the target, each metric's current / target, the bounds, then the conditions. */
export function describeHorizontalPodAutoscaler(
  hpa: Stored<HorizontalPodAutoscaler>,
  events: Stored<CoreEvent>[],
  nowMs: number,
): string {
  const w = new PrefixWriter();
  const spec = hpa.spec;
  const status = hpa.status;
  w.write(0, `Name:\t${hpa.metadata.name}\n`);
  w.write(0, `Namespace:\t${hpa.metadata.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', hpa.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', hpa.metadata.annotations);
  w.write(0, `CreationTimestamp:\t${rfc1123z(hpa.metadata.creationTimestamp)}\n`);
  w.write(0, `Reference:\t${spec?.scaleTargetRef.kind ?? ''}/${spec?.scaleTargetRef.name ?? ''}\n`);
  w.write(0, 'Metrics:\t( current / target )\n');
  (spec?.metrics ?? []).forEach((metric, i) => writeMetric(w, metric, status?.currentMetrics?.[i]));
  w.write(0, `Min replicas:\t${spec?.minReplicas !== undefined ? spec.minReplicas : '<unset>'}\n`);
  w.write(0, `Max replicas:\t${spec?.maxReplicas ?? 0}\n`);
  if (spec?.behavior) {
    w.write(0, 'Behavior:\n');
    writeDirection(w, 'Scale Up', spec.behavior.scaleUp);
    writeDirection(w, 'Scale Down', spec.behavior.scaleDown);
  }
  w.write(0, `${spec?.scaleTargetRef.kind ?? ''} pods:\t`);
  w.write(0, `${status?.currentReplicas ?? 0} current / ${status?.desiredReplicas ?? 0} desired\n`);
  const conditions = status?.conditions ?? [];
  if (conditions.length > 0) {
    w.write(0, 'Conditions:\n');
    w.write(1, 'Type\tStatus\tReason\tMessage\n');
    w.write(1, '----\t------\t------\t-------\n');
    for (const c of conditions) w.write(1, `${c.type}\t${c.status}\t${c.reason ?? ''}\t${c.message ?? ''}\n`);
  }
  describeEvents(w, events, nowMs);
  return w.toString();
}
