import type { Deployment, DeploymentStrategy, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { defaultPodTemplate } from './defaults';
import type { FieldError } from './errors';
import { percentValue, type IntOrString } from './intstr';
import { goValue } from './validation/field';
import { nameIsDNSSubdomain } from './validation/names';
import { validateObjectMeta, validateObjectMetaUpdate } from './validation/objectmeta';
import { validatePodSpec } from './validation/pod';
import { deepEqual, selectorIsEmpty, selectorMatches, type KubeObject, type Stored } from './meta';

/**
 * Defaults and validation for apps/v1 Deployments and ReplicaSets, as SetDefaults_Deployment,
 * SetDefaults_ReplicaSet and pkg/apis/apps/validation render them.
 */

/** SetDefaults_Deployment (apps/v1). */
export function defaultDeployment(obj: KubeObject): void {
  const d = obj as Deployment;
  if (!d.spec) return;
  const spec = d.spec;
  spec.replicas = spec.replicas ?? 1;
  const strategy = (spec.strategy = spec.strategy ?? {});
  strategy.type = strategy.type || 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const rolling = (strategy.rollingUpdate = strategy.rollingUpdate ?? {});
    rolling.maxUnavailable = rolling.maxUnavailable ?? '25%';
    rolling.maxSurge = rolling.maxSurge ?? '25%';
  }
  spec.revisionHistoryLimit = spec.revisionHistoryLimit ?? 10;
  spec.progressDeadlineSeconds = spec.progressDeadlineSeconds ?? 600;
  defaultPodTemplate(spec.template);
}

/** SetDefaults_ReplicaSet (apps/v1). */
export function defaultReplicaSet(obj: KubeObject): void {
  const rs = obj as ReplicaSet;
  if (!rs.spec) return;
  rs.spec.replicas = rs.spec.replicas ?? 1;
  defaultPodTemplate(rs.spec.template);
}

/** How field.Error prints a label map in v1.34: JSON with sorted keys (see validation/field.ts goValue). */
export function goStringMap(labels: Record<string, string> | undefined): string {
  return goValue(labels);
}

/** How field.Error prints a label selector in v1.34: JSON with sorted keys. */
export function goStringSelector(selector: LabelSelector | undefined): string {
  return goValue(selector);
}

function nonNegative(value: number | undefined, path: string): FieldError[] {
  return value !== undefined && value < 0
    ? [{ path, type: 'Invalid value', value: String(value), detail: 'must be greater than or equal to 0' }]
    : [];
}

/** getIntOrPercentValue */
function intOrPercent(value: IntOrString | undefined): number {
  if (value === undefined) return 0;
  if (typeof value === 'number') return value;
  return percentValue(value) ?? 0;
}

/** ValidatePositiveIntOrPercent */
export function positiveIntOrPercent(value: IntOrString | undefined, path: string): FieldError[] {
  if (typeof value === 'string') {
    if (percentValue(value) === undefined) {
      return [
        {
          path,
          type: 'Invalid value',
          value: JSON.stringify(value),
          detail: "must be an integer or percentage (e.g '5%')",
        },
      ];
    }
    return [];
  }
  return nonNegative(value, path);
}

/** ValidateDeploymentStrategy + ValidateRollingUpdateDeployment */
function validateStrategy(strategy: DeploymentStrategy | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  switch (strategy?.type) {
    case 'Recreate':
      if (strategy.rollingUpdate) {
        errs.push({
          path: `${path}.rollingUpdate`,
          type: 'Forbidden',
          detail: "may not be specified when strategy `type` is 'Recreate'",
        });
      }
      break;
    case 'RollingUpdate': {
      const rolling = strategy.rollingUpdate;
      if (!rolling) {
        errs.push({
          path: `${path}.rollingUpdate`,
          type: 'Required value',
          detail: 'this should be defaulted and never be nil',
        });
        break;
      }
      const unavailablePath = `${path}.rollingUpdate.maxUnavailable`;
      errs.push(...positiveIntOrPercent(rolling.maxUnavailable, unavailablePath));
      errs.push(...positiveIntOrPercent(rolling.maxSurge, `${path}.rollingUpdate.maxSurge`));
      if (intOrPercent(rolling.maxUnavailable) === 0 && intOrPercent(rolling.maxSurge) === 0) {
        errs.push({
          path: unavailablePath,
          type: 'Invalid value',
          value: String(rolling.maxUnavailable),
          detail: 'may not be 0 when `maxSurge` is 0',
        });
      }
      if (typeof rolling.maxUnavailable === 'string' && (percentValue(rolling.maxUnavailable) ?? 0) > 100) {
        errs.push({
          path: unavailablePath,
          type: 'Invalid value',
          value: rolling.maxUnavailable,
          detail: 'must not be greater than 100%',
        });
      }
      break;
    }
    default:
      errs.push({
        path: `${path}.type`,
        type: 'Unsupported value',
        value: JSON.stringify(strategy?.type ?? ''),
        detail: 'supported values: "Recreate", "RollingUpdate"',
      });
  }
  return errs;
}

