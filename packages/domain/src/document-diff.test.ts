import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  ACTIVITY_TITLE_NODE,
  appendNarrative,
  createActivityElement,
  findActivityElement,
  NARRATIVE_FIELD,
} from "./activity-doc";
import { diffDocuments } from "./document-diff";
import { type Activity, emptyActivity } from "./schemas";

const training: Activity = {
  ...emptyActivity("A1"),
  title: "Train border police on victim identification",
  description: "Two trainings in Batumi.",
  lead: "iom",
  partners: ["unicef", "scmi"],
  gcmObjectives: [10],
  start: "2024-03",
  end: "2024-09",
  budget: { amount: 12000, currency: "USD", source: "M-MPTF", secured: false },
};
const survey: Activity = { ...emptyActivity("A2"), title: "Survey returnees", lead: "undp" };

/** A document written by client 101, and a copy of it that client 202 goes on to edit. */
function versionAndCopy(): { version: Y.Doc; live: Y.Doc } {
  const version = new Y.Doc();
  version.clientID = 101;
  appendNarrative(version, [
    { kind: "heading", level: 2, text: "Context" },
    { kind: "paragraph", text: "The Network supports the State Commission on Migration Issues." },
    { kind: "paragraph", text: "This paragraph will go." },
    { kind: "activity", activity: training },
    { kind: "activity", activity: survey },
  ]);
  const live = new Y.Doc();
  live.clientID = 202;
  Y.applyUpdate(live, Y.encodeStateAsUpdate(version));
  return { version, live };
}

function paragraphText(ydoc: Y.Doc, index: number): Y.XmlText {
  const paragraph = ydoc.getXmlFragment(NARRATIVE_FIELD).get(index) as Y.XmlElement;
  return paragraph.get(0) as Y.XmlText;
}

describe("diffing two workplan documents", () => {
  it("finds nothing between a document and its copy", () => {
    const { version, live } = versionAndCopy();
    expect(diffDocuments(version, live)).toEqual({
      narrative: [],
      activities: {
        added: [],
        removed: [],
        changed: [],
        addedClients: {},
        titles: {},
      },
    });
  });

  it("reports narrative passages added and removed, with who wrote the added text", () => {
    const { version, live } = versionAndCopy();
    const fragment = live.getXmlFragment(NARRATIVE_FIELD);
    live.transact(() => {
      paragraphText(live, 1).insert(
        "The Network supports the State Commission on Migration Issues".length,
        " and the Public Defender",
      );
      fragment.delete(2, 1);
      const added = new Y.XmlElement("paragraph");
      added.insert(0, [new Y.XmlText("Risks are listed in the annex.")]);
      fragment.insert(fragment.length, [added]);
    });
    expect(diffDocuments(version, live).narrative).toEqual([
      {
        op: "added",
        text: "and the Public Defender",
        context:
          "The Network supports the State Commission on Migration Issues and the Public Defender.",
        clients: [202],
      },
      {
        op: "removed",
        text: "This paragraph will go.",
        context: "This paragraph will go.",
        clients: [],
      },
      {
        op: "added",
        text: "Risks are listed in the annex.",
        context: "Risks are listed in the annex.",
        clients: [202],
      },
    ]);
  });

  it("reports per activity which fields changed from what to what, and who set them", () => {
    const { version, live } = versionAndCopy();
    live.transact(() => {
      const block = findActivityElement(live, "A1") as Y.XmlElement;
      block.setAttribute("lead", "unhcr");
      block.setAttribute("partners", ["scmi", "unicef"] as unknown as string); // reordered only
      block.setAttribute("budget", { ...training.budget, amount: 15000 } as unknown as string);
      block.setAttribute("end", "2024-12");
      block.setAttribute("status", "ongoing");
      const title = (block.get(0) as Y.XmlElement).get(0) as Y.XmlText;
      title.insert(title.length, " and coast guards");
    });
    const { activities } = diffDocuments(version, live);
    expect(activities.changed).toEqual([
      {
        id: "A1",
        fields: {
          title: { from: training.title, to: `${training.title} and coast guards` },
          lead: { from: "iom", to: "unhcr" },
          end: { from: "2024-09", to: "2024-12" },
          budget: { from: training.budget, to: { ...training.budget, amount: 15000 } },
          status: { from: "planned", to: "ongoing" },
        },
        fieldClients: { title: [202], lead: [202], end: [202], budget: [202], status: [202] },
      },
    ]);
  });

  it("lists added and removed activities, and who created an added block", () => {
    const { version, live } = versionAndCopy();
    const fragment = live.getXmlFragment(NARRATIVE_FIELD);
    live.transact(() => {
      fragment.delete(4, 1);
      fragment.insert(fragment.length, [
        createActivityElement({ ...emptyActivity("A3"), title: "Hotline for migrants" }),
      ]);
    });
    const { activities } = diffDocuments(version, live);
    expect(activities).toMatchObject({
      added: ["A3"],
      removed: ["A2"],
      changed: [],
      addedClients: { A3: [202] },
      titles: { A2: survey.title, A3: "Hotline for migrants" },
    });
  });

  it("diffs the other way round too: what was added becomes removed", () => {
    const { version, live } = versionAndCopy();
    live.transact(() => {
      const block = findActivityElement(live, "A2") as Y.XmlElement;
      const title = block
        .toArray()
        .find(
          (node): node is Y.XmlElement =>
            node instanceof Y.XmlElement && node.nodeName === ACTIVITY_TITLE_NODE,
        ) as Y.XmlElement;
      (title.get(0) as Y.XmlText).delete(0, "Survey ".length);
    });
    const { activities } = diffDocuments(live, version);
    expect(activities.changed).toEqual([
      {
        id: "A2",
        fields: { title: { from: "returnees", to: "Survey returnees" } },
        fieldClients: { title: [101] },
      },
    ]);
  });
});
