import type { StatefulSet, StatefulSetSpec } from 'kubernetes-types/apps/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { FieldError } from '../errors';
import { deepEqual, selectorIsEmpty, selectorMatches } from '../meta';
import {
  child,
  forbidden,
  GoValue,
  goStringMap,
  invalidField,
  notSupported,
  required,
  validateNonnegative,
} from './field';
import { nameIsDNSLabel } from './names';
import {
  validateAnnotations,
  validateLabels,
  validateLabelSelector,
  validateObjectMeta,
  validateObjectMetaUpdate,
} from './objectmeta';

const RETENTION_POLICIES = ['Retain', 'Delete'];

/** The apiserver's message for an update that touches an immutable part of a StatefulSet's spec. */
export const STATEFULSET_SPEC_FORBIDDEN =
  "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden";

/**
 * The selector-matches-template check shared by the workload kinds:
 * `spec.template.metadata.labels: Invalid value: map[string]string{...}: \`selector\` does not match template \`labels\``.
 */
export function validateSelectorMatchesTemplate(
  selector: LabelSelector | undefined,
  template: PodTemplateSpec | undefined,
  templatePath: string,
): FieldError[] {
  // A missing selector converts to labels.Nothing(), which matches no labels; an empty one to Everything().
  if (!template || (selector && selectorIsEmpty(selector))) return [];
  const labels = template.metadata?.labels;
  if (selector && selectorMatches(selector, labels ?? {})) return [];
  return [
    invalidField(
      child(templatePath, 'metadata', 'labels'),
      goStringMap(labels),
      '`selector` does not match template `labels`',
    ),
  ];
}

/** The internal apps.RollingUpdateStatefulSetStrategy as JSON: internal types have no json tags, so Go names. */
function rollingUpdateJson(ru: { partition?: number }): string {
  return `{"Partition":${ru.partition ?? 0},"MaxUnavailable":null}`;
}

/** The internal apps.StatefulSetUpdateStrategy as JSON. */
function updateStrategyValue(strategy: { type?: string; rollingUpdate?: { partition?: number } }): GoValue {
  const ru = strategy.rollingUpdate ? rollingUpdateJson(strategy.rollingUpdate) : 'null';
  return new GoValue(`{"Type":${JSON.stringify(strategy.type ?? '')},"RollingUpdate":${ru}}`);
}

/** A metav1.LabelSelector as JSON (its json tags, empty fields omitted, in struct order). */
function selectorValue(selector: LabelSelector): GoValue {
  const parts: string[] = [];
  if (Object.keys(selector.matchLabels ?? {}).length > 0)
    parts.push(`"matchLabels":${goStringMap(selector.matchLabels).text}`);
  if ((selector.matchExpressions ?? []).length > 0) {
    const exprs = selector.matchExpressions!.map((r) => {
      const values = r.values && r.values.length > 0 ? `,"values":${JSON.stringify(r.values)}` : '';
      return `{"key":${JSON.stringify(r.key)},"operator":${JSON.stringify(r.operator)}${values}}`;
    });
    parts.push(`"matchExpressions":[${exprs.join(',')}]`);
  }
  return new GoValue(`{${parts.join(',')}}`);
}

