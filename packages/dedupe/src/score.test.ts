import { describe, expect, it } from "vitest";
import { createDedupeIndex } from "./dedupe-index";
import type { DedupeActivity } from "./types";

function activity(id: string, title: string, overrides: Partial<DedupeActivity> = {}) {
  return {
    id,
    title,
    lead: id === "A" ? "IOM" : "UNDP",
    locations: ["Ungheni district"],
    start: "2025-03",
    end: "2025-09",
    ...overrides,
  };
}

function explainPair(a: DedupeActivity, b: DedupeActivity) {
  const index = createDedupeIndex();
  index.upsert(a);
  index.upsert(b);
  const assessment = index.explain(a.id, b.id);
  if (!assessment) throw new Error("pair not in the index");
  return assessment;
}

describe("signals of a pair", () => {
  it("matches title words across two languages by how they start, and names them", () => {
    const english = activity("A", "Safe migration information campaign in Ungheni");
    const romanian = activity("B", "Campanie de informare privind migrația sigură în Ungheni");
    const unrelated = activity("B", "Sprijin psihosocial pentru copiii din școlile din Ungheni");
    const alike = explainPair(english, romanian);
    expect(alike.signals.languagesDiffer).toBe(true);
    expect(alike.signals.titleAlign).toBeGreaterThan(
      explainPair(english, unrelated).signals.titleAlign + 0.2,
    );
    expect(alike.reasons).toContainEqual(
      expect.stringMatching(
        /^titles in two languages with words alike: .*"campaign" \/ "campanie"/,
      ),
    );
  });

  it("says when the kind of work one title names is nowhere in the other", () => {
    const survey = activity("A", "Returnee reintegration survey 2025");
    const grants = activity("B", "Reintegration grants for returnees");
    const { signals, reasons } = explainPair(survey, grants);
    expect(signals.workAbsent).toBe(true);
    expect(reasons).toContain(
      'a survey or survey module in "Returnee reintegration survey 2025" is not part of the other',
    );
    const twoSurveys = explainPair(survey, activity("B", "Survey of returnees' reintegration"));
    expect(twoSurveys.signals.workAbsent).toBe(false);
  });
});

describe("reasons a pair is given", () => {
  it("names a topic of the general vocabulary only when both activities name it plainly", () => {
    const a = activity("A", "Standard operating procedures for border police on trafficking", {
      description: "Border police officers learn the operating procedures for referring victims.",
    });
    const b = activity("B", "Joint border operations against trafficking in persons", {
      description: "Border guards plan joint operations to identify victims of trafficking.",
    });
    const reasons = explainPair(a, b).reasons.join(" | ");
    // "operating" and "operations" only begin like "co-operatives"
    expect(reasons).not.toContain("co-operatives");
    expect(reasons).toContain("GCM objective 10 (trafficking in persons)");
  });
});
