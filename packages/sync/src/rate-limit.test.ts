import { describe, expect, it } from "vitest";
import { createTokenBucket } from "./rate-limit";

describe("createTokenBucket", () => {
  it("allows a burst, then the sustained rate", () => {
    const bucket = createTokenBucket(10, 20);
    let allowed = 0;
    for (let i = 0; i < 30; i++) if (bucket.take(0)) allowed++;
    expect(allowed).toBe(20);
    expect(bucket.take(50)).toBe(false);
    expect(bucket.waitMs(50)).toBe(50);
    expect(bucket.take(100)).toBe(true);
  });

  it("never limits with a rate of 0", () => {
    const bucket = createTokenBucket(0, 0);
    for (let i = 0; i < 1000; i++) expect(bucket.take(0)).toBe(true);
  });
});
