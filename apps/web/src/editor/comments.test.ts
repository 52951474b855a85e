import type { ThreadView } from "@junction/domain";
import { NARRATIVE_FIELD } from "@junction/domain/doc";
import { getSchema } from "@tiptap/core";
import { EditorState, TextSelection } from "@tiptap/pm/state";
import StarterKit from "@tiptap/starter-kit";
import { initProseMirrorDoc, prosemirrorToYXmlFragment, ySyncPlugin } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createTranslate } from "../i18n";
import english from "../i18n/locales/en/comments.json";
import russian from "../i18n/locales/ru/comments.json";
import {
  commentsClosedNotice,
  deletedMessageLabel,
  describeThreadTask,
  isDetached,
  selectionTarget,
  taskTitleFromThread,
  threadRange,
  threadTaskPath,
} from "./comments";

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

/** The editor's state as y-tiptap renders the document, with its ProseMirror <-> Yjs mapping. */
function stateOf(ydoc: Y.Doc): EditorState {
  const fragment = ydoc.getXmlFragment(NARRATIVE_FIELD);
  const { doc, mapping } = initProseMirrorDoc(fragment, schema);
  return EditorState.create({ doc, plugins: [ySyncPlugin(fragment, { mapping })] });
}

function select(state: EditorState, from: number, to: number): EditorState {
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, from, to)));
}

function threadOn(state: EditorState): ThreadView {
  const target = selectionTarget(state);
  if (!target?.anchor) throw new Error("nothing selected");
  return {
    id: "t1",
    networkId: "n1",
    workplanId: "w1",
    activityId: null,
    anchor: { start: target.anchor.start, end: target.anchor.end },
    field: null,
    quote: target.anchor.quote,
    status: "open",
    resolvedAt: null,
    resolvedBy: null,
    createdBy: "u1",
    createdAt: "2026-01-01T00:00:00.000Z",
    lastActivityAt: "2026-01-01T00:00:00.000Z",
    comments: [],
    tasks: [],
  };
}

function textOf(state: EditorState, thread: ThreadView): string | null {
  const range = threadRange(state, thread);
  return range ? state.doc.textBetween(range.from, range.to) : null;
}

describe("comment anchors in the editor", () => {
  it("quotes the selected words and finds them again after a teammate types before them", () => {
    const ydoc = documentWith("Hello brave new world.");
    // position 1 is the paragraph's first character
    const thread = threadOn(select(stateOf(ydoc), 7, 12));
    expect(thread.quote).toBe("brave");

    const text = firstText(ydoc);
    text.insert(0, "Oh, ");
    const later = stateOf(ydoc);
    expect(textOf(later, thread)).toBe("brave");
    expect(isDetached(later, thread)).toBe(false);
  });

  it("shows the thread as detached once its words are deleted", () => {
    const ydoc = documentWith("Hello brave new world.");
    const thread = threadOn(select(stateOf(ydoc), 7, 12));
    const text = firstText(ydoc);
    text.delete(0, text.length);
    text.insert(0, "Something else entirely.");
    const later = stateOf(ydoc);
    expect(textOf(later, thread)).toBeNull();
    expect(isDetached(later, thread)).toBe(true);
  });
});

describe("a task made from a thread", () => {
  const withBody = (body: string) => ({
    quote: "the quoted words",
    comments: [{ body } as ThreadView["comments"][number]],
  });

  it("takes the first message on one line as the title", () => {
    expect(taskTitleFromThread(withBody("Which regions\n does this cover?"))).toBe(
      "Which regions does this cover?",
    );
  });

  it("cuts a long first message at a word and marks the cut", () => {
    const title = taskTitleFromThread(withBody(`${"word ".repeat(40)}end`));
    expect(title.length).toBeLessThanOrEqual(80);
    expect(title.endsWith("word…")).toBe(true);
  });

  it("falls back to the quote when the thread has no message", () => {
    expect(taskTitleFromThread({ quote: "the quoted words", comments: [] })).toBe(
      "the quoted words",
    );
  });
});

describe("what a thread shows everyone", () => {
  const day = (iso: string) => `day ${iso}`;
  const t = createTranslate("en", "comments", english);

  it("says who made a task from the thread, for whom and by when", () => {
    expect(
      describeThreadTask(
        { createdByName: "Tamar Kapanadze", assigneeName: "Eka Lomidze", due: "2026-02-10" },
        day,
        t,
      ),
    ).toBe("Task created by Tamar Kapanadze for Eka Lomidze, due day 2026-02-10");
    expect(describeThreadTask({ createdByName: "", assigneeName: null, due: null }, day, t)).toBe(
      "Task created by a coordinator for nobody yet",
    );
  });

  it("says it in the reader's language", () => {
    const ru = createTranslate("ru", "comments", russian);
    expect(
      describeThreadTask(
        { createdByName: "Tamar Kapanadze", assigneeName: "Eka Lomidze", due: "2026-02-10" },
        day,
        ru,
      ),
    ).toMatch(/^Задача создана: Tamar Kapanadze, исполнитель: Eka Lomidze, срок: day 2026-02-10$/);
  });

  it("links a thread's task to its row on the network's tasks page", () => {
    expect(threadTaskPath("net 1", "t/2")).toBe("/networks/net%201/tasks#task-t%2F2");
  });

  it("tells a message its author deleted from one a coordinator removed", () => {
    expect(deletedMessageLabel({ deletedBy: "author" }, t)).toBe("Message deleted");
    expect(deletedMessageLabel({ deletedBy: "coordinator" }, t)).toBe(
      "Message removed by a coordinator",
    );
  });

  it("closes the comments of adopted and archived workplans, and says why", () => {
    expect(commentsClosedNotice({ stage: "consultation", archived: false }, t)).toBeNull();
    expect(commentsClosedNotice({ stage: "adopted", archived: false }, t)).toMatch(
      /adopted and frozen: its comments can be read/,
    );
    expect(commentsClosedNotice({ stage: "draft", archived: true }, t)).toMatch(
      /archived: its comments can be read/,
    );
  });
});
