import type { VirtualClock } from '../clock';

/**
 * A rate-free work queue (client-go's workqueue, without the rate limiter): a key added while it is already
 * waiting is not added twice, and a key is never processed by two syncs at once. Processing happens on the
 * virtual clock `latencyMs` after the first add, like an informer handler feeding a worker goroutine.
 */
export class WorkQueue {
  private pending = new Set<string>();
  /** The set drained last time, emptied and kept to take the next burst of adds. */
  private spare = new Set<string>();
  private scheduled = false;
  private readonly delayed = new Map<string, { handle: { cancel(): void }; at: number }>();
  /** Clock labels built once: a queue schedules a drain per burst of adds, and a requeue's key is its subject. */
  private readonly drainLabel: string;
  private readonly requeueLabel: string;
  /** The drain task's body, made once rather than per burst. */
  private readonly drainTask = (): void => this.drain();

  constructor(
    private readonly clock: VirtualClock,
    private readonly name: string,
    private readonly latencyMs: number,
    private readonly sync: (key: string) => void,
  ) {
    this.drainLabel = `${name}: process queue`;
    this.requeueLabel = `${name}: requeue`;
  }

  add(key: string): void {
    this.pending.add(key);
    if (!this.scheduled) {
      this.scheduled = true;
      this.clock.after(this.latencyMs, this.drainLabel, this.drainTask);
    }
  }

  /** queue.AddAfter: adds the key once `delayMs` has passed; an earlier pending AddAfter for the key wins. */
  addAfter(key: string, delayMs: number): void {
    const at = this.clock.now() + delayMs;
    const existing = this.delayed.get(key);
    if (existing && existing.at <= at) return;
    existing?.handle.cancel();
    const requeue = () => {
      this.delayed.delete(key);
      this.add(key);
    };
    const handle = this.clock.after(delayMs, this.requeueLabel, requeue, key);
    this.delayed.set(key, { handle, at });
  }

  get length(): number {
    return this.pending.size;
  }

  private drain(): void {
    this.scheduled = false;
    const keys = this.pending;
    this.pending = this.spare;
    try {
      for (const key of keys) this.sync(key);
    } finally {
      keys.clear();
      this.spare = keys;
    }
  }
}
