import { getSchema } from "@tiptap/core";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { EditorState, TextSelection, type Transaction } from "@tiptap/pm/state";
import type { DecorationSet } from "@tiptap/pm/view";
import StarterKit from "@tiptap/starter-kit";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import { ActivityDescription, ActivityNode, ActivityTitle } from "./activity-nodes";
import { LOCALE_META, type PlaceholderTexts, placeholdersPlugin } from "./placeholders";

const schema = getSchema([StarterKit, ActivityNode, ActivityTitle, ActivityDescription]);
const ENGLISH = { title: "Activity title", description: "Describe it", emptyLine: "Type /" };

function activity(id: string, title = "", description = "") {
  return {
    type: "activity",
    attrs: { id },
    content: [
      { type: "activityTitle", content: title ? [{ type: "text", text: title }] : [] },
      {
        type: "activityDescription",
        content: [
          { type: "paragraph", content: description ? [{ type: "text", text: description }] : [] },
        ],
      },
    ],
  };
}

function plan(count: number, filled: (i: number) => boolean): ProseMirrorNode {
  return schema.nodeFromJSON({
    type: "doc",
    content: [
      { type: "paragraph", content: [{ type: "text", text: "Context." }] },
      ...Array.from({ length: count }, (_, i) =>
        filled(i) ? activity(`a${i}`, `Title ${i}`, `About ${i}`) : activity(`a${i}`),
      ),
    ],
  });
}

function editorState(doc: ProseMirrorNode, texts: () => PlaceholderTexts = () => ENGLISH) {
  return EditorState.create({ doc, plugins: [placeholdersPlugin(texts, () => true)] });
}

/** The hints as people see them: the text of each block that shows one, and the hint. */
function hints(state: EditorState): string[] {
  const source = state.plugins[0]?.props.decorations?.call(state.plugins[0], state);
  return ((source ?? undefined) as DecorationSet | undefined)
    ?.find()
    .map((decoration) => {
      const node = state.doc.nodeAt(decoration.from);
      return `${node?.type.name}@${decoration.from}:${String(decoration.spec.hint)}`;
    })
    .sort() as string[];
}

/** The hints the plugin keeps equal what it would draw for the document from scratch. */
function expectFresh(state: EditorState): void {
  expect(hints(state)).toEqual(hints(editorState(state.doc)));
}

function titleStart(state: EditorState, index: number): number {
  let found = -1;
  let seen = 0;
  state.doc.forEach((node, offset) => {
    if (node.type.name !== "activity") return;
    if (seen++ === index) found = offset + 2;
  });
  return found;
}

function apply(state: EditorState, tr: Transaction): EditorState {
  return state.apply(tr);
}

describe("hints in empty activity fields", () => {
  it("show in an empty title and an empty description, not in filled ones", () => {
    const state = editorState(plan(3, (i) => i === 1));
    expect(hints(state).filter((h) => h.includes("Activity title"))).toHaveLength(2);
    expect(hints(state).filter((h) => h.includes("Describe it"))).toHaveLength(2);
  });

  it("go as the first letter is typed and come back when the field is emptied again", () => {
    let state = editorState(plan(5, () => false));
    const at = titleStart(state, 2);
    state = apply(state, state.tr.insertText("M", at));
    expect(hints(state).filter((h) => h.includes("Activity title"))).toHaveLength(4);
    expectFresh(state);
    state = apply(state, state.tr.delete(at, at + 1));
    expect(hints(state).filter((h) => h.includes("Activity title"))).toHaveLength(5);
    expectFresh(state);
  });

  it("leave a description once it has a second line, and come back when it has one again", () => {
    let state = editorState(plan(2, () => false));
    const paragraph = titleStart(state, 0) + 3;
    state = apply(state, state.tr.split(paragraph));
    expect(hints(state).filter((h) => h.includes("Describe it"))).toHaveLength(1);
    expectFresh(state);
    state = apply(state, state.tr.join(paragraph + 1));
    expect(hints(state).filter((h) => h.includes("Describe it"))).toHaveLength(2);
    expectFresh(state);
  });

  it("show in an activity inserted in the middle of a long plan, and stay on the others", () => {
    let state = editorState(plan(300, (i) => i % 7 !== 0));
    const after =
      titleStart(state, 150) - 2 + (state.doc.nodeAt(titleStart(state, 150) - 2)?.nodeSize ?? 0);
    state = apply(state, state.tr.insert(after, schema.nodeFromJSON(activity("new"))));
    expect(hints(state)).toContain(`activityTitle@${after + 1}:Activity title`);
    expectFresh(state);
  });

  it("stay right when Yjs brings in a change as a replacement of the whole document", () => {
    let state = editorState(plan(20, (i) => i % 2 === 0));
    // y-tiptap rebuilds the document from Yjs, keeping the blocks that did not change
    const blocks: ProseMirrorNode[] = [];
    state.doc.forEach((node) => {
      blocks.push(node);
    });
    blocks.splice(5, 1, schema.nodeFromJSON(activity("a4", "Now titled")));
    blocks.splice(12, 0, schema.nodeFromJSON(activity("remote")));
    const tr = state.tr
      .replaceWith(0, state.doc.content.size, blocks)
      .setMeta(ySyncPluginKey, { isChangeOrigin: true });
    state = apply(state, tr);
    expectFresh(state);
  });

  it("are redrawn in the new language", () => {
    let texts = ENGLISH;
    let state = editorState(
      plan(3, () => false),
      () => texts,
    );
    texts = { title: "Titre de l’activité", description: "Décrivez-la", emptyLine: "Tapez /" };
    state = apply(state, state.tr.setMeta(LOCALE_META, "fr"));
    expect(hints(state).every((h) => h.includes("Titre") || h.includes("Décrivez"))).toBe(true);
  });
});

describe("the hint in an empty line", () => {
  it("shows on the empty top-level line holding the caret, for people who may write", () => {
    const doc = schema.nodeFromJSON({
      type: "doc",
      content: [{ type: "paragraph" }, activity("a", "Title", "About")],
    });
    const writer = EditorState.create({
      doc,
      plugins: [
        placeholdersPlugin(
          () => ENGLISH,
          () => true,
        ),
      ],
    });
    const at = writer.apply(writer.tr.setSelection(TextSelection.create(doc, 1)));
    expect(hints(at)).toEqual(["paragraph@0:Type /"]);
    const reader = EditorState.create({
      doc,
      selection: TextSelection.create(doc, 1),
      plugins: [
        placeholdersPlugin(
          () => ENGLISH,
          () => false,
        ),
      ],
    });
    expect(hints(reader)).toEqual([]);
  });
});
