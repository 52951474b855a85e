import { applyKeepingCommitments, mayChangeCommitments } from "@junction/domain/doc";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { CloseEvents } from "../close-codes";
import { createMemoryUpdateLog } from "../memory-update-log";
import type { UpdateGuard } from "../update-guard";
import type { UpdateLog } from "../update-log";
import {
  closeRawSockets,
  connectClient,
  connectRaw,
  type RawClient,
  startTestServer,
  type TestServer,
  tearDown,
  whenSynced,
} from "./harness";
import {
  paragraphUpdate,
  syncStep1Message,
  textUpdate,
  updateMessage,
  withFirstClock,
} from "./messages";
import {
  countRows,
  insertStoredUpdate,
  openTestDatabase,
  removeTempDatabases,
  sqliteLog,
  tempDatabasePath,
} from "./sqlite";
import { withItems } from "./update-surgery";

afterEach(async () => {
  closeRawSockets();
  await tearDown();
  removeTempDatabases();
});

/** Junction's commitments guard as apps/server wires it, with every writer allowed everything. */
const statusGuard: UpdateGuard = {
  concerns: (decoded, ydoc) => mayChangeCommitments(ydoc, decoded),
  review: (ydoc, apply) => {
    applyKeepingCommitments(ydoc, apply, {
      recall: () => undefined,
      rightsFor: () => ({
        lead: "any",
        partners: true,
        budget: true,
        status: true,
        organisationId: "",
      }),
    });
    return null;
  },
};

/** Resolves once the server handled everything sent before (it answered a SyncStep1) or closed. */
async function settle(raw: RawClient): Promise<void> {
  const answers = (received: readonly Uint8Array[]): number =>
    received.filter((bytes) => bytes[0] === 0 && bytes[1] === 1).length;
  const expected = answers(raw.received) + 1;
  raw.send(syncStep1Message());
  await raw.until((received) => answers(received) >= expected);
}

function errorsOf(server: TestServer): unknown[] {
  return server.logger.entries.filter(({ level }) => level === "error");
}

function paragraphs(ydoc: Y.Doc): string {
  return ydoc.getXmlFragment("default").toString();
}

describe("updates that Yjs would hold back", () => {
  it("refuses a paragraph resent with a gap in its clocks, stores nothing and takes the next edit", async () => {
    const log = createMemoryUpdateLog();
    const server = await startTestServer({ log, guard: statusGuard });
    const alice = connectClient(server, "wp-1", "alice", "editor");
    const bob = connectClient(server, "wp-1", "bob", "viewer");
    await Promise.all([whenSynced(alice), whenSynced(bob)]);
    const raw = await connectRaw(server, "wp-1", "mallory");
    const paragraph = paragraphUpdate(424_242);

    raw.send(updateMessage(paragraph));
    await vi.waitFor(() => expect(paragraphs(bob.doc)).toContain("gap test"));
    raw.send(updateMessage(withFirstClock(paragraph, 77)));
    await settle(raw);
    alice.type("an ordinary edit");

    await vi.waitFor(() => expect(bob.text()).toBe("an ordinary edit"));
    expect(await raw.closed).toEqual(CloseEvents.outOfSync);
    expect(log.updatesOf("wp-1")).toHaveLength(2);
    expect(errorsOf(server)).toEqual([]);
    alice.type(" and another");
    await vi.waitFor(() => expect(bob.text()).toBe("an ordinary edit and another"));

    const restarted = await startTestServer({ log, guard: statusGuard });
    const carol = connectClient(restarted, "wp-1", "carol", "editor");
    await whenSynced(carol);
    expect(paragraphs(carol.doc)).toContain("gap test");
    carol.type("after a restart: ", 0);
    const dave = connectClient(restarted, "wp-1", "dave", "viewer");
    await vi.waitFor(() =>
      expect(dave.text()).toBe("after a restart: an ordinary edit and another"),
    );
    expect(errorsOf(restarted)).toEqual([]);
  });

  it("refuses an edit that builds on text the server never received, and stores nothing", async () => {
    const log = createMemoryUpdateLog();
    const server = await startTestServer({ log, guard: statusGuard });
    const alice = connectClient(server, "wp-1", "alice", "editor");
    await whenSynced(alice);
    const raw = await connectRaw(server, "wp-1", "mallory");
    const unseen = new Y.Doc();
    Y.applyUpdate(unseen, textUpdate("never sent "));
    const onTop = textUpdate("on top", unseen);

    raw.send(updateMessage(onTop));

    expect(await raw.closed).toEqual(CloseEvents.outOfSync);
    expect(log.updatesOf("wp-1")).toHaveLength(0);
    alice.type("still editing");
    await vi.waitFor(() => expect(log.updatesOf("wp-1")).toHaveLength(1));
    expect(errorsOf(server)).toEqual([]);
  });

  it("refuses the deletion of text the server has not seen", async () => {
    const log = createMemoryUpdateLog();
    const server = await startTestServer({ log, guard: statusGuard });
    const alice = connectClient(server, "wp-1", "alice", "editor");
    await whenSynced(alice);
    const raw = await connectRaw(server, "wp-1", "mallory");
    const unseen = new Y.Doc();
    unseen.getText("notes").insert(0, "never sent");
    const before = Y.encodeStateVector(unseen);
    unseen.getText("notes").delete(0, 5);
    const deletion = Y.encodeStateAsUpdate(unseen, before);

    raw.send(updateMessage(deletion));

    expect(await raw.closed).toEqual(CloseEvents.outOfSync);
    expect(log.updatesOf("wp-1")).toHaveLength(0);
    alice.type("still editing");
    await vi.waitFor(() => expect(log.updatesOf("wp-1")).toHaveLength(1));
  });
});

