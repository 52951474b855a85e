import { describe, expect, it } from "vitest";
import { analyseText, gramsOf } from "./text";

const conceptsOf = (text: string) => [...analyseText(text).concepts.keys()];

describe("reading a text field", () => {
  it("lets a phrase claim its words: legal counselling is legal aid, not also counselling", () => {
    expect(conceptsOf("Legal counselling on regularisation")).toEqual([
      "legal-aid",
      "regularisation",
    ]);
  });

  it("settles a stem two words share by the word as written", () => {
    expect(conceptsOf("talleres para estudiantes")).toEqual(["training", "youth"]);
    expect(conceptsOf("estudio sobre remesas")).toContain("assessment");
  });

  it("finds the same concepts in a Spanish title and its English rewording", () => {
    const spanish = conceptsOf("Orientación legal para la regularización de personas venezolanas");
    const english = conceptsOf("Legal counselling on regularisation for Venezuelan migrants");
    expect(spanish).toEqual(expect.arrayContaining(["legal-aid", "regularisation"]));
    expect(english).toEqual(expect.arrayContaining(["legal-aid", "regularisation"]));
  });

  it("reads a Russian title into the same concepts as its English wording", () => {
    expect(conceptsOf("Тренинг для пограничников по выявлению жертв торговли людьми")).toEqual(
      expect.arrayContaining(["training", "trafficking", "identification", "victims"]),
    );
    expect(analyseText("Скрининг на туберкулёз").language).toBe("ru");
  });

  it("points trafficking words of every official language to the same GCM objective", () => {
    for (const title of [
      "Victims of trafficking in persons",
      "Lutte contre la traite des personnes",
      "Prevención de la trata de personas",
      "Противодействие торговле людьми",
    ])
      expect([...analyseText(title).topics.keys()]).toContain("gcm:10");
  });

  it("tells a short Spanish title from English by its word endings", () => {
    expect(analyseText("Vacunación migrantes").language).toBe("es");
  });

  it("tells a Romanian title by the letters only Romanian writes", () => {
    const title = analyseText("Integrarea refugiaților: cursuri de limba română la Chișinău");
    expect(title.language).toBe("ro");
    expect(title.isLanguageKnown).toBe(true);
  });
});

describe("sounds of words across languages", () => {
  it("lets vaccination, vacunación and вакцинация share most of their character n-grams", () => {
    const english = new Set(gramsOf("vaccination"));
    const shared = (word: string) => gramsOf(word).filter((gram) => english.has(gram)).length;
    expect(shared("vacunación")).toBeGreaterThan(shared("registration"));
    expect(shared("вакцинация")).toBeGreaterThan(shared("registration") + 3);
  });
});
