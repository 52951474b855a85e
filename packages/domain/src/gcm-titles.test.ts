import { describe, expect, it } from "vitest";
import { GCM_OBJECTIVE_TITLES } from "./catalogues/gcm-objective-titles";
import { gcmObjectiveTitle } from "./gcm-titles";

describe("GCM objective titles in other languages", () => {
  it("holds all 23 titles in French, Spanish, Russian and Arabic", () => {
    for (const titles of Object.values(GCM_OBJECTIVE_TITLES)) {
      expect(Object.keys(titles).map(Number)).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
      expect(Object.values(titles).every((title) => title.trim() !== "")).toBe(true);
    }
  });

  it("answers a title in the reader's language, regional variants included", () => {
    expect(gcmObjectiveTitle(3, "fr-CA")).toBe(
      "Fournir dans les meilleurs délais des informations exactes à toutes les étapes de la migration",
    );
    expect(gcmObjectiveTitle(11, "es")).toBe(
      "Gestionar las fronteras de manera integrada, segura y coordinada",
    );
  });

  it("falls back to English for a language without translations, and to nothing past 23", () => {
    expect(gcmObjectiveTitle(3, "pt")).toBe(
      "Provide accurate and timely information at all stages of migration",
    );
    expect(gcmObjectiveTitle(24, "fr")).toBe("");
  });
});
