/** A token bucket: `ratePerSecond` sustained, up to `burst` at once. A rate of 0 means no limit. */
export type TokenBucket = {
  take(now: number): boolean;
  /** Milliseconds until one token is available. */
  waitMs(now: number): number;
};

export function createTokenBucket(ratePerSecond: number, burst: number): TokenBucket {
  if (ratePerSecond <= 0) return { take: () => true, waitMs: () => 0 };
  const capacity = Math.max(1, burst);
  let tokens = capacity;
  let updatedAt: number | null = null;
  const refill = (now: number): void => {
    if (updatedAt !== null) {
      tokens = Math.min(capacity, tokens + (Math.max(0, now - updatedAt) * ratePerSecond) / 1000);
    }
    updatedAt = now;
  };
  return {
    take(now) {
      refill(now);
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
    waitMs(now) {
      refill(now);
      return tokens >= 1 ? 0 : Math.ceil(((1 - tokens) * 1000) / ratePerSecond);
    },
  };
}
