import { describe, expect, it } from "vitest";
import { parseDedupeInput } from "./input";

describe("dedupe input", () => {
  it("takes a budget as an amount or as the activity index's budget object", () => {
    const parsed = parseDedupeInput({
      activities: [
        { id: "a", title: "Survey", budget: 12000 },
        {
          id: "b",
          title: "Survey",
          budget: { amount: 9000, currency: "USD", source: "", secured: true },
        },
        {
          id: "c",
          title: "Survey",
          budget: { amount: null, currency: "USD", source: "", secured: false },
        },
      ],
    });
    expect(parsed.ok && parsed.input.activities.map((a) => a.budget)).toEqual([12000, 9000, null]);
  });

  it("says in one line what is wrong with bad input", () => {
    const parsed = parseDedupeInput({ activities: [{ id: "", title: 3, budget: "lots" }] });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.message).not.toContain("\n");
      expect(parsed.message).toMatch(/activities\.0\./);
    }
  });
});
