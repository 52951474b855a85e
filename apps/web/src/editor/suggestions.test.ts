import { NARRATIVE_FIELD } from "@junction/domain/doc";
import { getSchema } from "@tiptap/core";
import { EditorState, TextSelection } from "@tiptap/pm/state";
import StarterKit from "@tiptap/starter-kit";
import { initProseMirrorDoc, prosemirrorToYXmlFragment, ySyncPlugin } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createTranslate } from "../i18n";
import messages from "../i18n/locales/en/suggestions.json";
import ru from "../i18n/locales/ru/suggestions.json";
import {
  describeSuggestion,
  suggestionPlace,
  suggestionsClosedNotice,
  suggestionTarget,
} from "./suggestions";

const schema = getSchema([StarterKit]);

function documentWith(text: string): Y.Doc {
  const ydoc = new Y.Doc();
  const doc = schema.nodeFromJSON({
    type: "doc",
    content: [{ type: "paragraph", content: [{ type: "text", text }] }],
  });
  prosemirrorToYXmlFragment(doc, ydoc.getXmlFragment(NARRATIVE_FIELD));
  return ydoc;
}

function firstText(ydoc: Y.Doc): Y.XmlText {
  const paragraph = ydoc.getXmlFragment(NARRATIVE_FIELD).get(0);
  const text = paragraph instanceof Y.XmlElement ? paragraph.get(0) : null;
  if (!(text instanceof Y.XmlText)) throw new Error("the paragraph has no text");
  return text;
}

function stateOf(ydoc: Y.Doc): EditorState {
  const fragment = ydoc.getXmlFragment(NARRATIVE_FIELD);
  const { doc, mapping } = initProseMirrorDoc(fragment, schema);
  return EditorState.create({ doc, plugins: [ySyncPlugin(fragment, { mapping })] });
}

function select(state: EditorState, from: number, to: number): EditorState {
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, from, to)));
}

function suggestionAt(state: EditorState) {
  const target = suggestionTarget(state);
  if (!target) throw new Error("nothing to suggest on");
  return {
    anchor: { start: target.anchor.start, end: target.anchor.end },
    quote: target.anchor.quote,
  };
}

function textUnder(state: EditorState, suggestion: ReturnType<typeof suggestionAt>) {
  const place = suggestionPlace(state, suggestion);
  return place ? { text: state.doc.textBetween(place.from, place.to), ...place } : null;
}

describe("where a suggestion points", () => {
  it("quotes the selected words and follows them when a teammate types before them", () => {
    const ydoc = documentWith("Hello brave new world.");
    const suggestion = suggestionAt(select(stateOf(ydoc), 7, 12));
    expect(suggestion.quote).toBe("brave");
    firstText(ydoc).insert(0, "Oh, ");
    expect(textUnder(stateOf(ydoc), suggestion)).toMatchObject({ text: "brave", changed: false });
  });

  it("offers an insertion at a caret in text, and keeps its place after typing before it", () => {
    const ydoc = documentWith("Hello world.");
    const suggestion = suggestionAt(select(stateOf(ydoc), 6, 6));
    expect(suggestion.quote).toBe("");
    firstText(ydoc).insert(0, "Oh, ");
    const later = stateOf(ydoc);
    const place = suggestionPlace(later, suggestion);
    expect(place).not.toBeNull();
    expect(later.doc.textBetween(1, place?.from ?? 1)).toBe("Oh, Hello");
    expect(place?.to).toBe(place?.from);
  });

  it("marks a suggestion as changed once its words are edited or deleted", () => {
    const ydoc = documentWith("Hello brave new world.");
    const suggestion = suggestionAt(select(stateOf(ydoc), 7, 12));
    const text = firstText(ydoc);
    text.insert(9, "x");
    expect(textUnder(stateOf(ydoc), suggestion)).toMatchObject({ text: "braxve", changed: true });
    text.delete(0, text.length);
    expect(suggestionPlace(stateOf(ydoc), suggestion)?.changed ?? true).toBe(true);
  });
});

describe("a suggestion in words", () => {
  const t = createTranslate("en", "suggestions", messages);

  it("says whether it replaces, deletes, inserts or changes a field", () => {
    const text = { kind: "text" as const, field: null };
    expect(describeSuggestion(t, { ...text, quote: "brave", text: "bold" })).toBe(
      "Replace “brave” with “bold”",
    );
    expect(describeSuggestion(t, { ...text, quote: "brave", text: "" })).toBe("Delete “brave”");
    expect(describeSuggestion(t, { ...text, quote: "", text: "very" })).toBe("Insert “very”");
    expect(
      describeSuggestion(t, { kind: "field", field: "budget", quote: "", text: "25000 USD" }),
    ).toBe("Budget: not set → 25000 USD");
  });

  it("takes none on adopted and archived workplans, and says why", () => {
    expect(suggestionsClosedNotice(t, { stage: "consultation", archived: false })).toBeNull();
    expect(suggestionsClosedNotice(t, { stage: "adopted", archived: false })).toMatch(/adopted/);
    expect(suggestionsClosedNotice(t, { stage: "draft", archived: true })).toMatch(/archived/);
  });

  it("says it in Russian for a Russian reader", () => {
    const tr = createTranslate("ru", "suggestions", ru);
    expect(describeSuggestion(tr, { kind: "text", field: null, quote: "", text: "очень" })).toBe(
      "Вставить «очень»",
    );
  });
});
