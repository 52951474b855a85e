import type { Activity } from "@junction/domain";
import type { NarrativeInline, NarrativeNode } from "@junction/domain/doc";
import { Document, Paragraph, type ParagraphChild, TableRow, TextRun } from "docx";
import {
  createDirectory,
  type Directory,
  formatBudget,
  formatIndicator,
  objectiveLabel,
  principleLabel,
  sdgTargetLabel,
} from "./describe";
import {
  cell,
  type DocxBlock,
  fieldParagraphs,
  heading,
  headingLevel,
  hyperlink,
  orderedNumbering,
  packDocx,
  rule,
  run,
  table,
  textParagraphs,
  titlePage,
} from "./docx-parts";
import {
  FIELD_LABELS,
  formatDate,
  formatPeriod,
  openSuggestionsNote,
  STAGE_LABELS,
  STATUS_LABELS,
} from "./labels";
import { isSafeHref } from "./links";
import type { ExportInput, ExportWorkplan } from "./model";
import { withoutNonXml } from "./xml";

type Numbering = ReturnType<typeof orderedNumbering>;

/** What rendering one document needs to remember as it goes. */
type Context = {
  directory: Directory;
  activities: Map<string, Activity>;
  placed: Set<string>;
  numbering: Map<string, Numbering>;
  nextListInstance: number;
  /** The level of the last heading, so an activity's title sits one below it. */
  headingLevel: number;
};

function inlineRuns(content: readonly NarrativeInline[]): ParagraphChild[] {
  return content.map((inline): ParagraphChild => {
    if (inline.kind === "break") return new TextRun({ break: 1 });
    if (inline.link && isSafeHref(inline.link)) return hyperlink(inline.text, inline.link);
    return new TextRun({
      text: withoutNonXml(inline.text),
      ...(inline.bold ? { bold: true } : {}),
      ...(inline.italic ? { italics: true } : {}),
      ...(inline.underline ? { underline: {} } : {}),
      ...(inline.strike ? { strike: true } : {}),
      ...(inline.code ? { font: "Courier New" } : {}),
    });
  });
}

function listBlocks(
  context: Context,
  list: Extract<NarrativeNode, { kind: "list" }>,
  level: number,
): DocxBlock[] {
  let numbering: { reference: string; level: number; instance: number } | null = null;
  if (list.ordered) {
    const reference = `ordered-${list.start}`;
    if (!context.numbering.has(reference)) {
      context.numbering.set(reference, orderedNumbering(reference, list.start));
    }
    // every list gets its own instance, so each one counts from its start again
    numbering = { reference, level, instance: context.nextListInstance++ };
  }
  return list.items.flatMap((item) =>
    item.flatMap((node, index): DocxBlock[] => {
      if (node.kind === "list") return listBlocks(context, node, Math.min(level + 1, 8));
      if (node.kind === "paragraph" && index === 0) {
        return [
          new Paragraph({
            children: inlineRuns(node.content),
            ...(numbering ? { numbering } : { bullet: { level } }),
          }),
        ];
      }
      if (node.kind === "paragraph") {
        return [
          new Paragraph({
            children: inlineRuns(node.content),
            indent: { left: 720 * (level + 1) },
          }),
        ];
      }
      return nodeBlocks(context, node);
    }),
  );
}

function tableBlocks(context: Context, rows: Extract<NarrativeNode, { kind: "table" }>["rows"]) {
  const docxRows = rows
    .filter((cells) => cells.length > 0)
    .map(
      (cells, index) =>
        new TableRow({
          tableHeader: index === 0 && cells.every((c) => c.header),
          children: cells.map((c) =>
            cell(
              c.children.flatMap((node) => nodeBlocks(context, node)),
              { header: c.header, columnSpan: c.colspan, rowSpan: c.rowspan },
            ),
          ),
        }),
    );
  // a table needs a row; spacing after it keeps the next table from merging into it
  return docxRows.length > 0 ? [table(docxRows), new Paragraph({})] : [];
}

function nodeBlocks(context: Context, node: NarrativeNode): DocxBlock[] {
  switch (node.kind) {
    case "heading":
      context.headingLevel = node.level;
      return [
        new Paragraph({ heading: headingLevel(node.level), children: inlineRuns(node.content) }),
      ];
    case "paragraph":
      return [new Paragraph({ children: inlineRuns(node.content) })];
    case "list":
      return listBlocks(context, node, 0);
    case "table":
      return tableBlocks(context, node.rows);
    case "quote":
      return node.children.flatMap((child) =>
        child.kind === "paragraph"
          ? [new Paragraph({ children: inlineRuns(child.content), indent: { left: 720 } })]
          : nodeBlocks(context, child),
      );
    case "code":
      return [
        new Paragraph({
          children: node.text.split("\n").map(
            (line, i) =>
              new TextRun({
                text: withoutNonXml(line),
                font: "Courier New",
                break: i > 0 ? 1 : 0,
              }),
          ),
        }),
      ];
    case "rule":
      return [rule()];
    case "activity": {
      const activity = context.activities.get(node.id);
      if (!activity || context.placed.has(node.id)) return [];
      context.placed.add(node.id);
      return activityBlocks(context.directory, activity, context.headingLevel + 1);
    }
  }
}

