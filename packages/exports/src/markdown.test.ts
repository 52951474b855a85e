import type { NarrativeNode } from "@junction/domain/doc";
import { describe, expect, it } from "vitest";
import { writeMarkdown } from "./markdown";
import { activity, exportInput, workplan } from "./test/fixtures";

const text = (value: string, marks = {}) => ({ kind: "text" as const, text: value, ...marks });

describe("writeMarkdown", () => {
  it("writes the narrative and each activity where it sits, readable as plain text", () => {
    const narrative: NarrativeNode[] = [
      { kind: "heading", level: 2, content: [text("Context")] },
      {
        kind: "paragraph",
        content: [
          text("Read the "),
          text("strategy", { link: "https://example.org/s" }),
          text(" "),
          text("first", { bold: true }),
          text("."),
        ],
      },
      {
        kind: "list",
        ordered: true,
        start: 1,
        items: [
          [{ kind: "paragraph", content: [text("Consult")] }],
          [{ kind: "paragraph", content: [text("Adopt")] }],
        ],
      },
      { kind: "activity", id: "A1" },
    ];
    const markdown = writeMarkdown(
      exportInput([
        workplan({
          narrative,
          openSuggestions: 1,
          activities: [
            activity("A1", {
              title: "Train border officials",
              partners: ["org-unicef"],
              gcmObjectives: [10],
              budget: { amount: 5000, currency: "USD", source: "", secured: false },
              indicators: [
                {
                  name: "Officials trained",
                  baseline: "0",
                  target: "200",
                  meansOfVerification: "Lists",
                },
              ],
            }),
          ],
        }),
      ]),
    );
    expect(markdown).toBe(`# Joint workplan 2024

*UN Network on Migration – Georgia · Consultation, live document · exported 3 December 2026*

> 1 suggestion on this text is still open and is not included.

## Context

Read the [strategy](<https://example.org/s>) **first**.

1. Consult
2. Adopt

### Train border officials

What A1 does.

- **Lead:** International Organization for Migration (IOM)
- **Partners:** United Nations Children's Fund (UNICEF)
- **GCM objectives:** 10. Prevent, combat and eradicate trafficking in persons in the context of international migration
- **Period:** Jan 2024 – Jun 2024
- **Budget:** 5,000 USD, required
- **Status:** Planned

| Indicator | Baseline | Target | Means of verification |
| --- | --- | --- | --- |
| Officials trained | 0 | 200 | Lists |
`);
  });

  it("escapes text that Markdown would read as markup, and drops unsafe links", () => {
    const markdown = writeMarkdown(
      exportInput([
        workplan({
          narrative: [
            { kind: "paragraph", content: [text("# not a heading")] },
            {
              kind: "paragraph",
              content: [text("click", { link: "javascript:alert(1)" }), text(" a *b* <i>")],
            },
          ],
        }),
      ]),
    );
    expect(markdown).toContain("\n\\# not a heading\n");
    expect(markdown).toContain("\nclick a \\*b\\* \\<i\\>\n");
    expect(markdown).not.toContain("javascript:");
  });
});
