import { emptyActivity } from "@junction/domain";
import type { NarrativeNode } from "@junction/domain/doc";
import { describe, expect, it } from "vitest";
import { writeDocx } from "./docx";
import { demoExportInput } from "./test/demo";
import {
  convertWithLibreOffice,
  docxParagraphs,
  elements,
  NO_LIBREOFFICE,
  parseXml,
  SOFFICE,
  unzipText,
} from "./test/files";
import { activity, exportInput, workplan } from "./test/fixtures";

const text = (value: string, marks = {}) => ({ kind: "text" as const, text: value, ...marks });
const paragraph = (...content: ReturnType<typeof text>[]): NarrativeNode => ({
  kind: "paragraph",
  content,
});

const narrative: NarrativeNode[] = [
  { kind: "heading", level: 1, content: [text("Context")] },
  paragraph(
    text("See the "),
    text("national strategy", { link: "https://example.org/strategy" }),
    text(" and "),
    text("act now", { bold: true }),
    text(" ("),
    text("unsafe", { link: "javascript:alert(1)" }),
    text(")."),
  ),
  {
    kind: "list",
    ordered: false,
    start: 1,
    items: [[paragraph(text("First priority"))], [paragraph(text("Second priority"))]],
  },
  {
    kind: "list",
    ordered: true,
    start: 1,
    items: [[paragraph(text("Step one"))], [paragraph(text("Step two"))]],
  },
  {
    kind: "table",
    rows: [
      [
        { header: true, colspan: 1, rowspan: 1, children: [paragraph(text("Area"))] },
        { header: true, colspan: 1, rowspan: 1, children: [paragraph(text("Lead"))] },
      ],
      [
        { header: false, colspan: 1, rowspan: 1, children: [paragraph(text("Return"))] },
        { header: false, colspan: 1, rowspan: 1, children: [paragraph(text("UNDP"))] },
      ],
    ],
  },
  { kind: "heading", level: 2, content: [text("Activities")] },
  { kind: "activity", id: "A2" },
  paragraph(text("Between two activities.")),
  { kind: "activity", id: "A1" },
];

const input = exportInput([
  workplan({
    version: { id: "v1", name: "Consultation draft", createdAt: "2026-11-20T10:00:00Z" },
    openSuggestions: 3,
    narrative,
    activities: [
      activity("A1", {
        title: "Train border officials",
        partners: ["org-unicef"],
        gcmObjectives: [10, 11],
        sdgTargets: ["16.2"],
        locations: ["Batumi"],
        status: "ongoing",
        budget: { amount: 120000, currency: "EUR", source: "EU", secured: true },
        indicators: [
          {
            name: "Officials trained",
            baseline: "0",
            target: "200",
            meansOfVerification: "Attendance lists",
          },
        ],
      }),
      activity("A2", { title: "Map recruitment agencies" }),
      activity("A3", { title: "Not placed in the text" }),
    ],
  }),
]);

