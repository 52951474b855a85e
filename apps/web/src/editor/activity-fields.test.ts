import { describe, expect, it } from "vitest";
import { createTranslate } from "../i18n";
import en from "../i18n/locales/en/editor.json";
import fr from "../i18n/locales/fr/editor.json";
import { parseAmount, parseCurrency } from "./activity-fields";

const t = createTranslate("en", "editor", en);

describe("activity fields as people type them", () => {
  it("takes an amount of zero or more, with thousands separators, and says what is wrong", () => {
    expect(parseAmount("25000", t)).toEqual({ ok: true, value: 25000 });
    expect(parseAmount("25,000", t)).toEqual({ ok: true, value: 25000 });
    expect(parseAmount("1 500,50", t)).toEqual({ ok: true, value: 1500.5 });
    expect(parseAmount(" ", t)).toEqual({ ok: true, value: null });
    expect(parseAmount("-500", t)).toEqual({
      ok: false,
      message: "The amount cannot be negative.",
    });
    expect(parseAmount("ten thousand", t)).toMatchObject({ ok: false });
    expect(parseAmount("1e400", t)).toMatchObject({ ok: false });
  });

  it("says what is wrong in the reader's language", () => {
    const french = createTranslate("fr", "editor", fr);
    expect(parseAmount("-500", french)).toEqual({
      ok: false,
      message: "Le montant ne peut pas être négatif.",
    });
  });

  it("takes ISO 4217 currency codes in any case and refuses anything else", () => {
    expect(parseCurrency("eur", t)).toEqual({ ok: true, value: "EUR" });
    expect(parseCurrency("GEL", t)).toEqual({ ok: true, value: "GEL" });
    expect(parseCurrency("dollars", t)).toMatchObject({ ok: false });
    expect(parseCurrency("", t)).toMatchObject({ ok: false });
  });
});
