import type { ExportInput } from "./model";
import { ACTIVITY_COLUMNS, activityRows, type Cell } from "./rows";

// a spreadsheet runs a cell starting with one of these as a formula (CSV injection, OWASP)
const FORMULA_START = /^[=+\-@\t\r]/;

function csvField(value: Cell): string {
  if (value === null) return "";
  let text = String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The 4W matrix as CSV (RFC 4180: CRLF, quoted where needed), with a byte order mark so Excel
 * reads UTF-8; text that a spreadsheet would run as a formula is prefixed with an apostrophe.
 */
export function writeCsv(input: ExportInput): string {
  const lines = [ACTIVITY_COLUMNS.map((column) => column.key).join(",")];
  for (const row of activityRows(input)) {
    lines.push(ACTIVITY_COLUMNS.map((column) => csvField(row[column.key])).join(","));
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
