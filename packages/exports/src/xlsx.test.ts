import readXlsxFile from "read-excel-file/node";
import { describe, expect, it } from "vitest";
import {
  convertWithLibreOffice,
  elements,
  NO_LIBREOFFICE,
  parseXml,
  SOFFICE,
  unzipText,
} from "./test/files";
import { activity, exportInput, workplan } from "./test/fixtures";
import { columnName, writeXlsx } from "./xlsx";

const input = exportInput([
  workplan({
    activities: [
      activity("A1", {
        title: "Train border officials",
        partners: ["org-unicef"],
        gcmObjectives: [10],
        budget: { amount: 120000, currency: "EUR", source: "EU", secured: true },
      }),
      activity("A2", {
        title: '=HYPERLINK("http://evil.example")',
        budget: { amount: 99.5, currency: "USD", source: "", secured: false },
      }),
      activity("A3", { title: "Bell\u0007 in the title", lead: null }),
    ],
  }),
]);

describe("writeXlsx", () => {
  it("opens in a spreadsheet reader with the header and one row per activity", async () => {
    const [activities, about] = await readXlsxFile(Buffer.from(writeXlsx(input)));
    expect(activities?.sheet).toBe("Activities");
    const [header = [], ...rows] = activities?.data ?? [];
    expect(header).toEqual(
      expect.arrayContaining([
        "id",
        "title",
        "lead",
        "partners",
        "locations",
        "start",
        "end",
        "gcmObjectives",
        "status",
        "budget",
      ]),
    );
    const record = (row: readonly unknown[]) =>
      Object.fromEntries(header.map((key, i) => [key, row[i]]));
    expect(rows.map(record)).toMatchObject([
      {
        id: "A1",
        title: "Train border officials",
        lead: "IOM",
        partners: "UNICEF",
        gcmObjectives: "10",
        budgetAmount: 120000,
        budgetCurrency: "EUR",
        budgetSecured: "yes",
      },
      { id: "A2", title: '=HYPERLINK("http://evil.example")', budgetAmount: 99.5 },
      { id: "A3", title: "Bell in the title", lead: null },
    ]);
    expect(about?.sheet).toBe("About");
    expect(about?.data[0]).toEqual(["Network", "UN Network on Migration – Georgia"]);
    expect(about?.data).toContainEqual(["Activities", 3]);
  });

  it("freezes and filters the header row and sizes the columns to their content", () => {
    const files = unzipText(writeXlsx(input));
    const sheet = parseXml(files["xl/worksheets/sheet1.xml"] ?? "");
    const pane = elements(sheet, "pane")[0];
    expect(pane?.getAttribute("state")).toBe("frozen");
    expect(pane?.getAttribute("ySplit")).toBe("1");
    expect(pane?.getAttribute("topLeftCell")).toBe("A2");
    const lastColumn = columnName(elements(sheet, "col").length - 1);
    expect(elements(sheet, "autoFilter")[0]?.getAttribute("ref")).toBe(`A1:${lastColumn}4`);
    const workbook = parseXml(files["xl/workbook.xml"] ?? "");
    expect(elements(workbook, "definedName")[0]?.textContent).toBe(
      `'Activities'!$A$1:$${lastColumn}$4`,
    );

    const widths = elements(sheet, "col").map((col) => Number(col.getAttribute("width")));
    const header = elements(sheet, "row")[0];
    const keys = header ? elements(header, "t").map((t) => t.textContent) : [];
    const width = (key: string) => widths[keys.indexOf(key)] ?? 0;
    expect(width("id")).toBeLessThan(width("title"));
    expect(width("title")).toBeGreaterThanOrEqual("Train border officials".length);
    for (const w of widths) expect(w).toBeLessThanOrEqual(50);
  });

  it("writes text that looks like a formula as text, never as a formula", () => {
    const sheet = unzipText(writeXlsx(input))["xl/worksheets/sheet1.xml"] ?? "";
    expect(sheet).not.toContain("<f>");
    expect(elements(parseXml(sheet), "c").every((c) => c.getAttribute("t") !== "str")).toBe(true);
  });

  it("has a header and no rows for a workplan without activities", async () => {
    const [activities] = await readXlsxFile(Buffer.from(writeXlsx(exportInput([workplan()]))));
    expect(activities?.data).toHaveLength(1);
  });

  it("converts with LibreOffice to the same rows", (context) => {
    if (!SOFFICE) context.skip(NO_LIBREOFFICE);
    const csv = convertWithLibreOffice(writeXlsx(input), "xlsx", "csv");
    const lines = csv.trim().split(/\r?\n/);
    expect(lines).toHaveLength(4);
    expect(lines[0]?.startsWith("id,workplanId,workplan,title,lead")).toBe(true);
    expect(lines[1]).toContain("Train border officials");
    // a cold LibreOffice start takes several seconds on a busy two-core machine
  }, 120_000);
});
