import { colorForUser } from "@junction/domain";
import { describe, expect, it } from "vitest";
import { awarenessUserOf, stampAwarenessState } from "./identity";

describe("identity", () => {
  it("gives each user one colour, the same in every process", () => {
    expect(colorForUser("user-1")).toBe(colorForUser("user-1"));
    expect(colorForUser("user-1")).toMatch(/^#[0-9a-f]{6}$/);
    const colors = new Set(Array.from({ length: 40 }, (_, i) => colorForUser(`user-${i}`)));
    expect(colors.size).toBeGreaterThan(6);
  });

  it("keeps a colour the server chose for the user", () => {
    expect(awarenessUserOf({ id: "u", name: "U", organisation: "O", color: "#123456" }).color).toBe(
      "#123456",
    );
  });

  it("overwrites whatever user a client claims and keeps the rest of its state", () => {
    const user = awarenessUserOf({ id: "u1", name: "Ana", organisation: "IOM" });
    expect(stampAwarenessState({ user: { id: "admin" }, cursor: 4 }, user)).toEqual({
      user,
      cursor: 4,
    });
    expect(stampAwarenessState(null, user)).toBeNull();
    expect(stampAwarenessState(42, user)).toBeUndefined();
    expect(stampAwarenessState(["a"], user)).toBeUndefined();
  });
});
