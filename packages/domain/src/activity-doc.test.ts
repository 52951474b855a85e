import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { ACTIVITY_NODE, appendNarrative, NARRATIVE_FIELD, readActivities } from "./activity-doc";
import { emptyActivity } from "./schemas";

const sample = {
  ...emptyActivity("A1"),
  title: "Train border police on victim identification",
  description: "Two trainings.\nOne refresher.",
  lead: "org-iom",
  partners: ["org-unicef"],
  gcmObjectives: [10, 11],
  locations: ["Adjara"],
  start: "2022-03",
  end: "2022-09",
  budget: { amount: 12000, currency: "USD", source: "M-MPTF", secured: false },
  status: "ongoing" as const,
  indicators: [
    { name: "Officers trained", baseline: "0", target: "60", meansOfVerification: "Lists" },
  ],
};

describe("reading activities out of a workplan document", () => {
  it("reads back every field written into an activity block", () => {
    const ydoc = new Y.Doc();
    appendNarrative(ydoc, [
      { kind: "heading", level: 2, text: "Context" },
      { kind: "paragraph", text: "Some narrative." },
      { kind: "activity", activity: sample },
    ]);
    expect(readActivities(ydoc)).toEqual([sample]);
  });

  it("survives a round trip through a Yjs update, as a second client would see it", () => {
    const ydoc = new Y.Doc();
    appendNarrative(ydoc, [{ kind: "activity", activity: sample }]);
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(ydoc));
    expect(readActivities(other)).toEqual([sample]);
  });

  it("falls back to empty values when a client wrote malformed attributes", () => {
    const ydoc = new Y.Doc();
    const element = new Y.XmlElement(ACTIVITY_NODE);
    element.setAttribute("id", "X");
    element.setAttribute("gcmObjectives", [3, 99, "x", 3] as unknown as string);
    element.setAttribute("start", "March" as string);
    element.setAttribute("status", "exploded");
    element.setAttribute("budget", { amount: "lots" } as unknown as string);
    ydoc.getXmlFragment(NARRATIVE_FIELD).insert(0, [element]);
    const [activity] = readActivities(ydoc);
    expect(activity).toMatchObject({
      id: "X",
      gcmObjectives: [3],
      start: null,
      status: "planned",
      budget: null,
    });
  });

  it("ignores activity blocks that have no id yet", () => {
    const ydoc = new Y.Doc();
    ydoc.getXmlFragment(NARRATIVE_FIELD).insert(0, [new Y.XmlElement(ACTIVITY_NODE)]);
    expect(readActivities(ydoc)).toEqual([]);
  });

  it("reads bold and italic title text as plain text", () => {
    const ydoc = new Y.Doc();
    appendNarrative(ydoc, [{ kind: "activity", activity: { ...sample, title: "" } }]);
    const block = ydoc.getXmlFragment(NARRATIVE_FIELD).get(0) as Y.XmlElement;
    const title = block.get(0) as Y.XmlElement;
    const text = new Y.XmlText();
    title.insert(0, [text]);
    text.insert(0, "Joint ");
    text.insert(6, "assessment", { bold: true });
    expect(readActivities(ydoc)[0]?.title).toBe("Joint assessment");
  });
});
