import { ACTIVITY_STATUSES } from "@junction/domain";
import { Document, Paragraph } from "docx";
import { type DocxBlock, gridTable, heading, packDocx, run, titlePage } from "./docx-parts";
import type { GcmReport, ReportObjective } from "./gcm-report";
import type { ExportInput } from "./model";
import { type Words, wordsOf } from "./wording";
import { withoutNonXml } from "./xml";

function line(label: string, value: string): Paragraph {
  return new Paragraph({ children: [run(`${label}: `, { bold: true }), run(value)] });
}

function statusSummary(words: Words, objective: ReportObjective): string {
  return ACTIVITY_STATUSES.filter((status) => objective.activities[status].length > 0)
    .map(
      (status) =>
        `${objective.activities[status].length} ${words.status(status).toLocaleLowerCase(words.locale)}`,
    )
    .join(", ");
}

function objectiveBlocks(words: Words, objective: ReportObjective): DocxBlock[] {
  const blocks: DocxBlock[] = [
    heading(
      2,
      words.t("report.objectiveHeading", { number: objective.objective, title: objective.title }),
    ),
  ];
  if (objective.activityCount === 0) {
    blocks.push(
      new Paragraph({ children: [run(words.t("report.noActivity"), { italics: true })] }),
    );
    return blocks;
  }
  blocks.push(
    line(words.t("activities"), `${objective.activityCount} (${statusSummary(words, objective)})`),
    line(words.t("report.leads"), objective.leads.map((o) => o.name).join("; ")),
  );
  if (objective.partners.length > 0) {
    blocks.push(line(words.t("report.partners"), objective.partners.map((o) => o.name).join("; ")));
  }
  if (objective.budget.length > 0) {
    blocks.push(
      new Paragraph({
        spacing: { before: 120 },
        children: [run(words.t("field.budget"), { bold: true })],
      }),
      gridTable(
        [
          words.t("report.currency"),
          words.t("report.required"),
          words.t("report.secured"),
          words.t("report.gap"),
          words.t("activities"),
        ],
        objective.budget.map((b) => [
          b.currency,
          words.amount(b.required),
          words.amount(b.secured),
          words.amount(b.gap),
          String(b.activities),
        ]),
      ),
    );
  }
  if (objective.activitiesWithoutAmount > 0) {
    blocks.push(
      new Paragraph({
        children: [
          run(words.t("report.withoutAmount", { count: objective.activitiesWithoutAmount }), {
            italics: true,
          }),
        ],
      }),
    );
  }
  for (const status of ACTIVITY_STATUSES) {
    const activities = objective.activities[status];
    if (activities.length === 0) continue;
    blocks.push(heading(3, `${words.status(status)} (${activities.length})`));
    for (const activity of activities) {
      const details = [
        activity.lead?.name ?? words.t("report.noLead"),
        words.period(activity.start, activity.end),
      ].filter(Boolean);
      blocks.push(
        new Paragraph({
          bullet: { level: 0 },
          children: [
            run(activity.title || words.t("untitledActivity"), { bold: true }),
            run(` (${details.join(", ")})`),
          ],
        }),
      );
      if (activity.indicators.length > 0) {
        blocks.push(
          gridTable(
            [
              words.t("field.indicator"),
              words.t("field.baseline"),
              words.t("field.target"),
              words.t("field.meansOfVerification"),
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
export async function writeGcmReportDocx(
  report: GcmReport,
  language: Pick<ExportInput, "locale" | "wording"> = {},
): Promise<Uint8Array> {
  const words = wordsOf(language);
  const children: DocxBlock[] = titlePage({
    kicker: report.network.name,
    title: words.t("report.title"),
    details: [
      ...report.workplans.map((w): [string, string] => [
        words.t("report.workplan"),
        w.version
          ? words.t("report.workplanVersion", {
              title: w.title,
              stage: words.stage(w.stage),
              version: w.version,
            })
          : `${w.title} (${words.stage(w.stage)})`,
      ]),
      [words.t("docx.exported"), words.date(report.generatedAt)],
    ],
    notes: [words.t("report.note")],
  });
  children.push(
    heading(1, words.t("report.summary")),
    gridTable(
      [
        words.t("report.objective"),
        words.t("activities"),
        ...ACTIVITY_STATUSES.map(words.status),
        words.t("report.budgetColumn"),
      ],
      report.objectives.map((o) => [
        `${o.objective}. ${o.title}`,
        String(o.activityCount),
        ...ACTIVITY_STATUSES.map((status) => String(o.activities[status].length)),
        o.budget
          .map((b) => `${words.amount(b.secured)} / ${words.amount(b.required)} ${b.currency}`)
          .join("\n"),
      ]),
      [30, 10, 10, 10, 12, 12, 16],
    ),
    heading(1, words.t("report.byObjective")),
  );
  for (const objective of report.objectives) children.push(...objectiveBlocks(words, objective));
  if (report.untagged.length > 0) {
    children.push(
      heading(1, words.t("report.untagged")),
      ...report.untagged.map(
        (a) =>
          new Paragraph({
            bullet: { level: 0 },
            children: [run(a.title || words.t("untitledActivity"))],
          }),
      ),
    );
  }
  return packDocx(
    new Document({
      creator: "Junction",
      title: withoutNonXml(words.t("report.documentTitle", { network: report.network.name })),
      sections: [{ children }],
    }),
  );
}
