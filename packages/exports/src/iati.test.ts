import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { readCodelist } from "../scripts/codelists";
import { writeIati } from "./iati";
import { iatiCountryCode } from "./iati-codes";
import { type IatiSettings, parseIatiSettings } from "./iati-settings";
import type { ExportInput } from "./model";
import { demoExportInput } from "./test/demo";
import { child, elements, parseXml } from "./test/files";
import { activity, exportInput, workplan } from "./test/fixtures";
import { validateIati } from "./test/iati-schema";

const SETTINGS: IatiSettings = {
  prefix: "XM-DAC-47066",
  reportingOrgType: "40",
  language: "en",
  sector: "15190",
};

// the codelists read straight from IATI's XML files, not from the generated catalogue
const CODELISTS_DIR = fileURLToPath(new URL("../iati/codelists/", import.meta.url));
const CODELISTS = Object.fromEntries(
  readdirSync(CODELISTS_DIR)
    .filter((file) => file.endsWith(".xml"))
    .map((file) => [
      file.replace(/\.xml$/, ""),
      new Set(Object.keys(readCodelist(readFileSync(CODELISTS_DIR + file, "utf8")))),
    ]),
);

/** Which codelist each coded attribute takes its value from (IATI 2.03 activity standard). */
function codelistOf(element: string, attribute: string, vocabulary: string | null): string | null {
  const key = `${element}@${attribute}`;
  switch (key) {
    case "reporting-org@type":
    case "participating-org@type":
      return "OrganisationType";
    case "participating-org@role":
      return "OrganisationRole";
    case "activity-status@code":
      return "ActivityStatus";
    case "activity-date@type":
      return "ActivityDateType";
    case "description@type":
      return "DescriptionType";
    case "recipient-country@code":
      return "Country";
    case "sector@vocabulary":
      return "SectorVocabulary";
    case "sector@code":
      return vocabulary === "1" ? "Sector" : null;
    case "tag@vocabulary":
      return "TagVocabulary";
    case "tag@code":
      return vocabulary === "3" ? "UNSDG-Targets" : null;
    case "budget@type":
      return "BudgetType";
    case "budget@status":
      return "BudgetStatus";
    case "value@currency":
      return "Currency";
    case "iati-activity@xml:lang":
      return "Language";
    default:
      return null;
  }
}

/** Every coded attribute of the file whose code is not an active code of its codelist. */
function codesOutsideTheirLists(xml: string): string[] {
  const wrong: string[] = [];
  const coded = [
    "reporting-org",
    "participating-org",
    "activity-status",
    "activity-date",
    "description",
    "recipient-country",
    "sector",
    "tag",
    "budget",
    "value",
    "iati-activity",
  ];
  const document = parseXml(xml);
  for (const name of coded) {
    for (const element of elements(document, name)) {
      for (const attribute of [
        "type",
        "role",
        "code",
        "vocabulary",
        "status",
        "currency",
        "xml:lang",
      ]) {
        const value = element.getAttribute(attribute);
        if (value === null || value === "") continue;
        const list = codelistOf(name, attribute, element.getAttribute("vocabulary"));
        if (list && !CODELISTS[list]?.has(value))
          wrong.push(`${name}@${attribute}="${value}" (${list})`);
      }
    }
  }
  return wrong;
}

