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
});
