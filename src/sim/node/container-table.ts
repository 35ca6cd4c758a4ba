import type { RuntimeContainer } from './runtime';

/**
 * The containers of one node's runtime, indexed by pod uid, so that starting or killing one pod's containers costs
 * the same on a node with ten pods as on one with ten thousand. Listing keeps creation order.
 */
export class ContainerTable {
  /** Every container; a Set keeps insertion order, as the runtime lists containers. */
  private readonly everything = new Set<RuntimeContainer>();
  private readonly byPod = new Map<string, RuntimeContainer[]>();

  /** Every container, oldest first. */
  all(): RuntimeContainer[] {
    return [...this.everything];
  }

  /** The containers of one pod, oldest first (empty when it has none). */
  ofPod(podUid: string): readonly RuntimeContainer[] {
    return this.byPod.get(podUid) ?? [];
  }

  add(container: RuntimeContainer): void {
    this.everything.add(container);
    const list = this.byPod.get(container.podUid);
    if (list) list.push(container);
    else this.byPod.set(container.podUid, [container]);
  }

  /** Removes the containers of a pod that `match` selects (all of them without a filter). */
  removeOfPod(podUid: string, match?: (c: RuntimeContainer) => boolean): void {
    const list = this.byPod.get(podUid);
    if (!list) return;
    if (!match) {
      for (const c of list) this.everything.delete(c);
      this.byPod.delete(podUid);
      return;
    }
    const keep = list.filter((c) => !match(c));
    for (const c of list) if (match(c)) this.everything.delete(c);
    if (keep.length > 0) this.byPod.set(podUid, keep);
    else this.byPod.delete(podUid);
  }
}
