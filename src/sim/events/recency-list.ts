/** An entry of a recency list, linked to its neighbours through its own fields. */
export interface Recent<E> {
  newer: E | undefined;
  older: E | undefined;
}

/**
 * The recency order of groupcache's lru.Cache, apart from its map: entries link themselves (most recent at the
 * head), so one cache whose keys are found some other way (e.g. through nested records) keeps the exact order and
 * evictions of a map-backed one. Adding past the capacity hands back the least recent entry for the caller to forget.
 */
export class RecencyList<E extends Recent<E>> {
  private newest: E | undefined;
  private oldest: E | undefined;
  private count = 0;

  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.count;
  }

  /** Adds an entry not in the list as the most recent; returns the entry dropped to stay within the capacity. */
  add(entry: E): E | undefined {
    entry.newer = undefined;
    entry.older = this.newest;
    if (this.newest) this.newest.newer = entry;
    else this.oldest = entry;
    this.newest = entry;
    this.count += 1;
    return this.count > this.capacity ? this.dropOldest() : undefined;
  }

  /** Makes an entry in the list the most recent (a cache hit). */
  touch(entry: E): void {
    if (entry === this.newest) return;
    // Unlink: it has a newer neighbour, since it is not the newest.
    (entry.newer as E).older = entry.older;
    if (entry.older) entry.older.newer = entry.newer;
    else this.oldest = entry.newer;
    entry.newer = undefined;
    entry.older = this.newest;
    (this.newest as E).newer = entry;
    this.newest = entry;
  }

  private dropOldest(): E {
    const entry = this.oldest as E;
    this.oldest = entry.newer;
    if (this.oldest) this.oldest.older = undefined;
    else this.newest = undefined;
    entry.newer = undefined;
    this.count -= 1;
    return entry;
  }
}