describe("writeIati on the demo network", () => {
  let demo: ExportInput;
  let xml: string;
  beforeAll(() => {
    demo = demoExportInput();
    xml = writeIati(demo, SETTINGS).xml ?? "";
  });

  it("is valid against the IATI 2.03 activity schema", async () => {
    expect(await validateIati(xml)).toEqual({ valid: true, errors: [] });
  });

  it("uses only active codes of IATI's codelists", () => {
    expect(codesOutsideTheirLists(xml)).toEqual([]);
    // the check catches a code outside its list, so passing it means something
    const wrong = xml.replace('<activity-status code="4"/>', '<activity-status code="Closed"/>');
    expect(codesOutsideTheirLists(wrong)).toContain(
      'activity-status@code="Closed" (ActivityStatus)',
    );
  });

  it("writes one iati-activity per activity under the network's prefix", () => {
    const document = parseXml(xml);
    const ids = demo.workplans.flatMap((w) => w.activities.map((a) => `XM-DAC-47066-${a.id}`));
    expect(elements(document, "iati-identifier").map((e) => e.textContent)).toEqual(ids);
    expect(elements(document, "iati-activity")).toHaveLength(ids.length);
  });

  it("describes an activity with its organisations, status, dates, country, tags and budget", () => {
    const document = parseXml(xml);
    const a01 = elements(document, "iati-activity").find(
      (a) => elements(a, "iati-identifier")[0]?.textContent === "XM-DAC-47066-A01",
    );
    if (!a01) throw new Error("A01 is missing");
    const attrs = (name: string, ...keys: string[]) =>
      elements(a01, name).map((e) => keys.map((k) => e.getAttribute(k) ?? ""));
    expect(child(child(a01, "title"), "narrative").textContent).toBe(
      "Workshop with Georgian civil society on taking part in the GCM process",
    );
    expect(attrs("participating-org", "role", "type")).toEqual([
      ["2", "40"],
      ["4", "40"],
      ["4", ""],
      ["4", ""],
      ["4", ""],
      ["4", "80"],
    ]);
    expect(child(child(a01, "participating-org"), "narrative").textContent).toBe(
      "International Organization for Migration (IOM)",
    );
    expect(attrs("activity-status", "code")).toEqual([["4"]]);
    expect(attrs("activity-date", "type", "iso-date")).toEqual([
      ["1", "2021-01-01"],
      ["3", "2021-03-31"],
    ]);
    expect(attrs("recipient-country", "code")).toEqual([["GE"]]);
    expect(attrs("tag", "vocabulary", "code")).toEqual([
      ["3", "10.7"],
      ["99", "23"],
    ]);
    expect(attrs("budget", "type", "status")).toEqual([["1", "2"]]);
    expect(attrs("value", "currency", "value-date")).toEqual([["USD", "2021-01-01"]]);
    expect(elements(a01, "value")[0]?.textContent).toBe("2000");
  });
});

