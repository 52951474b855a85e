import { SDG_GOALS, SDG_TARGETS } from "@junction/domain";
import { describe, expect, it } from "vitest";
import { createTranslate } from "../i18n";
import english from "../i18n/locales/en/editor.json";
import french from "../i18n/locales/fr/editor.json";
import { sdgGroups } from "./activity-form";

describe("the SDG picker", () => {
  it("offers every migration-related target of the catalogue, each under its own goal", () => {
    const offered = sdgGroups(createTranslate("en", "editor", english)).flatMap((group) =>
      group.options.map((option) => ({ group: group.label, target: option.value })),
    );
    expect(offered.map((o) => o.target).sort()).toEqual(SDG_TARGETS.map((t) => t.target).sort());
    for (const { group, target } of offered) {
      const goal = SDG_GOALS.find((g) => g.number === Number(target.split(".")[0]));
      expect(group).toBe(`Goal ${goal?.number}: ${goal?.title}`);
    }
  });

  it("names goals and targets in the interface language", () => {
    const [first] = sdgGroups(createTranslate("fr", "editor", french));
    expect(first?.label).toMatch(/^Objectif 1 : /);
    expect(first?.options[0]?.title).toMatch(/^Cible 1\.3 des ODD : /);
  });
});
