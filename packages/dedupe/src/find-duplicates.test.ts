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

describe("work of one sort that differs", () => {
  const place = {
    gcmObjectives: [15],
    locations: ["Riverton"],
    targetGroups: ["migrant workers"],
    start: "2027-01",
    end: "2027-12",
    budget: 200000,
  };
  const hivTesting = {
    id: "H1",
    title: "HIV testing and treatment for migrant workers at city markets",
    description:
      "Voluntary HIV testing, antiretroviral therapy and peer support for migrant workers at the markets.",
    lead: "Riverton AIDS Centre",
    ...place,
  };

  it("keeps an HIV activity and a tuberculosis activity in one place apart", () => {
    const tuberculosis = {
      id: "H2",
      title: "Tuberculosis screening among migrant workers at city markets",
      description:
        "Mobile X-ray screening for tuberculosis, referral to treatment and follow-up until the course is completed.",
      lead: "IOM",
      ...place,
      budget: 300000,
    };
    expect(findDuplicates({ activities: [hivTesting, tuberculosis] })).toEqual([]);
    const index = createDedupeIndex();
    index.upsert(hivTesting);
    index.upsert(tuberculosis);
    expect(index.explain("H1", "H2")?.reasons).toContain(
      "different health subjects: HIV vs tuberculosis",
    );
  });

  it("still flags two HIV activities in one place", () => {
    const reworded = {
      id: "H3",
      title: "Voluntary HIV testing and ART for migrant workers at markets",
      description: "Testing at the markets, free antiretroviral treatment and peer navigators.",
      lead: "IOM",
      ...place,
    };
    expect(findDuplicates({ activities: [hivTesting, reworded] })).toHaveLength(1);
  });

  it("keeps a survey module and a migration profile of one country apart", () => {
    const data = {
      gcmObjectives: [1],
      locations: ["Nationwide"],
      targetGroups: ["policy makers"],
      start: "2027-01",
      end: "2027-12",
      budget: 120000,
    };
    const index = createDedupeIndex();
    index.upsert({
      id: "D1",
      title: "Migration module in the national labour force survey 2027",
      description:
        "Questions on work abroad, return and remittances added to the quarterly labour force survey.",
      lead: "National Statistics Office",
      ...data,
    });
    index.upsert({
      id: "D2",
      title: "Update of the national migration profile 2027",
      description:
        "Compilation of the available administrative and survey data on migration into the national migration profile.",
      lead: "IOM",
      ...data,
    });
    const assessment = index.explain("D1", "D2");
    expect(assessment?.isDuplicate).toBe(false);
    expect(assessment?.reasons).toContain(
      "different kinds of data work: a survey or survey module vs a migration profile",
    );
  });

  it("reads Russian legal consultations as the legal aid an English title names", () => {
    const index = createDedupeIndex();
    index.upsert({
      id: "R1",
      title: "Правовые консультации трудовым мигрантам",
      lead: "ILO",
      ...place,
    });
    index.upsert({ id: "R2", title: "Free legal aid for migrant workers", lead: "IOM", ...place });
    expect(index.explain("R1", "R2")?.signals.sharedWork).toContain("legal-aid");
  });

  it("keeps recruitment for one destination country apart from recruitment for another", () => {
    const recruitment = {
      gcmObjectives: [6],
      locations: ["Riverton"],
      targetGroups: ["seasonal agricultural workers"],
      start: "2027-01",
      end: "2027-12",
      budget: 200000,
    };
    const index = createDedupeIndex();
    index.upsert({
      id: "C1",
      title: "Fair recruitment of seasonal agricultural workers for Canada",
      description:
        "Fee-free pre-selection and pre-departure orientation of workers going to Canada.",
      lead: "IOM",
      ...recruitment,
    });
    index.upsert({
      id: "C2",
      title: "Fair recruitment of seasonal agricultural workers with H-2A visas",
      description: "Fee-free pre-selection of workers placed with employers in the US.",
      lead: "ILO",
      ...recruitment,
    });
    const assessment = index.explain("C1", "C2");
    expect(assessment?.signals.corridorDiffers).toBe(true);
    expect(assessment?.reasons).toContain("other countries named: Canada vs United States");
  });
});
