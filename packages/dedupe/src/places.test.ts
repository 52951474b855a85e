import { describe, expect, it } from "vitest";
import { parsePlaces, placeTextFor, relatePlaces } from "./places";

const textOf = (text: string) => ` ${placeTextFor(text)} `;

describe("relating places", () => {
  it("matches two spellings of one long place name", () => {
    const relation = relatePlaces(parsePlaces(["Westmarch Province"]), parsePlaces(["Westmarsh"]));
    expect(relation.kind).toBe("same-name");
  });

  it("keeps short names that differ by a letter apart", () => {
    expect(relatePlaces(parsePlaces(["Osta"]), parsePlaces(["Asta"])).kind).toBe("different");
  });

  it("counts a town the other activity names in its description", () => {
    const relation = relatePlaces(parsePlaces(["Millbrook"]), parsePlaces(["Upper Vale"]), {
      a: textOf("Shelter in Millbrook"),
      b: textOf("Focus groups in Millbrook and Eastholm on the risks women face"),
    });
    expect(relation).toEqual({ kind: "mentioned", place: "Millbrook", other: "Upper Vale" });
  });

  it("does not let an airport hold a place its description names", () => {
    const relation = relatePlaces(
      parsePlaces(["Riverton airport"]),
      parsePlaces(["Eastport airport"]),
      { a: textOf("Training at Riverton"), b: textOf("As already done at Riverton airport") },
    );
    expect(relation.kind).toBe("different");
  });

  it("reads a capital named after its country as one town in any language", () => {
    expect(relatePlaces(parsePlaces(["Ciudad de Panamá"]), parsePlaces(["Panama City"])).kind).toBe(
      "same",
    );
    expect(relatePlaces(parsePlaces(["Ville de Koweït"]), parsePlaces(["Kuwait City"])).kind).toBe(
      "same",
    );
    expect(relatePlaces(parsePlaces(["город Кувейт"]), parsePlaces(["Kuwait City"])).kind).toBe(
      "same",
    );
  });
});
