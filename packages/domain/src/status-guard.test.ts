import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  appendNarrative,
  createActivityElement,
  findActivityElement,
  NARRATIVE_FIELD,
  readActivities,
} from "./activity-doc";
import { emptyActivity } from "./schemas";
import { applyKeepingStatuses, mayChangeActivityStatus } from "./status-guard";

/** The server's copy, holding two activities, and a writer's copy synced from it. */
function setup(): { server: Y.Doc; writer: Y.Doc } {
  const server = new Y.Doc();
  appendNarrative(server, [
    { kind: "paragraph", text: "Context." },
    {
      kind: "activity",
      activity: { ...emptyActivity("A1"), title: "Train officials", lead: "org-iom" },
    },
    {
      kind: "activity",
      activity: { ...emptyActivity("A2"), title: "Open a centre", lead: "org-unicef" },
    },
  ]);
  const writer = new Y.Doc();
  Y.applyUpdate(writer, Y.encodeStateAsUpdate(server));
  return { server, writer };
}

/** What the writer's edit sends to the server. */
function updateOf(writer: Y.Doc, edit: (ydoc: Y.Doc) => void): Uint8Array {
  const before = Y.encodeStateVector(writer);
  edit(writer);
  return Y.encodeStateAsUpdate(writer, before);
}

function element(ydoc: Y.Doc, id: string): Y.XmlElement {
  const found = findActivityElement(ydoc, id);
  if (!found) throw new Error(`no activity ${id}`);
  return found;
}

function statusOf(ydoc: Y.Doc, id: string): string | undefined {
  return readActivities(ydoc).find((activity) => activity.id === id)?.status;
}

describe("telling cheaply whether an update may change a status", () => {
  it("lets typing in a title and changing other fields through without a closer look", () => {
    const { server, writer } = setup();
    const typing = updateOf(writer, (ydoc) => {
      const title = element(ydoc, "A1").get(0) as Y.XmlElement;
      (title.get(0) as Y.XmlText).insert(5, "customs ");
    });
    const locations = updateOf(writer, (ydoc) => {
      element(ydoc, "A1").setAttribute("locations", ["Tbilisi"] as unknown as string);
    });
    const paragraph = updateOf(writer, (ydoc) => {
      const first = ydoc.getXmlFragment(NARRATIVE_FIELD).get(0) as Y.XmlElement;
      (first.get(0) as Y.XmlText).insert(0, "New ");
    });
    expect(mayChangeActivityStatus(server, typing)).toBe(false);
    Y.applyUpdate(server, typing);
    expect(mayChangeActivityStatus(server, locations)).toBe(false);
    Y.applyUpdate(server, locations);
    expect(mayChangeActivityStatus(server, paragraph)).toBe(false);
  });

  it("flags setting a status, even twice in one update", () => {
    const { server, writer } = setup();
    const once = updateOf(writer, (ydoc) => element(ydoc, "A1").setAttribute("status", "ongoing"));
    const twice = updateOf(writer, (ydoc) =>
      ydoc.transact(() => {
        element(ydoc, "A2").setAttribute("status", "ongoing");
        element(ydoc, "A2").setAttribute("status", "completed");
      }),
    );
    expect(mayChangeActivityStatus(server, once)).toBe(true);
    expect(mayChangeActivityStatus(server, twice)).toBe(true);
  });

  it("flags removing a status and adding an activity block", () => {
    const { server, writer } = setup();
    const removal = updateOf(writer, (ydoc) => element(ydoc, "A1").removeAttribute("status"));
    expect(mayChangeActivityStatus(server, removal)).toBe(true);
    const { server: other, writer: otherWriter } = setup();
    const added = updateOf(otherWriter, (ydoc) => {
      const fragment = ydoc.getXmlFragment(NARRATIVE_FIELD);
      fragment.insert(fragment.length, [createActivityElement(emptyActivity("A9"))]);
    });
    expect(mayChangeActivityStatus(other, added)).toBe(true);
  });
});

