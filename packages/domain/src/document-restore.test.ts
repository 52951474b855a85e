import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  appendNarrative,
  createActivityElement,
  findActivityElement,
  NARRATIVE_FIELD,
  readActivities,
} from "./activity-doc";
import { diffDocuments } from "./document-diff";
import { restoreDocument } from "./document-restore";
import { readNarrative } from "./narrative-doc";
import { emptyActivity } from "./schemas";

function versionDoc(): Y.Doc {
  const ydoc = new Y.Doc();
  appendNarrative(ydoc, [
    { kind: "heading", level: 2, text: "Context" },
    { kind: "paragraph", text: "The Network supports the State Commission." },
    { kind: "paragraph", text: "Second paragraph, kept as it is." },
    {
      kind: "activity",
      activity: {
        ...emptyActivity("A1"),
        title: "Train border police",
        lead: "iom",
        partners: ["unicef"],
      },
    },
    { kind: "activity", activity: { ...emptyActivity("A2"), title: "Survey returnees" } },
  ]);
  const paragraph = ydoc.getXmlFragment(NARRATIVE_FIELD).get(1) as Y.XmlElement;
  (paragraph.get(0) as Y.XmlText).format(4, 7, { bold: true });
  return ydoc;
}

function copy(ydoc: Y.Doc): Y.Doc {
  const other = new Y.Doc();
  Y.applyUpdate(other, Y.encodeStateAsUpdate(ydoc));
  return other;
}

function text(ydoc: Y.Doc, index: number): Y.XmlText {
  return (ydoc.getXmlFragment(NARRATIVE_FIELD).get(index) as Y.XmlElement).get(0) as Y.XmlText;
}

/** Many kinds of edits at once: text, marks, attributes, blocks added, removed and moved. */
function editEverything(ydoc: Y.Doc): void {
  const fragment = ydoc.getXmlFragment(NARRATIVE_FIELD);
  ydoc.transact(() => {
    text(ydoc, 1).insert(12, "tirelessly ");
    text(ydoc, 1).format(0, 3, { italic: true });
    text(ydoc, 1).format(4, 7, { bold: null });
    const a1 = findActivityElement(ydoc, "A1") as Y.XmlElement;
    a1.setAttribute("lead", "unhcr");
    a1.setAttribute("partners", ["unicef", "ilo"] as unknown as string);
    a1.removeAttribute("status");
    fragment.delete(4, 1);
    fragment.insert(2, [createActivityElement({ ...emptyActivity("A3"), title: "New one" })]);
    const heading = fragment.get(0) as Y.XmlElement;
    heading.setAttribute("level", 3 as unknown as string);
    const extra = new Y.XmlElement("bulletList");
    const item = new Y.XmlElement("listItem");
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText("A list item")]);
    item.insert(0, [paragraph]);
    extra.insert(0, [item]);
    fragment.insert(fragment.length, [extra]);
  });
}

describe("restoring a version on top of the live document", () => {
  it("makes the live document read exactly like the version", () => {
    const version = versionDoc();
    const live = copy(version);
    editEverything(live);
    expect(diffDocuments(version, live).activities.changed).not.toEqual([]);
    live.transact(() => restoreDocument(live, version));
    expect(readNarrative(live)).toEqual(readNarrative(version));
    expect(readActivities(live)).toEqual(readActivities(version));
    expect(live.getXmlFragment(NARRATIVE_FIELD).toJSON()).toBe(
      version.getXmlFragment(NARRATIVE_FIELD).toJSON(),
    );
    const diff = diffDocuments(version, live);
    expect(diff.narrative).toEqual([]);
    expect(diff.activities).toMatchObject({ added: [], removed: [], changed: [] });
  });

  it("writes no update when the live document already equals the version", () => {
    const version = versionDoc();
    const live = copy(version);
    let updates = 0;
    live.on("update", () => updates++);
    live.transact(() => restoreDocument(live, version));
    expect(updates).toBe(0);
  });

  it("leaves what did not change untouched, so an edit made there meanwhile survives", () => {
    const version = versionDoc();
    const server = copy(version);
    text(server, 1).insert(0, "Since 2020, ");
    const editor = copy(server);
    const kept = text(server, 2);
    // the editor types in the untouched paragraph while the server restores the version
    text(editor, 2).insert(0, "Typed meanwhile. ");
    const before = Y.encodeStateVector(server);
    server.transact(() => restoreDocument(server, version));
    expect(text(server, 2)).toBe(kept);
    const restore = Y.encodeStateAsUpdate(server, before);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(editor));
    Y.applyUpdate(editor, restore);
    expect(editor.getXmlFragment(NARRATIVE_FIELD).toJSON()).toBe(
      server.getXmlFragment(NARRATIVE_FIELD).toJSON(),
    );
    expect(text(server, 1).toString()).toBe(text(version, 1).toString());
    expect(text(server, 2).toString()).toBe("Typed meanwhile. Second paragraph, kept as it is.");
  });

  it("re-creates a removed activity and removes an added one", () => {
    const version = versionDoc();
    const live = copy(version);
    const fragment = live.getXmlFragment(NARRATIVE_FIELD);
    live.transact(() => {
      fragment.delete(3, 2);
      fragment.insert(3, [createActivityElement({ ...emptyActivity("A9"), title: "Other" })]);
    });
    live.transact(() => restoreDocument(live, version));
    expect(readActivities(live).map((a) => [a.id, a.title, a.lead])).toEqual([
      ["A1", "Train border police", "iom"],
      ["A2", "Survey returnees", null],
    ]);
  });

  it("removes content the editor never writes, wherever it sits, and brings none back", () => {
    const version = versionDoc();
    // a client whose copy calls the root an array can put anything in it
    const other = copy(version);
    other.getArray(NARRATIVE_FIELD).insert(0, [null, "bare", new Uint8Array([1])]);
    const writer = copy(other);
    writer.transact(() => {
      const paragraph = writer.getXmlFragment(NARRATIVE_FIELD).get(4) as Y.XmlElement;
      paragraph.insert(0, [new Y.Map() as unknown as Y.XmlText]);
      const sentence = paragraph.get(1) as Y.XmlText;
      sentence.insertEmbed(sentence.length, { image: "x" });
      paragraph.setAttribute("note", new Y.Text("hidden") as unknown as string);
      findActivityElement(writer, "A1")?.setAttribute("budget", new Y.Map() as unknown as string);
    });
    const live = copy(writer);
    const stray = copy(writer);

    live.transact(() => restoreDocument(live, version));
    expect(live.getXmlFragment(NARRATIVE_FIELD).toJSON()).toBe(
      version.getXmlFragment(NARRATIVE_FIELD).toJSON(),
    );
    const clean = copy(version);
    clean.transact(() => restoreDocument(clean, stray));
    // the version's budget is no value the editor writes: the restored document holds none
    const expected = copy(version);
    findActivityElement(expected, "A1")?.removeAttribute("budget");
    expect(clean.getXmlFragment(NARRATIVE_FIELD).toJSON()).toBe(
      expected.getXmlFragment(NARRATIVE_FIELD).toJSON(),
    );
    expect(readNarrative(stray)).toEqual(readNarrative(version));
    expect(readActivities(stray)).toEqual(readActivities(version));
    expect(diffDocuments(version, stray).narrative).toEqual([]);
  });
});
