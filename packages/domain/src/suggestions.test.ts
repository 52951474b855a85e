import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { appendNarrative, findActivityElement, NARRATIVE_FIELD } from "./activity-doc";
import { emptyActivity } from "./schemas";
import {
  applyFieldSuggestion,
  applyTextSuggestion,
  encodeSuggestionAnchor,
  isFieldSuggestionOutdated,
  isTextSuggestionOutdated,
  readSuggestionField,
  resolveSuggestionRange,
  type TextSuggestion,
} from "./suggestions";

const SENTENCE = "The network meets monthly. It reports to the commission.";

/** A workplan document as Tiptap keeps it: a paragraph with one bold run, then an activity. */
function makeDocument(): Y.Doc {
  const ydoc = new Y.Doc();
  appendNarrative(ydoc, [
    { kind: "paragraph", text: SENTENCE },
    {
      kind: "activity",
      activity: {
        ...emptyActivity("A1"),
        title: "Shelter survey",
        lead: "org-b",
        start: "2026-01",
        budget: { amount: 5000, currency: "USD", source: "Core funds", secured: true },
      },
    },
  ]);
  paragraphText(ydoc).format(4, 7, { bold: {} });
  return ydoc;
}

function paragraphText(ydoc: Y.Doc): Y.XmlText {
  const paragraph = ydoc.getXmlFragment(NARRATIVE_FIELD).get(0) as Y.XmlElement;
  return paragraph.get(0) as Y.XmlText;
}

function titleText(ydoc: Y.Doc): Y.XmlText {
  const activity = findActivityElement(ydoc, "A1") as Y.XmlElement;
  return (activity.get(0) as Y.XmlElement).get(0) as Y.XmlText;
}

function plain(type: Y.XmlText): string {
  return type
    .toDelta()
    .map((op: { insert: string }) => op.insert)
    .join("");
}

/** A second replica of the document, as another client holds it. */
function replicaOf(ydoc: Y.Doc): Y.Doc {
  const other = new Y.Doc();
  Y.applyUpdate(other, Y.encodeStateAsUpdate(ydoc));
  return other;
}

/** Exchanges every update both ways, as the sync server would. */
function merge(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
}

function suggest(type: Y.XmlText, quote: string, text: string): TextSuggestion {
  const from = plain(type).indexOf(quote);
  if (from === -1) throw new Error(`"${quote}" is not in the text`);
  return { anchor: encodeSuggestionAnchor(type, from, from + quote.length), quote, text };
}