describe("writeDocx", () => {
  it("opens with a title page naming the network, workplan, stage, version and date", async () => {
    const paragraphs = await writeDocx(input).then(docxParagraphs);
    expect(paragraphs.slice(0, 6)).toEqual([
      "UN Network on Migration – Georgia",
      "Joint workplan 2024",
      "Stage: Consultation",
      "Version: Consultation draft (saved 20 November 2026)",
      "Exported: 3 December 2026",
      "3 suggestions on this text are still open and are not included.",
    ]);
  });

  it("keeps the narrative's headings, lists, table and safe links", async () => {
    const bytes = await writeDocx(input);
    const paragraphs = docxParagraphs(bytes);
    for (const line of [
      "Context",
      "First priority",
      "Step two",
      "Area",
      "UNDP",
      "Between two activities.",
    ]) {
      expect(paragraphs).toContain(line);
    }
    expect(paragraphs).toContain("See the national strategy and act now (unsafe).");
    const files = unzipText(bytes);
    const document = parseXml(files["word/document.xml"] ?? "");
    expect(elements(document, "w:tbl").length).toBeGreaterThan(0);
    expect(elements(document, "w:numPr").length).toBe(4);
    const rels = parseXml(files["word/_rels/document.xml.rels"] ?? "");
    const targets = elements(rels, "Relationship").map((r) => r.getAttribute("Target"));
    expect(targets).toContain("https://example.org/strategy");
    expect(targets).not.toContain("javascript:alert(1)");
  });

  it("puts each activity where the text places it, then the ones it does not, with their fields", async () => {
    const paragraphs = await writeDocx(input).then(docxParagraphs);
    const at = (line: string) => paragraphs.indexOf(line);
    expect(at("Map recruitment agencies")).toBeGreaterThan(at("Activities"));
    expect(at("Between two activities.")).toBeGreaterThan(at("Map recruitment agencies"));
    expect(at("Train border officials")).toBeGreaterThan(at("Between two activities."));
    expect(at("Other activities")).toBeGreaterThan(at("Train border officials"));
    expect(at("Not placed in the text")).toBeGreaterThan(at("Other activities"));
    const block = paragraphs.slice(at("Train border officials"), at("Other activities"));
    expect(block).toEqual(
      expect.arrayContaining([
        "Lead\tInternational Organization for Migration (IOM)",
        "Partners\tUnited Nations Children's Fund (UNICEF)",
        "GCM objectives\t10. Prevent, combat and eradicate trafficking in persons in the context of international migration\n11. Manage borders in an integrated, secure and coordinated manner",
        "SDG targets\t16.2 End abuse, exploitation, trafficking and all forms of violence against and torture of children",
        "Places\tBatumi",
        "Period\tJan 2024 – Jun 2024",
        "Budget\t120,000 EUR, secured, EU",
        "Status\tOngoing",
        "Indicators\tOfficials trained: baseline 0, target 200 (Attendance lists)",
      ]),
    );
  });

  it("lists the activities under a heading when there is no narrative", async () => {
    const paragraphs = await writeDocx(
      exportInput([workplan({ activities: [activity("A1", { title: "Only activity" })] })]),
    ).then(docxParagraphs);
    expect(paragraphs).toContain("Activities");
    expect(paragraphs).toContain("Only activity");
    expect(paragraphs).toContain("Version: Live document");
  });

  it("drops characters a Word file cannot hold instead of writing a broken file", async () => {
    const bytes = await writeDocx(
      exportInput([
        workplan({ activities: [{ ...emptyActivity("A1"), title: "Bell\u0007 and form feed\f" }] }),
      ]),
    );
    expect(docxParagraphs(bytes)).toContain("Bell and form feed");
  });

  it("exports every workplan of a network one after another", async () => {
    const demo = demoExportInput();
    const paragraphs = await writeDocx(demo).then(docxParagraphs);
    for (const w of demo.workplans) expect(paragraphs).toContain(w.title);
    for (const a of demo.workplans.flatMap((w) => w.activities))
      expect(paragraphs).toContain(a.title);
  });

  it("opens in LibreOffice with every activity title of the demo workplan", async (context) => {
    if (!SOFFICE) context.skip(NO_LIBREOFFICE);
    const demo = demoExportInput();
    const first = demo.workplans[0];
    if (!first) throw new Error("the demo network has no workplan");
    const text = convertWithLibreOffice(
      await writeDocx({ ...demo, workplans: [first] }),
      "docx",
      "txt:Text",
    );
    const lines = text.split(/\r?\n/).map((line) => line.replace(/^\uFEFF/, "").trim());
    expect(lines).toContain(first.title);
    expect(lines).toContain("Stage: Consultation");
    expect(first.activities.length).toBeGreaterThan(20);
    for (const a of first.activities) expect(lines).toContain(a.title);
    // a cold LibreOffice start takes several seconds on a busy two-core machine
  }, 120_000);
});
