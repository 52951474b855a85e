import * as Y from "yjs";
import { ACTIVITY_NODE, NARRATIVE_FIELD } from "./activity-doc";
import { type XmlNode, xmlChildren } from "./xml-content";

/** Text with the marks the editor offers; `link` is the href as typed, unchecked. */
export type NarrativeText = {
  kind: "text";
  text: string;
  bold?: true;
  italic?: true;
  underline?: true;
  strike?: true;
  code?: true;
  link?: string;
};

export type NarrativeInline = NarrativeText | { kind: "break" };

export type NarrativeTableCell = {
  header: boolean;
  colspan: number;
  rowspan: number;
  children: NarrativeNode[];
};

/**
 * A workplan's narrative as a neutral tree that exports can render without yjs or Tiptap.
 * An activity block is a reference by id: its fields come from the activity index.
 */
export type NarrativeNode =
  | { kind: "heading"; level: 1 | 2 | 3 | 4 | 5 | 6; content: NarrativeInline[] }
  | { kind: "paragraph"; content: NarrativeInline[] }
  | { kind: "list"; ordered: boolean; start: number; items: NarrativeNode[][] }
  | { kind: "table"; rows: NarrativeTableCell[][] }
  | { kind: "quote"; children: NarrativeNode[] }
  | { kind: "code"; text: string }
  | { kind: "rule" }
  | { kind: "activity"; id: string };

// HTML's own limits for a cell's spans, and DOCX's for a number (a 32-bit signed integer):
// beyond them a value is no layout anyone meant, and exports would allocate in proportion to it
const MAX_COLSPAN = 1000;
const MAX_ROWSPAN = 65534;
const MAX_LIST_START = 2_147_483_647;

const MARKS = ["bold", "italic", "underline", "strike", "code"] as const;

// y-tiptap stores a mark that may overlap itself under "name--hash"
function markName(attribute: string): string {
  return /^(.*)--[a-zA-Z0-9+/=]{8}$/.exec(attribute)?.[1] ?? attribute;
}

function textRuns(text: Y.XmlText): NarrativeText[] {
  const runs: NarrativeText[] = [];
  for (const op of text.toDelta() as { insert?: unknown; attributes?: Record<string, unknown> }[]) {
    if (typeof op.insert !== "string" || op.insert === "") continue;
    const run: NarrativeText = { kind: "text", text: op.insert };
    for (const [attribute, value] of Object.entries(op.attributes ?? {})) {
      const name = markName(attribute);
      if (name === "link") {
        const href = (value as { href?: unknown } | null)?.href;
        if (typeof href === "string" && href !== "") run.link = href;
      } else if ((MARKS as readonly string[]).includes(name)) {
        run[name as (typeof MARKS)[number]] = true;
      }
    }
    runs.push(run);
  }
  return runs;
}

function inlineContent(element: Y.XmlElement): NarrativeInline[] {
  const content: NarrativeInline[] = [];
  for (const child of xmlChildren(element)) {
    if (child instanceof Y.XmlText) content.push(...textRuns(child));
    else if (child.nodeName === "hardBreak") content.push({ kind: "break" });
    // an inline node we do not know: keep its text
    else content.push(...inlineContent(child));
  }
  return content;
}

function plainText(node: XmlNode): string {
  if (node instanceof Y.XmlText)
    return textRuns(node)
      .map((run) => run.text)
      .join("");
  return xmlChildren(node).map(plainText).join("");
}

/** A whole number from 1 to `max` (a larger one reads as `max`); anything else is `fallback`. */
function positiveInteger(value: unknown, fallback: number, max: number): number {
  if (typeof value !== "number" && typeof value !== "string") return fallback;
  const number = Number(value);
  return Number.isInteger(number) && number >= 1 ? Math.min(number, max) : fallback;
}

function headingLevel(value: unknown): 1 | 2 | 3 | 4 | 5 | 6 {
  return positiveInteger(value, 1, 6) as 1 | 2 | 3 | 4 | 5 | 6;
}

function blocks(parent: Y.XmlFragment): NarrativeNode[] {
  return xmlChildren(parent).flatMap(block);
}

function block(node: XmlNode): NarrativeNode[] {
  if (node instanceof Y.XmlText) {
    const content = textRuns(node);
    return content.length > 0 ? [{ kind: "paragraph", content }] : [];
  }
  switch (node.nodeName) {
    case "paragraph":
      return [{ kind: "paragraph", content: inlineContent(node) }];
    case "heading":
      return [
        {
          kind: "heading",
          level: headingLevel(node.getAttribute("level")),
          content: inlineContent(node),
        },
      ];
    case "bulletList":
    case "orderedList":
      return [
        {
          kind: "list",
          ordered: node.nodeName === "orderedList",
          start: positiveInteger(node.getAttribute("start"), 1, MAX_LIST_START),
          items: xmlChildren(node).map((item) =>
            item instanceof Y.XmlElement ? blocks(item) : [],
          ),
        },
      ];
    case "table":
      return [{ kind: "table", rows: xmlChildren(node).map(tableRow) }];
    case "blockquote":
      return [{ kind: "quote", children: blocks(node) }];
    case "codeBlock":
      return [{ kind: "code", text: plainText(node) }];
    case "horizontalRule":
      return [{ kind: "rule" }];
    case ACTIVITY_NODE: {
      const id = node.getAttribute("id") as unknown;
      // the activity index skips blocks without an id too
      return typeof id === "string" && id !== "" ? [{ kind: "activity", id }] : [];
    }
    default:
      // a block we do not know (a later extension): keep what it holds
      return blocks(node);
  }
}

function tableRow(row: XmlNode): NarrativeTableCell[] {
  if (!(row instanceof Y.XmlElement)) return [];
  return xmlChildren(row).flatMap((cell): NarrativeTableCell[] => {
    if (!(cell instanceof Y.XmlElement)) return [];
    return [
      {
        header: cell.nodeName === "tableHeader",
        colspan: positiveInteger(cell.getAttribute("colspan"), 1, MAX_COLSPAN),
        rowspan: positiveInteger(cell.getAttribute("rowspan"), 1, MAX_ROWSPAN),
        children: blocks(cell),
      },
    ];
  });
}

/**
 * The narrative of a workplan document (Tiptap's node names as y-tiptap stores them) as a
 * neutral tree, in document order, with activity blocks as references by id.
 */
export function readNarrative(ydoc: Y.Doc): NarrativeNode[] {
  return blocks(ydoc.getXmlFragment(NARRATIVE_FIELD));
}
