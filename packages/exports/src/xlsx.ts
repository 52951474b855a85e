import { strToU8, zipSync } from "fflate";
import { STAGE_LABELS } from "./labels";
import type { ExportInput } from "./model";
import { ACTIVITY_COLUMNS, activityRows, type Cell, type Column } from "./rows";
import { escapeXml } from "./xml";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
// Excel refuses a cell longer than this
const MAX_CELL_CHARACTERS = 32767;

// cellXfs below: 0 plain, 1 header, 2 whole amounts, 3 amounts with cents
const STYLE_HEADER = 1;
const STYLE_WHOLE = 2;
const STYLE_CENTS = 3;

type Sheet = {
  name: string;
  columns: readonly Column[];
  rows: readonly (readonly Cell[])[];
  /** A header row, frozen and filtered, above the rows; null for a sheet of plain rows. */
  header: readonly string[] | null;
};

/** "A", …, "Z", "AA", …: the column letters of a zero-based index. */
export function columnName(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}

function cellXml(ref: string, value: Cell, header: boolean): string {
  if (value === null || value === "") return "";
  if (typeof value === "number") {
    const style = Number.isInteger(value) ? STYLE_WHOLE : STYLE_CENTS;
    return `<c r="${ref}" s="${style}"><v>${value}</v></c>`;
  }
  // inline strings are never formulas, so a leading "=" stays text
  const text = escapeXml(value.slice(0, MAX_CELL_CHARACTERS));
  const style = header ? ` s="${STYLE_HEADER}"` : "";
  return `<c r="${ref}" t="inlineStr"${style}><is><t xml:space="preserve">${text}</t></is></c>`;
}

function rowXml(index: number, cells: readonly Cell[], header: boolean): string {
  const r = index + 1;
  const body = cells.map((value, c) => cellXml(`${columnName(c)}${r}`, value, header)).join("");
  return `<row r="${r}">${body}</row>`;
}

// wide enough for the header and most values, narrow enough to scan: prose caps at 50 characters
function columnWidth(column: Column, header: string, values: readonly Cell[]): number {
  let longest = header.length + 3; // room for the filter button
  for (const value of values) {
    const length = value === null ? 0 : String(value).length;
    if (length > longest) longest = length;
  }
  return Math.max(8, Math.min(longest + 2, column.wrap ? 50 : 24));
}

function sheetXml(sheet: Sheet): string {
  const table = sheet.header !== null;
  const lines = sheet.header ? [sheet.header, ...sheet.rows] : sheet.rows;
  const lastColumn = columnName(Math.max(sheet.columns.length, 1) - 1);
  const range = `A1:${lastColumn}${Math.max(lines.length, 1)}`;
  const view = table
    ? '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/>'
    : "";
  const cols = sheet.columns
    .map((column, c) => {
      const width = columnWidth(
        column,
        sheet.header?.[c] ?? "",
        sheet.rows.map((row) => row[c] ?? null),
      );
      return `<col min="${c + 1}" max="${c + 1}" width="${width}" customWidth="1"/>`;
    })
    .join("");
  const rows = lines.map((row, r) => rowXml(r, row, table && r === 0));
  return [
    XML_HEAD,
    `<worksheet xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}">`,
    `<dimension ref="${range}"/>`,
    `<sheetViews><sheetView workbookViewId="0"${table ? ' tabSelected="1"' : ""}>${view}</sheetView></sheetViews>`,
    '<sheetFormatPr defaultRowHeight="15"/>',
    `<cols>${cols}</cols>`,
    `<sheetData>${rows.join("")}</sheetData>`,
    table ? `<autoFilter ref="${range}"/>` : "",
    "</worksheet>",
  ].join("");
}

const STYLES = `${XML_HEAD}<styleSheet xmlns="${MAIN}">
<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>
<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFDCE6F1"/><bgColor indexed="64"/></patternFill></fill></fills>
<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left/><right/><top/><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1"/><xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>`;

