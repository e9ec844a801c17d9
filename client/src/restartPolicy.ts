/** Allows at most `limit` restarts of the language server within a sliding window. */
export class BoundedRestart {
  private readonly times: number[] = [];

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  allow(): boolean {
    const t = this.now();
    while (this.times.length && t - this.times[0] > this.windowMs) this.times.shift();
    if (this.times.length >= this.limit) return false;
    this.times.push(t);
    return true;
  }
}