describe("writeIati", () => {
  it("reports activities IATI cannot take, with the reasons, and writes the others", async () => {
    const result = writeIati(
      exportInput([
        workplan({
          activities: [
            activity("ok"),
            activity("no-lead", { lead: null }),
            activity("no-start", { start: null }),
            activity("stranger", { lead: "org-elsewhere" }),
            activity("bare", { title: " ", description: "" }),
            activity("bad/id"),
            activity("backwards", { start: "2024-06", end: "2024-01" }),
          ],
        }),
      ]),
      SETTINGS,
    );
    expect(result.exported.map((e) => e.identifier)).toEqual(["XM-DAC-47066-ok"]);
    expect(result.skipped.map((s) => [s.activityId, s.reasons])).toEqual([
      ["no-lead", ["it has no lead organisation"]],
      ["no-start", ["it has no start month"]],
      ["stranger", ['its lead "org-elsewhere" is not an organisation of the network']],
      ["bare", ["it has no title", "it has no description (IATI requires one)"]],
      [
        "bad/id",
        [
          'its id "bad/id" holds characters an IATI identifier may not (only letters, digits, ".", "_" and "-")',
        ],
      ],
      ["backwards", ["it ends before it starts"]],
    ]);
    expect(elements(parseXml(result.xml ?? ""), "iati-activity")).toHaveLength(1);
    expect((await validateIati(result.xml ?? "")).valid).toBe(true);
  });

  it("writes no file when no activity can be written, since the schema needs one", () => {
    const result = writeIati(
      exportInput([workplan({ activities: [activity("A1", { lead: null })] })]),
      SETTINGS,
    );
    expect(result.xml).toBeNull();
    expect(result.skipped).toHaveLength(1);
  });

  it("leaves out a budget longer than a year, never splitting it into invented annual figures", async () => {
    const result = writeIati(
      exportInput([
        workplan({
          activities: [
            activity("long", {
              start: "2024-01",
              end: "2025-06",
              budget: { amount: 5000, currency: "USD", source: "", secured: true },
            }),
            activity("odd", {
              budget: { amount: 10, currency: "DOLLARS", source: "", secured: false },
            }),
            activity("year", {
              start: "2024-01",
              end: "2024-12",
              budget: { amount: 700.25, currency: "eur", source: "", secured: false },
            }),
          ],
        }),
      ]),
      SETTINGS,
    );
    expect(
      result.notices.filter((n) => n.activityId).map((n) => [n.activityId, n.message]),
    ).toEqual([
      ["long", "budget left out: it covers 18 months, and an IATI budget covers one year at most"],
      ["odd", 'budget left out: "DOLLARS" is not a currency code IATI knows'],
    ]);
    const budgets = elements(parseXml(result.xml ?? ""), "budget");
    expect(budgets).toHaveLength(1);
    const budget = child(parseXml(result.xml ?? ""), "budget");
    expect(child(budget, "value").getAttribute("currency")).toBe("EUR");
    expect(child(budget, "value").textContent).toBe("700.25");
    expect(child(budget, "period-end").getAttribute("iso-date")).toBe("2024-12-31");
    expect(budget.getAttribute("status")).toBe("1");
    expect((await validateIati(result.xml ?? "")).valid).toBe(true);
  });

  it("names funders the budget source names, with their IATI identifiers, and skips unknown partners", () => {
    const result = writeIati(
      exportInput([
        workplan({
          activities: [
            activity("A1", {
              lead: "org-scmi",
              partners: ["org-gyla", "org-ghost", "org-scmi"],
              budget: { amount: 1, currency: "USD", source: "IOM core funds", secured: true },
            }),
          ],
        }),
      ]),
      SETTINGS,
    );
    const orgs = elements(parseXml(result.xml ?? ""), "participating-org").map((e) => [
      e.getAttribute("role"),
      e.getAttribute("ref"),
      e.textContent?.trim(),
    ]);
    expect(orgs).toEqual([
      ["1", "XM-DAC-47066", "International Organization for Migration (IOM)"],
      ["2", null, "State Commission on Migration Issues (SCMI)"],
      ["4", null, "Young Lawyers' Association"],
    ]);
    expect(result.notices.map((n) => n.message)).toContain(
      'partner "org-ghost" left out: not an organisation of the network',
    );
  });

  it("does not export the same identifier twice from a network's workplans", () => {
    const result = writeIati(
      exportInput([
        workplan({ id: "wp-adopted", title: "Plan 2024 (adopted)", activities: [activity("A1")] }),
        workplan({
          id: "wp-revision",
          title: "Plan 2024 (revision)",
          activities: [activity("A1"), activity("A2")],
        }),
      ]),
      SETTINGS,
    );
    expect(result.exported.map((e) => [e.workplanId, e.activityId])).toEqual([
      ["wp-adopted", "A1"],
      ["wp-revision", "A2"],
    ]);
    expect(result.skipped[0]?.reasons).toEqual([
      'the same identifier was already exported from "Plan 2024 (adopted)"',
    ]);
  });

  it("says what it could not include for the whole file", () => {
    const result = writeIati(
      exportInput(
        [
          workplan({
            activities: [
              activity("A1", {
                indicators: [{ name: "n", baseline: "0", target: "1", meansOfVerification: "" }],
              }),
            ],
          }),
        ],
        {
          network: { id: "n", name: "Regional network", country: "Central Asia" },
        },
      ),
      { ...SETTINGS, sector: null },
    );
    expect(result.notices.map((n) => n.message)).toEqual([
      'no recipient country: the network\'s country "Central Asia" is not an ISO 3166-1 country IATI knows',
      "no sector: set the network's DAC sector in its IATI settings; IATI asks every activity for one",
      "indicators are not exported: an IATI result needs a baseline year and numeric values, which activities do not record",
    ]);
    const document = parseXml(result.xml ?? "");
    expect(elements(document, "recipient-country")).toHaveLength(0);
    expect(elements(document, "sector")).toHaveLength(0);
  });

  it("escapes markup in text and drops characters XML cannot hold", async () => {
    const result = writeIati(
      exportInput([
        workplan({
          activities: [
            activity("A1", { title: "Rights & <duties>", description: 'Say "hi"\u0000' }),
          ],
        }),
      ]),
      SETTINGS,
    );
    expect(result.xml).toContain("Rights &amp; &lt;duties&gt;");
    expect(result.xml).toContain("<narrative>Say &quot;hi&quot;</narrative>");
    expect((await validateIati(result.xml ?? "")).valid).toBe(true);
  });
});

describe("IATI settings", () => {
  it("accepts a reporting organisation's identifier as prefix and IATI codes", () => {
    expect(
      parseIatiSettings({ prefix: " XM-DAC-47066 ", reportingOrgType: "40", language: "EN" }),
    ).toEqual({
      ok: true,
      settings: { prefix: "XM-DAC-47066", reportingOrgType: "40", language: "en" },
    });
  });

  it("refuses a prefix IATI identifiers cannot start with, and codes outside the codelists", () => {
    const result = parseIatiSettings({
      prefix: "IOM Georgia/2024",
      reportingOrgType: "Multilateral",
      language: "english",
      sector: "99999",
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.field)).toEqual([
      "prefix",
      "reportingOrgType",
      "language",
      "sector",
    ]);
    expect(result.issues[0]?.message).toMatch(/such as XM-DAC-47066/);
  });

  it("finds the recipient country by code or by name", () => {
    expect(iatiCountryCode("Georgia")).toBe("GE");
    expect(iatiCountryCode("ge")).toBe("GE");
    expect(iatiCountryCode("Moldova")).toBe("MD");
    expect(iatiCountryCode("Atlantis")).toBeNull();
  });
});
