import { describe, expect, it } from "vitest";
import { asBudget, asIndicators, asObjectiveList, asStatus, formatMonth } from "./activity-fields";

describe("reading activity attributes", () => {
  it("keeps GCM objectives 1 to 23, once each, in order", () => {
    expect(asObjectiveList([23, "5", 5, 0, 24, "x", 1.5])).toEqual([5, 23]);
    expect(asObjectiveList(null)).toEqual([]);
  });

  it("falls back to planned for an unknown status", () => {
    expect(asStatus("ongoing")).toBe("ongoing");
    expect(asStatus("done")).toBe("planned");
  });

  it("drops malformed budgets and indicators instead of failing", () => {
    expect(asBudget({ amount: 10, currency: "USD", source: "", secured: true })).toEqual({
      amount: 10,
      currency: "USD",
      source: "",
      secured: true,
    });
    expect(asBudget({ amount: "ten" })).toBeNull();
    expect(
      asIndicators([{ name: "a", baseline: "0", target: "1", meansOfVerification: "" }, 3]),
    ).toHaveLength(1);
  });

  it("writes months the way people read them", () => {
    expect(formatMonth("2022-03")).toBe("Mar 2022");
    expect(formatMonth("2022-13")).toBe("");
  });
});
