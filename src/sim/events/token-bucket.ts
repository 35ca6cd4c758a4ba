/**
 * flowcontrol.NewTokenBucketRateLimiterWithClock's TryAccept (golang.org/x/time/rate underneath): starts full with
 * `burst` tokens, refills continuously at `qps`, and a call takes one token when there is one.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly qps: number,
    private readonly burst: number,
    nowMs: number,
  ) {
    this.tokens = burst;
    this.last = nowMs;
  }

  /** Makes the bucket as a new one would be: full, as of `nowMs`. */
  refill(nowMs: number): void {
    this.tokens = this.burst;
    this.last = nowMs;
  }

  tryAccept(nowMs: number): boolean {
    if (nowMs > this.last) {
      this.tokens = Math.min(this.burst, this.tokens + ((nowMs - this.last) / 1000) * this.qps);
      this.last = nowMs;
    }
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
