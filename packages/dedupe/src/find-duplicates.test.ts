import { describe, expect, it } from "vitest";
import { createDedupeIndex } from "./dedupe-index";
import { findDuplicates } from "./find-duplicates";
import { FITTED_MODEL } from "./fitted-model";
import { borderTraining, rewordedBorderTraining } from "./test/fixtures";

describe("judging a pair", () => {
  it("flags the same training planned by two organisations in other words", () => {
    const a = borderTraining();
    const b = rewordedBorderTraining();
    const pairs = findDuplicates({ activities: [a, b] });
    expect(pairs).toHaveLength(1);
    expect(pairs[0]?.a).toBe(a.id);
    expect(pairs[0]?.b).toBe(b.id);
    expect(pairs[0]?.score).toBeGreaterThan(0.5);
    expect(pairs[0]?.score).toBeLessThanOrEqual(1);
  });

  it("gives reasons a person can check, never a bare number", () => {
    const [pair] = findDuplicates({ activities: [borderTraining(), rewordedBorderTraining()] });
    const reasons = pair?.reasons ?? [];
    expect(reasons[0]).toMatch(/^both plan training on .*human trafficking/);
    expect(reasons).toContain("periods overlap: Mar-Sep 2024");
    expect(reasons).toContain("different lead organisations: IOM and OSCE");
    expect(reasons.some((reason) => reason.startsWith("same place: Riverton"))).toBe(true);
    for (const reason of reasons) expect(reason).toMatch(/[a-z]{3,}/);
  });

  it("never flags an organisation repeating its own activity", () => {
    const pairs = findDuplicates({
      activities: [
        borderTraining(),
        rewordedBorderTraining({ lead: "International Organization for Migration" }),
      ],
    });
    expect(pairs).toEqual([]);
  });

  it("stays quiet when the same work happens in other places", () => {
    const pairs = findDuplicates({
      activities: [
        borderTraining(),
        rewordedBorderTraining({ locations: ["Eastport airport", "Southbridge crossing point"] }),
      ],
    });
    expect(pairs).toEqual([]);
  });

  it("flags a French title beside an English one for the same work", () => {
    const pairs = findDuplicates({
      activities: [
        borderTraining(),
        rewordedBorderTraining({
          title:
            "Formation des agents de la police des frontières à l'identification des victimes de la traite",
        }),
      ],
    });
    expect(pairs).toHaveLength(1);
  });

  it("stays quiet when one trains officials and the other serves children on the same topic", () => {
    const pairs = findDuplicates({
      activities: [
        borderTraining({
          title: "Training for prosecutors and judges on human trafficking cases",
          targetGroups: ["prosecutors", "judges"],
          locations: ["Riverton"],
        }),
        rewordedBorderTraining({
          title: "Workshops on human trafficking risks for school children",
          description: "Workshops in schools so that children recognise trafficking risks.",
          targetGroups: ["children"],
          locations: ["Riverton"],
        }),
      ],
    });
    expect(pairs).toEqual([]);
  });

  it("stays quiet when the periods do not overlap", () => {
    const pairs = findDuplicates({
      activities: [borderTraining(), rewordedBorderTraining({ start: "2025-02", end: "2025-08" })],
    });
    expect(pairs).toEqual([]);
  });

  it("stays quiet when the same topic serves another target group", () => {
    const legalAid = {
      title: "Legal aid for migrants",
      description: "Lawyers give free legal advice and represent clients in the capital.",
      gcmObjectives: [7],
      locations: ["Capital City"],
      start: "2024-01",
      end: "2024-12",
    };
    const pairs = findDuplicates({
      activities: [
        { id: "L1", lead: "Legal Clinic", targetGroups: ["labour migrants"], ...legalAid },
        { id: "L2", lead: "UNHCR", targetGroups: ["asylum seekers", "refugees"], ...legalAid },
      ],
    });
    expect(pairs).toEqual([]);
  });

  it("still judges entries with an empty description and no objectives", () => {
    const pairs = findDuplicates({
      activities: [
        borderTraining({ description: "", gcmObjectives: [] }),
        rewordedBorderTraining({ description: null, gcmObjectives: null, budget: null }),
      ],
    });
    expect(pairs).toHaveLength(1);
  });

  it("matches a French title against an English one", () => {
    const pairs = findDuplicates({
      activities: [
        borderTraining(),
        rewordedBorderTraining({
          title: "Formation des gardes-frontières à l'identification des victimes de la traite",
          description: "",
        }),
      ],
    });
    expect(pairs).toHaveLength(1);
  });

  it("lists no pair for unrelated work", () => {
    const pairs = findDuplicates({
      activities: [
        borderTraining(),
        {
          id: "Z1",
          title: "Diaspora investment forum",
          description:
            "Two-day forum for entrepreneurs living abroad to present investment projects.",
          lead: "Ministry of Foreign Affairs",
          locations: ["Capital City"],
          start: "2024-09",
          end: "2024-09",
        },
      ],
    });
    expect(pairs).toEqual([]);
  });
});

