/**
 * `--field-selector`: `field=value`, `field==value` and `field!=value`, joined by commas. Like the apiserver, only
 * the fields each resource indexes may be used (every resource has metadata.name and metadata.namespace); any other
 * field is a BadRequest.
 */
import type { KubeObject, Stored } from '../api/meta';
import type { ResourceType } from '../api/resources';

/** Field labels beyond metadata.name/namespace, per kind (the registries' *ToSelectableFields). */
const SELECTABLE: Record<string, string[]> = {
  Pod: [
    'spec.nodeName',
    'spec.restartPolicy',
    'spec.schedulerName',
    'spec.serviceAccountName',
    'spec.hostNetwork',
    'status.phase',
    'status.podIP',
    'status.nominatedNodeName',
  ],
  Event: [
    'involvedObject.kind',
    'involvedObject.namespace',
    'involvedObject.name',
    'involvedObject.uid',
    'involvedObject.apiVersion',
    'involvedObject.resourceVersion',
    'involvedObject.fieldPath',
    'reason',
    'reportingComponent',
    'source',
    'type',
  ],
  Node: ['spec.unschedulable'],
  Namespace: ['status.phase'],
  PersistentVolumeClaim: [],
  Secret: ['type'],
};

export interface FieldRequirement {
  field: string;
  equals: boolean;
  value: string;
}

export class FieldSelectorError extends Error {}

export function parseFieldSelector(text: string): FieldRequirement[] {
  return text
    .split(',')
    .filter((part) => part.trim() !== '')
    .map((part) => {
      const m = /^\s*([^!=\s]+)\s*(==|=|!=)\s*(.*?)\s*$/.exec(part);
      if (!m) throw new FieldSelectorError(`invalid selector: '${text}'; can't understand '${part}'`);
      return { field: m[1], equals: m[2] !== '!=', value: m[3] };
    });
}

function fieldValue(obj: KubeObject, field: string): string {
  if (field === 'source') return String((obj as { source?: { component?: string } }).source?.component ?? '');
  let value: unknown = obj;
  for (const key of field.split('.')) value = (value as Record<string, unknown> | undefined)?.[key];
  return value === undefined || value === null ? '' : String(value);
}

/** The first field the resource cannot select on, if any. */
export function unsupportedField(type: ResourceType, requirements: FieldRequirement[]): string | undefined {
  const allowed = new Set(['metadata.name', 'metadata.namespace', ...(SELECTABLE[type.kind] ?? [])]);
  return requirements.find((r) => !allowed.has(r.field))?.field;
}

export function fieldsMatch(obj: Stored<KubeObject>, requirements: FieldRequirement[]): boolean {
  return requirements.every((r) => (fieldValue(obj, r.field) === r.value) === r.equals);
}
