import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  appendNarrative,
  createActivityElement,
  findActivityElement,
  NARRATIVE_FIELD,
  readActivities,
} from "./activity-doc";
import {
  applyKeepingCommitments,
  type CommitmentReview,
  mayChangeCommitments,
} from "./commitment-guard";
import { type CommitmentMember, type Commitments, commitmentRights } from "./commitments";
import { type Activity, emptyActivity } from "./schemas";

const UNICEF_BUDGET = {
  amount: 45000,
  currency: "USD",
  source: "UNICEF core funds",
  secured: true,
};

/** The server's copy, holding an IOM and a UNICEF activity, and a writer's copy synced from it. */
function setup(): { server: Y.Doc; writer: Y.Doc } {
  const server = new Y.Doc();
  appendNarrative(server, [
    { kind: "paragraph", text: "Context." },
    {
      kind: "activity",
      activity: { ...emptyActivity("A1"), title: "Train officials", lead: "iom" },
    },
    {
      kind: "activity",
      activity: {
        ...emptyActivity("A2"),
        title: "Open a centre",
        lead: "unicef",
        partners: ["mia"],
        budget: UNICEF_BUDGET,
      },
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

function activity(ydoc: Y.Doc, id: string): Activity {
  const found = readActivities(ydoc).find((a) => a.id === id);
  if (!found) throw new Error(`no activity ${id}`);
  return found;
}

function set(ydoc: Y.Doc, id: string, field: string, value: unknown): void {
  element(ydoc, id).setAttribute(field, value as string);
}

function appendBlock(ydoc: Y.Doc, block: Activity): void {
  const fragment = ydoc.getXmlFragment(NARRATIVE_FIELD);
  fragment.insert(fragment.length, [createActivityElement(block)]);
}

function deleteBlock(ydoc: Y.Doc, id: string): void {
  const fragment = ydoc.getXmlFragment(NARRATIVE_FIELD);
  const index = fragment.toArray().indexOf(element(ydoc, id));
  fragment.delete(index, 1);
}

/**
 * The server as the sync layer runs it: each update reviewed on the server's copy, and the ids it
 * removes remembered, as the server's store does. `member` is who writes.
 */
function createServer(server: Y.Doc) {
  const memory = new Map<string, Commitments>();
  const asked: string[] = [];
  return {
    memory,
    asked,
    receive(update: Uint8Array, member: CommitmentMember, isOwner = false): CommitmentReview {
      const review = applyKeepingCommitments(server, () => Y.applyUpdate(server, update), {
        recall: (id) => memory.get(id),
        rightsFor: (before) => {
          asked.push(before.id);
          return commitmentRights({ ...member, isOwner }, before);
        },
      });
      for (const removed of review.removed) memory.set(removed.id, removed.commitments);
      return review;
    },
  };
}

const iomEditor: CommitmentMember = { role: "editor", organisationId: "iom", isOwner: false };
const unicefEditor: CommitmentMember = { role: "editor", organisationId: "unicef", isOwner: false };
const coordinator: CommitmentMember = {
  role: "coordinator",
  organisationId: "rco",
  isOwner: false,
};

describe("telling cheaply whether an update may change a commitment", () => {
  it("lets typing, the narrative and the other fields through without a closer look", () => {
    const { server, writer } = setup();
    const typing = updateOf(writer, (ydoc) => {
      const title = element(ydoc, "A1").get(0) as Y.XmlElement;
      (title.get(0) as Y.XmlText).insert(5, "customs ");
    });
    const locations = updateOf(writer, (ydoc) => set(ydoc, "A1", "locations", ["Tbilisi"]));
    const paragraph = updateOf(writer, (ydoc) => {
      const first = ydoc.getXmlFragment(NARRATIVE_FIELD).get(0) as Y.XmlElement;
      (first.get(0) as Y.XmlText).insert(0, "New ");
    });
    const erasing = updateOf(writer, (ydoc) => {
      const title = element(ydoc, "A1").get(0) as Y.XmlElement;
      (title.get(0) as Y.XmlText).delete(0, 5);
    });
    for (const update of [typing, locations, paragraph, erasing]) {
      expect(mayChangeCommitments(server, update)).toBe(false);
      Y.applyUpdate(server, update);
    }
  });

  it("flags setting or removing any commitment, and renaming an id", () => {
    for (const [field, value] of [
      ["lead", "iom"],
      ["partners", ["ilo"]],
      ["budget", { ...UNICEF_BUDGET, amount: 1 }],
      ["status", "completed"],
      ["id", "A99"],
    ] as const) {
      const { server, writer } = setup();
      expect(
        mayChangeCommitments(
          server,
          updateOf(writer, (y) => set(y, "A2", field, value)),
        ),
      ).toBe(true);
      const other = setup();
      const removal = updateOf(other.writer, (y) => element(y, "A2").removeAttribute(field));
      expect(mayChangeCommitments(other.server, removal)).toBe(true);
    }
  });

  it("flags adding an activity block and deleting one", () => {
    const { server, writer } = setup();
    const added = updateOf(writer, (ydoc) => appendBlock(ydoc, emptyActivity("A9")));
    expect(mayChangeCommitments(server, added)).toBe(true);
    const other = setup();
    const deleted = updateOf(other.writer, (ydoc) => deleteBlock(ydoc, "A2"));
    expect(mayChangeCommitments(other.server, deleted)).toBe(true);
  });

  it("flags deleting a block that holds an activity", () => {
    const server = new Y.Doc();
    const fragment = server.getXmlFragment(NARRATIVE_FIELD);
    const wrapper = new Y.XmlElement("blockquote");
    fragment.insert(0, [wrapper]);
    wrapper.insert(0, [createActivityElement({ ...emptyActivity("A5"), lead: "unicef" })]);
    const writer = new Y.Doc();
    Y.applyUpdate(writer, Y.encodeStateAsUpdate(server));
    const deleted = updateOf(writer, (ydoc) => ydoc.getXmlFragment(NARRATIVE_FIELD).delete(0, 1));
    expect(mayChangeCommitments(server, deleted)).toBe(true);
  });
});

describe("putting back commitments a writer may not change", () => {
  it("puts back the lead another organisation's editor names, and the status set with it", () => {
    // the walk-around: an IOM editor makes IOM lead UNICEF's activity, then sets its status
    const { server, writer } = setup();
    const guard = createServer(server);
    const lead = updateOf(writer, (ydoc) => set(ydoc, "A2", "lead", "iom"));
    expect(guard.receive(lead, iomEditor).restored).toEqual([{ id: "A2", fields: ["lead"] }]);
    expect(activity(server, "A2").lead).toBe("unicef");
    Y.applyUpdate(writer, Y.encodeStateAsUpdate(server, Y.encodeStateVector(writer)));
    expect(activity(writer, "A2").lead).toBe("unicef");

    const status = updateOf(writer, (ydoc) => set(ydoc, "A2", "status", "completed"));
    expect(guard.receive(status, iomEditor).restored).toEqual([{ id: "A2", fields: ["status"] }]);
    expect(activity(server, "A2").status).toBe("planned");
  });

  it("judges both in one update by the lead before it", () => {
    const { server, writer } = setup();
    const update = updateOf(writer, (ydoc) =>
      ydoc.transact(() => {
        set(ydoc, "A2", "lead", "iom");
        set(ydoc, "A2", "status", "completed");
      }),
    );
    expect(createServer(server).receive(update, iomEditor).restored).toEqual([
      { id: "A2", fields: ["lead", "status"] },
    ]);
    expect(activity(server, "A2")).toMatchObject({ lead: "unicef", status: "planned" });
  });

  it("puts back partners and every part of the budget, and keeps the other fields of the update", () => {
    const { server, writer } = setup();
    const update = updateOf(writer, (ydoc) =>
      ydoc.transact(() => {
        set(ydoc, "A2", "partners", ["mia", "iom"]);
        set(ydoc, "A2", "budget", { ...UNICEF_BUDGET, secured: false });
        set(ydoc, "A2", "locations", ["Batumi"]);
      }),
    );
    expect(createServer(server).receive(update, iomEditor).restored).toEqual([
      { id: "A2", fields: ["partners", "budget"] },
    ]);
    expect(activity(server, "A2")).toMatchObject({
      partners: ["mia"],
      budget: UNICEF_BUDGET,
      locations: ["Batumi"],
    });
    Y.applyUpdate(writer, Y.encodeStateAsUpdate(server, Y.encodeStateVector(writer)));
    const removal = updateOf(writer, (ydoc) => element(ydoc, "A2").removeAttribute("budget"));
    expect(createServer(server).receive(removal, iomEditor).restored).toEqual([
      { id: "A2", fields: ["budget"] },
    ]);
    expect(activity(server, "A2").budget).toEqual(UNICEF_BUDGET);
  });

  it("puts back a budget stored as a Y type (never the editor's doing) as the empty budget it reads as", () => {
    const { server, writer } = setup();
    const stray = updateOf(writer, (ydoc) => set(ydoc, "A2", "budget", new Y.Map()));
    createServer(server).receive(stray, unicefEditor);
    Y.applyUpdate(writer, Y.encodeStateAsUpdate(server, Y.encodeStateVector(writer)));
    const update = updateOf(writer, (ydoc) => set(ydoc, "A2", "budget", UNICEF_BUDGET));
    expect(createServer(server).receive(update, iomEditor).restored).toEqual([
      { id: "A2", fields: ["budget"] },
    ]);
    expect(activity(server, "A2").budget).toBeNull();
  });

  it("lets the lead organisation's editors and coordinators change every commitment", () => {
    for (const member of [unicefEditor, coordinator]) {
      const { server, writer } = setup();
      const update = updateOf(writer, (ydoc) =>
        ydoc.transact(() => {
          set(ydoc, "A2", "status", "ongoing");
          set(ydoc, "A2", "partners", []);
          set(ydoc, "A2", "budget", null);
          set(ydoc, "A2", "lead", "ilo");
        }),
      );
      expect(createServer(server).receive(update, member).restored).toEqual([]);
      expect(activity(server, "A2")).toMatchObject({
        lead: "ilo",
        partners: [],
        budget: null,
        status: "ongoing",
      });
    }
  });

  it("lets an owner set the status and puts back the rest", () => {
    const { server, writer } = setup();
    const update = updateOf(writer, (ydoc) =>
      ydoc.transact(() => {
        set(ydoc, "A2", "status", "ongoing");
        set(ydoc, "A2", "lead", "iom");
      }),
    );
    expect(createServer(server).receive(update, iomEditor, true).restored).toEqual([
      { id: "A2", fields: ["lead"] },
    ]);
    expect(activity(server, "A2")).toMatchObject({ lead: "unicef", status: "ongoing" });
  });

  it("lets any editor claim an activity without a lead for their own organisation", () => {
    const { server, writer } = setup();
    const guard = createServer(server);
    const created = updateOf(writer, (ydoc) => appendBlock(ydoc, emptyActivity("A7")));
    guard.receive(created, unicefEditor);
    const forOthers = updateOf(writer, (ydoc) => set(ydoc, "A7", "lead", "unicef"));
    expect(guard.receive(forOthers, iomEditor).restored).toEqual([{ id: "A7", fields: ["lead"] }]);
    Y.applyUpdate(writer, Y.encodeStateAsUpdate(server, Y.encodeStateVector(writer)));
    // a claim, not yet the lead's rights: the status waits for the next update
    const claim = updateOf(writer, (ydoc) =>
      ydoc.transact(() => {
        set(ydoc, "A7", "lead", "iom");
        set(ydoc, "A7", "status", "ongoing");
      }),
    );
    expect(guard.receive(claim, iomEditor).restored).toEqual([{ id: "A7", fields: ["status"] }]);
    Y.applyUpdate(writer, Y.encodeStateAsUpdate(server, Y.encodeStateVector(writer)));
    const status = updateOf(writer, (ydoc) => set(ydoc, "A7", "status", "ongoing"));
    expect(guard.receive(status, iomEditor).restored).toEqual([]);
    expect(activity(server, "A7")).toMatchObject({ lead: "iom", status: "ongoing" });
  });

  it("treats a block re-created with a deleted activity's id, in a later update, as that activity", () => {
    const { server, writer } = setup();
    const guard = createServer(server);
    const deletion = updateOf(writer, (ydoc) => deleteBlock(ydoc, "A2"));
    expect(mayChangeCommitments(server, deletion)).toBe(true);
    expect(guard.receive(deletion, iomEditor)).toEqual({
      restored: [],
      removed: [
        {
          id: "A2",
          commitments: {
            lead: "unicef",
            partners: ["mia"],
            budget: UNICEF_BUDGET,
            status: "planned",
          },
        },
      ],
    });
    expect(readActivities(server).map((a) => a.id)).toEqual(["A1"]);

    const recreated = updateOf(writer, (ydoc) =>
      appendBlock(ydoc, {
        ...emptyActivity("A2"),
        title: "Open a centre",
        lead: "iom",
        partners: [],
        budget: null,
        status: "completed",
      }),
    );
    expect(guard.receive(recreated, iomEditor).restored).toEqual([
      { id: "A2", fields: ["lead", "partners", "budget", "status"] },
    ]);
    expect(activity(server, "A2")).toMatchObject({
      lead: "unicef",
      partners: ["mia"],
      budget: UNICEF_BUDGET,
      status: "planned",
    });
    // the lead organisation may bring it back as it likes
    const { server: other, writer: otherWriter } = setup();
    const otherGuard = createServer(other);
    otherGuard.receive(
      updateOf(otherWriter, (ydoc) => deleteBlock(ydoc, "A2")),
      unicefEditor,
    );
    const back = updateOf(otherWriter, (ydoc) =>
      appendBlock(ydoc, { ...emptyActivity("A2"), lead: "unicef", status: "ongoing" }),
    );
    expect(otherGuard.receive(back, unicefEditor).restored).toEqual([]);
    expect(activity(other, "A2").status).toBe("ongoing");
  });

  it("judges a block by the activity it was when the update renames its id, and remembers the old id", () => {
    const { server, writer } = setup();
    const guard = createServer(server);
    const rename = updateOf(writer, (ydoc) =>
      ydoc.transact(() => {
        set(ydoc, "A2", "status", "completed");
        set(ydoc, "A2", "id", "A99");
      }),
    );
    expect(mayChangeCommitments(server, rename)).toBe(true);
    const review = guard.receive(rename, iomEditor);
    expect(review.restored).toEqual([{ id: "A2", fields: ["status"] }]);
    expect(review.removed.map((r) => r.id)).toEqual(["A2"]);
    expect(guard.asked).toEqual(["A2"]);
    expect(activity(server, "A99").status).toBe("planned");
    // A2 is not free for the taking: a new block with that id is still UNICEF's activity
    Y.applyUpdate(writer, Y.encodeStateAsUpdate(server, Y.encodeStateVector(writer)));
    const again = updateOf(writer, (ydoc) =>
      appendBlock(ydoc, { ...emptyActivity("A2"), lead: "iom", status: "cancelled" }),
    );
    expect(guard.receive(again, iomEditor).restored).toEqual([
      { id: "A2", fields: ["lead", "partners", "budget", "status"] },
    ]);
  });

  it("judges blocks by the ids they carry when two blocks swap ids", () => {
    // an IOM editor gives UNICEF's id to IOM's own block, to set what UNICEF committed to
    const { server, writer } = setup();
    const swap = updateOf(writer, (ydoc) =>
      ydoc.transact(() => {
        const iom = element(ydoc, "A1");
        const unicef = element(ydoc, "A2");
        unicef.setAttribute("id", "A1");
        iom.setAttribute("id", "A2");
        iom.setAttribute("status", "completed");
      }),
    );
    const review = createServer(server).receive(swap, iomEditor);
    expect(review.restored).toEqual([
      { id: "A2", fields: ["lead", "partners", "budget", "status"] },
    ]);
    const a2 = readActivities(server).find((a) => a.id === "A2");
    expect(a2).toMatchObject({
      lead: "unicef",
      partners: ["mia"],
      budget: UNICEF_BUDGET,
      status: "planned",
    });
  });

  it("leaves blocks the update did not touch as they are, even an old copy sharing an id", () => {
    const { server, writer } = setup();
    // written before the guard knew better: a second A2 that differs
    appendBlock(server, { ...emptyActivity("A2"), lead: "who", status: "cancelled" });
    Y.applyUpdate(writer, Y.encodeStateAsUpdate(server, Y.encodeStateVector(writer)));
    const typing = updateOf(writer, (ydoc) => set(ydoc, "A1", "status", "ongoing"));
    expect(createServer(server).receive(typing, iomEditor).restored).toEqual([]);
    expect(
      readActivities(server)
        .filter((a) => a.id === "A2")
        .map((a) => a.lead),
    ).toEqual(["unicef", "who"]);
  });

  it("treats a pasted copy keeping the id as that activity, and one with a fresh id as new", () => {
    const { server, writer } = setup();
    const guard = createServer(server);
    const sameId = updateOf(writer, (ydoc) =>
      appendBlock(ydoc, { ...activity(ydoc, "A2"), status: "completed" }),
    );
    expect(guard.receive(sameId, iomEditor).restored).toEqual([{ id: "A2", fields: ["status"] }]);
    expect(
      readActivities(server)
        .filter((a) => a.id === "A2")
        .map((a) => a.status),
    ).toEqual(["planned", "planned"]);

    const fresh = updateOf(writer, (ydoc) =>
      appendBlock(ydoc, { ...activity(ydoc, "A2"), id: "A2-copy", status: "ongoing" }),
    );
    expect(guard.receive(fresh, iomEditor).restored).toEqual([]);
    expect(activity(server, "A2-copy")).toMatchObject({ lead: "unicef", status: "ongoing" });
    expect(activity(server, "A2").status).toBe("planned");
  });

  it("leaves a new activity with the commitments its writer created it with", () => {
    const { server, writer } = setup();
    const update = updateOf(writer, (ydoc) =>
      appendBlock(ydoc, { ...emptyActivity("A9"), lead: "unicef", status: "ongoing" }),
    );
    expect(createServer(server).receive(update, iomEditor).restored).toEqual([]);
    expect(activity(server, "A9")).toMatchObject({ lead: "unicef", status: "ongoing" });
  });

  it("lets a writer delete an activity block (editing), and remembers what it held", () => {
    const { server, writer } = setup();
    const review = createServer(server).receive(
      updateOf(writer, (ydoc) => ydoc.getXmlFragment(NARRATIVE_FIELD).delete(2, 1)),
      iomEditor,
    );
    expect(review.restored).toEqual([]);
    expect(review.removed.map((r) => r.id)).toEqual(["A2"]);
    expect(readActivities(server).map((a) => a.id)).toEqual(["A1"]);
  });

  it("agrees with the writer's copy once the writer receives the correction", () => {
    const { server, writer } = setup();
    const update = updateOf(writer, (ydoc) => set(ydoc, "A2", "partners", ["iom"]));
    createServer(server).receive(update, iomEditor);
    Y.applyUpdate(writer, Y.encodeStateAsUpdate(server, Y.encodeStateVector(writer)));
    expect(activity(writer, "A2").partners).toEqual(["mia"]);
    expect(Y.encodeStateVector(writer)).toEqual(Y.encodeStateVector(server));
  });
});
