import type { VirtualClock } from '../clock';
import type { Slot } from './object-table';

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
  /**
   * The current lease's keys, as the slot each write went to and the resourceVersion it wrote (side by side, so a
   * write adds no object): the slot tells whether the key is still stored, and holds what it stores now.
   */
  private slots: Slot[] = [];
  private versions: string[] = [];

  constructor(
    private readonly clock: VirtualClock,
    private readonly ttlSeconds: number,
    private readonly label: string,
    /** Deletes the key if it still holds that version. */
    private readonly expire: (slot: Slot, resourceVersion: string) => void,
  ) {}

  /** GetLease + Put with the lease: records that this version of the key lives until the lease ends. */
  attach(slot: Slot, resourceVersion: string): void {
    const now = this.clock.now();
    const ttlMs = this.ttlSeconds * 1000;
    const reuseMs = reuseSeconds(this.ttlSeconds) * 1000;
    const valid = now + ttlMs < this.expiresAt;
    // At or after the grant: real writes are nanoseconds apart, virtual ones often share a millisecond.
    const sufficient = now + ttlMs + reuseMs >= this.expiresAt;
    if (!(valid && sufficient)) this.grant(now + ttlMs + reuseMs);
    this.slots.push(slot);
    this.versions.push(resourceVersion);
  }

  private grant(expiresAt: number): void {
    const slots: Slot[] = [];
    const versions: string[] = [];
    this.expiresAt = expiresAt;
    this.slots = slots;
    this.versions = versions;
    this.clock.after(expiresAt - this.clock.now(), this.label, () => {
      for (let i = 0; i < slots.length; i++) this.expire(slots[i], versions[i]);
    });
  }
}
