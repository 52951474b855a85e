import { describe, expect, it } from "vitest";
import { classifyTargetGroups, relateTargetGroups } from "./target-groups";

describe("relating target groups", () => {
  it("tells people trained to serve migrants from the people served", () => {
    const relation = relateTargetGroups(
      classifyTargetGroups(["fiscales", "jueces"]),
      classifyTargetGroups(["niños, niñas y adolescentes"]),
    );
    expect(relation.kind).toBe("audience");
  });

  it("still sees the same officials named in two languages", () => {
    const relation = relateTargetGroups(
      classifyTargetGroups(["agents de police des frontières"]),
      classifyTargetGroups(["border officials"]),
    );
    expect(relation).toEqual({ kind: "shared", groups: ["border-officials"] });
  });

  it("reads NNA as children, so returned NNA are the returned children of another entry", () => {
    const relation = relateTargetGroups(
      classifyTargetGroups(["NNA no acompañados retornados"]),
      classifyTargetGroups(["unaccompanied migrant children", "returned children"]),
    );
    expect(relation.kind).toBe("shared");
    expect(classifyTargetGroups(["unaccompanied migrant children"])).toEqual(
      new Set(["unaccompanied-separated-children"]),
    );
  });

  it("tells minors from adults in Russian", () => {
    const relation = relateTargetGroups(
      classifyTargetGroups(["несовершеннолетние"]),
      classifyTargetGroups(["adults"]),
    );
    expect(relation.kind).toBe("conflict");
  });
});
