import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { appendNarrative, NARRATIVE_FIELD } from "./activity-doc";
import { readNarrative } from "./narrative-doc";
import { emptyActivity } from "./schemas";

function element(name: string, children: (Y.XmlElement | Y.XmlText)[] = [], attrs = {}) {
  const node = new Y.XmlElement(name);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value as string);
  node.insert(0, children);
  return node;
}

function text(value: string): Y.XmlText {
  return new Y.XmlText(value);
}

// the way y-tiptap stores marks: one formatting attribute per mark, its attrs as the value
function formatted(parts: [string, Record<string, unknown>?][]): Y.XmlText {
  const node = new Y.XmlText();
  let index = 0;
  for (const [value, marks] of parts) {
    node.insert(index, value, marks ?? {});
    index += value.length;
  }
  return node;
}

function docWith(...nodes: Y.XmlElement[]): Y.Doc {
  const ydoc = new Y.Doc();
  const fragment = ydoc.getXmlFragment(NARRATIVE_FIELD);
  ydoc.transact(() => fragment.insert(0, nodes));
  return ydoc;
}

describe("readNarrative", () => {
  it("reads a seeded workplan's headings, paragraphs and activities in document order", () => {
    const ydoc = new Y.Doc();
    appendNarrative(ydoc, [
      { kind: "heading", level: 2, text: "Context" },
      { kind: "paragraph", text: "The network was created in 2020." },
      { kind: "heading", level: 3, text: "O1. Coordination" },
      { kind: "activity", activity: { ...emptyActivity("A01"), title: "Workshop" } },
      { kind: "paragraph", text: "Between the two." },
      { kind: "activity", activity: { ...emptyActivity("A02"), title: "Survey" } },
    ]);

    expect(readNarrative(ydoc)).toEqual([
      { kind: "heading", level: 2, content: [{ kind: "text", text: "Context" }] },
      {
        kind: "paragraph",
        content: [{ kind: "text", text: "The network was created in 2020." }],
      },
      { kind: "heading", level: 3, content: [{ kind: "text", text: "O1. Coordination" }] },
      { kind: "activity", id: "A01" },
      { kind: "paragraph", content: [{ kind: "text", text: "Between the two." }] },
      { kind: "activity", id: "A02" },
    ]);
  });

  it("keeps bold, italic and links, and hard breaks, inside a paragraph", () => {
    const ydoc = docWith(
      element("paragraph", [
        formatted([
          ["See ", {}],
          ["the strategy", { link: { href: "https://example.org/s", target: "_blank" } }],
          [", ", {}],
          ["urgent", { bold: {}, italic: {} }],
        ]),
        element("hardBreak"),
        text("next line"),
      ]),
    );

    expect(readNarrative(ydoc)).toEqual([
      {
        kind: "paragraph",
        content: [
          { kind: "text", text: "See " },
          { kind: "text", text: "the strategy", link: "https://example.org/s" },
          { kind: "text", text: ", " },
          { kind: "text", text: "urgent", bold: true, italic: true },
          { kind: "break" },
          { kind: "text", text: "next line" },
        ],
      },
    ]);
  });

  it("reads a mark stored under a hashed name as that mark", () => {
    const ydoc = docWith(
      element("paragraph", [formatted([["struck", { "strike--AbCd1234": {} }]])]),
    );
    expect(readNarrative(ydoc)).toEqual([
      { kind: "paragraph", content: [{ kind: "text", text: "struck", strike: true }] },
    ]);
  });

  it("reads bullet and ordered lists with their items and numbering start", () => {
    const item = (value: string) => element("listItem", [element("paragraph", [text(value)])]);
    const ydoc = docWith(
      element("bulletList", [item("one"), item("two")]),
      element("orderedList", [item("first")], { start: 3 }),
    );

    const [bullets, numbered] = readNarrative(ydoc);
    expect(bullets).toEqual({
      kind: "list",
      ordered: false,
      start: 1,
      items: [
        [{ kind: "paragraph", content: [{ kind: "text", text: "one" }] }],
        [{ kind: "paragraph", content: [{ kind: "text", text: "two" }] }],
      ],
    });
    expect(numbered).toMatchObject({ kind: "list", ordered: true, start: 3 });
  });

  it("reads a table with header cells and spans", () => {
    const cell = (name: string, value: string, attrs = {}) =>
      element(name, [element("paragraph", [text(value)])], attrs);
    const ydoc = docWith(
      element("table", [
        element("tableRow", [cell("tableHeader", "Area"), cell("tableHeader", "Lead")]),
        element("tableRow", [cell("tableCell", "Return", { colspan: 2, rowspan: 1 })]),
      ]),
    );

    expect(readNarrative(ydoc)).toEqual([
      {
        kind: "table",
        rows: [
          [
            {
              header: true,
              colspan: 1,
              rowspan: 1,
              children: [{ kind: "paragraph", content: [{ kind: "text", text: "Area" }] }],
            },
            {
              header: true,
              colspan: 1,
              rowspan: 1,
              children: [{ kind: "paragraph", content: [{ kind: "text", text: "Lead" }] }],
            },
          ],
          [
            {
              header: false,
              colspan: 2,
              rowspan: 1,
              children: [{ kind: "paragraph", content: [{ kind: "text", text: "Return" }] }],
            },
          ],
        ],
      },
    ]);
  });

  it("bounds spans and a list's start to what a table and a Word list can hold", () => {
    const cell = (attrs: Record<string, unknown>) =>
      element("tableCell", [element("paragraph", [text("x")])], attrs);
    const ydoc = docWith(
      element("table", [
        element("tableRow", [
          cell({ colspan: 1_000_000_000, rowspan: 1_000_000_000 }),
          cell({ colspan: "1e9", rowspan: 70000 }),
          cell({ colspan: -3, rowspan: 2.5 }),
        ]),
      ]),
      element("orderedList", [element("listItem", [element("paragraph", [text("x")])])], {
        start: 1e12,
      }),
    );

    const [table, list] = readNarrative(ydoc);
    expect(table?.kind === "table" && table.rows[0]?.map((c) => [c.colspan, c.rowspan])).toEqual([
      [1000, 65534],
      [1000, 65534],
      [1, 1],
    ]);
    expect(list).toMatchObject({ kind: "list", start: 2_147_483_647 });
  });

  it("skips content and attribute values the editor never writes instead of failing", () => {
    const ydoc = docWith(
      element("heading", [text("Plan")], { level: new Y.Map() }),
      element("paragraph", [text("Kept")]),
    );
    const writer = new Y.Doc();
    Y.applyUpdate(writer, Y.encodeStateAsUpdate(ydoc));
    const root = writer.getArray(NARRATIVE_FIELD);
    root.insert(0, [null, "bare", new Uint8Array([1]), new Y.Map()]);
    const read = new Y.Doc();
    Y.applyUpdate(read, Y.encodeStateAsUpdate(writer));

    expect(readNarrative(read)).toEqual([
      { kind: "heading", level: 1, content: [{ kind: "text", text: "Plan" }] },
      { kind: "paragraph", content: [{ kind: "text", text: "Kept" }] },
    ]);
  });

  it("finds an activity nested in a quote and skips a block without an id", () => {
    const activity = (id: string | null) =>
      element("activity", [element("activityTitle", [text("Nested")])], id ? { id } : {});
    const ydoc = docWith(element("blockquote", [activity("A07")]), activity(null));

    expect(readNarrative(ydoc)).toEqual([
      { kind: "quote", children: [{ kind: "activity", id: "A07" }] },
    ]);
  });

  it("keeps the text of blocks it does not know and clamps heading levels", () => {
    const ydoc = docWith(
      element("callout", [element("paragraph", [text("inside a future block")])]),
      element("heading", [text("Deep")], { level: 9 }),
      element("horizontalRule"),
    );

    expect(readNarrative(ydoc)).toEqual([
      { kind: "paragraph", content: [{ kind: "text", text: "inside a future block" }] },
      { kind: "heading", level: 6, content: [{ kind: "text", text: "Deep" }] },
      { kind: "rule" },
    ]);
  });
});
