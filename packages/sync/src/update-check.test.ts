import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { UntrustedUpdate } from "./protocol";
import { paragraphUpdate, textUpdate, withFirstClock } from "./test/messages";
import { withItems } from "./test/update-surgery";
import { checkUpdate, type KnownState } from "./update-check";

function knownStateOf(doc: Y.Doc, queued: ReadonlyMap<number, number> = new Map()): KnownState {
  return {
    clockOf: (client) => Math.max(Y.getState(doc.store, client), queued.get(client) ?? 0),
    deleteSet: () => Y.createDeleteSetFromStructStore(doc.store),
  };
}

function untrusted(bytes: Uint8Array): UntrustedUpdate {
  return bytes as UntrustedUpdate;
}

function check(update: Uint8Array, doc: Y.Doc, queued?: ReadonlyMap<number, number>) {
  return checkUpdate(untrusted(update), knownStateOf(doc, queued));
}

/** Whether Yjs holds any of `update` back when applied to a copy of `doc`. */
function isHeldBackBy(doc: Y.Doc, update: Uint8Array): boolean {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  Y.applyUpdate(copy, update);
  return copy.store.pendingStructs !== null || copy.store.pendingDs !== null;
}

describe("checkUpdate", () => {
  it("accepts a new edit and says where each client's clock goes", () => {
    const server = new Y.Doc();
    const client = new Y.Doc();
    client.getText("notes").insert(0, "new");
    const result = check(Y.encodeStateAsUpdate(client), server);
    expect(result).toMatchObject({ status: "new" });
    expect(result.status === "new" && [...result.clocks]).toEqual([[client.clientID, 3]]);
  });

  it("recognises the known state a reconnecting client sends back, deletions included", () => {
    const server = new Y.Doc();
    server.getText("notes").insert(0, "hello world");
    server.getText("notes").delete(0, 6);
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    const syncStep2 = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
    expect(check(syncStep2, server)).toMatchObject({ status: "known" });
  });

  it("treats a deletion the server has not seen as new", () => {
    const server = new Y.Doc();
    server.getText("notes").insert(0, "hello world");
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    client.getText("notes").delete(0, 6);
    const syncStep2 = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
    expect(check(syncStep2, server)).toMatchObject({ status: "new" });
  });

  it("rejects bytes that do not decode as an update", () => {
    expect(check(new Uint8Array([1, 2, 3, 250, 250, 7]), new Y.Doc())).toMatchObject({
      status: "invalid",
    });
  });

  it("finds the gap Yjs would wait on when a client's clocks jump ahead", () => {
    const server = new Y.Doc();
    const paragraph = paragraphUpdate(7);
    Y.applyUpdate(server, paragraph);
    const gap = withFirstClock(paragraph, 77);
    expect(isHeldBackBy(server, gap)).toBe(true);
    expect(check(gap, server)).toMatchObject({
      status: "out-of-sync",
      reason: expect.stringContaining("7:77 leaves a gap"),
    });
  });

  it("finds an item built on another client's item the server lacks", () => {
    const server = new Y.Doc();
    const unseen = new Y.Doc();
    Y.applyUpdate(unseen, textUpdate("unseen "));
    const onTop = textUpdate("on top", unseen);
    expect(isHeldBackBy(server, onTop)).toBe(true);
    expect(check(onTop, server)).toMatchObject({ status: "out-of-sync" });
    // the same edit sent together with what it builds on integrates
    const both = Y.mergeUpdates([Y.encodeStateAsUpdate(unseen), onTop]);
    expect(isHeldBackBy(server, both)).toBe(false);
    expect(check(both, server)).toMatchObject({ status: "new" });
  });

  it("counts the updates queued before this one as known", () => {
    const server = new Y.Doc();
    const author = new Y.Doc();
    const first = textUpdate("first ", author);
    Y.applyUpdate(author, first);
    const second = textUpdate("second", author);
    const queued = check(first, server);
    expect(check(second, server)).toMatchObject({ status: "out-of-sync" });
    expect(queued.status === "new" && check(second, server, queued.clocks)).toMatchObject({
      status: "new",
    });
  });

  it("finds the deletion of items the server has not seen", () => {
    const server = new Y.Doc();
    const client = new Y.Doc();
    client.getText("notes").insert(0, "never sent");
    const before = Y.encodeStateVector(client);
    client.getText("notes").delete(0, 5);
    const deletion = Y.encodeStateAsUpdate(client, before);
    expect(isHeldBackBy(server, deletion)).toBe(true);
    expect(check(deletion, server)).toMatchObject({
      status: "out-of-sync",
      reason: expect.stringContaining("deletes"),
    });
  });

  it("finds structs that wait on each other in a circle", () => {
    const server = new Y.Doc();
    const a = new Y.Doc();
    a.clientID = 1;
    a.getText("notes").insert(0, "a");
    const b = new Y.Doc();
    b.clientID = 2;
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    b.getText("notes").insert(1, "b");
    const both = Y.encodeStateAsUpdate(b);
    // a's item now claims b's as its right neighbour at creation: each waits for the other
    const circle = withItems(both, (item) => {
      if (item.id.client === 1) item.rightOrigin = Y.createID(2, 0);
    });
    expect(isHeldBackBy(server, circle)).toBe(true);
    expect(check(circle, server)).toMatchObject({ status: "out-of-sync" });
  });

  it("rejects an item that refers to one its own client made later", () => {
    const client = new Y.Doc();
    client.getText("notes").insert(0, "ab");
    client.getText("notes").insert(0, "c");
    const forward = withItems(Y.encodeStateAsUpdate(client), (item) => {
      if (item.id.clock === 2) item.rightOrigin = Y.createID(item.id.client, 5);
    });
    expect(() => Y.applyUpdate(new Y.Doc(), forward)).toThrow();
    expect(check(forward, new Y.Doc())).toMatchObject({
      status: "invalid",
      reason: expect.stringContaining("made after it"),
    });
  });

  it("rejects a deletion of nothing, which Yjs cannot even hold back", () => {
    const server = new Y.Doc();
    server.getText("notes").insert(0, "text");
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    const before = Y.encodeStateVector(client);
    client.getText("notes").delete(0, 1);
    const deletion = Y.encodeStateAsUpdate(client, before);
    const empty = deletion.slice();
    empty[empty.length - 1] = 0;
    expect(() => isHeldBackBy(new Y.Doc(), empty)).toThrow();
    expect(check(empty, server)).toMatchObject({
      status: "invalid",
      reason: expect.stringContaining("deletion of nothing"),
    });
  });
});
