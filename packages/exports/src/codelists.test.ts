import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GENERATED_FILE, readCodelist, renderCodelists } from "../scripts/codelists";

describe("IATI codelists", () => {
  it("are generated from the shipped XML files (run the codelists script after updating one)", () => {
    expect(readFileSync(GENERATED_FILE, "utf8")).toBe(renderCodelists());
  });

  it("keep active codes only", () => {
    const xml = `<codelist><codelist-items>
      <codelist-item><code>A</code><name><narrative>Active</narrative><narrative xml:lang="fr">Actif</narrative></name></codelist-item>
      <codelist-item status="withdrawn"><code>W</code><name><narrative>Gone</narrative></name></codelist-item>
    </codelist-items></codelist>`;
    expect(readCodelist(xml)).toEqual({ A: "Active" });
  });
});
