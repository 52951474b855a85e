import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { openDatabase, type SqliteDb } from "./db";
import { createSqliteUpdateLog, type SqliteUpdateLog } from "./update-log";

const dirs: string[] = [];
const open: SqliteDb[] = [];

function tempPath(): string {
  const dir = mkdtempSync(join(tmpdir(), "junction-update-log-"));
  dirs.push(dir);
  return join(dir, "junction.db");
}

function openDb(path: string, busyTimeoutMs?: number): SqliteDb {
  const db = openDatabase(path, busyTimeoutMs === undefined ? {} : { busyTimeoutMs });
  open.push(db);
  return db;
}

afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function textUpdates(count: number): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array) => updates.push(update));
  for (let i = 0; i < count; i++)
    doc.getText("default").insert(i, String.fromCharCode(97 + (i % 26)));
  return { doc, updates };
}

function appendTo(log: SqliteUpdateLog, docName: string, updates: Uint8Array[]): number {
  const lastId = log.append([{ docName, updates }])[0]?.at(-1);
  if (lastId === undefined) throw new Error("append answered no id");
  return lastId;
}

function replay(loaded: { snapshot: Uint8Array | null; updates: { update: Uint8Array }[] }): Y.Doc {
  const doc = new Y.Doc();
  if (loaded.snapshot) Y.applyUpdate(doc, loaded.snapshot);
  for (const { update } of loaded.updates) Y.applyUpdate(doc, update);
  return doc;
}

