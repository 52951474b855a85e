import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { CloseEventName } from "./close-codes";
import { type Connection, createConnection } from "./connection";
import { reviewTurn } from "./guard-review";
import { awarenessUserOf } from "./identity";
import { DEFAULT_SYNC_LIMITS } from "./limits";
import { silentLogger } from "./logger";
import { createCounters } from "./stats";
import type { SyncSocket } from "./sync-socket";
import type { UpdateGuard } from "./update-guard";
import type { PendingUpdate } from "./update-queue";

function connectionOf(userId: string): Connection {
  const socket = {
    readyState: 1,
    send() {},
    close() {},
    on: () => socket,
  } as unknown as SyncSocket;
  const user = { id: userId, name: userId, organisation: "NGO" };
  return createConnection(
    userId,
    socket,
    user,
    awarenessUserOf(user),
    "editor",
    DEFAULT_SYNC_LIMITS,
  );
}

/** An update setting `key` to `value` in the "settings" map of `room` (which it leaves unchanged). */
function settingUpdate(room: Y.Doc, key: string, value: string): Uint8Array {
  const writer = new Y.Doc();
  Y.applyUpdate(writer, Y.encodeStateAsUpdate(room));
  const before = Y.encodeStateVector(writer);
  writer.getMap<string>("settings").set(key, value);
  const update = Y.encodeStateAsUpdate(writer, before);
  writer.destroy();
  return update;
}

/** Only Alice may set "owner"; a guard that sees "crash" throws. */
const guard: UpdateGuard = {
  concerns: () => true,
  review(ydoc, apply, writer) {
    const settings = ydoc.getMap<string>("settings");
    const before = settings.get("owner");
    apply();
    if (settings.get("title") === "crash") throw new Error("the guard broke");
    if (writer.user.id === "alice" || settings.get("owner") === before) return null;
    if (before === undefined) settings.delete("owner");
    else settings.set("owner", before);
    return "owner is Alice's to set";
  },
};

function review(
  room: Y.Doc,
  batch: PendingUpdate[],
  options: { scratchCopy?: (then: readonly Uint8Array[]) => Y.Doc } = {},
) {
  const counters = createCounters();
  const refused: { userId: string; close: CloseEventName }[] = [];
  const reviewed = reviewTurn(batch, {
    docName: "wp-1",
    guard,
    logger: silentLogger,
    counters,
    scratchCopy:
      options.scratchCopy ??
      ((then) => {
        const copy = new Y.Doc();
        Y.applyUpdate(copy, Y.encodeStateAsUpdate(room));
        for (const update of then) Y.applyUpdate(copy, update);
        return copy;
      }),
    refuse: (connection, close) => refused.push({ userId: connection.user.id, close }),
    fields: () => ({}),
  });
  return { reviewed, refused, counters };
}

function pending(connection: Connection, update: Uint8Array): PendingUpdate {
  return { connection, update, needsReview: true, isCorrection: false };
}

function settingsAfter(room: Y.Doc, updates: readonly PendingUpdate[]): Record<string, string> {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(room));
  copy.transact(() => {
    for (const { update } of updates) Y.applyUpdate(copy, update);
  });
  return copy.getMap<string>("settings").toJSON();
}

describe("reviewTurn", () => {
  it("follows an overstepping update with the correction, so storing both puts the value back", () => {
    const room = new Y.Doc();
    const bob = connectionOf("bob");
    Y.applyUpdate(room, settingUpdate(room, "owner", "alice"));
    const fromBob = settingUpdate(room, "owner", "bob");

    const { reviewed, refused, counters } = review(room, [pending(bob, fromBob)]);

    expect(
      reviewed.map(({ connection, isCorrection }) => [connection.user.id, isCorrection]),
    ).toEqual([
      ["bob", false],
      ["bob", true],
    ]);
    expect(settingsAfter(room, reviewed)).toEqual({ owner: "alice" });
    expect(refused).toEqual([]);
    expect(counters.correctedUpdates).toBe(1);
  });

  it("drops a writer whose update the guard fails on, with its later updates, and keeps the rest", () => {
    const room = new Y.Doc();
    const alice = connectionOf("alice");
    const bob = connectionOf("bob");
    const crash = settingUpdate(room, "title", "crash");
    const bobLater = settingUpdate(room, "note", "after the crash");
    const fromAlice = settingUpdate(room, "owner", "alice");

    const { reviewed, refused } = review(room, [
      pending(bob, crash),
      pending(alice, fromAlice),
      pending(bob, bobLater),
    ]);

    expect(reviewed.map(({ connection }) => connection.user.id)).toEqual(["alice"]);
    expect(settingsAfter(room, reviewed)).toEqual({ owner: "alice" });
    expect(refused).toEqual([{ userId: "bob", close: "internalError" }]);
  });

  it("stores nothing of the turn and refuses every writer when the document cannot be copied", () => {
    const room = new Y.Doc();
    const alice = connectionOf("alice");
    const bob = connectionOf("bob");
    const batch = [
      pending(alice, settingUpdate(room, "owner", "alice")),
      pending(bob, settingUpdate(room, "title", "Plan")),
    ];

    const { reviewed, refused } = review(room, batch, {
      scratchCopy: () => {
        throw new Error("out of memory");
      },
    });

    expect(reviewed).toEqual([]);
    expect(refused).toEqual([
      { userId: "alice", close: "internalError" },
      { userId: "bob", close: "internalError" },
    ]);
  });
});
