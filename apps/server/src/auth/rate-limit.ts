/** A fixed-window failure counter per key (account or address); in memory, one process. */
export class FailureLimiter {
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #entries = new Map<string, { count: number; resetAt: number }>();

  constructor(options: { limit: number; windowMs: number }) {
    this.#limit = options.limit;
    this.#windowMs = options.windowMs;
  }

  /** Seconds until the key may try again, or 0 when it may try now. */
  retryAfter(key: string, now: number): number {
    const entry = this.#entries.get(key);
    if (!entry || entry.resetAt <= now) return 0;
    return entry.count >= this.#limit ? Math.ceil((entry.resetAt - now) / 1000) : 0;
  }

  fail(key: string, now: number): void {
    const entry = this.#entries.get(key);
    if (!entry || entry.resetAt <= now) {
      this.#entries.set(key, { count: 1, resetAt: now + this.#windowMs });
      this.#prune(now);
    } else {
      entry.count++;
    }
  }

  reset(key: string): void {
    this.#entries.delete(key);
  }

  #prune(now: number): void {
    if (this.#entries.size < 10_000) return;
    for (const [key, entry] of this.#entries) if (entry.resetAt <= now) this.#entries.delete(key);
  }
}
