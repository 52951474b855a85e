import { describe, expect, it } from "vitest";
import { buildGcmReport } from "./gcm-report";
import { writeGcmReportDocx } from "./gcm-report-docx";
import { docxParagraphs } from "./test/files";
import { activity, exportInput, workplan } from "./test/fixtures";

const input = exportInput([
  workplan({
    activities: [
      activity("A1", {
        gcmObjectives: [21],
        status: "ongoing",
        budget: { amount: 100000, currency: "USD", source: "M-MPTF", secured: true },
        indicators: [
          {
            name: "Returnees supported",
            baseline: "0",
            target: "600",
            meansOfVerification: "Case files",
          },
        ],
      }),
      activity("A2", {
        lead: "org-unicef",
        partners: ["org-iom"],
        gcmObjectives: [21, 7],
        budget: { amount: 50000.1, currency: "USD", source: "", secured: false },
      }),
      activity("A3", {
        lead: "org-scmi",
        gcmObjectives: [21],
        budget: { amount: 20000, currency: "EUR", source: "", secured: true },
      }),
      activity("A4", {
        gcmObjectives: [21],
        status: "cancelled",
        budget: { amount: 999, currency: "USD", source: "", secured: false },
      }),
      activity("A5", {
        gcmObjectives: [21],
        budget: { amount: null, currency: "USD", source: "tbd", secured: false },
      }),
      activity("A6", { title: "Untagged work", gcmObjectives: [] }),
    ],
  }),
]);

describe("buildGcmReport", () => {
  it("groups each objective's activities by status", () => {
    const report = buildGcmReport(input);
    expect(report.objectives).toHaveLength(23);
    const returns = report.objectives[20];
    expect(returns?.activityCount).toBe(5);
    expect({
      planned: returns?.activities.planned.map((a) => a.id),
      ongoing: returns?.activities.ongoing.map((a) => a.id),
      cancelled: returns?.activities.cancelled.map((a) => a.id),
    }).toEqual({ planned: ["A2", "A3", "A5"], ongoing: ["A1"], cancelled: ["A4"] });
    expect(report.objectives[6]?.activities.planned.map((a) => a.id)).toEqual(["A2"]);
    expect(report.untagged).toEqual([{ id: "A6", workplanId: "wp-1", title: "Untagged work" }]);
  });

  it("sets budget secured against required per currency, never adding currencies", () => {
    const returns = buildGcmReport(input).objectives[20];
    expect(returns?.budget).toEqual([
      { currency: "EUR", required: 20000, secured: 20000, gap: 0, activities: 1 },
      { currency: "USD", required: 150000.1, secured: 100000, gap: 50000.1, activities: 2 },
    ]);
    expect(returns?.activitiesWithoutAmount).toBe(1);
  });

  it("lists indicators with baseline, target and means of verification, and the organisations", () => {
    const returns = buildGcmReport(input).objectives[20];
    expect(returns?.indicators).toEqual([
      {
        activityId: "A1",
        name: "Returnees supported",
        baseline: "0",
        target: "600",
        meansOfVerification: "Case files",
      },
    ]);
    expect(returns?.leads.map((o) => o.name)).toEqual([
      "International Organization for Migration (IOM)",
      "United Nations Children's Fund (UNICEF)",
      "State Commission on Migration Issues (SCMI)",
    ]);
    expect(returns?.partners.map((o) => o.id)).toEqual(["org-iom"]);
  });

  it("writes a Word report with every objective, its activities, indicators and budget", async () => {
    const paragraphs = docxParagraphs(await writeGcmReportDocx(buildGcmReport(input)));
    expect(paragraphs).toContain(
      "Objective 21: Cooperate in facilitating safe and dignified return and readmission, as well as sustainable reintegration",
    );
    expect(paragraphs).toContain(
      "Objective 1: Collect and utilize accurate and disaggregated data as a basis for evidence-based policies",
    );
    expect(paragraphs).toContain("No activity of the plan works on this objective.");
    expect(paragraphs).toContain("Activities: 5 (3 planned, 1 ongoing, 1 cancelled)");
    expect(paragraphs).toContain("Ongoing (1)");
    expect(paragraphs).toContain("Returnees supported");
    expect(paragraphs).toContain("150,000.10");
    expect(paragraphs).toContain("100,000 / 150,000.10 USD");
    expect(paragraphs).toContain("Untagged work");
  });
});
