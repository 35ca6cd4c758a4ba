import type { CrossVersionObjectReference } from 'kubernetes-types/autoscaling/v2';
import { ApiError } from '../../api/errors';
import type { KubeObject, Stored } from '../../api/meta';
import type { ObjectStore } from '../../api/store';
import { resourceTypes } from '../../api/resources';

/** The kinds whose registry serves a scale subresource, of those this apiserver has. */
const SCALABLE = new Set(['Deployment', 'ReplicaSet', 'StatefulSet']);

/** What the scale subresource (autoscaling/v1 Scale) says of a target. */
export interface Scale {
  target: Stored<KubeObject>;
  /** spec.replicas of the target. */
  replicas: number;
}

type Replicated = Stored<KubeObject> & { spec?: { replicas?: number } };

/**
 * schema.ParseGroupVersion, the RESTMapper's RESTMappings and the scale client's Get, as the HPA controller's
 * reconcileAutoscaler chains them: the scale of the object a scaleTargetRef names, or the error each step returns.
 */
export function getScale(
  store: ObjectStore,
  namespace: string,
  ref: CrossVersionObjectReference,
): Scale | { error: string } {
  const apiVersion = ref.apiVersion ?? '';
  const parts = apiVersion === '' ? [] : apiVersion.split('/');
  if (parts.length > 2) return { error: `unexpected GroupVersion string: ${apiVersion}` };
  const group = parts.length === 2 ? parts[0] : '';
  const type = resourceTypes().find((t) => t.kind === ref.kind && t.group === group);
  if (!type) return { error: `no matches for kind "${ref.kind}" in group "${group}"` };
  // Only the apps workloads register a scale subresource; GET …/pods/NAME/scale is a 404 without a name.
  if (!SCALABLE.has(type.kind)) return { error: 'the server could not find the requested resource' };
  const target = store.get<KubeObject>(type.kind, namespace, ref.name);
  if (!target) return { error: `${type.plural}.${type.group} "${ref.name}" not found` };
  return { target, replicas: (target as Replicated).spec?.replicas ?? 1 };
}

/** The scale client's Update: a PUT of …/scale, which writes spec.replicas of the target. Returns an error message. */
export function updateScale(store: ObjectStore, scale: Scale, replicas: number): string | undefined {
  const target = scale.target as Replicated;
  try {
    store.update<KubeObject>({ ...target, spec: { ...target.spec, replicas } } as KubeObject);
    return undefined;
  } catch (err) {
    if (err instanceof ApiError) return err.message;
    throw err;
  }
}
