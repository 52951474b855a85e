import { describe, expect, it } from "vitest";
import { formatMonth, parseAmount, parseCurrency } from "./activity-fields";

describe("activity fields as people type them", () => {
  it("writes months the way people read them", () => {
    expect(formatMonth("2022-03")).toBe("Mar 2022");
    expect(formatMonth("2022-13")).toBe("");
  });

  it("takes an amount of zero or more, with thousands separators, and says what is wrong", () => {
    expect(parseAmount("25000")).toEqual({ ok: true, value: 25000 });
    expect(parseAmount("25,000")).toEqual({ ok: true, value: 25000 });
    expect(parseAmount("1 500,50")).toEqual({ ok: true, value: 1500.5 });
    expect(parseAmount(" ")).toEqual({ ok: true, value: null });
    expect(parseAmount("-500")).toEqual({ ok: false, message: "The amount cannot be negative." });
    expect(parseAmount("ten thousand")).toMatchObject({ ok: false });
    expect(parseAmount("1e400")).toMatchObject({ ok: false });
  });

  it("takes ISO 4217 currency codes in any case and refuses anything else", () => {
    expect(parseCurrency("eur")).toEqual({ ok: true, value: "EUR" });
    expect(parseCurrency("GEL")).toEqual({ ok: true, value: "GEL" });
    expect(parseCurrency("dollars")).toMatchObject({ ok: false });
    expect(parseCurrency("")).toMatchObject({ ok: false });
  });
});
