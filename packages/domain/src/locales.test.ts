import { describe, expect, it } from "vitest";
import { localeDirection, negotiateLocale, parseAcceptLanguage } from "./locales";

describe("the interface language", () => {
  it("follows the most wanted supported language of a header", () => {
    expect(negotiateLocale(parseAcceptLanguage("de-DE,de;q=0.9,fr-CA;q=0.8,en;q=0.7"))).toBe("fr");
    expect(negotiateLocale(parseAcceptLanguage("en;q=0.2, ar-EG;q=0.9"))).toBe("ar");
  });

  it("falls back to English when nothing supported is asked for", () => {
    expect(negotiateLocale(parseAcceptLanguage("de, ja;q=0.5"))).toBe("en");
    expect(negotiateLocale(parseAcceptLanguage(undefined))).toBe("en");
    expect(negotiateLocale(parseAcceptLanguage("fr;q=0, *"))).toBe("en");
  });

  it("writes Arabic right to left", () => {
    expect(localeDirection("ar")).toBe("rtl");
    expect(localeDirection("ru")).toBe("ltr");
  });
});
