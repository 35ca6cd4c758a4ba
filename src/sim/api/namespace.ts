import type { Namespace } from 'kubernetes-types/core/v1';
import type { KubeObject } from './meta';

/** namespaceStrategy.PrepareForCreate: a new namespace is Active and carries the kubernetes finalizer. */
export function prepareNamespaceForCreate(obj: KubeObject): void {
  const ns = obj as Namespace;
  ns.status = { phase: 'Active' };
  ns.spec = { finalizers: ['kubernetes'] };
}

/** SetDefaults_Namespace: the immutable `kubernetes.io/metadata.name` label names the namespace. */
export function defaultNamespace(obj: KubeObject): void {
  const metadata = (obj as Namespace).metadata;
  if (!metadata?.name) return;
  metadata.labels = { ...(metadata.labels ?? {}), 'kubernetes.io/metadata.name': metadata.name };
}
