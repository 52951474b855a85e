import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { checkPlacement, type PlacedEnd, type PlacementContext } from "./placement";
import { decodeParts, encodeParts, withItems } from "./test/update-surgery";

type Queue = { ends: Map<number, PlacedEnd>; clocks: Map<number, number> };

function contextOf(ydoc: Y.Doc, queue?: Queue): PlacementContext {
  return {
    ydoc,
    clockOf: (client) => Math.max(Y.getState(ydoc.store, client), queue?.clocks.get(client) ?? 0),
    queuedEnds: queue?.ends ?? new Map(),
    makeScratch: () => {
      const scratch = new Y.Doc();
      Y.applyUpdate(scratch, Y.encodeStateAsUpdate(ydoc));
      return scratch;
    },
  };
}

function place(update: Uint8Array, ydoc: Y.Doc, queue?: Queue) {
  return checkPlacement(update, Y.decodeUpdate(update), contextOf(ydoc, queue));
}

/** A room holding "hello" in the notes and one entry in a list. */
function room(): { ydoc: Y.Doc; writer: Y.Doc } {
  const ydoc = new Y.Doc();
  ydoc.getText("notes").insert(0, "hello");
  ydoc.getArray("list").insert(0, ["entry"]);
  const writer = new Y.Doc();
  Y.applyUpdate(writer, Y.encodeStateAsUpdate(ydoc));
  return { ydoc, writer };
}

function edit(writer: Y.Doc, change: () => void): Uint8Array {
  const before = Y.encodeStateVector(writer);
  change();
  return Y.encodeStateAsUpdate(writer, before);
}

describe("checkPlacement", () => {
  it("takes an edit between two neighbours that are next to each other", () => {
    const { ydoc, writer } = room();
    const typed = edit(writer, () => writer.getText("notes").insert(2, "XY"));
    expect(place(typed, ydoc)).toMatchObject({ status: "ok", update: typed });
  });

  it("refuses an item between neighbours that are not in that order", () => {
    const { ydoc, writer } = room();
    const typed = edit(writer, () => writer.getText("notes").insert(2, "XY"));
    const notes = ydoc.getText("notes");
    const first = notes._start as Y.Item;
    // the right neighbour named is the first character, left of the origin
    const swapped = withItems(typed, (item) => {
      item.rightOrigin = Y.createID(first.id.client, first.id.clock);
    });
    expect(place(swapped, ydoc)).toMatchObject({
      status: "misplaced",
      reason: expect.stringContaining("not in that order"),
    });
  });

  it("refuses an item whose neighbours sit in two different lists", () => {
    const { ydoc, writer } = room();
    const typed = edit(writer, () => writer.getText("notes").insert(2, "XY"));
    const entry = ydoc.getArray("list")._start as Y.Item;
    const across = withItems(typed, (item) => {
      item.rightOrigin = entry.id;
    });
    expect(place(across, ydoc)).toMatchObject({ status: "misplaced" });
  });

  it("takes typing that goes on right after the writer's queued edit", () => {
    const { ydoc, writer } = room();
    const first = edit(writer, () => writer.getText("notes").insert(2, "X"));
    const queued = place(first, ydoc);
    if (queued.status !== "ok") throw new Error("the first edit was refused");
    const clocks = new Map([[writer.clientID, Y.getState(writer.store, writer.clientID)]]);
    const second = edit(writer, () => writer.getText("notes").insert(3, "Y"));
    expect(place(second, ydoc, { ends: new Map(queued.ends), clocks })).toMatchObject({
      status: "ok",
    });
    // next to a queued item in any other way, it waits until the queue is in the document
    expect(place(second, ydoc, { ends: new Map(), clocks })).toMatchObject({
      status: "after-queued",
    });
  });

  it("judges an item next to one made in the same update on a copy", () => {
    const { ydoc, writer } = room();
    const typed = edit(writer, () => {
      writer.getText("notes").insert(2, "X", { bold: true });
    });
    expect(place(typed, ydoc)).toMatchObject({ status: "ok" });
    // the text, after the bold mark made with it, names the first character as its right one
    const misplaced = withItems(typed, (item) => {
      if (item.content instanceof Y.ContentString) {
        item.rightOrigin = (ydoc.getText("notes")._start as Y.Item).id;
      }
    });
    expect(place(misplaced, ydoc)).toMatchObject({ status: "misplaced" });
  });

  it("cuts a struct that starts below the room's clock where the room's clock is", () => {
    const { ydoc, writer } = room();
    const typed = edit(writer, () => writer.getText("notes").insert(5, " world"));
    Y.applyUpdate(ydoc, typed);
    // the next edit, claiming to start one clock earlier: its first character is known already
    const overlap = edit(writer, () => writer.getText("notes").insert(11, "!!"));
    const behind = decodeParts(overlap);
    for (const r of behind.runs) r.clock -= 1;
    const result = place(encodeParts(behind), ydoc);
    expect(result.status).toBe("ok");
    if (result.status !== "ok") return;
    const [cut] = result.decoded.structs;
    expect(cut?.id.clock).toBe(Y.getState(ydoc.store, writer.clientID));
  });
});
