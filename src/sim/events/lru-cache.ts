/** One cache entry, linked into the recency list (most recent at the head). */
interface Entry<V> {
  key: string;
  value: V;
  newer: Entry<V> | undefined;
  older: Entry<V> | undefined;
}

/**
 * groupcache's lru.Cache, the bounded cache behind client-go's event correlator: a read or write makes an entry
 * the most recent, and adding past the capacity drops the least recent. The recency list is linked through the
 * entries, so a hit costs one map lookup.
 */
export class LruCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private newest: Entry<V> | undefined;
  private oldest: Entry<V> | undefined;

  constructor(private readonly capacity: number) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.touch(entry);
    return entry.value;
  }

  add(key: string, value: V): void {
    const entry = this.entries.get(key);
    if (entry) {
      entry.value = value;
      this.touch(entry);
      return;
    }
    const added: Entry<V> = { key, value, newer: undefined, older: this.newest };
    if (this.newest) this.newest.newer = added;
    this.newest = added;
    if (!this.oldest) this.oldest = added;
    this.entries.set(key, added);
    if (this.entries.size > this.capacity) this.dropOldest();
  }

  get size(): number {
    return this.entries.size;
  }

  /** Moves an entry to the head of the recency list. */
  private touch(entry: Entry<V>): void {
    if (entry === this.newest) return;
    // Unlink: it has a newer neighbour, since it is not the newest.
    (entry.newer as Entry<V>).older = entry.older;
    if (entry.older) entry.older.newer = entry.newer;
    else this.oldest = entry.newer;
    entry.newer = undefined;
    entry.older = this.newest;
    (this.newest as Entry<V>).newer = entry;
    this.newest = entry;
  }

  private dropOldest(): void {
    const entry = this.oldest as Entry<V>;
    this.oldest = entry.newer;
    if (this.oldest) this.oldest.older = undefined;
    else this.newest = undefined;
    this.entries.delete(entry.key);
  }
}