/** The selector checks shared by Deployments and ReplicaSets (the "for deployment" wording is the apiserver's). */
function validateSelector(selector: LabelSelector | undefined, path: string): FieldError[] {
  if (!selector) return [{ path, type: 'Required value' }];
  if (selectorIsEmpty(selector)) {
    return [
      {
        path,
        type: 'Invalid value',
        value: goStringSelector(selector),
        detail: 'empty selector is invalid for deployment',
      },
    ];
  }
  return [];
}

/** ValidatePodTemplateSpecForReplicaSet: the template must carry the selector's labels and restart Always. */
function validateTemplate(
  template: PodTemplateSpec | undefined,
  selector: LabelSelector | undefined,
  path: string,
): FieldError[] {
  if (!template) return [{ path, type: 'Required value' }];
  const errs: FieldError[] = [];
  // A nil selector selects nothing, so it never matches the template either.
  if (!selector || (!selectorIsEmpty(selector) && !selectorMatches(selector, template.metadata?.labels ?? {}))) {
    errs.push({
      path: `${path}.metadata.labels`,
      type: 'Invalid value',
      value: goStringMap(template.metadata?.labels),
      detail: '`selector` does not match template `labels`',
    });
  }
  // ValidatePodTemplateSpec: the pod spec's own rules (a StatefulSet's template skips them, as its validation does).
  errs.push(...validatePodSpec(template.spec, `${path}.spec`));
  const restart = template.spec?.restartPolicy;
  if (restart !== undefined && restart !== 'Always') {
    errs.push({
      path: `${path}.spec.restartPolicy`,
      type: 'Unsupported value',
      value: JSON.stringify(restart),
      detail: 'supported values: "Always"',
    });
  }
  return errs;
}

function immutableSelector(now: LabelSelector | undefined, old: LabelSelector | undefined): FieldError[] {
  return deepEqual(now, old)
    ? []
    : [{ path: 'spec.selector', type: 'Invalid value', value: goStringSelector(now), detail: 'field is immutable' }];
}

/**
 * ValidateObjectMeta on create (ValidateDeploymentName and ValidateReplicaSetName are NameIsDNSSubdomain), or
 * ValidateObjectMetaUpdate on update: what ValidateDeployment and ValidateReplicaSet check before the spec.
 */
function validateAppsMeta(obj: KubeObject, old: Stored<KubeObject> | undefined): FieldError[] {
  return old
    ? validateObjectMetaUpdate(obj.metadata ?? {}, old.metadata)
    : validateObjectMeta(obj.metadata, true, nameIsDNSSubdomain);
}

/** ValidateDeployment (+ ValidateDeploymentUpdate's immutable selector). */
export function validateDeployment(obj: KubeObject, old: Stored<KubeObject> | undefined): FieldError[] {
  const d = obj as Deployment;
  const spec = d.spec;
  const errs: FieldError[] = validateAppsMeta(obj, old);
  if (!spec) return [...errs, { path: 'spec.selector', type: 'Required value' }];
  errs.push(...nonNegative(spec.replicas, 'spec.replicas'));
  errs.push(...validateSelector(spec.selector, 'spec.selector'));
  errs.push(...validateTemplate(spec.template, spec.selector, 'spec.template'));
  errs.push(...validateStrategy(spec.strategy, 'spec.strategy'));
  errs.push(...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  errs.push(...nonNegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  if (spec.progressDeadlineSeconds !== undefined) {
    errs.push(...nonNegative(spec.progressDeadlineSeconds, 'spec.progressDeadlineSeconds'));
    if (spec.progressDeadlineSeconds <= (spec.minReadySeconds ?? 0)) {
      errs.push({
        path: 'spec.progressDeadlineSeconds',
        type: 'Invalid value',
        value: String(spec.progressDeadlineSeconds),
        detail: 'must be greater than minReadySeconds',
      });
    }
  }
  if (old) errs.push(...immutableSelector(spec.selector, (old as Deployment).spec?.selector));
  return errs;
}

/** ValidateReplicaSet (+ ValidateReplicaSetUpdate's immutable selector). */
export function validateReplicaSet(obj: KubeObject, old: Stored<KubeObject> | undefined): FieldError[] {
  const rs = obj as ReplicaSet;
  const spec = rs.spec;
  const errs: FieldError[] = validateAppsMeta(obj, old);
  if (!spec) return [...errs, { path: 'spec.selector', type: 'Required value' }];
  errs.push(...nonNegative(spec.replicas, 'spec.replicas'));
  errs.push(...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  errs.push(...validateSelector(spec.selector, 'spec.selector'));
  errs.push(...validateTemplate(spec.template, spec.selector, 'spec.template'));
  if (old) errs.push(...immutableSelector(spec.selector, (old as ReplicaSet).spec?.selector));
  return errs;
}
