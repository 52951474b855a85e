import { describe, expect, it } from "vitest";
import {
  ApiError,
  describeError,
  formatRetryMessage,
  NETWORK_ERROR_MESSAGE,
  parseRetryAfter,
} from "./errors";

describe("formatRetryMessage", () => {
  it("tells a locked-out user how many minutes to wait, rounding up", () => {
    expect(formatRetryMessage(600)).toBe("Too many attempts, try again in 10 minutes.");
    expect(formatRetryMessage(61)).toBe("Too many attempts, try again in 2 minutes.");
  });

  it("never says zero minutes", () => {
    expect(formatRetryMessage(5)).toBe("Too many attempts, try again in 1 minute.");
  });

  it("stays helpful when the server gave no delay", () => {
    expect(formatRetryMessage(null)).toBe("Too many attempts, try again in a few minutes.");
  });
});

describe("parseRetryAfter", () => {
  it("reads seconds", () => {
    expect(parseRetryAfter("120")).toBe(120);
  });

  it("reads an HTTP date relative to now", () => {
    const now = Date.parse("2025-01-01T10:00:00Z");
    expect(parseRetryAfter("Wed, 01 Jan 2025 10:05:00 GMT", now)).toBe(300);
  });

  it("ignores a missing or unreadable header", () => {
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter("soon")).toBeNull();
  });
});

describe("describeError", () => {
  it("shows the server's own message", () => {
    const error = new ApiError(
      409,
      "last_coordinator",
      "A network needs at least one coordinator.",
    );
    expect(describeError(error)).toBe("A network needs at least one coordinator.");
  });

  it("turns a rate limit into a wait time", () => {
    const error = new ApiError(429, "rate_limited", "Too many requests", {
      retryAfterSeconds: 900,
    });
    expect(describeError(error)).toBe("Too many attempts, try again in 15 minutes.");
  });

  it("explains a failed connection in plain words", () => {
    expect(describeError(new TypeError("Failed to fetch"))).toBe(NETWORK_ERROR_MESSAGE);
  });
});
