import { describe, expect, it } from "vitest";
import { writeCsv } from "./csv";
import { activity, exportInput, workplan } from "./test/fixtures";

/** A minimal RFC 4180 reader, to read the file back as a spreadsheet would. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += c;
  }
  return rows;
}

function records(text: string): Record<string, string>[] {
  const [header = [], ...rows] = readCsv(text.replace(/^\uFEFF/, ""));
  return rows.map((row) => Object.fromEntries(header.map((key, i) => [key, row[i] ?? ""])));
}

describe("writeCsv", () => {
  it("starts with a byte order mark and the contract's columns", () => {
    const csv = writeCsv(exportInput([workplan()]));
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const header = readCsv(csv.slice(1))[0];
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
    expect(header?.slice(0, 2)).toEqual(["id", "workplanId"]);
  });

  it("writes one row per activity with organisations, objectives and budget as people read them", () => {
    const csv = writeCsv(
      exportInput([
        workplan({
          activities: [
            activity("A1", {
              title: "Train border officials",
              lead: "org-iom",
              partners: ["org-unicef", "org-gyla"],
              locations: ["Tbilisi", "Batumi"],
              gcmObjectives: [10, 11],
              sdgTargets: ["16.2"],
              status: "ongoing",
              budget: { amount: 120000, currency: "EUR", source: "EU", secured: false },
            }),
            activity("A2", { lead: null, budget: null }),
          ],
        }),
      ]),
    );
    const [a1, a2] = records(csv);
    expect(a1).toMatchObject({
      id: "A1",
      workplan: "Joint workplan 2024",
      title: "Train border officials",
      lead: "IOM",
      leadName: "International Organization for Migration (IOM)",
      leadType: "UN agency",
      partners: "UNICEF; Young Lawyers' Association",
      locations: "Tbilisi; Batumi",
      start: "2024-01",
      end: "2024-06",
      status: "Ongoing",
      gcmObjectives: "10; 11",
      sdgTargets: "16.2",
      budget: "120,000 EUR, required, EU",
      budgetAmount: "120000",
      budgetCurrency: "EUR",
      budgetSecured: "no",
      budgetSource: "EU",
    });
    expect(a1?.gcmObjectiveTitles).toMatch(/^10\. Prevent, combat and eradicate trafficking/);
    expect(a1?.sdgTargetTitles).toMatch(/^16\.2 End abuse, exploitation, trafficking/);
    expect(a2).toMatchObject({ id: "A2", lead: "", budget: "", budgetAmount: "" });
  });

  it("quotes commas, quotes and line breaks so every field comes back whole", () => {
    const title = 'Survey, "phase 2"\nand follow-up';
    const csv = writeCsv(exportInput([workplan({ activities: [activity("A1", { title })] })]));
    expect(records(csv)[0]?.title).toBe(title);
    expect(csv).toContain('"Survey, ""phase 2""\nand follow-up"');
    expect(csv.endsWith("\r\n")).toBe(true);
  });

  it("keeps text a spreadsheet would run as a formula from being one", () => {
    const csv = writeCsv(
      exportInput([
        workplan({
          activities: [
            activity("A1", { title: '=HYPERLINK("http://evil.example","click")' }),
            activity("A2", { title: "+1 training", description: "@SUM(A1:A9)" }),
            activity("A3", { title: "-5 days" }),
          ],
        }),
      ]),
    );
    const rows = records(csv);
    expect(rows.map((row) => row.title)).toEqual([
      `'=HYPERLINK("http://evil.example","click")`,
      "'+1 training",
      "'-5 days",
    ]);
    expect(rows[1]?.description).toBe("'@SUM(A1:A9)");
  });

  it("lists every workplan's activities in a network export", () => {
    const csv = writeCsv(
      exportInput([
        workplan({ id: "wp-1", title: "Plan one", activities: [activity("A1"), activity("A2")] }),
        workplan({ id: "wp-2", title: "Plan two", activities: [activity("B1")] }),
      ]),
    );
    expect(records(csv).map((row) => [row.workplanId, row.id])).toEqual([
      ["wp-1", "A1"],
      ["wp-1", "A2"],
      ["wp-2", "B1"],
    ]);
  });

  it("shows an organisation id the network does not know as it is, never another network's name", () => {
    const csv = writeCsv(
      exportInput([
        workplan({
          activities: [activity("A1", { lead: "org-elsewhere", partners: ["org-other"] })],
        }),
      ]),
    );
    expect(records(csv)[0]).toMatchObject({
      lead: "org-elsewhere",
      leadName: "org-elsewhere",
      leadType: "",
      partners: "org-other",
    });
  });
});
