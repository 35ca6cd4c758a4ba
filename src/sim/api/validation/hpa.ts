import type {
  CrossVersionObjectReference,
  HorizontalPodAutoscaler,
  HorizontalPodAutoscalerBehavior,
  HorizontalPodAutoscalerSpec,
  HPAScalingRules,
  MetricSpec,
  MetricTarget,
} from 'kubernetes-types/autoscaling/v2';
import type { FieldError } from '../errors';
import type { KubeObject, Stored } from '../meta';
import { parseQuantity } from '../quantity';
import { child, dedupe, forbidden, index, invalidField, notSupported, required } from './field';
import { isDNS1123Subdomain } from './names';
import { validateObjectMeta, validateObjectMetaUpdate } from './objectmeta';

/** MaxPeriodSeconds and MaxStabilizationWindowSeconds of the autoscaling validation. */
const MAX_PERIOD_SECONDS = 1800;
const MAX_STABILIZATION_WINDOW_SECONDS = 3600;
const METRIC_SOURCE_TYPES = ['ContainerResource', 'External', 'Object', 'Pods', 'Resource'];
/** The spec field each metric source type is read from. */
const SOURCE_FIELDS: Record<string, keyof MetricSpec> = {
  Object: 'object',
  Pods: 'pods',
  Resource: 'resource',
  External: 'external',
  ContainerResource: 'containerResource',
};

/** pathvalidation.IsValidPathSegmentName */
function pathSegmentProblems(name: string): string[] {
  if (name === '.' || name === '..') return [`may not be '${name}'`];
  const out: string[] = [];
  if (name.includes('/')) out.push("may not contain '/'");
  if (name.includes('%')) out.push("may not contain '%'");
  return out;
}

/** ValidateCrossVersionObjectReference */
function validateReference(ref: CrossVersionObjectReference | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const field of ['kind', 'name'] as const) {
    const value = ref?.[field] ?? '';
    if (value === '') errs.push(required(child(path, field)));
    else for (const msg of pathSegmentProblems(value)) errs.push(invalidField(child(path, field), value, msg));
  }
  return errs;
}

/** A quantity's sign, as resource.Quantity.Sign() reads it (an unparsable one cannot reach validation). */
function positive(quantity: string | number): boolean {
  return (parseQuantity(quantity) ?? 0) > 0;
}

/** validateMetricTarget */
function validateTarget(target: MetricTarget | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const type = target?.type ?? '';
  if (type === '') errs.push(required(child(path, 'type'), 'must specify a metric target type'));
  if (type !== 'Utilization' && type !== 'Value' && type !== 'AverageValue') {
    errs.push(invalidField(child(path, 'type'), type, 'must be either Utilization, Value, or AverageValue'));
  }
  if (target?.value !== undefined && !positive(target.value)) {
    errs.push(invalidField(child(path, 'value'), String(target.value), 'must be positive'));
  }
  if (target?.averageValue !== undefined && !positive(target.averageValue)) {
    errs.push(invalidField(child(path, 'averageValue'), String(target.averageValue), 'must be positive'));
  }
  if (target?.averageUtilization !== undefined && target.averageUtilization < 1) {
    errs.push(invalidField(child(path, 'averageUtilization'), target.averageUtilization, 'must be greater than 0'));
  }
  return errs;
}

/** validateResourceSource and validateContainerResourceSource: a utilization or a raw value, not both. */
function validateResourceLike(
  source: { name?: string; container?: string; target?: MetricTarget },
  path: string,
  withContainer: boolean,
): FieldError[] {
  const errs: FieldError[] = [];
  if (!source.name) errs.push(required(child(path, 'name'), 'must specify a resource name'));
  if (withContainer && !source.container) errs.push(required(child(path, 'container'), 'must specify a container'));
  errs.push(...validateTarget(source.target, child(path, 'target')));
  const target = source.target;
  if (target?.averageUtilization === undefined && target?.averageValue === undefined) {
    errs.push(
      required(
        child(path, 'target', 'averageUtilization'),
        'must set either a target raw value or a target utilization',
      ),
    );
  }
  if (target?.averageUtilization !== undefined && target.averageValue !== undefined) {
    errs.push(
      forbidden(child(path, 'target', 'averageValue'), 'may not set both a target raw value and a target utilization'),
    );
  }
  return errs;
}

