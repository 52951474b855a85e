import { ACTIVITY_STATUSES } from "@junction/domain";
import { Document, Paragraph } from "docx";
import { type DocxBlock, gridTable, heading, packDocx, run, titlePage } from "./docx-parts";
import type { GcmReport, ReportObjective } from "./gcm-report";
import {
  FIELD_LABELS,
  formatAmount,
  formatDate,
  formatPeriod,
  STAGE_LABELS,
  STATUS_LABELS,
} from "./labels";
import { withoutNonXml } from "./xml";

function line(label: string, value: string): Paragraph {
  return new Paragraph({ children: [run(`${label}: `, { bold: true }), run(value)] });
}

function statusSummary(objective: ReportObjective): string {
  return ACTIVITY_STATUSES.filter((status) => objective.activities[status].length > 0)
    .map(
      (status) => `${objective.activities[status].length} ${STATUS_LABELS[status].toLowerCase()}`,
    )
    .join(", ");
}

function objectiveBlocks(objective: ReportObjective): DocxBlock[] {
  const blocks: DocxBlock[] = [heading(2, `Objective ${objective.objective}: ${objective.title}`)];
  if (objective.activityCount === 0) {
    blocks.push(
      new Paragraph({
        children: [run("No activity of the plan works on this objective.", { italics: true })],
      }),
    );
    return blocks;
  }
  blocks.push(
    line("Activities", `${objective.activityCount} (${statusSummary(objective)})`),
    line("Lead organisations", objective.leads.map((o) => o.name).join("; ")),
  );
  if (objective.partners.length > 0) {
    blocks.push(line("Partner organisations", objective.partners.map((o) => o.name).join("; ")));
  }
  if (objective.budget.length > 0) {
    blocks.push(
      new Paragraph({ spacing: { before: 120 }, children: [run("Budget", { bold: true })] }),
      gridTable(
        ["Currency", "Required", "Secured", "Gap", "Activities"],
        objective.budget.map((b) => [
          b.currency,
          formatAmount(b.required),
          formatAmount(b.secured),
          formatAmount(b.gap),
          String(b.activities),
        ]),
      ),
    );
  }
  if (objective.activitiesWithoutAmount > 0) {
    blocks.push(
      new Paragraph({
        children: [
          run(
            `${objective.activitiesWithoutAmount} activities have a budget without an amount and are not in these totals.`,
            { italics: true },
          ),
        ],
      }),
    );
  }
  for (const status of ACTIVITY_STATUSES) {
    const activities = objective.activities[status];
    if (activities.length === 0) continue;
    blocks.push(heading(3, `${STATUS_LABELS[status]} (${activities.length})`));
    for (const activity of activities) {
      const details = [
        activity.lead?.name ?? "no lead",
        formatPeriod(activity.start, activity.end),
      ].filter(Boolean);
      blocks.push(
        new Paragraph({
          bullet: { level: 0 },
          children: [
            run(activity.title || "Untitled activity", { bold: true }),
            run(` (${details.join(", ")})`),
          ],
        }),
      );
      if (activity.indicators.length > 0) {
        blocks.push(
          gridTable(
            [
              FIELD_LABELS.indicator,
              FIELD_LABELS.baseline,
              FIELD_LABELS.target,
              FIELD_LABELS.meansOfVerification,
            ],
            activity.indicators.map((i) => [i.name, i.baseline, i.target, i.meansOfVerification]),
          ),
          new Paragraph({}),
        );
      }
    }
  }
  return blocks;
}

/**
 * The GCM review report as a Word document the secretariat can paste into the national voluntary
 * review: a summary table of all 23 objectives, then each objective's activities by status with
 * their indicators, budget secured against required, and organisations.
 */
export async function writeGcmReportDocx(report: GcmReport): Promise<Uint8Array> {
  const children: DocxBlock[] = titlePage({
    kicker: report.network.name,
    title: "Implementation of the Global Compact for Migration: progress by objective",
    details: [
      ...report.workplans.map((w): [string, string] => [
        "Workplan",
        `${w.title} (${STAGE_LABELS[w.stage]}${w.version ? `, version ${w.version}` : ""})`,
      ]),
      ["Exported", formatDate(report.generatedAt)],
    ],
    notes: [
      "An activity tagged with several objectives counts under each of them, so totals are not added across objectives. Budgets are never added across currencies; cancelled activities are not in the required amounts.",
    ],
  });
  children.push(
    heading(1, "Summary"),
    gridTable(
      [
        "Objective",
        "Activities",
        "Planned",
        "Ongoing",
        "Completed",
        "Cancelled",
        "Budget (secured / required)",
      ],
      report.objectives.map((o) => [
        `${o.objective}. ${o.title}`,
        String(o.activityCount),
        ...ACTIVITY_STATUSES.map((status) => String(o.activities[status].length)),
        o.budget
          .map((b) => `${formatAmount(b.secured)} / ${formatAmount(b.required)} ${b.currency}`)
          .join("\n"),
      ]),
      [30, 10, 10, 10, 12, 12, 16],
    ),
    heading(1, "By objective"),
  );
  for (const objective of report.objectives) children.push(...objectiveBlocks(objective));
  if (report.untagged.length > 0) {
    children.push(
      heading(1, "Activities without a GCM objective"),
      ...report.untagged.map(
        (a) =>
          new Paragraph({ bullet: { level: 0 }, children: [run(a.title || "Untitled activity")] }),
      ),
    );
  }
  return packDocx(
    new Document({
      creator: "Junction",
      title: withoutNonXml(`${report.network.name}: GCM progress by objective`),
      sections: [{ children }],
    }),
  );
}
