import { emptyActivity } from "@junction/domain";
import { appendNarrative, findActivityElement, NARRATIVE_FIELD } from "@junction/domain/doc";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createActivityReader } from "./use-activities";

function plan(count: number): Y.Doc {
  const ydoc = new Y.Doc();
  appendNarrative(
    ydoc,
    Array.from({ length: count }, (_, i) => ({
      kind: "activity" as const,
      activity: { ...emptyActivity(`A${i + 1}`), title: `Activity ${i + 1}` },
    })),
  );
  return ydoc;
}

function titleText(ydoc: Y.Doc, activityId: string): Y.XmlText {
  const title = findActivityElement(ydoc, activityId)?.get(0);
  const text = title instanceof Y.XmlElement ? title.get(0) : null;
  if (!(text instanceof Y.XmlText)) throw new Error(`no title text in ${activityId}`);
  return text;
}

describe("the editor's list of activities", () => {
  it("shows a teammate's edit of one activity and keeps the others as they were", () => {
    const ydoc = plan(3);
    const reader = createActivityReader(ydoc);
    const first = reader.read([]);
    expect(first.map((a) => a.title)).toEqual(["Activity 1", "Activity 2", "Activity 3"]);

    titleText(ydoc, "A2").insert(0, "Train: ");
    findActivityElement(ydoc, "A3")?.setAttribute("status", "ongoing");
    const second = reader.read(first);
    expect(second.map((a) => a.title)).toEqual(["Activity 1", "Train: Activity 2", "Activity 3"]);
    expect(second[2]?.status).toBe("ongoing");
    expect(second[0]).toBe(first[0]);
    expect(reader.read(second)).toBe(second);
    reader.destroy();
  });

  it("follows activities added and removed", () => {
    const ydoc = plan(2);
    const reader = createActivityReader(ydoc);
    const first = reader.read([]);
    appendNarrative(ydoc, [
      { kind: "activity", activity: { ...emptyActivity("A9"), title: "New" } },
    ]);
    ydoc.getXmlFragment(NARRATIVE_FIELD).delete(0, 1);
    const second = reader.read(first);
    expect(second.map((a) => a.id)).toEqual(["A2", "A9"]);
    expect(second[0]).toBe(first[1]);
    reader.destroy();
  });
});
