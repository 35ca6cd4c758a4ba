import type { VirtualClock } from '../clock';
import type { WorkQueue } from '../controllers/workqueue';

/** podInitialBackoffDuration and podMaxBackoffDuration: 1 s, doubled per failed attempt, at most 10 s. */
const POD_INITIAL_BACKOFF_MS = 1000;
const POD_MAX_BACKOFF_MS = 10_000;
/** podMaxInUnschedulablePodsDuration: a pod no event has moved gets another try after 5 minutes. */
const MAX_UNSCHEDULABLE_MS = 5 * 60_000;
/** flushUnschedulablePodsLeftover runs every 30 s. */
const FLUSH_PERIOD_MS = 30_000;

interface Attempts {
  count: number;
  lastMs: number;
  /** When the pod was last parked among the unschedulable pods; undefined while it waits in the queue. */
  parkedMs: number | undefined;
}

/**
 * The scheduling queue's unschedulablePods and back-off (pkg/scheduler/backend/queue): a pod that did not fit waits
 * here until a cluster event might let it fit (MoveAllToActiveOrBackoffQueue), or for 5 minutes. A moved pod is
 * tried again once its back-off since the last attempt has passed.
 */
export class UnschedulablePods {
  private readonly pods = new Map<string, Attempts>();
  private parked = 0;
  private flushScheduled = false;

  constructor(
    private readonly clock: VirtualClock,
    private readonly queue: WorkQueue,
  ) {}

  /** A scheduling attempt of the pod failed: it waits among the unschedulable pods. */
  park(key: string): void {
    const now = this.clock.now();
    const attempts = this.pods.get(key) ?? { count: 0, lastMs: now, parkedMs: undefined };
    attempts.count += 1;
    attempts.lastMs = now;
    if (attempts.parkedMs === undefined) this.parked += 1;
    attempts.parkedMs = now;
    this.pods.set(key, attempts);
    this.scheduleFlush();
  }

  /** The pod was bound or deleted: it leaves the queue, and a new pod of the same name starts without back-off. */
  forget(key: string): void {
    const attempts = this.pods.get(key);
    if (!attempts) return;
    if (attempts.parkedMs !== undefined) this.parked -= 1;
    this.pods.delete(key);
  }

  /** MoveAllToActiveOrBackoffQueue: every parked pod goes back to the queue once its back-off has passed. */
  moveAll(): void {
    if (this.parked === 0) return;
    // forEach, not for-of over entries: that allocates a [key, value] pair per pod, on every deletion in a rollout.
    this.pods.forEach(this.moveIfParked);
  }

  private readonly moveIfParked = (attempts: Attempts, key: string): void => {
    if (attempts.parkedMs !== undefined) this.move(key, attempts);
  };

  private move(key: string, attempts: Attempts): void {
    attempts.parkedMs = undefined;
    this.parked -= 1;
    const backoff = Math.min(POD_INITIAL_BACKOFF_MS * 2 ** (attempts.count - 1), POD_MAX_BACKOFF_MS);
    const wait = attempts.lastMs + backoff - this.clock.now();
    if (wait > 0) this.queue.addAfter(key, wait);
    else this.queue.add(key);
  }

  /** The next 30-second tick of the flush loop, kept only while some pod is parked. */
  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    const now = this.clock.now();
    const next = (Math.floor(now / FLUSH_PERIOD_MS) + 1) * FLUSH_PERIOD_MS;
    this.clock.after(next - now, 'scheduler: flush unschedulable pods', () => this.flush());
  }

  /** flushUnschedulablePodsLeftover: pods parked for 5 minutes or more go back to the queue. */
  private flush(): void {
    this.flushScheduled = false;
    const now = this.clock.now();
    this.pods.forEach((attempts, key) => {
      if (attempts.parkedMs !== undefined && now - attempts.parkedMs >= MAX_UNSCHEDULABLE_MS) this.move(key, attempts);
    });
    if (this.parked > 0) this.scheduleFlush();
  }
}
