import type { KubeObject, Stored } from './meta';

/** Where one object is stored. The slot stays the same across the object's versions, so indexes can hold it. */
export interface Slot {
  object: Stored<KubeObject>;
  /** Cleared when the object is removed, so a holder of the slot can tell without a lookup by name. */
  stored: boolean;
}

/**
 * The stored objects by kind, namespace and name (etcd's keyspace). Reads and writes go through the parts the
 * caller already holds, so no "namespace/name" key string is built (and hashed) per call; a cluster-scoped object
 * is filed under the empty namespace, as its key has no namespace part.
 */
export class ObjectTable {
  private readonly byKind = new Map<string, Map<string, Map<string, Slot>>>();

  /** The slot of the object stored under this namespace ("" or none for cluster-scoped) and name. */
  slot(kind: string, namespace: string | undefined, name: string): Slot | undefined {
    return this.byKind
      .get(kind)
      ?.get(namespace || '')
      ?.get(name);
  }

  /** Stores a new object (nothing is stored under its namespace and name) and returns its slot. */
  add(kind: string, object: Stored<KubeObject>): Slot {
    let byNamespace = this.byKind.get(kind);
    if (!byNamespace) {
      byNamespace = new Map();
      this.byKind.set(kind, byNamespace);
    }
    const namespace = object.metadata.namespace || '';
    let byName = byNamespace.get(namespace);
    if (!byName) {
      byName = new Map();
      byNamespace.set(namespace, byName);
    }
    const slot: Slot = { object, stored: true };
    byName.set(object.metadata.name, slot);
    return slot;
  }

  remove(kind: string, object: Stored<KubeObject>): void {
    const byName = this.byKind.get(kind)?.get(object.metadata.namespace || '');
    const slot = byName?.get(object.metadata.name);
    if (!slot) return;
    slot.stored = false;
    (byName as Map<string, Slot>).delete(object.metadata.name);
  }

  /** The objects of a kind, in no particular order; with `namespace`, only those whose namespace is exactly it. */
  objects(kind: string, namespace?: string): Stored<KubeObject>[] {
    const out: Stored<KubeObject>[] = [];
    const byNamespace = this.byKind.get(kind);
    if (!byNamespace) return out;
    if (namespace === undefined) {
      for (const byName of byNamespace.values()) for (const slot of byName.values()) out.push(slot.object);
      return out;
    }
    for (const slot of byNamespace.get(namespace)?.values() ?? []) {
      if (slot.object.metadata.namespace === namespace) out.push(slot.object);
    }
    return out;
  }

  /** The kinds that have had objects stored, in the order the first of each was stored. */
  kinds(): string[] {
    return [...this.byKind.keys()];
  }

  count(kind: string): number {
    let n = 0;
    for (const byName of this.byKind.get(kind)?.values() ?? []) n += byName.size;
    return n;
  }
}
