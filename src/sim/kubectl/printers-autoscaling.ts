import type {
  HorizontalPodAutoscaler,
  MetricSpec,
  MetricStatus,
  MetricTarget,
  MetricValueStatus,
} from 'kubernetes-types/autoscaling/v2';
import { age } from './duration';
import type { TablePrinter } from './printers';

const UNKNOWN = '<unknown>';

/** A quantity as resource.Quantity.String() prints it (the store keeps quantities canonical). */
export function quantity(value: string | number | undefined): string {
  return value === undefined ? '0' : String(value);
}

/** An External or Object metric: an average value target is marked "(avg)", a value target is not. */
function valueOrAverage(target: MetricTarget | undefined, current: MetricValueStatus | undefined): string {
  if (target?.averageValue !== undefined) {
    const now = current?.averageValue;
    return `${now === undefined ? UNKNOWN : quantity(now)}/${quantity(target.averageValue)} (avg)`;
  }
  return `${current ? quantity(current.value) : UNKNOWN}/${quantity(target?.value)}`;
}

/** One metric in the TARGETS column: "current/target", the current value `<unknown>` until the controller has one. */
function formatMetric(spec: MetricSpec, status: MetricStatus | undefined): string {
  switch (spec.type) {
    case 'External':
      return valueOrAverage(spec.external?.target, status?.external?.current);
    case 'Pods': {
      const current = status?.pods ? quantity(status.pods.current.averageValue) : UNKNOWN;
      return `${current}/${quantity(spec.pods?.target.averageValue)}`;
    }
    case 'Object':
      return valueOrAverage(spec.object?.target, status?.object?.current);
    case 'Resource':
    case 'ContainerResource': {
      const source = spec.type === 'Resource' ? spec.resource : spec.containerResource;
      const current = spec.type === 'Resource' ? status?.resource?.current : status?.containerResource?.current;
      const name = source?.name ?? '';
      if (source?.target.averageValue !== undefined) {
        return `${name}: ${current ? quantity(current.averageValue) : UNKNOWN}/${quantity(source.target.averageValue)}`;
      }
      const now = current?.averageUtilization !== undefined ? `${current.averageUtilization}%` : UNKNOWN;
      const target =
        source?.target.averageUtilization !== undefined ? `${source.target.averageUtilization}%` : '<auto>';
      return `${name}: ${now}/${target}`;
    }
    default:
      return '<unknown type>';
  }
}

/** formatHPAMetrics: the first two metrics, then "+ N more..."; `<none>` without any. */
export function formatHpaMetrics(specs: MetricSpec[] | undefined, statuses: MetricStatus[] | undefined): string {
  if (!specs || specs.length === 0) return '<none>';
  const list = specs.map((spec, i) => formatMetric(spec, statuses?.[i]));
  const maximum = 2;
  if (list.length <= maximum) return list.join(', ');
  return `${list.slice(0, maximum).join(', ')} + ${list.length - maximum} more...`;
}

/** printHorizontalPodAutoscaler: NAME REFERENCE TARGETS MINPODS MAXPODS REPLICAS AGE. */
export const horizontalPodAutoscalerPrinter: TablePrinter<HorizontalPodAutoscaler> = {
  header: ['NAME', 'REFERENCE', 'TARGETS', 'MINPODS', 'MAXPODS', 'REPLICAS', 'AGE'],
  wideHeader: [],
  row(hpa, now) {
    const spec = hpa.spec;
    return [
      hpa.metadata.name,
      `${spec?.scaleTargetRef.kind ?? ''}/${spec?.scaleTargetRef.name ?? ''}`,
      formatHpaMetrics(spec?.metrics, hpa.status?.currentMetrics),
      spec?.minReplicas !== undefined ? String(spec.minReplicas) : '<unset>',
      String(spec?.maxReplicas ?? 0),
      String(hpa.status?.currentReplicas ?? 0),
      age(hpa.metadata.creationTimestamp, now),
    ];
  },
  wideRow() {
    return [];
  },
};
