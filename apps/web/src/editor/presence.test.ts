import { colorForUser } from "@junction/domain";
import { describe, expect, it } from "vitest";
import { initials, textColorOn } from "./presence";

function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (channels[0] ?? 0) + 0.7152 * (channels[1] ?? 0) + 0.0722 * (channels[2] ?? 0);
}

function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((m, n) => n - m);
  return ((x ?? 0) + 0.05) / ((y ?? 0) + 0.05);
}

describe("presence colours", () => {
  it("gives the same person the same colour every time", () => {
    expect(colorForUser("user-1")).toBe(colorForUser("user-1"));
    expect(colorForUser("user-1")).toMatch(/^#[0-9a-f]{6}$/);
  });

  it("writes names on every caret colour with at least 4.5:1 contrast", () => {
    const colours = new Set(Array.from({ length: 200 }, (_, i) => colorForUser(`user-${i}`)));
    for (const colour of colours) {
      expect(contrast(colour, textColorOn(colour))).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("shows two initials for a full name and one for a single name", () => {
    expect(initials("Eka Lomidze")).toBe("EL");
    expect(initials("Mariam Nino Chikovani")).toBe("MC");
    expect(initials("Levan")).toBe("L");
  });
});
