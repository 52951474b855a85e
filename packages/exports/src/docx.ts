import type { Activity } from "@junction/domain";
import type { NarrativeInline, NarrativeNode } from "@junction/domain/doc";
import { Document, Paragraph, type ParagraphChild, TableRow, TextRun } from "docx";
import { createDirectory, type Directory, principleLabel, sdgTargetLabel } from "./describe";
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
import { isSafeHref } from "./links";
import type { ExportInput, ExportWorkplan } from "./model";
import { type Words, wordsOf } from "./wording";
import { withoutNonXml } from "./xml";

type Numbering = ReturnType<typeof orderedNumbering>;

/** What rendering one document needs to remember as it goes. */
type Context = {
  words: Words;
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

/** Word lays out at most 63 columns: a wider span only grows the grid docx writes for nothing. */
const WORD_MAX_COLUMNS = 63;

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
              {
                header: c.header,
                columnSpan: Math.min(c.colspan, WORD_MAX_COLUMNS),
                rowSpan: c.rowspan,
              },
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
      return activityBlocks(context, activity, context.headingLevel + 1);
    }
  }
}

/** An activity as a formatted block: title, description, its fields, its indicators. */
export function activityBlocks(
  { words, directory }: { words: Words; directory: Directory },
  activity: Activity,
  level: number,
): DocxBlock[] {
  const notSet = words.t("notSet");
  const lead = activity.lead ? directory.full(activity.lead) : notSet;
  const fields: [string, string][] = [[words.t("field.lead"), lead]];
  const lists: [string, string[]][] = [
    [words.t("field.partners"), activity.partners.map(directory.full)],
    [words.t("field.gcmObjectives"), activity.gcmObjectives.map(words.objectiveLabel)],
    [words.t("field.sdgTargets"), activity.sdgTargets.map(sdgTargetLabel)],
    [words.t("field.principles"), activity.principles.map(principleLabel)],
    [words.t("field.locations"), activity.locations],
    [words.t("field.targetGroups"), activity.targetGroups],
  ];
  for (const [label, values] of lists) {
    if (values.length > 0) fields.push([label, values.join("\n")]);
  }
  fields.push([words.t("field.period"), words.period(activity.start, activity.end) || notSet]);
  const budget = words.budget(activity.budget);
  if (budget) fields.push([words.t("field.budget"), budget]);
  fields.push([words.t("field.status"), words.status(activity.status)]);
  // paragraphs, not a table: see fieldParagraphs
  if (activity.indicators.length > 0) {
    fields.push([words.t("field.indicators"), activity.indicators.map(words.indicator).join("\n")]);
  }

  const blocks: DocxBlock[] = [
    heading(level, activity.title || words.t("untitledActivity")),
    ...textParagraphs(activity.description),
    ...fieldParagraphs(fields),
  ];
  blocks.push(new Paragraph({}));
  return blocks;
}

function versionLine(words: Words, workplan: ExportWorkplan): string {
  return workplan.version
    ? words.t("docx.versionSaved", {
        name: workplan.version.name,
        date: words.date(workplan.version.createdAt),
      })
    : words.t("docx.liveDocument");
}

function workplanBlocks(context: Context, workplan: ExportWorkplan, level: number): DocxBlock[] {
  context.activities = new Map(workplan.activities.map((a) => [a.id, a]));
  context.placed = new Set();
  context.headingLevel = level;
  const blocks = (workplan.narrative ?? []).flatMap((node) => nodeBlocks(context, node));
  // activities the narrative does not place (none when it comes from the same document) still count
  const rest = workplan.activities.filter((activity) => !context.placed.has(activity.id));
  if (rest.length > 0) {
    const title = context.words.t(workplan.narrative ? "otherActivities" : "activities");
    blocks.push(heading(level + 1, title));
    for (const activity of rest) blocks.push(...activityBlocks(context, activity, level + 2));
  }
  return blocks;
}

/**
 * A workplan as a Word document: a title page (network, workplan, stage, version, date), the
 * narrative with its headings, lists, tables and links, and each activity as a formatted block
 * where it sits in the text. Several workplans (a network's export) follow one another.
 */
export async function writeDocx(input: ExportInput): Promise<Uint8Array> {
  const words = wordsOf(input);
  const context: Context = {
    words,
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
        [words.t("docx.stage"), words.stage(single.stage)],
        [words.t("docx.version"), versionLine(words, single)],
      ]
    : [
        [
          words.t("docx.workplans"),
          input.workplans.map((w) => w.title).join("; ") || words.t("docx.none"),
        ],
      ];
  details.push([words.t("docx.exported"), words.date(input.generatedAt)]);
  const notes = input.workplans.flatMap((w) => {
    const note = words.openSuggestions(w.openSuggestions);
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
            run(`${words.stage(workplan.stage)} · ${versionLine(words, workplan)}`, {
              italics: true,
            }),
          ],
        }),
        ...workplanBlocks(context, workplan, 1),
      );
    });
  }

  const document = new Document({
    creator: "Junction",
    title: withoutNonXml(single ? single.title : input.network.name),
    description: words.t("docx.description", { date: words.date(input.generatedAt) }),
    numbering: { config: [...context.numbering.values()] },
    sections: [{ children }],
  });
  return packDocx(document);
}
