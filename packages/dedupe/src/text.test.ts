import { describe, expect, it } from "vitest";
import { analyseText } from "./text";

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

  it("reads spreadsheet abbreviations as the work they stand for", () => {
    expect(conceptsOf("TIP victim ID ToT")).toEqual(
      expect.arrayContaining(["trafficking", "training"]),
    );
    expect(conceptsOf("PDOT curriculum revision")).toContain("pre-departure");
  });

  it("tells a short Spanish title from English by its word endings", () => {
    expect(analyseText("Vacunación migrantes").language).toBe("es");
  });
});