describe("putting back statuses a writer may not change", () => {
  /** Applies the writer's update to the server's copy the way the sync server reviews it. */
  function review(
    server: Y.Doc,
    update: Uint8Array,
    mayChange: (id: string, lead: string | null) => boolean,
  ): string[] {
    return applyKeepingStatuses(server, () => Y.applyUpdate(server, update), mayChange);
  }

  it("restores the status of an activity led by another organisation, for every replica", () => {
    const { server, writer } = setup();
    const update = updateOf(writer, (ydoc) =>
      element(ydoc, "A2").setAttribute("status", "completed"),
    );
    const asked: [string, string | null][] = [];
    const restored = review(server, update, (id, lead) => {
      asked.push([id, lead]);
      return lead === "org-iom";
    });
    expect(restored).toEqual(["A2"]);
    expect(asked).toEqual([["A2", "org-unicef"]]);
    expect(statusOf(server, "A2")).toBe("planned");
    // the writer receives the correction and agrees with the server
    Y.applyUpdate(writer, Y.encodeStateAsUpdate(server, Y.encodeStateVector(writer)));
    expect(statusOf(writer, "A2")).toBe("planned");
  });

  it("keeps a change the writer may make, and the rest of a mixed update", () => {
    const { server, writer } = setup();
    const update = updateOf(writer, (ydoc) =>
      ydoc.transact(() => {
        element(ydoc, "A1").setAttribute("status", "ongoing");
        element(ydoc, "A2").setAttribute("status", "cancelled");
        element(ydoc, "A2").setAttribute("locations", ["Batumi"] as unknown as string);
      }),
    );
    const restored = review(server, update, (_id, lead) => lead === "org-iom");
    expect(restored).toEqual(["A2"]);
    expect(statusOf(server, "A1")).toBe("ongoing");
    expect(statusOf(server, "A2")).toBe("planned");
    expect(readActivities(server).find((a) => a.id === "A2")?.locations).toEqual(["Batumi"]);
  });

  it("judges by the lead organisation before the update, not the one the update sets", () => {
    const { server, writer } = setup();
    const update = updateOf(writer, (ydoc) =>
      ydoc.transact(() => {
        element(ydoc, "A2").setAttribute("lead", "org-iom");
        element(ydoc, "A2").setAttribute("status", "completed");
      }),
    );
    expect(review(server, update, (_id, lead) => lead === "org-iom")).toEqual(["A2"]);
    expect(statusOf(server, "A2")).toBe("planned");
  });

  it("treats a second block reusing an existing id as that activity", () => {
    const { server, writer } = setup();
    const update = updateOf(writer, (ydoc) => {
      const fragment = ydoc.getXmlFragment(NARRATIVE_FIELD);
      const copy = createActivityElement({ ...emptyActivity("A2"), status: "completed" });
      fragment.insert(fragment.length, [copy]);
    });
    expect(review(server, update, () => false)).toEqual(["A2"]);
    expect(
      readActivities(server)
        .filter((a) => a.id === "A2")
        .map((a) => a.status),
    ).toEqual(["planned", "planned"]);
  });

  it("judges a block by the activity it was, even when the update renames its id", () => {
    const { server, writer } = setup();
    const rename = updateOf(writer, (ydoc) =>
      ydoc.transact(() => {
        element(ydoc, "A2").setAttribute("status", "completed");
        element(ydoc, "A2").setAttribute("id", "A99");
      }),
    );
    expect(mayChangeActivityStatus(server, rename)).toBe(true);
    const asked: string[] = [];
    expect(
      review(server, rename, (id) => {
        asked.push(id);
        return false;
      }),
    ).toEqual(["A2"]);
    expect(asked).toEqual(["A2"]);
    expect(statusOf(server, "A99")).toBe("planned");
  });

  it("flags renaming a block's id, even without touching its status", () => {
    const { server, writer } = setup();
    const rename = updateOf(writer, (ydoc) => element(ydoc, "A2").setAttribute("id", "A99"));
    expect(mayChangeActivityStatus(server, rename)).toBe(true);
    expect(review(server, rename, () => false)).toEqual([]);
  });

  it("leaves a writer's new activity with the status it was created with", () => {
    const { server, writer } = setup();
    const update = updateOf(writer, (ydoc) => {
      const fragment = ydoc.getXmlFragment(NARRATIVE_FIELD);
      const created = createActivityElement({ ...emptyActivity("A9"), status: "ongoing" });
      fragment.insert(fragment.length, [created]);
    });
    expect(review(server, update, () => false)).toEqual([]);
    expect(statusOf(server, "A9")).toBe("ongoing");
  });

  it("lets a writer delete an activity block (that is editing, not a status change)", () => {
    const { server, writer } = setup();
    const update = updateOf(writer, (ydoc) => ydoc.getXmlFragment(NARRATIVE_FIELD).delete(2, 1));
    expect(review(server, update, () => false)).toEqual([]);
    expect(readActivities(server).map((a) => a.id)).toEqual(["A1"]);
  });
});