/** validatePodsSource, validateObjectSource and validateExternalSource: a named metric and a value target. */
function validateNamedMetric(
  source: { metric?: { name?: string }; target?: MetricTarget; describedObject?: CrossVersionObjectReference },
  path: string,
  field: string,
): FieldError[] {
  const errs: FieldError[] = [];
  if (field === 'object') errs.push(...validateReference(source.describedObject, child(path, 'describedObject')));
  const name = source.metric?.name ?? '';
  if (name === '') errs.push(required(child(path, 'metric', 'name'), 'must specify a metric name'));
  else for (const msg of pathSegmentProblems(name)) errs.push(invalidField(child(path, 'metric', 'name'), name, msg));
  errs.push(...validateTarget(source.target, child(path, 'target')));
  const target = source.target;
  const averagePath = child(path, 'target', 'averageValue');
  if (field === 'pods' && target?.averageValue === undefined) {
    errs.push(required(averagePath, 'must specify a positive target averageValue'));
  }
  if (field === 'object' && target?.value === undefined && target?.averageValue === undefined) {
    errs.push(required(averagePath, 'must set either a target value or averageValue'));
  }
  if (field === 'external') {
    if (target?.value === undefined && target?.averageValue === undefined) {
      errs.push(required(averagePath, 'must set either a target value for metric or a per-pod target'));
    }
    if (target?.value !== undefined && target.averageValue !== undefined) {
      errs.push(
        forbidden(child(path, 'target', 'value'), 'may not set both a target value for metric and a per-pod target'),
      );
    }
  }
  return errs;
}

/** validateMetricSpec: a known type, and exactly the source that type names. */
function validateMetric(spec: MetricSpec, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const type = spec.type ?? '';
  if (type === '') errs.push(required(child(path, 'type'), 'must specify a metric source type'));
  if (!METRIC_SOURCE_TYPES.includes(type)) errs.push(notSupported(child(path, 'type'), type, METRIC_SOURCE_TYPES));
  const present = (['object', 'external', 'pods', 'resource', 'containerResource'] as const).filter(
    (field) => spec[field] !== undefined,
  );
  const first = present[0];
  if (first === 'resource' || first === 'containerResource') {
    errs.push(...validateResourceLike(spec[first] ?? {}, child(path, first), first === 'containerResource'));
  } else if (first !== undefined) {
    errs.push(...validateNamedMetric(spec[first] ?? {}, child(path, first), first));
  }
  const expected = SOURCE_FIELDS[type];
  if (expected === undefined) {
    errs.push(notSupported(child(path, 'type'), type, METRIC_SOURCE_TYPES));
  } else if (spec[expected] === undefined) {
    errs.push(required(child(path, expected), 'must populate information for the given metric source'));
  }
  if (present.length !== 1) {
    for (const field of present) {
      if (field !== expected) errs.push(forbidden(child(path, field), 'must populate the given metric source only'));
    }
  }
  return errs;
}

/** validateScalingRules */
function validateRules(rules: HPAScalingRules | undefined, path: string): FieldError[] {
  if (!rules) return [];
  const errs: FieldError[] = [];
  const window = rules.stabilizationWindowSeconds;
  if (window !== undefined && window < 0) {
    errs.push(invalidField(child(path, 'stabilizationWindowSeconds'), window, 'must be greater than or equal to zero'));
  }
  if (window !== undefined && window > MAX_STABILIZATION_WINDOW_SECONDS) {
    errs.push(
      invalidField(
        child(path, 'stabilizationWindowSeconds'),
        window,
        `must be less than or equal to ${MAX_STABILIZATION_WINDOW_SECONDS}`,
      ),
    );
  }
  if (rules.selectPolicy !== undefined && !['Disabled', 'Max', 'Min'].includes(rules.selectPolicy)) {
    errs.push(notSupported(child(path, 'selectPolicy'), rules.selectPolicy, ['Disabled', 'Max', 'Min']));
  }
  const policies = rules.policies ?? [];
  if (policies.length === 0) errs.push(required(child(path, 'policies'), 'must specify at least one Policy'));
  policies.forEach((policy, i) => {
    const at = index(child(path, 'policies'), i);
    if (policy.type !== 'Pods' && policy.type !== 'Percent') {
      errs.push(notSupported(child(at, 'type'), policy.type, ['Percent', 'Pods']));
    }
    if (!(policy.value > 0)) errs.push(invalidField(child(at, 'value'), policy.value, 'must be greater than zero'));
    if (!(policy.periodSeconds > 0)) {
      errs.push(invalidField(child(at, 'periodSeconds'), policy.periodSeconds, 'must be greater than zero'));
    }
    if (policy.periodSeconds > MAX_PERIOD_SECONDS) {
      errs.push(
        invalidField(
          child(at, 'periodSeconds'),
          policy.periodSeconds,
          `must be less than or equal to ${MAX_PERIOD_SECONDS}`,
        ),
      );
    }
  });
  return errs;
}