describe("the SQLite update log", () => {
  it("gives back every appended update in order, after the database is reopened", () => {
    const path = tempPath();
    const { doc, updates } = textUpdates(5);
    const log = createSqliteUpdateLog(openDb(path));
    const first = appendTo(log, "wp-1", updates.slice(0, 2));
    const last = appendTo(log, "wp-1", updates.slice(2));
    expect(last).toBeGreaterThan(first);
    for (const db of open.splice(0)) db.close();

    const loaded = createSqliteUpdateLog(openDb(path)).load("wp-1");
    expect(loaded.snapshot).toBeNull();
    const ids = loaded.updates.map(({ id }) => id);
    expect(ids).toHaveLength(5);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(ids.at(-1)).toBe(last);
    expect(replay(loaded).getText("default").toString()).toBe(doc.getText("default").toString());
  });

  it("keeps each workplan's updates apart", () => {
    const log = createSqliteUpdateLog(openDb(tempPath()));
    appendTo(log, "wp-1", textUpdates(3).updates);
    appendTo(log, "wp-2", textUpdates(1).updates);
    expect(log.load("wp-1").updates).toHaveLength(3);
    expect(log.load("wp-2").updates).toHaveLength(1);
    expect(log.load("wp-3")).toEqual({ snapshot: null, updates: [] });
  });

  it("stores several workplans' batches in one transaction, all or nothing", () => {
    const db = openDb(tempPath());
    const log = createSqliteUpdateLog(db);
    const ids = log.append([
      { docName: "wp-1", updates: textUpdates(2).updates },
      { docName: "wp-2", updates: textUpdates(3).updates },
    ]);
    expect(ids.map((batch) => batch.length)).toEqual([2, 3]);
    expect(log.load("wp-1").updates.map(({ id }) => id)).toEqual(ids[0]);
    expect(log.load("wp-2").updates.map(({ id }) => id)).toEqual(ids[1]);

    db.pragma(`max_page_count = ${Number(db.pragma("page_count", { simple: true }))}`);
    expect(() =>
      log.append([
        { docName: "wp-1", updates: textUpdates(1).updates },
        { docName: "wp-2", updates: [new Uint8Array(256 * 1024)] },
      ]),
    ).toThrow();
    expect(log.load("wp-1").updates).toHaveLength(2);
  });

  it("compacts into a snapshot and keeps updates appended after it", () => {
    const log = createSqliteUpdateLog(openDb(tempPath()));
    const { doc, updates } = textUpdates(6);
    const covered = appendTo(log, "wp-1", updates.slice(0, 4));
    const snapshotDoc = new Y.Doc();
    for (const update of updates.slice(0, 4)) Y.applyUpdate(snapshotDoc, update);
    // appended while the snapshot was being made: must survive the compaction
    appendTo(log, "wp-1", updates.slice(4));
    log.compact("wp-1", Y.encodeStateAsUpdate(snapshotDoc), covered);

    const loaded = log.load("wp-1");
    expect(loaded.snapshot).not.toBeNull();
    expect(loaded.updates).toHaveLength(2);
    expect(loaded.updates.every(({ id }) => id > covered)).toBe(true);
    expect(replay(loaded).getText("default").toString()).toBe(doc.getText("default").toString());
  });

  it("never lets an older snapshot replace a newer one", () => {
    const log = createSqliteUpdateLog(openDb(tempPath()));
    const { doc, updates } = textUpdates(3);
    const lastId = appendTo(log, "wp-1", updates);
    log.compact("wp-1", Y.encodeStateAsUpdate(doc), lastId);
    log.compact("wp-1", Y.encodeStateAsUpdate(new Y.Doc()), lastId - 1);
    expect(replay(log.load("wp-1")).getText("default").toString()).toBe("abc");
  });

  it("throws SQLITE_BUSY and stores nothing while another connection holds the write lock", () => {
    const path = tempPath();
    const log = createSqliteUpdateLog(openDb(path, 0));
    const other = openDb(path);
    other.exec("BEGIN IMMEDIATE");
    expect(() => appendTo(log, "wp-1", textUpdates(1).updates)).toThrow(
      expect.objectContaining({ code: "SQLITE_BUSY" }),
    );
    other.exec("ROLLBACK");
    expect(log.load("wp-1").updates).toHaveLength(0);
    appendTo(log, "wp-1", textUpdates(1).updates);
    expect(log.load("wp-1").updates).toHaveLength(1);
  });

  it("throws SQLITE_FULL and stores nothing when the disk is full", () => {
    const db = openDb(tempPath());
    const log = createSqliteUpdateLog(db);
    appendTo(log, "wp-1", textUpdates(1).updates);
    const pages = db.pragma("page_count", { simple: true });
    db.pragma(`max_page_count = ${Number(pages)}`);
    expect(() => appendTo(log, "wp-1", [new Uint8Array(256 * 1024)])).toThrow(
      expect.objectContaining({ code: "SQLITE_FULL" }),
    );
    expect(log.load("wp-1").updates).toHaveLength(1);
  });

  it("moves quarantined updates and a copy of the snapshot aside, out of load, for good", () => {
    const path = tempPath();
    const log = createSqliteUpdateLog(openDb(path));
    const { doc, updates } = textUpdates(4);
    const covered = appendTo(log, "wp-1", updates.slice(0, 2));
    log.compact("wp-1", Y.encodeStateAsUpdate(doc), covered);
    const [good, broken] = log.append([{ docName: "wp-1", updates: updates.slice(2) }])[0] ?? [];
    const state = Y.encodeStateAsUpdate(doc);

    log.quarantine("wp-1", {
      updates: [{ id: broken ?? 0, reason: "held back" }],
      snapshotReason: "held back too",
      state,
      upToId: good ?? 0,
    });
    for (const db of open.splice(0)) db.close();

    const reopened = createSqliteUpdateLog(openDb(path));
    const loaded = reopened.load("wp-1");
    expect(loaded.updates).toEqual([]);
    expect(new Uint8Array(loaded.snapshot ?? [])).toEqual(state);
    expect(
      reopened
        .quarantined("wp-1")
        .map(({ kind, sourceId, reason }) => ({ kind, sourceId, reason })),
    ).toEqual([
      { kind: "snapshot", sourceId: covered, reason: "held back too" },
      { kind: "update", sourceId: broken, reason: "held back" },
    ]);
    expect(new Uint8Array(reopened.quarantined("wp-1")[1]?.data ?? [])).toEqual(updates[3]);
    expect(reopened.quarantined("wp-2")).toEqual([]);
  });

  it("replaces a snapshot that covers more than the quarantine's state says, keeping its id", () => {
    const log = createSqliteUpdateLog(openDb(tempPath()));
    const { doc, updates } = textUpdates(3);
    const lastId = appendTo(log, "wp-1", updates);
    log.compact("wp-1", Y.encodeStateAsUpdate(new Y.Doc()), lastId);
    log.quarantine("wp-1", {
      updates: [],
      snapshotReason: "does not apply",
      state: Y.encodeStateAsUpdate(doc),
      upToId: 0,
    });
    appendTo(log, "wp-1", textUpdates(1).updates);
    const loaded = log.load("wp-1");
    expect(
      replay({ ...loaded, updates: [] })
        .getText("default")
        .toString(),
    ).toBe("abc");
    expect(loaded.updates).toHaveLength(1);
  });
});