describe("activities with no lead yet", () => {
  it("never flags two activities that both lack a lead, whatever they say", () => {
    for (const missing of [null, "", "TBD", "—", "n/a"]) {
      const pairs = findDuplicates({
        activities: [
          borderTraining({ id: "A", lead: missing }),
          borderTraining({ id: "B", lead: missing }),
        ],
      });
      expect(pairs).toEqual([]);
    }
  });

  it("flags one without a lead against one with a lead on strong evidence, saying the lead is not set", () => {
    const pairs = findDuplicates({
      activities: [borderTraining({ id: "A", lead: null }), borderTraining({ id: "B" })],
    });
    expect(pairs).toHaveLength(1);
    const reasons = pairs[0]?.reasons.join(" | ") ?? "";
    expect(reasons).toMatch(/lead not set/);
    expect(reasons).not.toMatch(/different lead/);
  });

  it("asks more of a pair when one lead is missing than when both are set", () => {
    const led = [borderTraining({ id: "A" }), rewordedBorderTraining({ id: "B", lead: "UNODC" })];
    const unled = [borderTraining({ id: "A" }), rewordedBorderTraining({ id: "B", lead: null })];
    const index = createDedupeIndex();
    for (const activity of led) index.upsert(activity);
    const score = index.explain("A", "B")?.score ?? 0;
    // a bar between the two thresholds: enough with two leads, not with one
    const model = { ...FITTED_MODEL, threshold: score - 0.01, strongThreshold: score + 0.01 };
    expect(findDuplicates({ activities: led, model })).toHaveLength(1);
    expect(findDuplicates({ activities: unled, model })).toEqual([]);
  });
});

describe("places at country level", () => {
  it("never flags the same work planned in two different countries", () => {
    for (const [a, b] of [
      [["Kyrgyzstan"], ["Tajikistan"]],
      [["Moyale, Ethiopia"], ["Moyale, Kenya"]],
      [["Кыргызстан"], ["Tajikistan"]],
    ] as const) {
      const pairs = findDuplicates({
        activities: [
          borderTraining({ id: "A", locations: [...a] }),
          borderTraining({ id: "B", lead: "UNODC", locations: [...b] }),
        ],
      });
      expect(pairs).toEqual([]);
    }
  });

  it("still flags it when the country is written in two languages", () => {
    const pairs = findDuplicates({
      activities: [
        borderTraining({ id: "A", locations: ["Kyrgyzstan"] }),
        borderTraining({ id: "B", lead: "UNODC", locations: ["Кыргызстан"] }),
      ],
    });
    expect(pairs).toHaveLength(1);
  });
});

describe("terse rows against prose", () => {
  it("says when one activity's acronym is spelled out in the other", () => {
    const pairs = findDuplicates({
      activities: [
        borderTraining({
          id: "A",
          title: "VoT ID trg – border police",
          description: "ToT + trainings, VoT indicators, SOPs",
        }),
        borderTraining({ id: "B", lead: "UNODC" }),
      ],
    });
    expect(pairs).toHaveLength(1);
    expect(pairs[0]?.reasons.join(" | ")).toMatch(/"SOPS?" in one is spelled out/);
  });
});
