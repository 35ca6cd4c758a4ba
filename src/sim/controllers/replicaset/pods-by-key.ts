/**
 * A map keyed by a pod's store key (namespace and name), held as one map of names per namespace: a lookup hashes
 * the stored name string, whose hash is kept with it, instead of building and hashing "namespace/name" anew on
 * every pod event.
 */
export class PodsByKey<V> {
  private readonly byNamespace = new Map<string, Map<string, V>>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  get(namespace: string, name: string): V | undefined {
    return this.byNamespace.get(namespace)?.get(name);
  }

  set(namespace: string, name: string, value: V): void {
    let names = this.byNamespace.get(namespace);
    if (!names) this.byNamespace.set(namespace, (names = new Map()));
    const before = names.size;
    names.set(name, value);
    this.count += names.size - before;
  }

  delete(namespace: string, name: string): void {
    const names = this.byNamespace.get(namespace);
    if (!names || !names.delete(name)) return;
    this.count--;
    if (names.size === 0) this.byNamespace.delete(namespace);
  }
}
