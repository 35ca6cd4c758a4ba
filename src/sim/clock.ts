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
  /**
   * The pending tasks as a binary heap on (time, insertion order). Each task's time and number sit in arrays of
   * their own, in heap order, so sifting compares numbers laid out together instead of reading thousands of task
   * objects spread over the heap.
   */
  private heap: ScheduledTask[] = [];
  private heapAt: number[] = [];
  private heapSeq: number[] = [];
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
    return this.heap.length > 0 ? this.heapAt[0] : undefined;
  }

  /** Runs every task due at or before `untilMs`, then moves the clock to `untilMs`. */
  advanceTo(untilMs: number): void {
    while (this.heap.length > 0 && this.heapAt[0] <= untilMs) {
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
    const { heap, heapAt: at, heapSeq: seq } = this;
    let i = heap.length;
    heap.push(task);
    at.push(task.at);
    seq.push(task.seq);
    // Sift up: parents that sort after the task move down into its place.
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (at[parent] < task.at || (at[parent] === task.at && seq[parent] < task.seq)) break;
      heap[i] = heap[parent];
      at[i] = at[parent];
      seq[i] = seq[parent];
      i = parent;
    }
    heap[i] = task;
    at[i] = task.at;
    seq[i] = task.seq;
  }

  private pop(): ScheduledTask {
    const { heap, heapAt: at, heapSeq: seq } = this;
    const top = heap[0];
    const last = heap.pop() as ScheduledTask;
    const lastAt = at.pop() as number;
    const lastSeq = seq.pop() as number;
    const n = heap.length;
    if (n === 0) return top;
    // Sift down the last task from the root: the smaller child moves up while it sorts before it.
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && (at[r] < at[l] || (at[r] === at[l] && seq[r] < seq[l])) ? r : l;
      if (lastAt < at[c] || (lastAt === at[c] && lastSeq < seq[c])) break;
      heap[i] = heap[c];
      at[i] = at[c];
      seq[i] = seq[c];
      i = c;
    }
    heap[i] = last;
    at[i] = lastAt;
    seq[i] = lastSeq;
    return top;
  }
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
