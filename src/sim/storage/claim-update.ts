import type { PersistentVolumeClaim, PersistentVolumeClaimSpec } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import { ApiError, type FieldError } from '../api/errors';
import type { ObjectStore } from '../api/store';
import { deepEqual } from '../api/meta';
import { parseQuantity } from '../api/quantity';
import { forbidden } from '../api/validation/field';

/**
 * ValidatePersistentVolumeClaimUpdate's spec rules: the spec is immutable, except that the volume name may be set
 * once, and a bound claim may change its storage request (never below its capacity) and its
 * volumeAttributesClassName. The Forbidden message carries the go-cmp diff of the internal spec.
 */
export function validateClaimSpecUpdate(claim: PersistentVolumeClaim, old: PersistentVolumeClaim): FieldError[] {
  const errs: FieldError[] = [];
  const oldSpec: PersistentVolumeClaimSpec = { ...old.spec };
  const newSpec: PersistentVolumeClaimSpec = { ...claim.spec };
  if (!old.spec?.volumeName) oldSpec.volumeName = newSpec.volumeName;
  const bound = claim.status?.phase === 'Bound';
  if (bound) {
    newSpec.volumeAttributesClassName = oldSpec.volumeAttributesClassName;
    if (newSpec.resources?.requests) {
      newSpec.resources = {
        ...newSpec.resources,
        requests: { ...newSpec.resources.requests, storage: old.spec?.resources?.requests?.storage ?? '' },
      };
    }
  }
  if (!sameSpec(oldSpec, newSpec)) {
    const detail = `spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims\n${specDiff(oldSpec, newSpec)}`;
    errs.push(forbidden('spec', detail));
  }
  const newSize = parseQuantity(claim.spec?.resources?.requests?.storage) ?? 0;
  const oldSize = parseQuantity(old.spec?.resources?.requests?.storage) ?? 0;
  const capacity = parseQuantity(old.status?.capacity?.storage) ?? 0;
  // RecoverVolumeExpansionFailure (GA in v1.34): a request may come back down, but not to the capacity or below.
  if (newSize < oldSize && newSize <= capacity) {
    errs.push(forbidden('spec.resources.requests.storage', 'field can not be less than status.capacity'));
  }
  return errs;
}

/**
 * The PersistentVolumeClaimResize admission plugin: a bound claim may ask for more storage only when its
 * StorageClass allows volume expansion.
 */
export function admitClaimResize(store: ObjectStore, claim: PersistentVolumeClaim, old: PersistentVolumeClaim): void {
  const newSize = parseQuantity(claim.spec?.resources?.requests?.storage) ?? 0;
  const oldSize = parseQuantity(old.spec?.resources?.requests?.storage) ?? 0;
  if (newSize <= oldSize || old.status?.phase !== 'Bound') return;
  const className = old.spec?.storageClassName;
  const storageClass = className ? store.get<StorageClass>('StorageClass', '', className) : undefined;
  if (storageClass?.allowVolumeExpansion === true) return;
  const name = claim.metadata?.name ?? '';
  throw new ApiError(
    'Forbidden',
    403,
    `persistentvolumeclaims "${name}" is forbidden: only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize`,
  );
}

/** The fields of the internal core.PersistentVolumeClaimSpec, in declaration order, with go-cmp's value text. */
const FIELDS: Array<[string, (spec: PersistentVolumeClaimSpec) => string]> = [
  ['AccessModes', (s) => (s.accessModes ? `{${s.accessModes.map((m) => JSON.stringify(m)).join(', ')}}` : 'nil')],
  ['Selector', (s) => (s.selector ? `&{${selectorText(s.selector)}}` : 'nil')],
  ['Resources', (s) => `{${resourcesText(s.resources)}}`],
  ['VolumeName', (s) => JSON.stringify(s.volumeName ?? '')],
  ['StorageClassName', (s) => pointer(s.storageClassName)],
  ['VolumeMode', (s) => pointer(s.volumeMode)],
  ['DataSource', (s) => (s.dataSource ? `&{Kind: ${JSON.stringify(s.dataSource.kind)}, ...}` : 'nil')],
  ['DataSourceRef', (s) => (s.dataSourceRef ? `&{Kind: ${JSON.stringify(s.dataSourceRef.kind)}, ...}` : 'nil')],
  ['VolumeAttributesClassName', (s) => pointer(s.volumeAttributesClassName)],
];

