import { RecencyList } from '../../../src/sim/events/recency-list';

/** One cache entry, linked into the recency list. */
interface Entry<V> {
  key: string;
  value: V;
  newer: Entry<V> | undefined;
  older: Entry<V> | undefined;
}

/**
 * groupcache's lru.Cache keyed by strings, as client-go's event correlator uses it: a read or write makes an entry
 * the most recent, and adding past the capacity drops the least recent. The simulator's correlator keeps the same
 * recency per cache without key strings; the tests check it against a correlator built on this cache.
 */
export class LruCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly recency: RecencyList<Entry<V>>;

  constructor(capacity: number) {
    this.recency = new RecencyList(capacity);
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.recency.touch(entry);
    return entry.value;
  }

  add(key: string, value: V): void {
    const entry = this.entries.get(key);
    if (entry) {
      entry.value = value;
      this.recency.touch(entry);
      return;
    }
    const added: Entry<V> = { key, value, newer: undefined, older: undefined };
    this.entries.set(key, added);
    const dropped = this.recency.add(added);
    if (dropped) this.entries.delete(dropped.key);
  }

  get size(): number {
    return this.entries.size;
  }
}