function validateBehavior(behavior: HorizontalPodAutoscalerBehavior | undefined, path: string): FieldError[] {
  if (!behavior) return [];
  return [
    ...validateRules(behavior.scaleUp, child(path, 'scaleUp')),
    ...validateRules(behavior.scaleDown, child(path, 'scaleDown')),
  ];
}

/** validateHorizontalPodAutoscalerSpec, with HPAScaleToZero off (alpha in v1.34): minReplicas must be at least 1. */
export function validateHorizontalPodAutoscalerSpec(spec: HorizontalPodAutoscalerSpec, path = 'spec'): FieldError[] {
  const errs: FieldError[] = [];
  const min = spec.minReplicas;
  if (min !== undefined && min < 1) {
    errs.push(invalidField(child(path, 'minReplicas'), min, 'must be greater than or equal to 1'));
  }
  const max = spec.maxReplicas ?? 0;
  if (max < 1) errs.push(invalidField(child(path, 'maxReplicas'), max, 'must be greater than 0'));
  if (min !== undefined && max < min) {
    errs.push(invalidField(child(path, 'maxReplicas'), max, 'must be greater than or equal to `minReplicas`'));
  }
  errs.push(...validateReference(spec.scaleTargetRef, child(path, 'scaleTargetRef')));
  (spec.metrics ?? []).forEach((metric, i) => errs.push(...validateMetric(metric, index(child(path, 'metrics'), i))));
  errs.push(...validateBehavior(spec.behavior, child(path, 'behavior')));
  return errs;
}

/** ValidateHorizontalPodAutoscaler and ValidateHorizontalPodAutoscalerUpdate (names as a ReplicationController's). */
export function validateHorizontalPodAutoscaler(obj: KubeObject, old: Stored<KubeObject> | undefined): FieldError[] {
  const hpa = obj as HorizontalPodAutoscaler;
  const meta = old
    ? validateObjectMetaUpdate(hpa.metadata ?? {}, old.metadata)
    : validateObjectMeta(hpa.metadata, true, isDNS1123Subdomain);
  const spec = hpa.spec ?? ({} as HorizontalPodAutoscalerSpec);
  return dedupe([...meta, ...validateHorizontalPodAutoscalerSpec(spec)]);
}

/** SetDefaults_HorizontalPodAutoscaler (autoscaling/v2): one replica at least, and 80 % CPU when no metric is named. */
export function defaultHorizontalPodAutoscaler(obj: KubeObject): void {
  const spec = (obj as HorizontalPodAutoscaler).spec;
  if (!spec) return;
  if (spec.minReplicas === undefined) spec.minReplicas = 1;
  if (!spec.metrics || spec.metrics.length === 0) {
    spec.metrics = [
      { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } },
    ];
  }
  // SetDefaults_HorizontalPodAutoscalerBehavior: a behavior given at all gets every unset rule field filled in.
  if (spec.behavior) {
    spec.behavior.scaleUp = withDefaults(spec.behavior.scaleUp, {
      stabilizationWindowSeconds: 0,
      selectPolicy: 'Max',
      policies: [
        { type: 'Pods', value: 4, periodSeconds: 15 },
        { type: 'Percent', value: 100, periodSeconds: 15 },
      ],
    });
    // The scale-down window stays unset: the controller's --horizontal-pod-autoscaler-downscale-stabilization fills it.
    spec.behavior.scaleDown = withDefaults(spec.behavior.scaleDown, {
      selectPolicy: 'Max',
      policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }],
    });
  }
}

/** copyHPAScalingRules onto a fresh copy of the defaults. */
function withDefaults(rules: HPAScalingRules | undefined, defaults: HPAScalingRules): HPAScalingRules {
  const out: HPAScalingRules = { ...defaults };
  if (rules?.selectPolicy !== undefined) out.selectPolicy = rules.selectPolicy;
  if (rules?.stabilizationWindowSeconds !== undefined)
    out.stabilizationWindowSeconds = rules.stabilizationWindowSeconds;
  if (rules?.policies !== undefined) out.policies = rules.policies;
  return out;
}
