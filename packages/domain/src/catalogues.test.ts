import { describe, expect, it } from "vitest";
import { CURRENCIES } from "./catalogues/currencies";
import { GCM_OBJECTIVES } from "./catalogues/gcm-objectives";
import { GCM_PRINCIPLES } from "./catalogues/gcm-principles";
import { ORGANISATION_TYPES } from "./catalogues/organisation-types";
import { SDG_GOALS } from "./catalogues/sdg-goals";
import { SDG_TARGETS } from "./catalogues/sdg-targets";
import { budgetInputSchema, budgetSchema, isCurrencyCode } from "./schemas";

describe("shipped catalogues", () => {
  it("lists the 23 GCM objectives in order, each with a title and a short label", () => {
    expect(GCM_OBJECTIVES.map((o) => o.number)).toEqual(
      Array.from({ length: 23 }, (_, i) => i + 1),
    );
    for (const objective of GCM_OBJECTIVES) {
      expect(objective.title.length).toBeGreaterThan(20);
      expect(objective.short.length).toBeGreaterThan(2);
      expect(objective.paragraph).toBe(objective.number + 16);
    }
  });

  it("lists the 10 guiding principles with unique keys", () => {
    expect(GCM_PRINCIPLES).toHaveLength(10);
    expect(new Set(GCM_PRINCIPLES.map((p) => p.key)).size).toBe(10);
  });

  it("ties every SDG target to one of the 17 goals", () => {
    expect(SDG_GOALS).toHaveLength(17);
    const goals = new Set(SDG_GOALS.map((g) => g.number));
    for (const target of SDG_TARGETS) {
      expect(goals.has(target.goal)).toBe(true);
      expect(target.target.startsWith(`${target.goal}.`)).toBe(true);
    }
  });

  it("offers organisation types for UN agencies, government and civil society", () => {
    const groups = new Set(ORGANISATION_TYPES.map((t) => t.group));
    expect(groups.has("united-nations")).toBe(true);
    expect(groups.has("state")).toBe(true);
    expect(ORGANISATION_TYPES.length).toBeGreaterThan(5);
  });
});

describe("currencies", () => {
  it("lists the ISO 4217 codes in use, unique, and not withdrawn ones", () => {
    const codes = CURRENCIES.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of ["USD", "EUR", "GEL", "CHF", "JPY"]) expect(isCurrencyCode(code)).toBe(true);
    // the Estonian kroon was replaced by the euro
    expect(isCurrencyCode("EEK")).toBe(false);
  });

  it("takes a typed budget only with a known currency and an amount of zero or more", () => {
    const budget = { amount: 1000, currency: "EUR", source: "Core funds", secured: true };
    expect(budgetInputSchema.safeParse(budget).success).toBe(true);
    expect(budgetInputSchema.safeParse({ ...budget, currency: "EURO" }).success).toBe(false);
    expect(budgetInputSchema.safeParse({ ...budget, currency: "usd" }).success).toBe(false);
    expect(budgetInputSchema.safeParse({ ...budget, amount: -500 }).success).toBe(false);
    // a document written before keeps its budget when read
    expect(budgetSchema.safeParse({ ...budget, currency: "EURO" }).success).toBe(true);
  });
});
