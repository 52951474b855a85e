import { describe, expect, it } from "vitest";
import { catchUpAfterReconnect, subscribeServerEvent } from "./session";

describe("after the event stream reconnects", () => {
  it("has every network's warnings refetched, then everything listening for a reconnect", () => {
    const seen: unknown[] = [];
    const offs = [
      subscribeServerEvent("warnings-changed", (event) => seen.push(["warnings-changed", event])),
      subscribeServerEvent("reconnected", (event) => seen.push(["reconnected", event])),
      subscribeServerEvent("comments-changed", (event) => seen.push(["comments-changed", event])),
    ];
    catchUpAfterReconnect(["n1", "n2"]);
    for (const off of offs) off();
    expect(seen).toEqual([
      ["warnings-changed", { networkId: "n1", workplanIds: [] }],
      ["warnings-changed", { networkId: "n2", workplanIds: [] }],
      ["reconnected", { networkIds: ["n1", "n2"] }],
    ]);
  });

  it("stops telling a listener once it unsubscribed", () => {
    let calls = 0;
    const off = subscribeServerEvent("reconnected", () => calls++);
    catchUpAfterReconnect([]);
    off();
    catchUpAfterReconnect([]);
    expect(calls).toBe(1);
  });
});
