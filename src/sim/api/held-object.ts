import type { KubeObject, Stored } from './meta';
import type { Slot } from './object-table';
import type { ObjectStore } from './store';

/**
 * One object a caller reads over and over by kind, namespace and name (a kubelet's own lease, say): the slot it is
 * stored in is looked up again only after the object is gone, so each read is no lookup by name.
 */
export class HeldObject<T extends KubeObject> {
  private slot: Readonly<Slot> | undefined;

  constructor(
    private readonly store: ObjectStore,
    private readonly kind: string,
    private readonly namespace: string,
    private readonly name: string,
  ) {}

  /** The object as stored now, or undefined. */
  get(): Stored<T> | undefined {
    let slot = this.slot;
    if (!slot || !slot.stored) {
      slot = this.store.slotOf(this.kind, this.namespace, this.name);
      this.slot = slot;
    }
    return slot?.object as Stored<T> | undefined;
  }
}
