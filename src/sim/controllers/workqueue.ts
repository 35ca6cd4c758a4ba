import type { VirtualClock } from '../clock';

/**
 * A rate-free work queue (client-go's workqueue, without the rate limiter): a key added while it is already
 * waiting is not added twice, and a key is never processed by two syncs at once. Processing happens on the
 * virtual clock `latencyMs` after the first add, like an informer handler feeding a worker goroutine.
 */
export class WorkQueue {
  /**
   * The first key waiting, kept apart from the others: most bursts bring a single key (a controller's own object,
   * again and again), and then no set is filled and cleared per drain.
   */
  private first: string | undefined;
  /** The keys added after the first, in order, while they wait. */
  private more = new Set<string>();
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
    if (this.first === undefined) this.first = key;
    else if (key !== this.first) this.more.add(key);
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
    return (this.first === undefined ? 0 : 1) + this.more.size;
  }

  private drain(): void {
    this.scheduled = false;
    const first = this.first;
    const more = this.more;
    this.first = undefined;
    this.more = this.spare;
    try {
      if (first !== undefined) this.sync(first);
      if (more.size > 0) for (const key of more) this.sync(key);
    } finally {
      // Clearing a set makes it a new table even when it is empty.
      if (more.size > 0) more.clear();
      this.spare = more;
    }
  }
}
