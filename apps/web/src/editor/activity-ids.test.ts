import { getSchema } from "@tiptap/core";
import type { Node as ProseMirrorNode, Slice } from "@tiptap/pm/model";
import { EditorState, type Transaction } from "@tiptap/pm/state";
import StarterKit from "@tiptap/starter-kit";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import { activityIdsPlugin } from "./activity-ids";
import { ActivityDescription, ActivityNode, ActivityTitle } from "./activity-nodes";

const schema = getSchema([StarterKit, ActivityNode, ActivityTitle, ActivityDescription]);

function activity(id: string | null, title = `Activity ${id}`) {
  return {
    type: "activity",
    attrs: { id },
    content: [
      { type: "activityTitle", content: [{ type: "text", text: title }] },
      { type: "activityDescription", content: [{ type: "paragraph" }] },
    ],
  };
}

function plan(ids: readonly (string | null)[]): ProseMirrorNode {
  return schema.nodeFromJSON({
    type: "doc",
    content: [{ type: "paragraph" }, ...ids.map((id) => activity(id))],
  });
}

function editorState(doc: ProseMirrorNode, canWrite: () => boolean = () => true): EditorState {
  let next = 0;
  const newId = () => `fresh${++next}`;
  return EditorState.create({ doc, plugins: [activityIdsPlugin({ canWrite, newId })] });
}

/** Each activity as people see it: its title, and the id others refer to it by ("new" if fresh). */
function activities(state: EditorState): string[] {
  const out: string[] = [];
  const ids = new Set<unknown>();
  state.doc.forEach((node) => {
    if (node.type.name !== "activity") return;
    const id: unknown = node.attrs.id;
    expect(ids.has(id), `${String(id)} is held twice`).toBe(false);
    ids.add(id);
    out.push(`${node.firstChild?.textContent} = ${String(id).replace(/^fresh\d+$/, "new")}`);
  });
  return out;
}

/** The editor once the document has come in from Yjs, as it opens. */
function synced(doc: ProseMirrorNode): EditorState {
  const state = editorState(schema.nodeFromJSON({ type: "doc", content: [{ type: "paragraph" }] }));
  const tr = state.tr.replaceWith(0, state.doc.content.size, doc.content);
  return dispatch(state, tr.setMeta(ySyncPluginKey, { isChangeOrigin: true }));
}

function dispatch(state: EditorState, tr: Transaction): EditorState {
  return state.applyTransaction(tr).state;
}

/** Where the n-th activity starts. */
function at(state: EditorState, index: number): number {
  let found = -1;
  let seen = 0;
  state.doc.forEach((node, offset) => {
    if (node.type.name === "activity" && seen++ === index) found = offset;
  });
  return found;
}

function copyOf(state: EditorState, index: number): Slice {
  const from = at(state, index);
  return state.doc.slice(from, from + (state.doc.nodeAt(from)?.nodeSize ?? 0));
}

describe("activity ids", () => {
  it("give a pasted copy a fresh id while the original keeps its own, before or after it", () => {
    let state = editorState(plan(["a", "b", "c"]));
    state = dispatch(state, state.tr.replace(at(state, 0), at(state, 0), copyOf(state, 2)));
    state = dispatch(
      state,
      state.tr.replace(state.doc.content.size, state.doc.content.size, copyOf(state, 1)),
    );
    expect(activities(state)).toEqual([
      "Activity c = new",
      "Activity a = a",
      "Activity b = b",
      "Activity c = c",
      "Activity a = new",
    ]);
  });

  it("keep an activity's id when it is cut and pasted elsewhere", () => {
    let state = editorState(plan(["a", "b", "c"]));
    const moved = copyOf(state, 0);
    state = dispatch(state, state.tr.delete(at(state, 0), at(state, 1)));
    state = dispatch(
      state,
      state.tr.replace(state.doc.content.size, state.doc.content.size, moved),
    );
    expect(activities(state)).toEqual(["Activity b = b", "Activity c = c", "Activity a = a"]);
  });

  it("give one id to an activity without one, and keep the first of two copies of a removed one", () => {
    let state = editorState(plan(["a", "b"]));
    const removed = copyOf(state, 1);
    state = dispatch(state, state.tr.delete(at(state, 1), state.doc.content.size));
    const end = state.doc.content.size;
    const tr = state.tr.replace(end, end, removed);
    tr.replace(tr.doc.content.size, tr.doc.content.size, removed);
    tr.insert(tr.doc.content.size, schema.nodeFromJSON(activity(null, "New")));
    state = dispatch(state, tr);
    expect(activities(state)).toEqual([
      "Activity a = a",
      "Activity b = b",
      "Activity b = new",
      "New = new",
    ]);
  });

  it("change nothing while people type", () => {
    const state = editorState(plan(["a", "b", "c"]));
    const { transactions } = state.applyTransaction(state.tr.insertText("x", at(state, 1) + 2));
    expect(transactions).toHaveLength(1);
  });

  it("fix a copy Yjs brings in as a replacement of the whole document; the original keeps its id", () => {
    let state = synced(plan(Array.from({ length: 50 }, (_, i) => `a${i}`)));
    const blocks: ProseMirrorNode[] = [];
    state.doc.forEach((node) => {
      blocks.push(node);
    });
    const copy = blocks[40];
    if (!copy) throw new Error("no block 40");
    blocks.splice(3, 0, copy);
    const tr = state.tr
      .replaceWith(0, state.doc.content.size, blocks)
      .setMeta(ySyncPluginKey, { isChangeOrigin: true });
    state = dispatch(state, tr);
    expect(activities(state).filter((a) => a.startsWith("Activity a39 "))).toEqual([
      "Activity a39 = new",
      "Activity a39 = a39",
    ]);
  });

  it("never change a reader's copy, and fix what came in meanwhile once they may write", () => {
    let canWrite = false;
    let state = editorState(plan(["a", "b"]), () => canWrite);
    state = dispatch(state, state.tr.replace(at(state, 0), at(state, 0), copyOf(state, 1)));
    const ids: unknown[] = [];
    state.doc.forEach((node) => {
      if (node.type.name === "activity") ids.push(node.attrs.id);
    });
    expect(ids).toEqual(["b", "a", "b"]);
    canWrite = true;
    state = dispatch(state, state.tr.insertText("!", at(state, 1) + 2));
    // as before this person could write: which of the two came first is all there is to go by
    expect(activities(state)).toEqual(["Activity b = b", "!Activity a = a", "Activity b = new"]);
  });
});
