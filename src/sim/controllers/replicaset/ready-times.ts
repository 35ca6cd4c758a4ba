/**
 * When a ReplicaSet's ready pods became ready, as a multiset of times: the pods available after minReadySeconds
 * (podutil.IsPodAvailable over the active pods) are counted over the distinct times, a few per second of
 * rollout, instead of over every pod on every sync.
 */
export class ReadyTimes {
  /** Pods per time. */
  private readonly counts = new Map<number, number>();
  /** The distinct times, ascending. */
  private readonly times: number[] = [];

  add(time: number): void {
    const n = this.counts.get(time);
    if (n !== undefined) {
      this.counts.set(time, n + 1);
      return;
    }
    this.counts.set(time, 1);
    this.times.splice(this.indexAbove(time), 0, time);
  }

  remove(time: number): void {
    const n = this.counts.get(time);
    if (n === undefined) return;
    if (n > 1) {
      this.counts.set(time, n - 1);
      return;
    }
    this.counts.delete(time);
    this.times.splice(this.indexAbove(time) - 1, 1);
  }

  /** countAvailable: pods whose ready time plus minReadySeconds has come, by IsPodAvailable's own sum. */
  countAvailable(minReadySeconds: number, nowMs: number): number {
    let n = 0;
    for (const time of this.times) {
      if (!(time + minReadySeconds * 1000 <= nowMs)) break;
      n += this.counts.get(time) ?? 0;
    }
    return n;
  }

  /** The index of the first time greater than `time`. */
  private indexAbove(time: number): number {
    let lo = 0;
    let hi = this.times.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.times[mid] <= time) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
