import { describe, expect, it } from "vitest";
import { newPasswordProblem } from "./new-password";

describe("newPasswordProblem", () => {
  it("asks for 15 characters, counting an emoji or an accented letter as one", () => {
    expect(newPasswordProblem("short one", "short one")).toMatch(/at least 15 characters/);
    expect(
      newPasswordProblem("🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑", "🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑"),
    ).toMatch(/at least 15/);
    expect(newPasswordProblem("ééééé ééééé éééé", "ééééé ééééé éééé")).toBeNull();
  });

  it("says when the repeated password differs", () => {
    expect(newPasswordProblem("seven orange kites over", "seven orange kites 0ver")).toBe(
      "The two passwords do not match.",
    );
  });

  it("leaves everything else to the server", () => {
    expect(newPasswordProblem("seven orange kites over", "seven orange kites over")).toBeNull();
  });
});