/** ValidateStatefulSetSpec */
export function validateStatefulSetSpec(spec: StatefulSetSpec | undefined, path = 'spec'): FieldError[] {
  const s = spec ?? ({} as StatefulSetSpec);
  const errs: FieldError[] = [];
  const policy = s.podManagementPolicy ?? '';
  if (policy === '') errs.push(required(child(path, 'podManagementPolicy')));
  else if (policy !== 'OrderedReady' && policy !== 'Parallel') {
    errs.push(invalidField(child(path, 'podManagementPolicy'), policy, "must be 'OrderedReady' or 'Parallel'"));
  }
  const strategy = s.updateStrategy ?? {};
  switch (strategy.type ?? '') {
    case '':
      errs.push(required(child(path, 'updateStrategy')));
      break;
    case 'OnDelete':
      if (strategy.rollingUpdate) {
        errs.push(
          invalidField(
            child(path, 'updateStrategy', 'rollingUpdate'),
            new GoValue(rollingUpdateJson(strategy.rollingUpdate)),
            "only allowed for updateStrategy 'RollingUpdate'",
          ),
        );
      }
      break;
    case 'RollingUpdate':
      if (strategy.rollingUpdate) {
        errs.push(
          ...validateNonnegative(
            strategy.rollingUpdate.partition ?? 0,
            child(path, 'updateStrategy', 'rollingUpdate', 'partition'),
          ),
        );
      }
      break;
    default:
      errs.push(
        invalidField(
          child(path, 'updateStrategy'),
          updateStrategyValue(strategy),
          "must be 'RollingUpdate' or 'OnDelete'",
        ),
      );
  }
  const retention = s.persistentVolumeClaimRetentionPolicy;
  if (retention) {
    for (const field of ['whenDeleted', 'whenScaled'] as const) {
      const v = retention[field] ?? '';
      if (!RETENTION_POLICIES.includes(v)) {
        errs.push(notSupported(child(path, 'persistentVolumeClaimRetentionPolicy', field), v, RETENTION_POLICIES));
      }
    }
  }
  errs.push(...validateNonnegative(s.replicas ?? 0, child(path, 'replicas')));
  errs.push(...validateNonnegative(s.minReadySeconds ?? 0, child(path, 'minReadySeconds')));
  if (s.ordinals) errs.push(...validateNonnegative(s.ordinals.start ?? 0, child(path, 'ordinals.start')));
  if (!s.selector) {
    errs.push(required(child(path, 'selector')));
  } else {
    errs.push(...validateLabelSelector(s.selector, child(path, 'selector')));
    if (selectorIsEmpty(s.selector)) {
      errs.push(
        invalidField(child(path, 'selector'), selectorValue(s.selector), 'empty selector is invalid for statefulset'),
      );
    }
  }
  // ValidatePodTemplateSpecForStatefulSet: labels and annotations only; the pod spec is checked when pods are made.
  const templatePath = child(path, 'template');
  errs.push(...validateSelectorMatchesTemplate(s.selector, s.template, templatePath));
  errs.push(...validateLabels(s.template?.metadata?.labels, child(templatePath, 'labels')));
  errs.push(...validateAnnotations(s.template?.metadata?.annotations, child(templatePath, 'annotations')));
  const restart = s.template?.spec?.restartPolicy ?? '';
  if (restart !== 'Always') errs.push(notSupported(child(templatePath, 'spec', 'restartPolicy'), restart, ['Always']));
  if (s.template?.spec?.activeDeadlineSeconds !== undefined) {
    errs.push(
      forbidden(
        child(templatePath, 'spec', 'activeDeadlineSeconds'),
        'activeDeadlineSeconds in StatefulSet is not Supported',
      ),
    );
  }
  return errs;
}

/** ValidateStatefulSet: the name must be a DNS label, since it prefixes every pod's hostname. */
export function validateStatefulSet(set: StatefulSet): FieldError[] {
  return [...validateObjectMeta(set.metadata, true, nameIsDNSLabel), ...validateStatefulSetSpec(set.spec)];
}

/** ValidateStatefulSetUpdate: only the mutable fields may change. */
export function validateStatefulSetUpdate(set: StatefulSet, old: StatefulSet): FieldError[] {
  const errs = [
    ...validateObjectMetaUpdate(set.metadata ?? {}, old.metadata ?? {}),
    ...validateStatefulSetSpec(set.spec),
  ];
  const mutable = {
    replicas: undefined,
    template: undefined,
    updateStrategy: undefined,
    minReadySeconds: undefined,
    ordinals: undefined,
    revisionHistoryLimit: undefined,
    persistentVolumeClaimRetentionPolicy: undefined,
  };
  if (!deepEqual({ ...set.spec, ...mutable }, { ...old.spec, ...mutable }))
    errs.push(forbidden('spec', STATEFULSET_SPEC_FORBIDDEN));
  return errs;
}
