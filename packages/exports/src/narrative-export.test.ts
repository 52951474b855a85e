import { readActivities, readNarrative } from "@junction/domain/doc";
import { getSchema, mergeAttributes, Node } from "@tiptap/core";
import { TableKit } from "@tiptap/extension-table";
import StarterKit from "@tiptap/starter-kit";
import { prosemirrorJSONToYDoc } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import { writeDocx } from "./docx";
import { writeMarkdown } from "./markdown";
import { docxParagraphs } from "./test/files";
import { exportInput, workplan } from "./test/fixtures";

// the editor's schema: StarterKit and TableKit configured as in apps/web, and nodes with the
// activity block's names and attributes (its React view does not matter here)
const schema = getSchema([
  StarterKit.configure({
    undoRedo: false,
    heading: { levels: [1, 2, 3] },
    code: false,
    codeBlock: false,
  }),
  TableKit,
  Node.create({
    name: "activity",
    group: "block",
    content: "activityTitle activityDescription",
    addAttributes: () =>
      Object.fromEntries(
        ["id", "lead", "gcmObjectives", "start", "end", "status"].map((name) => [
          name,
          { default: null },
        ]),
      ),
    renderHTML: ({ HTMLAttributes }) => ["section", mergeAttributes(HTMLAttributes), 0],
  }),
  Node.create({ name: "activityTitle", content: "text*", renderHTML: () => ["h3", 0] }),
  Node.create({ name: "activityDescription", content: "paragraph+", renderHTML: () => ["div", 0] }),
]);

const t = (text: string, marks?: unknown[]) => ({
  type: "text",
  text,
  ...(marks ? { marks } : {}),
});
const p = (...content: unknown[]) => ({ type: "paragraph", content });

// a workplan as the editor writes it through y-tiptap
const ydoc = prosemirrorJSONToYDoc(
  schema,
  {
    type: "doc",
    content: [
      { type: "heading", attrs: { level: 1 }, content: [t("Joint plan")] },
      p(
        t("Read the "),
        t("strategy", [{ type: "link", attrs: { href: "https://example.org/s" } }]),
        t(" and "),
        t("act", [{ type: "bold" }, { type: "italic" }]),
      ),
      {
        type: "bulletList",
        content: [
          {
            type: "listItem",
            content: [
              p(t("Protect")),
              { type: "orderedList", content: [{ type: "listItem", content: [p(t("Identify"))] }] },
            ],
          },
        ],
      },
      {
        type: "table",
        content: [
          {
            type: "tableRow",
            content: [
              { type: "tableHeader", content: [p(t("Area"))] },
              { type: "tableHeader", content: [p(t("Lead"))] },
            ],
          },
          {
            type: "tableRow",
            content: [
              { type: "tableCell", attrs: { colspan: 2 }, content: [p(t("Return, with UNDP"))] },
            ],
          },
        ],
      },
      { type: "blockquote", content: [p(t("No one left behind."))] },
      { type: "horizontalRule" },
      {
        type: "activity",
        attrs: {
          id: "A1",
          lead: "org-iom",
          gcmObjectives: [21],
          start: "2024-03",
          end: "2024-09",
          status: "ongoing",
        },
        content: [
          { type: "activityTitle", content: [t("Reintegration counselling")] },
          { type: "activityDescription", content: [p(t("Individual plans."))] },
        ],
      },
      p(t("After the activity", [{ type: "strike" }]), { type: "hardBreak" }, t("next line")),
    ],
  },
  "default",
);

describe("an editor document, exported", () => {
  it("reads every node the editor writes", () => {
    expect(readNarrative(ydoc).map((node) => node.kind)).toEqual([
      "heading",
      "paragraph",
      "list",
      "table",
      "quote",
      "rule",
      "activity",
      "paragraph",
    ]);
    expect(readNarrative(ydoc)[2]).toEqual({
      kind: "list",
      ordered: false,
      start: 1,
      items: [
        [
          { kind: "paragraph", content: [{ kind: "text", text: "Protect" }] },
          {
            kind: "list",
            ordered: true,
            start: 1,
            items: [[{ kind: "paragraph", content: [{ kind: "text", text: "Identify" }] }]],
          },
        ],
      ],
    });
  });

  it("becomes a Word document and Markdown with the text, the links and the activity", async () => {
    const input = exportInput([
      workplan({ narrative: readNarrative(ydoc), activities: readActivities(ydoc) }),
    ]);
    const paragraphs = docxParagraphs(await writeDocx(input));
    for (const line of [
      "Joint plan",
      "Read the strategy and act",
      "Protect",
      "Identify",
      "Return, with UNDP",
      "No one left behind.",
      "Reintegration counselling",
      "Individual plans.",
      "Period\tMar 2024 – Sep 2024",
      "After the activity\nnext line",
    ]) {
      expect(paragraphs).toContain(line);
    }
    const markdown = writeMarkdown(input);
    expect(markdown).toContain("Read the [strategy](<https://example.org/s>) and ***act***");
    expect(markdown).toContain("- Protect\n\n  1. Identify");
    expect(markdown).toContain("| Area | Lead |\n| --- | --- |\n| Return, with UNDP |  |");
    expect(markdown).toContain("> No one left behind.");
    expect(markdown).toContain("## Reintegration counselling");
    expect(markdown).toContain("~~After the activity~~  \nnext line");
  });
});
