import type { Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../api/meta';
import type { ObjectStore, WatchEvent } from '../api/store';

/**
 * The shared pod informer's node index: pod keys per node name, kept up to date from the pod watch so that the
 * controllers that ask "which pods are on this node" never scan every pod.
 */
export class PodNodeIndex {
  private readonly byNode = new Map<string, Set<string>>();

  constructor(store: ObjectStore) {
    store.watch('Pod', (e) => this.onPod(e));
  }

  /** Keys ("namespace/name") of the pods bound to a node, sorted. */
  podsOn(nodeName: string): string[] {
    return [...(this.byNode.get(nodeName) ?? [])].sort();
  }

  /** Names of the nodes that have pods bound to them, whether or not the Node object still exists; sorted. */
  nodes(): string[] {
    return [...this.byNode.keys()].sort();
  }

  private onPod(event: WatchEvent): void {
    const pod = event.object as Stored<Pod>;
    const node = pod.spec?.nodeName;
    if (!node) return;
    // A pod stays on the node it was bound to: only its binding and its deletion change the index.
    if (event.type === 'MODIFIED' && (event.old as Stored<Pod> | undefined)?.spec?.nodeName === node) return;
    const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
    let set = this.byNode.get(node);
    if (!set) {
      set = new Set();
      this.byNode.set(node, set);
    }
    if (event.type !== 'DELETED') set.add(key);
    else if (set.delete(key) && set.size === 0) this.byNode.delete(node);
  }
}