/** The document an older server built from a log holding the gap update: part of it held back. */
function heldBackDocument(): { paragraph: Uint8Array; gap: Uint8Array; ydoc: Y.Doc } {
  const paragraph = paragraphUpdate(424_242);
  const gap = withFirstClock(paragraph, 77);
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, paragraph);
  Y.applyUpdate(ydoc, gap);
  return { paragraph, gap, ydoc };
}

function quarantineErrors(server: TestServer): unknown[] {
  return server.logger.entries.filter(
    ({ level, message }) => level === "error" && message.startsWith("Quarantined"),
  );
}

describe("a stored log that already holds what Yjs would hold back", () => {
  it("loads, quarantines the gap update, takes edits, and loads again after a restart", async () => {
    const path = tempDatabasePath();
    const db = openTestDatabase(path);
    const { paragraph, gap } = heldBackDocument();
    insertStoredUpdate(db, "wp-1", paragraph);
    const gapId = insertStoredUpdate(db, "wp-1", gap);

    const server = await startTestServer({ log: sqliteLog(db), guard: statusGuard });
    const alice = connectClient(server, "wp-1", "alice", "editor");
    const bob = connectClient(server, "wp-1", "bob", "viewer");
    await Promise.all([whenSynced(alice), whenSynced(bob)]);
    alice.type("an ordinary edit");

    await vi.waitFor(() => expect(bob.text()).toBe("an ordinary edit"));
    expect(paragraphs(bob.doc)).toContain("gap test");
    expect(bob.doc.store.pendingStructs).toBeNull();
    expect(quarantineErrors(server)).toHaveLength(1);
    expect(sqliteLog(db).quarantined("wp-1")).toMatchObject([
      { kind: "update", sourceId: gapId, reason: expect.stringContaining("held it back") },
    ]);
    expect(server.sync.stats().quarantinedUpdates).toBe(1);
    await server.close();

    const restarted = await startTestServer({
      log: sqliteLog(openTestDatabase(path)),
      guard: statusGuard,
    });
    const carol = connectClient(restarted, "wp-1", "carol", "editor");
    await whenSynced(carol);
    expect(carol.text()).toBe("an ordinary edit");
    carol.type("after a restart: ", 0);
    const dave = connectClient(restarted, "wp-1", "dave", "viewer");
    await vi.waitFor(() => expect(dave.text()).toBe("after a restart: an ordinary edit"));
    expect(errorsOf(restarted)).toEqual([]);
    expect(countRows(db, "workplan_quarantine", "wp-1")).toBe(1);
  });

  it("keeps what a snapshot with held-back structs folded in holds, and moves a copy aside", async () => {
    const path = tempDatabasePath();
    const db = openTestDatabase(path);
    const { paragraph, gap, ydoc } = heldBackDocument();
    ydoc.getText("notes").insert(0, "kept ");
    insertStoredUpdate(db, "wp-1", paragraph);
    const lastId = insertStoredUpdate(db, "wp-1", gap);
    // what compaction wrote before: the encoded state carries the held-back structs along
    sqliteLog(db).compact("wp-1", Y.encodeStateAsUpdate(ydoc), lastId);

    const server = await startTestServer({ log: sqliteLog(db), guard: statusGuard });
    const alice = connectClient(server, "wp-1", "alice", "editor");
    await whenSynced(alice);
    alice.type("and edited");
    const bob = connectClient(server, "wp-1", "bob", "viewer");
    await vi.waitFor(() => expect(bob.text()).toBe("kept and edited"));
    expect(paragraphs(bob.doc)).toContain("gap test");
    expect(bob.doc.store.pendingStructs).toBeNull();
    expect(sqliteLog(db).quarantined("wp-1")).toMatchObject([
      { kind: "snapshot", sourceId: lastId },
    ]);
    await server.close();

    const restarted = await startTestServer({ log: sqliteLog(openTestDatabase(path)) });
    const carol = connectClient(restarted, "wp-1", "carol", "viewer");
    await vi.waitFor(() => expect(carol.text()).toBe("kept and edited"));
    expect(errorsOf(restarted)).toEqual([]);
  });

  it("quarantines a stored update no Yjs client could have made, which would throw", async () => {
    const log = createMemoryUpdateLog();
    const author = new Y.Doc();
    author.getText("notes").insert(0, "ab");
    const kept = Y.encodeStateAsUpdate(author);
    const before = Y.encodeStateVector(author);
    author.getText("notes").insert(0, "c");
    const broken = withItems(Y.encodeStateAsUpdate(author, before), (item) => {
      item.rightOrigin = Y.createID(item.id.client, 9);
    });
    log.append([{ docName: "wp-1", updates: [kept, broken] }]);

    const server = await startTestServer({ log });
    const alice = connectClient(server, "wp-1", "alice", "editor");
    await whenSynced(alice);
    expect(alice.text()).toBe("ab");
    alice.type("!");
    await vi.waitFor(() => expect(log.updatesOf("wp-1").length).toBeGreaterThan(0));
    expect(log.quarantinedOf("wp-1")).toMatchObject([
      { kind: "update", reason: expect.stringContaining("made after it") },
    ]);
  });

  it("loads updates stored out of order whole, quarantining nothing", async () => {
    const log = createMemoryUpdateLog();
    const author = new Y.Doc();
    const first = textUpdate("first ", author);
    Y.applyUpdate(author, first);
    const second = textUpdate("second ", author);
    // another tab's edit can reach the server before the edit it builds on
    log.append([{ docName: "wp-1", updates: [second, first] }]);

    const server = await startTestServer({ log });
    const alice = connectClient(server, "wp-1", "alice", "editor");
    await whenSynced(alice);
    expect(alice.text()).toBe("second first ");
    expect(log.quarantinedOf("wp-1")).toEqual([]);
    expect(errorsOf(server)).toEqual([]);
  });

  it("loads even when the log cannot move the broken row aside, and tries again next load", async () => {
    const memory = createMemoryUpdateLog();
    const { paragraph, gap } = heldBackDocument();
    memory.append([{ docName: "wp-1", updates: [paragraph, gap] }]);
    let isFull = true;
    const log: UpdateLog = {
      load: (docName) => memory.load(docName),
      append: (batches) => memory.append(batches),
      compact: (docName, snapshot, upToId) => memory.compact(docName, snapshot, upToId),
      quarantine: (docName, quarantine) => {
        if (isFull) throw new Error("SQLITE_FULL: database or disk is full");
        memory.quarantine(docName, quarantine);
      },
    };

    const server = await startTestServer({ log, guard: statusGuard });
    const alice = connectClient(server, "wp-1", "alice", "editor");
    await whenSynced(alice);
    alice.type("still editing");
    await vi.waitFor(() => expect(memory.updatesOf("wp-1")).toHaveLength(3));
    expect(server.logger.entries).toContainEqual(
      expect.objectContaining({ level: "error", message: "Could not quarantine stored state" }),
    );
    await server.close();

    isFull = false;
    const restarted = await startTestServer({ log, guard: statusGuard });
    const bob = connectClient(restarted, "wp-1", "bob", "viewer");
    await vi.waitFor(() => expect(bob.text()).toBe("still editing"));
    expect(memory.quarantinedOf("wp-1")).toHaveLength(1);
  });
});
