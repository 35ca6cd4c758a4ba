import type { VirtualClock } from '../clock';

/** Where a write put an object, and which version it wrote: a later write of the object takes a later lease. */
export interface LeasedKey {
  namespace: string | undefined;
  name: string;
  resourceVersion: string;
}

/** How long the etcd3 store may reuse a lease: 5 % of the TTL, at most 60 s (LeaseReuseDurationSeconds). */
function reuseSeconds(ttlSeconds: number): number {
  return Math.min(Math.floor(ttlSeconds * 0.05), 60);
}

/**
 * The etcd3 store's leaseManager for a resource with a TTL (Events, `--event-ttl`, 1h by default): every write
 * attaches the key to a lease that ends TTL seconds later, at the earliest. Writes within the reuse window share
 * one lease granted with the extra reuse time, so keys expire in batches between TTL and TTL + 60 s after their
 * last write. When a lease ends, etcd deletes its keys, and watchers see them DELETED.
 */
export class LeaseManager {
  private expiresAt = -Infinity;
  private keys: LeasedKey[] = [];

  constructor(
    private readonly clock: VirtualClock,
    private readonly ttlSeconds: number,
    private readonly label: string,
    /** Deletes the key if it still holds that version. */
    private readonly expire: (key: LeasedKey) => void,
  ) {}

  /** GetLease + Put with the lease: records that this version of the key lives until the lease ends. */
  attach(key: LeasedKey): void {
    const now = this.clock.now();
    const ttlMs = this.ttlSeconds * 1000;
    const reuseMs = reuseSeconds(this.ttlSeconds) * 1000;
    const valid = now + ttlMs < this.expiresAt;
    // At or after the grant: real writes are nanoseconds apart, virtual ones often share a millisecond.
    const sufficient = now + ttlMs + reuseMs >= this.expiresAt;
    if (!(valid && sufficient)) this.grant(now + ttlMs + reuseMs);
    this.keys.push(key);
  }

  private grant(expiresAt: number): void {
    const keys: LeasedKey[] = [];
    this.expiresAt = expiresAt;
    this.keys = keys;
    this.clock.after(expiresAt - this.clock.now(), this.label, () => {
      for (const key of keys) this.expire(key);
    });
  }
}
