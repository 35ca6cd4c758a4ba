import type { LabelSelector, ObjectMeta } from 'kubernetes-types/meta/v1';
import type { FieldError } from '../errors';
import { deepEqual } from '../meta';
import { child, forbidden, index, invalidField, required, validateNonnegative } from './field';
import { isDNS1123Label, isQualifiedName, isValidLabelValue, type NameValidator } from './names';

/** Annotations may hold 256 KiB in total (TotalAnnotationSizeLimitB). */
const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

/** ValidateLabelName */
export function validateLabelName(name: string, path: string): FieldError[] {
  return isQualifiedName(name).map((msg) => invalidField(path, name, msg));
}

/**
 * Label keys found valid so far. A few keys recur on every object and validity depends on the key alone; the
 * set is emptied if a run uses unusually many.
 */
const validLabelKeys = new Set<string>();
const VALID_LABEL_KEYS_KEPT = 4096;

/** Whether every label is valid, checked without building an error list (the common case). */
function allLabelsValid(labels: Record<string, string>): boolean {
  for (const k in labels) {
    if (!validLabelKeys.has(k)) {
      if (isQualifiedName(k).length > 0) return false;
      if (validLabelKeys.size >= VALID_LABEL_KEYS_KEPT) validLabelKeys.clear();
      validLabelKeys.add(k);
    }
    if (isValidLabelValue(String(labels[k])).length > 0) return false;
  }
  return true;
}

/** ValidateLabels (keys in sorted order, so that the message is stable). */
export function validateLabels(labels: Record<string, string> | undefined, path: string): FieldError[] {
  if (!labels || allLabelsValid(labels)) return [];
  const errs: FieldError[] = [];
  for (const k of Object.keys(labels ?? {}).sort()) {
    const v = labels![k];
    errs.push(...validateLabelName(k, path));
    errs.push(...isValidLabelValue(String(v)).map((msg) => invalidField(path, v, msg)));
  }
  return errs;
}

/** ValidateAnnotations */
export function validateAnnotations(annotations: Record<string, string> | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let total = 0;
  for (const k of Object.keys(annotations ?? {}).sort()) {
    errs.push(...isQualifiedName(k.toLowerCase()).map((msg) => invalidField(path, k, msg)));
    total += k.length + String(annotations![k]).length;
  }
  if (total > TOTAL_ANNOTATION_SIZE_LIMIT) {
    errs.push({ path, type: 'Too long', detail: `must have at most ${TOTAL_ANNOTATION_SIZE_LIMIT} bytes` });
  }
  return errs;
}

/** ValidateLabelSelector (metav1 validation) */
export function validateLabelSelector(selector: LabelSelector | undefined, path: string): FieldError[] {
  if (!selector) return [];
  const errs: FieldError[] = [];
  (selector.matchExpressions ?? []).forEach((req, i) => {
    const reqPath = index(child(path, 'matchExpressions'), i);
    const values = req.values ?? [];
    switch (req.operator) {
      case 'In':
      case 'NotIn':
        if (values.length === 0) {
          errs.push(required(child(reqPath, 'values'), "must be specified when `operator` is 'In' or 'NotIn'"));
        }
        break;
      case 'Exists':
      case 'DoesNotExist':
        if (values.length > 0) {
          errs.push(
            forbidden(child(reqPath, 'values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"),
          );
        }
        break;
      default:
        errs.push(invalidField(child(reqPath, 'operator'), req.operator, 'not a valid selector operator'));
    }
    errs.push(...validateLabelName(req.key, child(reqPath, 'key')));
  });
  errs.push(...validateLabels(selector.matchLabels, child(path, 'matchLabels')));
  return errs;
}

/** ValidateObjectMeta: name (by the kind's rule), namespace, labels, annotations, finalizers. */
export function validateObjectMeta(
  meta: ObjectMeta | undefined,
  requiresNamespace: boolean,
  nameFn: NameValidator,
  path = 'metadata',
): FieldError[] {
  const m = meta ?? {};
  const errs: FieldError[] = [];
  if (m.generateName) {
    errs.push(
      ...nameFn(m.generateName, true).map((msg) => invalidField(child(path, 'generateName'), m.generateName, msg)),
    );
  }
  if (!m.name) {
    errs.push(required(child(path, 'name'), 'name or generateName is required'));
  } else {
    errs.push(...nameFn(m.name, false).map((msg) => invalidField(child(path, 'name'), m.name, msg)));
  }
  if (requiresNamespace) {
    if (!m.namespace) errs.push(required(child(path, 'namespace')));
    else
      errs.push(...isDNS1123Label(m.namespace).map((msg) => invalidField(child(path, 'namespace'), m.namespace, msg)));
  } else if (m.namespace) {
    errs.push(forbidden(child(path, 'namespace'), 'not allowed on this type'));
  }
  errs.push(...validateNonnegative(m.generation ?? 0, child(path, 'generation')));
  errs.push(...validateLabels(m.labels, child(path, 'labels')));
  errs.push(...validateAnnotations(m.annotations, child(path, 'annotations')));
  errs.push(...validateFinalizers(m.finalizers, child(path, 'finalizers')));
  return errs;
}

/** ValidateFinalizers: each a qualified name; "orphan" and "foregroundDeletion" may not both be set. */
export function validateFinalizers(finalizers: string[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of finalizers ?? []) errs.push(...isQualifiedName(f).map((msg) => invalidField(path, f, msg)));
  const list = finalizers ?? [];
  if (list.includes('orphan') && list.includes('foregroundDeletion')) {
    errs.push(invalidField(path, list, 'finalizer orphan and foregroundDeletion cannot be both set'));
  }
  return errs;
}

/**
 * ValidateObjectMetaUpdate: the object's identity does not change. Labels and annotations left as stored are not
 * checked again: every kind validated here validated them on create and on each write since (ValidateObjectMeta
 * or this function), and the same data gives the same verdict.
 */
export function validateObjectMetaUpdate(meta: ObjectMeta, old: ObjectMeta, path = 'metadata'): FieldError[] {
  const errs: FieldError[] = [];
  if (meta.name !== old.name) errs.push(invalidField(child(path, 'name'), meta.name, 'field is immutable'));
  if (!deepEqual(meta.labels, old.labels)) errs.push(...validateLabels(meta.labels, child(path, 'labels')));
  if (!deepEqual(meta.annotations, old.annotations)) {
    errs.push(...validateAnnotations(meta.annotations, child(path, 'annotations')));
  }
  errs.push(...validateFinalizers(meta.finalizers, child(path, 'finalizers')));
  return errs;
}
