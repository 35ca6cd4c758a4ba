import type { KubeObject } from '../api/meta';
import { goJson } from './go-json';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * GetModifiedConfiguration: the object as encoded without this annotation, an empty annotations map included, with
 * map keys sorted as encoding/json writes an unstructured object; the annotation's value ends in a newline.
 */
export function modifiedConfiguration(obj: KubeObject): string {
  const annotations = { ...(obj.metadata?.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  return `${goJson({ ...obj, metadata: { ...obj.metadata, annotations } })}\n`;
}

/** A copy of `obj` with the annotation set to its modified configuration. */
export function withLastApplied<T extends KubeObject>(obj: T): T {
  const metadata = obj.metadata ?? {};
  return {
    ...obj,
    metadata: { ...metadata, annotations: { ...metadata.annotations, [LAST_APPLIED]: modifiedConfiguration(obj) } },
  };
}

/**
 * CreateOrUpdateAnnotation: with --save-config the annotation is written; without, it is brought up to date only
 * on an object that already carries one (one read back with `get -o yaml`, say).
 */
export function createOrUpdateAnnotation<T extends KubeObject>(saveConfig: boolean, obj: T): T {
  if (!saveConfig && !obj.metadata?.annotations?.[LAST_APPLIED]) return obj;
  return withLastApplied(obj);
}
