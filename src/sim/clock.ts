/**
 * Virtual time. Nothing in the simulator reads the wall clock: every timestamp and every delay comes from here,
 * so a run is reproducible byte for byte.
 */

/** The instant the virtual clock starts at: 2026-01-01T00:00:00Z. */
export const EPOCH_MS = Date.UTC(2026, 0, 1, 0, 0, 0);

/** A pending task, which is also the handle `after` returns: one object per task, with no closure to cancel it. */
class ScheduledTask {
  constructor(
    readonly at: number,
    readonly seq: number,
    /** What the task is for; with `subject` (a name the caller holds anyway), read as "<label> <subject>". */
    readonly label: string,
    public run: () => void,
    readonly subject?: string,
  ) {}

  /** A method: a handle kept apart from its task must be called through it (`handle.cancel()`). */
  cancel(): void {
    this.run = noop;
  }
}

/**
 * A clock plus a queue of tasks ordered by (time, insertion order). Tasks scheduled for the same instant run in
 * the order they were scheduled, which keeps controller interleavings deterministic.
 */
export class VirtualClock {
  private nowMs = EPOCH_MS;
  private seq = 0;
  private heap: ScheduledTask[] = [];
  /**
   * The last two timestamps formatted, by second: most calls ask for the current second, and graceful deletions
   * interleave it with their deadline's.
   */
  private stampSecond = NaN;
  private stamp = '';
  private previousSecond = NaN;
  private previousStamp = '';
  /** The last MicroTime formatted, and its millisecond. */
  private microMs = NaN;
  private micro = '';

  /** Milliseconds since the Unix epoch, in virtual time. */
  now(): number {
    return this.nowMs;
  }

  /** Milliseconds elapsed since the cluster started. */
  elapsed(): number {
    return this.nowMs - EPOCH_MS;
  }

  /** RFC 3339 timestamp with second precision, as the apiserver writes metav1.Time. */
  timestamp(ms: number = this.nowMs): string {
    const second = Math.floor(ms / 1000);
    if (second === this.stampSecond) return this.stamp;
    if (second === this.previousSecond) return this.previousStamp;
    this.previousSecond = this.stampSecond;
    this.previousStamp = this.stamp;
    this.stampSecond = second;
    this.stamp = new Date(second * 1000).toISOString().replace('.000Z', 'Z');
    return this.stamp;
  }

  /** metav1.MicroTime as the apiserver writes it: RFC 3339 with six fractional digits (whole ms here). */
  microTimestamp(ms: number = this.nowMs): string {
    // Kept for its millisecond: every kubelet renews its lease in the same millisecond of each period.
    if (ms === this.microMs) return this.micro;
    const millis = ms - Math.floor(ms / 1000) * 1000;
    const fraction = millis < 10 ? `00${millis}` : millis < 100 ? `0${millis}` : String(millis);
    this.microMs = ms;
    this.micro = `${this.timestamp(ms).slice(0, -1)}.${fraction}000Z`;
    return this.micro;
  }

  /**
   * Schedules `run` at `delayMs` from now, described by `label` and an optional `subject` (kept apart, so that
   * frequent callers build no string per task). Returns a handle that can cancel it.
   */
  after(delayMs: number, label: string, run: () => void, subject?: string): { cancel(): void } {
    const task = new ScheduledTask(this.nowMs + Math.max(0, delayMs), this.seq++, label, run, subject);
    this.push(task);
    return task;
  }

  /** Time of the next pending task, or undefined when the queue is empty. */
  nextAt(): number | undefined {
    return this.heap.length > 0 ? this.heap[0].at : undefined;
  }

  /** Runs every task due at or before `untilMs`, then moves the clock to `untilMs`. */
  advanceTo(untilMs: number): void {
    while (this.heap.length > 0 && this.heap[0].at <= untilMs) {
      const task = this.pop();
      this.nowMs = Math.max(this.nowMs, task.at);
      task.run();
    }
    this.nowMs = Math.max(this.nowMs, untilMs);
  }

  /** Runs the next task (and only that one). Returns false when nothing is pending. */
  step(): boolean {
    if (this.heap.length === 0) return false;
    const task = this.pop();
    this.nowMs = Math.max(this.nowMs, task.at);
    task.run();
    return true;
  }

  private push(task: ScheduledTask): void {
    const heap = this.heap;
    heap.push(task);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i], heap[parent])) break;
      swap(heap, i, parent);
      i = parent;
    }
  }

  private pop(): ScheduledTask {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop() as ScheduledTask;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let smallest = i;
        if (l < heap.length && before(heap[l], heap[smallest])) smallest = l;
        if (r < heap.length && before(heap[r], heap[smallest])) smallest = r;
        if (smallest === i) break;
        swap(heap, i, smallest);
        i = smallest;
      }
    }
    return top;
  }
}

function before(a: ScheduledTask, b: ScheduledTask): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}

/** Swaps two heap slots in place (a destructuring swap would allocate an array on every step). */
function swap(heap: ScheduledTask[], i: number, j: number): void {
  const t = heap[i];
  heap[i] = heap[j];
  heap[j] = t;
}

function noop(): void {}

/** Parses a Go-style duration ("30s", "1m30s", "500ms", "2h") into milliseconds. */
export function parseDuration(text: string): number {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h)/gy;
  let total = 0;
  let consumed = 0;
  let match: RegExpExecArray | null;
  while ((match = re.exec(trimmed)) !== null) {
    const unit = match[2];
    const n = Number(match[1]);
    total += unit === 'ms' ? n : unit === 's' ? n * 1000 : unit === 'm' ? n * 60000 : n * 3600000;
    consumed = re.lastIndex;
  }
  if (trimmed.length === 0 || consumed !== trimmed.length) {
    throw new Error(`invalid duration "${text}"`);
  }
  return Math.round(total);
}
