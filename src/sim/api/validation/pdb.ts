import type { PodDisruptionBudget, PodDisruptionBudgetSpec } from 'kubernetes-types/policy/v1';
import { positiveIntOrPercent } from '../apps-validation';
import type { FieldError } from '../errors';
import { percentValue } from '../intstr';
import type { KubeObject, Stored } from '../meta';
import { dedupe, goValue } from './field';
import { isDNS1123Subdomain } from './names';
import { validateLabelSelector, validateObjectMeta, validateObjectMetaUpdate } from './objectmeta';

const EVICTION_POLICIES = ['AlwaysAllow', 'IfHealthyBudget'];

/** IsNotMoreThan100Percent */
function notMoreThan100Percent(value: number | string | undefined, path: string): FieldError[] {
  if (typeof value !== 'string' || (percentValue(value) ?? 0) <= 100) return [];
  return [{ path, type: 'Invalid value', value, detail: 'must not be greater than 100%' }];
}

/**
 * The internal policy.PodDisruptionBudgetSpec as field.Error prints it: JSON of a struct with no json tags, so Go
 * field names in declaration order and null for unset pointers; the selector is a metav1 type and keeps its tags.
 */
function internalSpecJson(spec: PodDisruptionBudgetSpec): string {
  const bound = (v: number | string | undefined): string => (v === undefined ? 'null' : JSON.stringify(v));
  const selector = spec.selector === undefined ? 'null' : goValue(spec.selector);
  const policy =
    spec.unhealthyPodEvictionPolicy === undefined ? 'null' : JSON.stringify(spec.unhealthyPodEvictionPolicy);
  return `{"MinAvailable":${bound(spec.minAvailable)},"Selector":${selector},"MaxUnavailable":${bound(spec.maxUnavailable)},"UnhealthyPodEvictionPolicy":${policy}}`;
}

/** ValidatePodDisruptionBudgetSpec */
export function validatePodDisruptionBudgetSpec(spec: PodDisruptionBudgetSpec, path = 'spec'): FieldError[] {
  const errs: FieldError[] = [];
  if (spec.minAvailable !== undefined && spec.maxUnavailable !== undefined) {
    errs.push({
      path,
      type: 'Invalid value',
      value: internalSpecJson(spec),
      detail: 'minAvailable and maxUnavailable cannot be both set',
    });
  }
  for (const field of ['minAvailable', 'maxUnavailable'] as const) {
    const value = spec[field];
    if (value === undefined) continue;
    errs.push(...positiveIntOrPercent(value, `${path}.${field}`));
    errs.push(...notMoreThan100Percent(value, `${path}.${field}`));
  }
  errs.push(...validateLabelSelector(spec.selector, `${path}.selector`));
  const policy = spec.unhealthyPodEvictionPolicy;
  if (policy !== undefined && !EVICTION_POLICIES.includes(policy)) {
    errs.push({
      path: `${path}.unhealthyPodEvictionPolicy`,
      type: 'Unsupported value',
      value: JSON.stringify(policy),
      detail: 'supported values: "AlwaysAllow", "IfHealthyBudget"',
    });
  }
  return errs;
}

/** ValidatePodDisruptionBudget, on create and on update (the spec may change, as in policy/v1). */
export function validatePodDisruptionBudget(obj: KubeObject, old: Stored<KubeObject> | undefined): FieldError[] {
  const pdb = obj as PodDisruptionBudget;
  const meta = old
    ? validateObjectMetaUpdate(pdb.metadata ?? {}, old.metadata)
    : validateObjectMeta(pdb.metadata, true, isDNS1123Subdomain);
  return dedupe([...meta, ...validatePodDisruptionBudgetSpec(pdb.spec ?? {})]);
}
