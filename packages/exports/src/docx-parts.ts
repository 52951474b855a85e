import {
  AlignmentType,
  BorderStyle,
  type Document,
  ExternalHyperlink,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  ShadingType,
  Tab,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
} from "docx";
import { withoutNonXml } from "./xml";

export type DocxBlock = Paragraph | Table;

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;

export function headingLevel(level: number): (typeof HEADINGS)[number] {
  return HEADINGS[Math.min(Math.max(level, 1), 6) - 1] ?? HeadingLevel.HEADING_6;
}

/** Text for a run: characters a .docx cannot hold are dropped, not left to corrupt the file. */
export function run(text: string, options: { bold?: boolean; italics?: boolean } = {}): TextRun {
  return new TextRun({ text: withoutNonXml(text), ...options });
}

export function hyperlink(text: string, href: string): ExternalHyperlink {
  return new ExternalHyperlink({
    link: withoutNonXml(href.trim()),
    children: [new TextRun({ text: withoutNonXml(text), style: "Hyperlink" })],
  });
}

export function heading(level: number, text: string): Paragraph {
  return new Paragraph({ heading: headingLevel(level), children: [run(text)] });
}

/** One paragraph per line of plain text; an empty text gives no paragraph. */
export function textParagraphs(text: string): Paragraph[] {
  return text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .map((line) => new Paragraph({ children: [run(line)] }));
}

const CELL_MARGINS = { top: 60, bottom: 60, left: 100, right: 100 };
const HEADER_SHADING = { type: ShadingType.CLEAR, color: "auto", fill: "DCE6F1" };

export function cell(
  children: readonly DocxBlock[],
  options: { header?: boolean; columnSpan?: number; rowSpan?: number; width?: number } = {},
): TableCell {
  return new TableCell({
    // a cell must hold a paragraph, even an empty one
    children: children.length > 0 ? [...children] : [new Paragraph({})],
    margins: CELL_MARGINS,
    ...(options.header ? { shading: HEADER_SHADING } : {}),
    ...(options.columnSpan && options.columnSpan > 1 ? { columnSpan: options.columnSpan } : {}),
    ...(options.rowSpan && options.rowSpan > 1 ? { rowSpan: options.rowSpan } : {}),
    ...(options.width ? { width: { size: options.width, type: WidthType.PERCENTAGE } } : {}),
  });
}

export function textCell(text: string, options: { header?: boolean; width?: number } = {}) {
  const lines = text.split("\n");
  return cell(
    lines.map(
      (line) => new Paragraph({ children: [run(line, options.header ? { bold: true } : {})] }),
    ),
    options,
  );
}

export function table(rows: readonly TableRow[]): Table {
  return new Table({ rows: [...rows], width: { size: 100, type: WidthType.PERCENTAGE } });
}

/** A table with a repeated, shaded header row and one text cell per value. */
/**
 * A table with a repeated, shaded header row and one text cell per value; `widths` are the
 * columns' shares of the page width in percent (equal when left out).
 */
export function gridTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  widths?: readonly number[],
): Table {
  const width = (i: number) => widths?.[i];
  return table([
    new TableRow({
      tableHeader: true,
      children: header.map((label, i) => textCell(label, { header: true, width: width(i) })),
    }),
    ...rows.map(
      (values) =>
        new TableRow({ children: values.map((value, i) => textCell(value, { width: width(i) })) }),
    ),
  ]);
}

/**
 * "Label: value" paragraphs, for an activity's fields; a value of several lines continues under
 * its label. Paragraphs, not a table: a table per activity costs a large plan seconds and
 * hundreds of megabytes in the docx object model.
 */
// wide enough for the longest label, "Guiding principles", in bold
const LABEL_WIDTH = 2160;

export function fieldParagraphs(fields: readonly (readonly [string, string])[]): Paragraph[] {
  return fields.map(([label, value]) => {
    const lines = value.split("\n");
    return new Paragraph({
      spacing: { after: 40 },
      indent: { left: LABEL_WIDTH, hanging: LABEL_WIDTH },
      tabStops: [{ type: TabStopType.LEFT, position: LABEL_WIDTH }],
      children: [
        run(label, { bold: true }),
        new TextRun({ children: [new Tab()] }),
        ...lines.map((line, i) => new TextRun({ text: withoutNonXml(line), break: i > 0 ? 1 : 0 })),
      ],
    });
  });
}

export function rule(): Paragraph {
  return new Paragraph({
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "999999", space: 1 } },
  });
}

export function titlePage(lines: {
  kicker: string;
  title: string;
  details: readonly (readonly [string, string])[];
  notes: readonly string[];
}): Paragraph[] {
  return [
    new Paragraph({ spacing: { before: 2400 }, children: [run(lines.kicker, { bold: true })] }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [run(lines.title)] }),
    ...lines.details.map(
      ([label, value]) =>
        new Paragraph({ children: [run(`${label}: `, { bold: true }), run(value)] }),
    ),
    ...lines.notes.map(
      (note) =>
        new Paragraph({ spacing: { before: 240 }, children: [run(note, { italics: true })] }),
    ),
    new Paragraph({ pageBreakBefore: true, children: [] }),
  ];
}

/** Numbering definitions for ordered lists: one per start value, restarted per list. */
export function orderedNumbering(reference: string, start: number) {
  return {
    reference,
    levels: Array.from({ length: 9 }, (_, level) => ({
      level,
      format: [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN][level % 3],
      text: `%${level + 1}.`,
      alignment: AlignmentType.START,
      start: level === 0 ? start : 1,
      style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
    })),
  };
}

export async function packDocx(document: Document): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(document));
}