function sameSpec(a: PersistentVolumeClaimSpec, b: PersistentVolumeClaimSpec): boolean {
  return FIELDS.every(([, text]) => text(a) === text(b)) && deepEqual(a.selector, b.selector);
}

/** numContextRecords: go-cmp shows two equal fields on each side of a change and folds the rest. */
const CONTEXT = 2;

/**
 * cmp.Diff of two specs as go-cmp's reporter prints it: changed fields as -/+ pairs, two equal fields of context on
 * each side, longer runs of equal fields folded into "... // N identical fields", keys padded to one width.
 */
function specDiff(a: PersistentVolumeClaimSpec, b: PersistentVolumeClaimSpec): string {
  type Row = { mark: ' ' | '-' | '+'; key: string; value: string } | { fold: number };
  const rows: Row[] = [];
  const records = FIELDS.map(([key, text]) => ({ key, before: text(a), after: text(b) }));
  let i = 0;
  while (i < records.length) {
    if (records[i].before !== records[i].after) {
      rows.push({ mark: '-', key: records[i].key, value: records[i].before });
      rows.push({ mark: '+', key: records[i].key, value: records[i].after });
      i++;
      continue;
    }
    let j = i;
    while (j < records.length && records[j].before === records[j].after) j++;
    const equal = j - i;
    const lo = i === 0 ? 0 : Math.min(CONTEXT, equal);
    let hi = j === records.length ? 0 : Math.min(CONTEXT, equal - lo);
    // Avoid pointless coalescing of a single equal record.
    if (equal - (lo + hi) === 1) hi++;
    for (let k = i; k < i + lo; k++) rows.push({ mark: ' ', key: records[k].key, value: records[k].before });
    if (equal > lo + hi) rows.push({ fold: equal - lo - hi });
    for (let k = j - hi; k < j; k++) rows.push({ mark: ' ', key: records[k].key, value: records[k].before });
    i = j;
  }
  const width = Math.max(...rows.map((r) => ('key' in r ? r.key.length + 1 : 0)));
  const lines = rows.map((r) => {
    if ('fold' in r) return `  \t... // ${r.fold} identical fields`;
    return `${r.mark === ' ' ? ' ' : r.mark} \t${`${r.key}:`.padEnd(width + 1)}${r.value},`;
  });
  return ['  core.PersistentVolumeClaimSpec{', ...lines, '  }'].join('\n');
}

function pointer(value: string | undefined): string {
  return value === undefined ? 'nil' : `&${JSON.stringify(value)}`;
}

function selectorText(selector: NonNullable<PersistentVolumeClaimSpec['selector']>): string {
  const labels = Object.entries(selector.matchLabels ?? {}).map(
    ([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`,
  );
  return labels.length > 0 ? `MatchLabels: {${labels.join(', ')}}` : '';
}

/** A ResourceList as go-cmp prints resource.Quantity values: its cached string and its format. */
function resourcesText(resources: PersistentVolumeClaimSpec['resources']): string {
  const list = (entries: Record<string, string | number> | undefined): string =>
    Object.keys(entries ?? {})
      .sort()
      .map((name) => {
        const text = String(entries![name]);
        const format = /[KMGTPE]i$/.test(text) ? 'BinarySI' : 'DecimalSI';
        return `s${JSON.stringify(name)}: {i: {...}, s: ${JSON.stringify(text)}, Format: ${JSON.stringify(format)}}`;
      })
      .join(', ');
  const parts: string[] = [];
  if (resources?.limits && Object.keys(resources.limits).length > 0) parts.push(`Limits: {${list(resources.limits)}}`);
  if (resources?.requests && Object.keys(resources.requests).length > 0) {
    parts.push(`Requests: {${list(resources.requests)}}`);
  }
  return parts.join(', ');
}
