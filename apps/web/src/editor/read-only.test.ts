import { getSchema } from "@tiptap/core";
import { EditorState, TextSelection } from "@tiptap/pm/state";
import StarterKit from "@tiptap/starter-kit";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import { isReadOnly, markReadOnly, readOnlyPlugin } from "./read-only";

const schema = getSchema([StarterKit]);

function stateWith(text: string, readOnly: boolean): EditorState {
  const doc = schema.nodeFromJSON({
    type: "doc",
    content: [{ type: "paragraph", content: [{ type: "text", text }] }],
  });
  return EditorState.create({ doc, plugins: [readOnlyPlugin(readOnly)] });
}

describe("a read-only document", () => {
  it("lets a reader move the caret and select text", () => {
    const state = stateWith("Hello brave new world.", true);
    const selected = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 7, 12)));
    expect(selected.doc.textBetween(selected.selection.from, selected.selection.to)).toBe("brave");
  });

  it("applies none of the reader's own changes: typing, deleting, formatting", () => {
    const state = stateWith("Hello brave new world.", true);
    const changes = [
      state.tr.insertText("X", 1),
      state.tr.delete(1, 6),
      state.tr.addMark(1, 6, schema.mark("bold")),
      state.tr.split(3),
    ];
    for (const tr of changes) {
      const { state: after, transactions } = state.applyTransaction(tr);
      expect(transactions).toHaveLength(0);
      expect(after.doc.eq(state.doc)).toBe(true);
    }
  });

  it("still follows what others change (changes Yjs brings in)", () => {
    const state = stateWith("Hello world.", true);
    const remote = state.tr
      .insertText("brave ", 7)
      .setMeta(ySyncPluginKey, { isChangeOrigin: true });
    expect(state.apply(remote).doc.textContent).toBe("Hello brave world.");
  });

  it("takes changes again once the role allows writing", () => {
    const state = stateWith("Hello world.", true);
    const writable = state.apply(markReadOnly(state.tr, false));
    expect(isReadOnly(writable)).toBe(false);
    expect(writable.apply(writable.tr.insertText("!", 12)).doc.textContent).toBe("Hello world!.");
    const frozen = writable.apply(markReadOnly(writable.tr, true));
    expect(frozen.apply(frozen.tr.insertText("?", 1)).doc.textContent).toBe("Hello world.");
  });
});
