import type { KubeObject, Stored } from './meta';

/**
 * Stored objects by kind, namespace and name: what `get` looks up. Reading through the parts the caller already
 * holds avoids building (and hashing) a fresh "namespace/name" key string on every read.
 */
export class NameIndex {
  private readonly byKind = new Map<string, Map<string, Map<string, Stored<KubeObject>>>>();

  get(kind: string, namespace: string, name: string): Stored<KubeObject> | undefined {
    // As a "namespace/name" key would: no namespace means the cluster-scoped object of that name.
    return this.byKind
      .get(kind)
      ?.get(namespace || '')
      ?.get(name);
  }

  /** Records `obj` as the object stored under its namespace and name (replacing the one before). */
  put(kind: string, obj: Stored<KubeObject>): void {
    let byNamespace = this.byKind.get(kind);
    if (!byNamespace) {
      byNamespace = new Map();
      this.byKind.set(kind, byNamespace);
    }
    const namespace = obj.metadata.namespace ?? '';
    let byName = byNamespace.get(namespace);
    if (!byName) {
      byName = new Map();
      byNamespace.set(namespace, byName);
    }
    byName.set(obj.metadata.name, obj);
  }

  delete(kind: string, obj: Stored<KubeObject>): void {
    this.byKind
      .get(kind)
      ?.get(obj.metadata.namespace ?? '')
      ?.delete(obj.metadata.name);
  }
}
