import { SDG_GOALS, SDG_TARGETS } from "@junction/domain";
import { describe, expect, it } from "vitest";
import { SDG_GROUPS } from "./activity-form";

describe("the SDG picker", () => {
  it("offers every migration-related target of the catalogue, each under its own goal", () => {
    const offered = SDG_GROUPS.flatMap((group) =>
      group.options.map((option) => ({ group: group.label, target: option.value })),
    );
    expect(offered.map((o) => o.target).sort()).toEqual(SDG_TARGETS.map((t) => t.target).sort());
    for (const { group, target } of offered) {
      const goal = SDG_GOALS.find((g) => g.number === Number(target.split(".")[0]));
      expect(group).toBe(`Goal ${goal?.number}: ${goal?.title}`);
    }
  });
});
