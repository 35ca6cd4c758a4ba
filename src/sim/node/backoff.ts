/**
 * flowcontrol.Backoff from client-go: a per-key delay that starts at `initialMs`, doubles on every `next()` up to
 * `maxMs`, and is forgotten once nothing happened for twice the maximum. The kubelet uses one for image pulls and
 * one for container restarts, both 10 s doubling to 300 s.
 */
export class Backoff {
  private readonly entries = new Map<string, { backoffMs: number; lastUpdateMs: number }>();

  constructor(
    readonly initialMs: number,
    readonly maxMs: number,
  ) {}

  /** Backoff.Next: records an event at `eventMs` and grows the delay. */
  next(id: string, eventMs: number): void {
    const entry = this.entries.get(id);
    if (!entry || this.hasExpired(eventMs, entry.lastUpdateMs)) {
      this.entries.set(id, { backoffMs: this.initialMs, lastUpdateMs: eventMs });
      return;
    }
    entry.backoffMs = Math.min(entry.backoffMs * 2, this.maxMs);
    entry.lastUpdateMs = eventMs;
  }

  /** Backoff.Get: the current delay, 0 when the key is unknown. */
  get(id: string): number {
    return this.entries.get(id)?.backoffMs ?? 0;
  }

  /** Backoff.IsInBackOffSince: less than the current delay has passed since `eventMs`. */
  isInBackOffSince(id: string, eventMs: number, nowMs: number): boolean {
    const entry = this.entries.get(id);
    if (!entry || this.hasExpired(eventMs, entry.lastUpdateMs)) return false;
    return nowMs - eventMs < entry.backoffMs;
  }

  /** Backoff.IsInBackOffSinceUpdate: less than the current delay has passed since the last `next()`. */
  isInBackOffSinceUpdate(id: string, nowMs: number): boolean {
    if (this.entries.size === 0) return false; // nothing failed yet: no need to hash the key
    const entry = this.entries.get(id);
    if (!entry || this.hasExpired(nowMs, entry.lastUpdateMs)) return false;
    return nowMs - entry.lastUpdateMs < entry.backoffMs;
  }

  /** Backoff.Reset */
  reset(id: string): void {
    this.entries.delete(id);
  }

  private hasExpired(eventMs: number, lastUpdateMs: number): boolean {
    return eventMs - lastUpdateMs > 2 * this.maxMs;
  }
}

/** wait.Jitter: `ms` plus up to `factor` times `ms`, drawn from `random` (a float in [0, 1)). */
export function jitter(ms: number, factor: number, random: number): number {
  return Math.round(ms + random * factor * ms);
}

/** Go's time.Duration String for a whole number of milliseconds: "512ms", "4.078s", "1m20s", "5m0s". */
export function goDuration(ms: number): string {
  const total = Math.round(ms);
  if (total === 0) return '0s';
  if (total < 1000) return `${total}ms`;
  const hours = Math.floor(total / 3_600_000);
  const minutes = Math.floor((total % 3_600_000) / 60_000);
  const seconds = ((total % 60_000) / 1000).toFixed(3).replace(/\.?0+$/, '');
  return `${hours > 0 ? `${hours}h` : ''}${hours > 0 || minutes > 0 ? `${minutes}m` : ''}${seconds}s`;
}
