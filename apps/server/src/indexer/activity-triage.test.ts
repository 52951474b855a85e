import { emptyActivity } from "@junction/domain";
import { appendNarrative, findActivityElement, NARRATIVE_FIELD } from "@junction/domain/doc";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { mayChangeActivities } from "./activity-triage";

/** A workplan document: a paragraph of narrative, then activity A1 with a title. */
function workplan(): Y.Doc {
  const ydoc = new Y.Doc();
  appendNarrative(ydoc, [
    { kind: "paragraph", text: "Our network works on migration." },
    { kind: "activity", activity: { ...emptyActivity("A1"), title: "Train border police" } },
  ]);
  return ydoc;
}

/** Whether each transaction `edit` makes on `ydoc` is flagged, in order. */
function verdicts(ydoc: Y.Doc, edit: () => void): boolean[] {
  const seen: boolean[] = [];
  const listener = (transaction: Y.Transaction) => seen.push(mayChangeActivities(transaction));
  ydoc.on("afterTransaction", listener);
  edit();
  ydoc.off("afterTransaction", listener);
  return seen;
}

function narrativeText(ydoc: Y.Doc): Y.XmlText {
  const paragraph = ydoc.getXmlFragment(NARRATIVE_FIELD).get(0) as Y.XmlElement;
  return paragraph.get(0) as Y.XmlText;
}

function activity(ydoc: Y.Doc): Y.XmlElement {
  const element = findActivityElement(ydoc, "A1");
  if (!element) throw new Error("A1 is missing");
  return element;
}

describe("telling whether a change may touch an activity", () => {
  it("lets typing, deleting and new paragraphs in the narrative pass", () => {
    const ydoc = workplan();
    expect(
      verdicts(ydoc, () => {
        narrativeText(ydoc).insert(3, "whole ");
        narrativeText(ydoc).delete(0, 4);
        const fragment = ydoc.getXmlFragment(NARRATIVE_FIELD);
        const paragraph = new Y.XmlElement("paragraph");
        paragraph.insert(0, [new Y.XmlText("More narrative")]);
        fragment.insert(1, [paragraph]);
        fragment.delete(1, 1);
      }),
    ).toEqual([false, false, false, false]);
  });

  it("flags typing in an activity's title, a changed field and a renamed id", () => {
    const ydoc = workplan();
    const title = (activity(ydoc).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    expect(
      verdicts(ydoc, () => {
        title.insert(5, " more");
        activity(ydoc).setAttribute("status", "ongoing");
        activity(ydoc).setAttribute("id", "A2");
      }),
    ).toEqual([true, true, true]);
  });

  it("flags a new activity block and a deleted one, also inside another block", () => {
    const ydoc = workplan();
    const fragment = ydoc.getXmlFragment(NARRATIVE_FIELD);
    expect(
      verdicts(ydoc, () => {
        appendNarrative(ydoc, [{ kind: "activity", activity: emptyActivity("A3") }]);
        fragment.delete(fragment.length - 1, 1);
        const section = new Y.XmlElement("section");
        section.insert(0, [new Y.XmlElement("activity")]);
        fragment.insert(0, [section]);
        fragment.delete(0, 1);
      }),
    ).toEqual([true, true, true, true]);
  });

  it("judges another copy's update as it is applied, deletions included", () => {
    const ydoc = workplan();
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(ydoc));
    const updates: Uint8Array[] = [];
    remote.on("update", (update: Uint8Array) => updates.push(update));
    narrativeText(remote).insert(0, "Today ");
    remote.getXmlFragment(NARRATIVE_FIELD).delete(1, 1);
    expect(
      verdicts(ydoc, () => {
        for (const update of updates) Y.applyUpdate(ydoc, update);
      }),
    ).toEqual([false, true]);
  });
});