function workbookXml(sheets: readonly Sheet[]): string {
  const entries = sheets
    .map(
      (sheet, i) =>
        `<sheet name="${escapeXml(sheet.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`,
    )
    .join("");
  // Excel finds a sheet's filter range through this hidden name
  const names = sheets
    .flatMap((sheet, i) => {
      if (sheet.header === null) return [];
      const last = columnName(sheet.columns.length - 1);
      return [
        `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">'${escapeXml(sheet.name)}'!$A$1:$${last}$${sheet.rows.length + 1}</definedName>`,
      ];
    })
    .join("");
  return `${XML_HEAD}<workbook xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}"><bookViews><workbookView activeTab="0"/></bookViews><sheets>${entries}</sheets>${names ? `<definedNames>${names}</definedNames>` : ""}</workbook>`;
}

function workbookRelsXml(sheets: readonly Sheet[]): string {
  const relationships = sheets.map(
    (_, i) =>
      `<Relationship Id="rId${i + 1}" Type="${RELATIONSHIPS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  );
  relationships.push(
    `<Relationship Id="rId${sheets.length + 1}" Type="${RELATIONSHIPS}/styles" Target="styles.xml"/>`,
  );
  return `${XML_HEAD}<Relationships xmlns="${PACKAGE_RELATIONSHIPS}">${relationships.join("")}</Relationships>`;
}

function contentTypesXml(sheets: readonly Sheet[]): string {
  const type = "application/vnd.openxmlformats-officedocument.spreadsheetml";
  const overrides = sheets
    .map(
      (_, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${type}.worksheet+xml"/>`,
    )
    .join("");
  return `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${type}.sheet.main+xml"/>${overrides}<Override PartName="/xl/styles.xml" ContentType="${type}.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`;
}

function corePropertiesXml(title: string, created: string): string {
  return `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${escapeXml(title)}</dc:title><dc:creator>Junction</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${escapeXml(created)}</dcterms:created></cp:coreProperties>`;
}

const ROOT_RELS = `${XML_HEAD}<Relationships xmlns="${PACKAGE_RELATIONSHIPS}"><Relationship Id="rId1" Type="${RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`;

/** The workbook's files; one sheet per entry, written in order. */
function workbook(sheets: readonly Sheet[], title: string, created: string): Uint8Array {
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8(contentTypesXml(sheets)),
    "_rels/.rels": strToU8(ROOT_RELS),
    "docProps/core.xml": strToU8(corePropertiesXml(title, created)),
    "xl/workbook.xml": strToU8(workbookXml(sheets)),
    "xl/_rels/workbook.xml.rels": strToU8(workbookRelsXml(sheets)),
    "xl/styles.xml": strToU8(STYLES),
  };
  sheets.forEach((sheet, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(sheet));
  });
  return zipSync(files, { level: 6 });
}

function aboutRows(input: ExportInput, activities: number): Cell[][] {
  const rows: Cell[][] = [["Network", input.network.name]];
  for (const workplan of input.workplans) {
    const version = workplan.version ? `version "${workplan.version.name}"` : "live document";
    rows.push(["Workplan", `${workplan.title} (${STAGE_LABELS[workplan.stage]}, ${version})`]);
  }
  rows.push(["Activities", activities], ["Exported", input.generatedAt]);
  return rows;
}

/**
 * The 4W matrix as an Excel workbook: sheet "Activities" with a frozen, filtered header row and
 * column widths fitted to the content, and sheet "About" saying what was exported and when.
 */
export function writeXlsx(input: ExportInput): Uint8Array {
  const rows = activityRows(input);
  const header = ACTIVITY_COLUMNS.map((column) => column.key);
  const activities: Sheet = {
    name: "Activities",
    columns: ACTIVITY_COLUMNS,
    header,
    rows: rows.map((row) => ACTIVITY_COLUMNS.map((column) => row[column.key])),
  };
  const about: Sheet = {
    name: "About",
    columns: [{ key: "field" }, { key: "value", wrap: true }],
    header: null,
    rows: aboutRows(input, rows.length),
  };
  const title =
    input.workplans.length === 1 ? (input.workplans[0]?.title ?? "") : input.network.name;
  return workbook([activities, about], title, input.generatedAt);
}
