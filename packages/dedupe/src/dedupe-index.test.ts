import { describe, expect, it } from "vitest";
import { createDedupeIndex } from "./dedupe-index";
import { findDuplicates } from "./find-duplicates";
import { borderTraining, rewordedBorderTraining } from "./test/fixtures";
import type { DedupeActivity } from "./types";

function network(): DedupeActivity[] {
  return [
    borderTraining({ id: "N1" }),
    rewordedBorderTraining({ id: "N2" }),
    borderTraining({ id: "N3", lead: "UNODC", locations: ["Eastport airport"], start: "2024-02" }),
    rewordedBorderTraining({ id: "N4", lead: "UNHCR", locations: ["Eastport airport"] }),
    {
      id: "N5",
      title: "Financial literacy for remittance-receiving families",
      description: "Training on budgeting and savings for women who manage remittances.",
      lead: "UN Women",
      gcmObjectives: [20],
      locations: ["Hill Province"],
      start: "2024-03",
      end: "2024-10",
    },
    {
      id: "N6",
      title: "Financial education for migrant workers' families",
      description:
        "Budgeting, saving and choosing a money transfer channel for families of migrants.",
      lead: "ILO",
      gcmObjectives: [20],
      locations: ["Hill Province"],
      start: "2024-05",
      end: "2024-12",
    },
  ];
}

describe("incremental index", () => {
  it("gives the same pairs as a one-shot run", () => {
    const index = createDedupeIndex();
    for (const activity of network()) index.upsert(activity);
    expect(index.allPairs()).toEqual(findDuplicates({ activities: network() }));
    expect(index.allPairs().length).toBeGreaterThan(0);
  });

  it("after an edit and a removal, agrees with a fresh run on the new network", () => {
    const index = createDedupeIndex();
    for (const activity of network()) index.upsert(activity);
    const edited = {
      ...borderTraining({ id: "N2" }),
      lead: "OSCE",
      start: "2026-01",
      end: "2026-06",
    };
    index.upsert(edited);
    index.remove("N6");
    const current = network()
      .filter((activity) => activity.id !== "N6")
      .map((activity) => (activity.id === "N2" ? edited : activity));
    const fresh = findDuplicates({ activities: current });
    expect(index.allPairs()).toEqual(fresh);
    expect(index.pairsFor("N2")).toEqual(
      fresh.filter((pair) => pair.a === "N2" || pair.b === "N2"),
    );
    expect(index.pairsFor("N6")).toEqual([]);
  });

  it("re-scores one activity against its candidates only", () => {
    const index = createDedupeIndex();
    const filler = Array.from({ length: 150 }, (_, n) => ({
      id: `F${n}`,
      title: `Community training session number ${n} in district ${n}`,
      lead: `Local Organisation ${n}`,
    }));
    for (const activity of [...network(), ...filler]) index.upsert(activity);
    expect(index.candidatesOf("N1")).toContain("N2");
    expect(index.candidatesOf("N1").length).toBeLessThan(20);
  });
});

describe("learning from the network's decisions", () => {
  const twoLookAlikes = () => [
    borderTraining({ id: "A1" }),
    rewordedBorderTraining({ id: "B1" }),
    borderTraining({ id: "A2", locations: ["Eastport airport"], lead: "UNODC" }),
    rewordedBorderTraining({
      id: "B2",
      locations: ["Eastport airport"],
      lead: "OSCE",
      description: "",
      partners: [],
      budget: null,
    }),
  ];

  it("keeps warning on a similar pair after one 'not a duplicate', with a lower score", () => {
    const index = createDedupeIndex();
    for (const activity of twoLookAlikes()) index.upsert(activity);
    const before = index.explain("A2", "B2")?.score ?? 0;
    expect(index.allPairs().map((pair) => `${pair.a}-${pair.b}`)).toContain("A2-B2");
    index.learn([{ a: "A1", b: "B1", verdict: "not-duplicate" }]);
    const after = index.explain("A2", "B2")?.score ?? 1;
    expect(after).toBeLessThan(before);
    expect(index.allPairs().map((pair) => `${pair.a}-${pair.b}`)).toContain("A2-B2");
  });

  it("keeps warning on a duplicate of another kind after two 'not a duplicate' decisions", () => {
    const index = createDedupeIndex();
    for (const activity of network()) index.upsert(activity);
    const before = index.explain("N5", "N6")?.score ?? 0;
    expect(index.allPairs().map((pair) => `${pair.a}-${pair.b}`)).toContain("N5-N6");
    index.learn([
      { a: "N1", b: "N2", verdict: "not-duplicate" },
      { a: "N3", b: "N4", verdict: "not-duplicate" },
    ]);
    expect(index.explain("N5", "N6")?.score).toBeCloseTo(before, 2);
    expect(index.allPairs().map((pair) => `${pair.a}-${pair.b}`)).toContain("N5-N6");
    expect(index.allPairs().map((pair) => `${pair.a}-${pair.b}`)).not.toContain("N1-N2");
  });

  it("forgets decisions when they are withdrawn", () => {
    const index = createDedupeIndex();
    for (const activity of twoLookAlikes()) index.upsert(activity);
    const before = index.explain("A2", "B2")?.score;
    index.learn([{ a: "A1", b: "B1", verdict: "not-duplicate" }]);
    index.learn([]);
    expect(index.explain("A2", "B2")?.score).toBe(before);
  });
});
