import { describe, expect, it } from "vitest";
import { GCM_PRINCIPLES } from "./gcm-principles";
import { gcmPrincipleLocales, gcmPrincipleTitle } from "./gcm-principles-i18n";

describe("guiding principles in the reader's language", () => {
  it("names a principle as the official French and Spanish texts do", () => {
    expect(gcmPrincipleTitle("people-centred", "fr")).toBe("Priorité à la dimension humaine");
    expect(gcmPrincipleTitle("child-sensitive", "es")).toBe("Perspectiva infantil");
  });

  it("has every principle in each language it ships", () => {
    expect(gcmPrincipleLocales()).toEqual(["fr", "es"]);
    for (const locale of gcmPrincipleLocales()) {
      for (const principle of GCM_PRINCIPLES) {
        expect(gcmPrincipleTitle(principle.key, locale)).not.toBe(principle.title);
      }
    }
  });

  it("falls back to the English name, and to the key when the principle is unknown", () => {
    expect(gcmPrincipleTitle("rule-of-law", "ru")).toBe("Rule of law and due process");
    expect(gcmPrincipleTitle("rule-of-law", "en")).toBe("Rule of law and due process");
    expect(gcmPrincipleTitle("no-such-principle", "fr")).toBe("no-such-principle");
  });
});