describe("text suggestions on a Y.Doc", () => {
  it("replaces the quoted sentence and nothing else", () => {
    const ydoc = makeDocument();
    const suggestion = suggest(paragraphText(ydoc), "It reports to", "It answers to");
    expect(applyTextSuggestion(ydoc, suggestion)).toEqual({ ok: true });
    expect(plain(paragraphText(ydoc))).toBe(
      "The network meets monthly. It answers to the commission.",
    );
  });

  it("gives the new words the marks of the words they replace, or of their left neighbour", () => {
    const ydoc = makeDocument();
    applyTextSuggestion(ydoc, suggest(paragraphText(ydoc), "network", "platform"));
    const text = paragraphText(ydoc);
    expect(text.toDelta()[1]).toEqual({ insert: "platform", attributes: { bold: {} } });
    // an insertion right after the bold word takes bold too; one after plain text stays plain
    const from = plain(text).indexOf(" meets");
    const insertion = { anchor: encodeSuggestionAnchor(text, from, from), quote: "", text: "!" };
    applyTextSuggestion(ydoc, insertion);
    expect(text.toDelta()[1]).toEqual({ insert: "platform!", attributes: { bold: {} } });
    applyTextSuggestion(ydoc, suggest(text, "commission", "Commission"));
    expect(text.toDelta().at(-1)).toEqual({
      insert: " meets monthly. It reports to the Commission.",
    });
  });

  it("deletes the quote when the wording is empty", () => {
    const ydoc = makeDocument();
    applyTextSuggestion(ydoc, suggest(paragraphText(ydoc), " It reports to the commission.", ""));
    expect(plain(paragraphText(ydoc))).toBe("The network meets monthly.");
  });

  it("follows the quote when another client types before or after it", () => {
    const server = makeDocument();
    const suggestion = suggest(paragraphText(server), "meets monthly", "meets every quarter");
    const other = replicaOf(server);
    paragraphText(other).insert(0, "Since 2024, t");
    paragraphText(other).delete(13, 1);
    paragraphText(other).insert(plain(paragraphText(other)).length, " Minutes are public.");
    merge(server, other);
    expect(isTextSuggestionOutdated(server, suggestion)).toBe(false);
    expect(applyTextSuggestion(server, suggestion)).toEqual({ ok: true });
    merge(server, other);
    expect(plain(paragraphText(other))).toBe(
      "Since 2024, the network meets every quarter. It reports to the commission. Minutes are public.",
    );
  });

  it("keeps text typed right against either end outside the range", () => {
    const server = makeDocument();
    const suggestion = suggest(paragraphText(server), "monthly", "weekly");
    const other = replicaOf(server);
    const at = plain(paragraphText(other)).indexOf("monthly");
    paragraphText(other).insert(at + "monthly".length, " online");
    paragraphText(other).insert(at, "at least ");
    merge(server, other);
    expect(resolveSuggestionRange(server, suggestion.anchor)?.text).toBe("monthly");
    applyTextSuggestion(server, suggestion);
    expect(plain(paragraphText(server))).toContain("meets at least weekly online.");
  });

  it("reports a suggestion outdated when another client changed the text inside it, and applies nothing", () => {
    const server = makeDocument();
    const suggestion = suggest(paragraphText(server), "It reports to the commission", "It reports");
    const other = replicaOf(server);
    const at = plain(paragraphText(other)).indexOf("the commission");
    paragraphText(other).insert(at, "and answers to ");
    merge(server, other);
    expect(isTextSuggestionOutdated(server, suggestion)).toBe(true);
    const before = Y.encodeStateVector(server);
    expect(applyTextSuggestion(server, suggestion)).toEqual({ ok: false, reason: "outdated" });
    expect(Y.encodeStateVector(server)).toEqual(before);
    expect(plain(paragraphText(server))).toContain("and answers to the commission");
  });

  it("reports a suggestion outdated when its paragraph was deleted", () => {
    const server = makeDocument();
    const suggestion = suggest(paragraphText(server), "monthly", "weekly");
    const other = replicaOf(server);
    other.getXmlFragment(NARRATIVE_FIELD).delete(0, 1);
    merge(server, other);
    expect(resolveSuggestionRange(server, suggestion.anchor)).toBeNull();
    expect(applyTextSuggestion(server, suggestion)).toEqual({ ok: false, reason: "outdated" });
  });

  it("outdates the second of two overlapping suggestions once the first is accepted", () => {
    const ydoc = makeDocument();
    const first = suggest(paragraphText(ydoc), "meets monthly", "meets weekly");
    const second = suggest(paragraphText(ydoc), "monthly. It reports", "monthly; it reports");
    const apart = suggest(paragraphText(ydoc), "commission", "Commission");
    expect(applyTextSuggestion(ydoc, first)).toEqual({ ok: true });
    expect(isTextSuggestionOutdated(ydoc, second)).toBe(true);
    expect(applyTextSuggestion(ydoc, second)).toEqual({ ok: false, reason: "outdated" });
    expect(isTextSuggestionOutdated(ydoc, apart)).toBe(false);
    expect(applyTextSuggestion(ydoc, apart)).toEqual({ ok: true });
    expect(plain(paragraphText(ydoc))).toBe(
      "The network meets weekly. It reports to the Commission.",
    );
  });

  it("names the activity whose title holds the range, and none in the narrative", () => {
    const ydoc = makeDocument();
    const title = suggest(titleText(ydoc), "Shelter", "Housing");
    expect(resolveSuggestionRange(ydoc, title.anchor)?.activityId).toBe("A1");
    const narrative = suggest(paragraphText(ydoc), "monthly", "weekly");
    expect(resolveSuggestionRange(ydoc, narrative.anchor)?.activityId).toBeNull();
    applyTextSuggestion(ydoc, title);
    expect(plain(titleText(ydoc))).toBe("Housing survey");
  });
});

describe("field suggestions on a Y.Doc", () => {
  it("sets the budget, keeping its source and whether it is secured", () => {
    const ydoc = makeDocument();
    const before = readSuggestionField(ydoc, "A1", "budget");
    const suggestion = {
      activityId: "A1",
      field: "budget" as const,
      before,
      value: { amount: 7500, currency: "EUR" },
    };
    expect(applyFieldSuggestion(ydoc, suggestion)).toEqual({ ok: true });
    expect(readSuggestionField(ydoc, "A1", "budget")).toEqual({
      amount: 7500,
      currency: "EUR",
      source: "Core funds",
      secured: true,
    });
    expect(isFieldSuggestionOutdated(ydoc, suggestion)).toBe(true);
  });

  it("refuses a field suggestion once another client changed the field, and keeps theirs", () => {
    const server = makeDocument();
    const suggestion = {
      activityId: "A1",
      field: "start" as const,
      before: readSuggestionField(server, "A1", "start"),
      value: "2026-03",
    };
    const other = replicaOf(server);
    (findActivityElement(other, "A1") as Y.XmlElement).setAttribute("start", "2026-02");
    merge(server, other);
    expect(isFieldSuggestionOutdated(server, suggestion)).toBe(true);
    expect(applyFieldSuggestion(server, suggestion)).toEqual({ ok: false, reason: "outdated" });
    expect(readSuggestionField(server, "A1", "start")).toBe("2026-02");
  });

  it("stays current when another client changes a different field of the activity", () => {
    const server = makeDocument();
    const suggestion = {
      activityId: "A1",
      field: "end" as const,
      before: readSuggestionField(server, "A1", "end"),
      value: "2026-12",
    };
    const other = replicaOf(server);
    (findActivityElement(other, "A1") as Y.XmlElement).setAttribute("start", "2026-02");
    merge(server, other);
    expect(applyFieldSuggestion(server, suggestion)).toEqual({ ok: true });
    merge(server, other);
    expect(readSuggestionField(other, "A1", "end")).toBe("2026-12");
    expect(readSuggestionField(other, "A1", "start")).toBe("2026-02");
  });
});
