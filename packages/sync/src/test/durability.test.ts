import { afterEach, describe, expect, it, vi } from "vitest";
import type * as Y from "yjs";
import { CloseEvents } from "../close-codes";
import { createMemoryUpdateLog } from "../memory-update-log";
import type { UpdateLog } from "../update-log";
import { connectClient, docText, startTestServer, tearDown, whenSynced } from "./harness";
import {
  countRows,
  openTestDatabase,
  removeTempDatabases,
  sqliteLog,
  tempDatabasePath,
} from "./sqlite";

afterEach(async () => {
  await tearDown();
  removeTempDatabases();
});

describe("durability", () => {
  it("a restarted server finds every edit in the same SQLite file", async () => {
    const path = tempDatabasePath();
    const first = await startTestServer({ log: sqliteLog(openTestDatabase(path)) });
    const alice = connectClient(first, "wp-1", "alice", "editor");
    const bob = connectClient(first, "wp-1", "bob", "editor");
    await Promise.all([whenSynced(alice), whenSynced(bob)]);
    alice.type("alice wrote this. ");
    bob.type("bob wrote that.");
    await vi.waitFor(() => expect(alice.text()).toBe(bob.text()));
    const expected = alice.text();
    await first.close();

    const second = await startTestServer({ log: sqliteLog(openTestDatabase(path)) });
    const carol = connectClient(second, "wp-1", "carol", "viewer");
    await vi.waitFor(() => expect(carol.text()).toBe(expected));
  });

  it("has every edit another client saw in the log, even if the server never shut down", async () => {
    const path = tempDatabasePath();
    const running = await startTestServer({ log: sqliteLog(openTestDatabase(path)) });
    const alice = connectClient(running, "wp-1", "alice", "editor");
    const bob = connectClient(running, "wp-1", "bob", "viewer");
    await Promise.all([whenSynced(alice), whenSynced(bob)]);
    for (const word of ["one ", "two ", "three"]) alice.type(word);
    await vi.waitFor(() => expect(bob.text()).toBe("one two three"));

    // a second process reading the same file sees what bob saw, without any flush or shutdown
    const other = await startTestServer({ log: sqliteLog(openTestDatabase(path)) });
    const carol = connectClient(other, "wp-1", "carol", "viewer");
    await vi.waitFor(() => expect(carol.text()).toBe("one two three"));
  });

  it("writes everything typed in the same moment, in any workplan, with one append", async () => {
    const memory = createMemoryUpdateLog();
    const batches: number[] = [];
    const log: UpdateLog = {
      load: (docName) => memory.load(docName),
      append: (documents) => {
        batches.push(documents.reduce((count, { updates }) => count + updates.length, 0));
        return memory.append(documents);
      },
      compact: (docName, snapshot, upToId) => memory.compact(docName, snapshot, upToId),
      quarantine: (docName, quarantine) => memory.quarantine(docName, quarantine),
    };
    const server = await startTestServer({ log });
    const alice = connectClient(server, "wp-1", "alice", "editor");
    const bob = connectClient(server, "wp-2", "bob", "editor");
    await Promise.all([whenSynced(alice), whenSynced(bob)]);

    for (const letter of "abc") alice.type(letter);
    for (const letter of "xy") bob.type(letter);

    await vi.waitFor(() => expect(server.sync.stats().appendedUpdates).toBe(5));
    expect(batches).toEqual([5]);
  });

  it("under load, stores what arrives within the minimum interval with the next append", async () => {
    const memory = createMemoryUpdateLog();
    const batches: number[] = [];
    const log: UpdateLog = {
      load: (docName) => memory.load(docName),
      append: (documents) => {
        batches.push(documents.reduce((count, { updates }) => count + updates.length, 0));
        return memory.append(documents);
      },
      compact: (docName, snapshot, upToId) => memory.compact(docName, snapshot, upToId),
      quarantine: (docName, quarantine) => memory.quarantine(docName, quarantine),
    };
    const server = await startTestServer({ log, limits: { minFlushIntervalMs: 1000 } });
    const alice = connectClient(server, "wp-1", "alice", "editor");
    const bob = connectClient(server, "wp-1", "bob", "viewer");
    await Promise.all([whenSynced(alice), whenSynced(bob)]);

    alice.type("a");
    await vi.waitFor(() => expect(bob.text()).toBe("a"));
    // each letter in a turn of its own: without the interval, each would be one append
    alice.type("b");
    await new Promise((resolve) => setImmediate(resolve));
    alice.type("c");
    await vi.waitFor(() => expect(bob.text()).toBe("abc"), { timeout: 5000 });

    expect(batches).toEqual([1, 2]);
  });

  it("compacts the log in the background and keeps the content", async () => {
    const path = tempDatabasePath();
    const db = openTestDatabase(path);
    const server = await startTestServer({
      log: sqliteLog(db),
      limits: { compactAfterUpdates: 10 },
    });
    const alice = connectClient(server, "wp-1", "alice", "editor");
    await whenSynced(alice);
    for (let i = 0; i < 25; i++) {
      alice.type(String(i % 10));
      await vi.waitFor(() => expect(server.sync.stats().appendedUpdates).toBe(i + 1), {
        interval: 5,
        timeout: 5000,
      });
    }

    await vi.waitFor(() => expect(server.sync.stats().compactions).toBe(2), { timeout: 5000 });
    expect(countRows(db, "workplan_snapshots", "wp-1")).toBe(1);
    // a compaction runs just after its tenth row, and the next edit may be stored first: the log
    // keeps what came after the last one, always fewer rows than the threshold
    expect(countRows(db, "workplan_updates", "wp-1")).toBeGreaterThan(0);
    expect(countRows(db, "workplan_updates", "wp-1")).toBeLessThan(10);

    const restarted = await startTestServer({ log: sqliteLog(openTestDatabase(path)) });
    const bob = connectClient(restarted, "wp-1", "bob", "viewer");
    await vi.waitFor(() => expect(bob.text()).toBe(alice.text()), { timeout: 5000 });
    expect(bob.text()).toHaveLength(25);
  });

  it("unloads a document when its last client leaves, compacted, and loads it again", async () => {
    const path = tempDatabasePath();
    const db = openTestDatabase(path);
    const server = await startTestServer({ log: sqliteLog(db) });
    const alice = connectClient(server, "wp-1", "alice", "editor");
    await whenSynced(alice);
    alice.type("kept");
    await vi.waitFor(() => expect(server.sync.stats().appendedUpdates).toBe(1));

    alice.destroy();

    await vi.waitFor(() => expect(server.sync.roomCount()).toBe(0));
    expect(countRows(db, "workplan_updates", "wp-1")).toBe(0);
    expect(countRows(db, "workplan_snapshots", "wp-1")).toBe(1);
    const bob = connectClient(server, "wp-1", "bob", "viewer");
    await vi.waitFor(() => expect(bob.text()).toBe("kept"));
  });

  it("refuses edits it cannot store and the editor's client resends them once storage is back", async () => {
    const path = tempDatabasePath();
    const db = openTestDatabase(path);
    const server = await startTestServer({ log: sqliteLog(db) });
    const alice = connectClient(server, "wp-1", "alice", "editor");
    const bob = connectClient(server, "wp-1", "bob", "viewer");
    await Promise.all([whenSynced(alice), whenSynced(bob)]);
    alice.type("small ");
    await vi.waitFor(() => expect(bob.text()).toBe("small "));

    // a full disk: SQLite may not grow the file any more
    db.pragma(`max_page_count = ${Number(db.pragma("page_count", { simple: true }))}`);
    alice.type("x".repeat(200_000));

    await vi.waitFor(() => expect(alice.closes[0]).toEqual(CloseEvents.storageUnavailable));
    expect(server.sync.stats().storageFailures).toBeGreaterThanOrEqual(1);
    expect(bob.text()).toBe("small ");
    expect(server.logger.entries.some((entry) => entry.level === "error")).toBe(true);
    db.pragma("max_page_count = 1073741823");

    await vi.waitFor(() => expect(bob.text()).toHaveLength(200_006), { timeout: 5000 });
    expect(alice.text()).toBe(bob.text());
  });

  it("tells clients the server is shutting down, so they come back to the next one", async () => {
    const path = tempDatabasePath();
    const first = await startTestServer({ log: sqliteLog(openTestDatabase(path)) });
    const alice = connectClient(first, "wp-1", "alice", "editor");
    await whenSynced(alice);
    alice.type("saved before shutdown");
    await vi.waitFor(() => expect(first.sync.stats().appendedUpdates).toBe(1));

    await first.sync.close();

    await vi.waitFor(() => expect(alice.closes[0]).toEqual(CloseEvents.shuttingDown));
    expect(first.sync.roomCount()).toBe(0);
    const second = await startTestServer({ log: sqliteLog(openTestDatabase(path)) });
    const bob = connectClient(second, "wp-1", "bob", "viewer");
    await vi.waitFor(() => expect(bob.text()).toBe("saved before shutdown"));
  });

  it("tells the server which document changed, after the change went out", async () => {
    const changed: { docName: string; text: string }[] = [];
    const server = await startTestServer({
      log: createMemoryUpdateLog(),
      onDocumentChanged: (docName: string, ydoc: Y.Doc) =>
        changed.push({ docName, text: docText(ydoc) }),
    });
    const alice = connectClient(server, "wp-7", "alice", "editor");
    await whenSynced(alice);
    alice.type("activity");
    await vi.waitFor(() => expect(changed).toEqual([{ docName: "wp-7", text: "activity" }]));
  });
});
