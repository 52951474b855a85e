import { describe, expect, it } from "vitest";
import { computeCoverage } from "./coverage";
import { activity, exportInput, workplan } from "./test/fixtures";

const input = exportInput([
  workplan({
    id: "wp-1",
    activities: [
      activity("A1", {
        lead: "org-iom",
        partners: ["org-scmi"],
        gcmObjectives: [10],
        locations: ["Batumi"],
        start: "2024-01",
        end: "2024-06",
      }),
      activity("A2", {
        lead: "org-unicef",
        gcmObjectives: [10],
        locations: ["batumi "],
        start: "2024-05",
        end: "2024-09",
        status: "ongoing",
      }),
      // same objective and place, but a later period: no crowding with A1
      activity("A3", {
        lead: "org-gyla",
        gcmObjectives: [10],
        locations: ["Batumi"],
        start: "2025-01",
        end: "2025-03",
      }),
      // same objective and period, another place
      activity("A4", {
        lead: "org-scmi",
        gcmObjectives: [10],
        locations: ["Tbilisi"],
        start: "2024-01",
        end: "2024-12",
      }),
      activity("A5", {
        lead: "org-iom",
        gcmObjectives: [3, 21],
        locations: ["Tbilisi"],
        status: "completed",
      }),
      activity("A6", { lead: "org-ghost", partners: ["org-iom"], gcmObjectives: [21] }),
    ],
  }),
  workplan({
    id: "wp-2",
    activities: [
      activity("B1", { lead: "org-unicef", gcmObjectives: [3], locations: ["Kutaisi"] }),
    ],
  }),
]);

describe("computeCoverage", () => {
  it("lists all 23 GCM objectives with the organisations working on each and their activities", () => {
    const coverage = computeCoverage(input);
    expect(coverage.objectives.map((o) => o.objective)).toEqual(
      Array.from({ length: 23 }, (_, i) => i + 1),
    );
    const ten = coverage.objectives[9];
    expect(ten?.organisations.map((c) => [c.organisation, c.activities, c.leads])).toEqual([
      ["org-iom", ["A1"], ["A1"]],
      ["org-unicef", ["A2"], ["A2"]],
      ["org-scmi", ["A1", "A4"], ["A4"]],
      ["org-gyla", ["A3"], ["A3"]],
    ]);
    // an organisation the network does not know is not a column of the matrix
    expect(coverage.objectives[20]?.organisations.map((c) => c.organisation)).toEqual(["org-iom"]);
    expect(coverage.organisations.map((o) => o.id)).toEqual([
      "org-iom",
      "org-unicef",
      "org-scmi",
      "org-gyla",
    ]);
    expect(coverage.activities.find((a) => a.id === "B1")).toMatchObject({
      workplanId: "wp-2",
      lead: "org-unicef",
    });
  });

  it("names the objectives nobody works on as gaps", () => {
    const coverage = computeCoverage(input);
    expect(coverage.gaps).toEqual([
      1, 2, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 22, 23,
    ]);
    expect(coverage.objectives[0]).toMatchObject({ objective: 1, gap: true, organisations: [] });
  });

  it("finds crowding: different leads, one objective, the same place, overlapping months", () => {
    const coverage = computeCoverage(input);
    expect(coverage.crowding).toEqual([
      {
        objective: 10,
        place: "Batumi",
        start: "2024-05",
        end: "2024-06",
        organisations: ["org-iom", "org-unicef"],
        activities: ["A1", "A2"],
      },
    ]);
    const ten = coverage.objectives[9]?.organisations ?? [];
    expect(ten.filter((c) => c.crowded).map((c) => c.organisation)).toEqual([
      "org-iom",
      "org-unicef",
    ]);
  });

  it("does not call one organisation's own activities crowding", () => {
    const coverage = computeCoverage(
      exportInput([
        workplan({
          activities: [
            activity("A1", { gcmObjectives: [5], locations: ["Gori"] }),
            activity("A2", { gcmObjectives: [5], locations: ["Gori"] }),
          ],
        }),
      ]),
    );
    expect(coverage.crowding).toEqual([]);
  });

  it("filters by workplan, place and status", () => {
    expect(computeCoverage(input, { workplanIds: ["wp-2"] }).activities.map((a) => a.id)).toEqual([
      "B1",
    ]);
    expect(computeCoverage(input, { place: " BATUMI" }).activities.map((a) => a.id)).toEqual([
      "A1",
      "A2",
      "A3",
    ]);
    const ongoing = computeCoverage(input, { statuses: ["ongoing", "completed"] });
    expect(ongoing.activities.map((a) => a.id)).toEqual(["A2", "A5"]);
    expect(ongoing.crowding).toEqual([]);
    expect(ongoing.gaps).not.toContain(3);
  });
});
