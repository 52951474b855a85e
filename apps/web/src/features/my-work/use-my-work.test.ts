import type { MyWork } from "@junction/domain";
import { afterEach, describe, expect, it, vi } from "vitest";

const EMPTY: MyWork = { activities: [], tasks: [], threads: [], warnings: [] };
const myWork = vi.fn(async () => EMPTY);
vi.mock("../../api/client", () => ({ api: { myWork }, onUnauthorized: () => {} }));

const { catchUpAfterReconnect } = await import("../../app/session");
const { subscribeMyWork } = await import("./use-my-work");

afterEach(() => {
  vi.useRealTimers();
  myWork.mockClear();
});

describe("My work", () => {
  it("refetches once the event stream comes back after a drop", async () => {
    vi.useFakeTimers();
    const off = subscribeMyWork(() => {});
    // no network's warnings to catch up on: the reconnect alone
    catchUpAfterReconnect([]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(myWork).toHaveBeenCalledTimes(1);
    // the warnings of both networks and the reconnect itself: still one request
    catchUpAfterReconnect(["n1", "n2"]);
    await vi.advanceTimersByTimeAsync(1000);
    off();
    expect(myWork).toHaveBeenCalledTimes(2);
  });

  it("fetches nothing after a reconnect once nobody shows it", async () => {
    vi.useFakeTimers();
    subscribeMyWork(() => {})();
    catchUpAfterReconnect(["n1"]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(myWork).not.toHaveBeenCalled();
  });
});
