import { keyOf, type KubeObject, type Stored } from './meta';

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
  /**
   * The slots of a kind (and namespace, or all: under undefined) in key order, as last listed; dropped when an
   * object of the kind is added or removed. Updates keep the slots, so periodic lists sort nothing.
   */
  private readonly sorted = new Map<string, Map<string | undefined, Slot[]>>();

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
    this.sorted.delete(kind);
    return slot;
  }

  remove(kind: string, object: Stored<KubeObject>): void {
    const byName = this.byKind.get(kind)?.get(object.metadata.namespace || '');
    const slot = byName?.get(object.metadata.name);
    if (!slot) return;
    slot.stored = false;
    (byName as Map<string, Slot>).delete(object.metadata.name);
    this.sorted.delete(kind);
  }

  /**
   * The objects of a kind (optionally only those in `namespace`) in key order, as etcd returns a range. The
   * order is kept until the kind gains or loses an object.
   */
  sortedObjects(kind: string, namespace?: string): Stored<KubeObject>[] {
    let byNamespace = this.sorted.get(kind);
    let slots = byNamespace?.get(namespace);
    if (!slots) {
      slots = this.sortSlots(kind, namespace);
      if (!byNamespace) {
        byNamespace = new Map();
        this.sorted.set(kind, byNamespace);
      }
      byNamespace.set(namespace, slots);
    }
    const out = new Array<Stored<KubeObject>>(slots.length);
    for (let i = 0; i < slots.length; i++) out[i] = slots[i].object;
    return out;
  }

  private sortSlots(kind: string, namespace: string | undefined): Slot[] {
    const slots: Slot[] = [];
    const byNamespace = this.byKind.get(kind);
    if (byNamespace && namespace === undefined) {
      for (const byName of byNamespace.values()) for (const slot of byName.values()) slots.push(slot);
    } else if (byNamespace) {
      for (const slot of byNamespace.get(namespace as string)?.values() ?? []) {
        if (slot.object.metadata.namespace === namespace) slots.push(slot);
      }
    }
    if (slots.length < 2) return slots;
    // Each key is built once: a comparator building both keys per comparison costs n log n strings. Objects come
    // in the order they were stored, often already the key order.
    const keys = slots.map((slot) => keyOf(slot.object));
    let inOrder = true;
    for (let i = 1; i < keys.length && inOrder; i++) inOrder = keys[i - 1] < keys[i];
    if (inOrder) return slots;
    const order = keys.map((_, i) => i).sort((a, b) => (keys[a] < keys[b] ? -1 : 1));
    return order.map((i) => slots[i]);
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