/** An activity as a formatted block: title, description, its fields, its indicators. */
export function activityBlocks(
  directory: Directory,
  activity: Activity,
  level: number,
): DocxBlock[] {
  const lead = activity.lead ? directory.full(activity.lead) : "Not set";
  const fields: [string, string][] = [[FIELD_LABELS.lead, lead]];
  const lists: [string, string[]][] = [
    [FIELD_LABELS.partners, activity.partners.map(directory.full)],
    [FIELD_LABELS.gcmObjectives, activity.gcmObjectives.map(objectiveLabel)],
    [FIELD_LABELS.sdgTargets, activity.sdgTargets.map(sdgTargetLabel)],
    [FIELD_LABELS.principles, activity.principles.map(principleLabel)],
    [FIELD_LABELS.locations, activity.locations],
    [FIELD_LABELS.targetGroups, activity.targetGroups],
  ];
  for (const [label, values] of lists) {
    if (values.length > 0) fields.push([label, values.join("\n")]);
  }
  fields.push([FIELD_LABELS.period, formatPeriod(activity.start, activity.end) || "Not set"]);
  const budget = formatBudget(activity.budget);
  if (budget) fields.push([FIELD_LABELS.budget, budget]);
  fields.push([FIELD_LABELS.status, STATUS_LABELS[activity.status]]);
  // paragraphs, not a table: see fieldParagraphs
  if (activity.indicators.length > 0) {
    fields.push([FIELD_LABELS.indicators, activity.indicators.map(formatIndicator).join("\n")]);
  }

  const blocks: DocxBlock[] = [
    heading(level, activity.title || "Untitled activity"),
    ...textParagraphs(activity.description),
    ...fieldParagraphs(fields),
  ];
  blocks.push(new Paragraph({}));
  return blocks;
}

function versionLine(workplan: ExportWorkplan): string {
  return workplan.version
    ? `${workplan.version.name} (saved ${formatDate(workplan.version.createdAt)})`
    : "Live document";
}

function workplanBlocks(context: Context, workplan: ExportWorkplan, level: number): DocxBlock[] {
  context.activities = new Map(workplan.activities.map((a) => [a.id, a]));
  context.placed = new Set();
  context.headingLevel = level;
  const blocks = (workplan.narrative ?? []).flatMap((node) => nodeBlocks(context, node));
  // activities the narrative does not place (none when it comes from the same document) still count
  const rest = workplan.activities.filter((activity) => !context.placed.has(activity.id));
  if (rest.length > 0) {
    blocks.push(heading(level + 1, workplan.narrative ? "Other activities" : "Activities"));
    for (const activity of rest)
      blocks.push(...activityBlocks(context.directory, activity, level + 2));
  }
  return blocks;
}

/**
 * A workplan as a Word document: a title page (network, workplan, stage, version, date), the
 * narrative with its headings, lists, tables and links, and each activity as a formatted block
 * where it sits in the text. Several workplans (a network's export) follow one another.
 */
export async function writeDocx(input: ExportInput): Promise<Uint8Array> {
  const context: Context = {
    directory: createDirectory(input.organisations),
    activities: new Map(),
    placed: new Set(),
    numbering: new Map(),
    nextListInstance: 1,
    headingLevel: 1,
  };
  const single = input.workplans.length === 1 ? input.workplans[0] : undefined;
  const details: [string, string][] = single
    ? [
        ["Stage", STAGE_LABELS[single.stage]],
        ["Version", versionLine(single)],
      ]
    : [["Workplans", input.workplans.map((w) => w.title).join("; ") || "None"]];
  details.push(["Exported", formatDate(input.generatedAt)]);
  const notes = input.workplans.flatMap((w) => {
    const note = openSuggestionsNote(w.openSuggestions);
    return note ? [single ? note : `${w.title}: ${note}`] : [];
  });

  const children: DocxBlock[] = titlePage({
    kicker: input.network.name,
    title: single ? single.title : input.network.name,
    details,
    notes,
  });
  if (single) children.push(...workplanBlocks(context, single, 0));
  else {
    input.workplans.forEach((workplan, index) => {
      children.push(
        new Paragraph({
          heading: headingLevel(1),
          pageBreakBefore: index > 0,
          children: [run(workplan.title)],
        }),
        new Paragraph({
          children: [
            run(`${STAGE_LABELS[workplan.stage]} · ${versionLine(workplan)}`, { italics: true }),
          ],
        }),
        ...workplanBlocks(context, workplan, 1),
      );
    });
  }

  const document = new Document({
    creator: "Junction",
    title: withoutNonXml(single ? single.title : input.network.name),
    description: `Exported from Junction on ${formatDate(input.generatedAt)}`,
    numbering: { config: [...context.numbering.values()] },
    sections: [{ children }],
  });
  return packDocx(document);
}
