import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { lastUpdateId, listWorkplansToIndex, markWorkplanIndexed } from "./activities";
import type { Db } from "./db";
import { createNetwork } from "./networks";
import { openTestStore } from "./testing";
import { createSqliteUpdateLog } from "./update-log";
import { createWorkplan } from "./workplans";

const dirs: string[] = [];
const open: Db[] = [];

afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function setUp() {
  const dir = mkdtempSync(join(tmpdir(), "junction-activities-"));
  dirs.push(dir);
  const db = openTestStore(join(dir, "junction.db"));
  open.push(db);
  const network = createNetwork(db, { name: "N", country: "C", description: "" });
  const workplan = (title: string) =>
    createWorkplan(db, { networkId: network.id, title, createdBy: null });
  return { db, log: createSqliteUpdateLog(db), workplan };
}

const ids = (db: Db) =>
  listWorkplansToIndex(db)
    .map((w) => w.id)
    .sort();

describe("what the activity index still has to read", () => {
  it("lists a workplan never indexed, and again once its log moves past what was indexed", () => {
    const { db, log, workplan } = setUp();
    const a = workplan("A");
    const b = workplan("B");
    expect(ids(db)).toEqual([a.id, b.id].sort());

    markWorkplanIndexed(db, a.id, lastUpdateId(db, a.id));
    markWorkplanIndexed(db, b.id, lastUpdateId(db, b.id));
    expect(ids(db)).toEqual([]);

    const [[appended] = []] = log.append([{ docName: b.id, updates: [new Uint8Array([0, 0])] }]);
    expect(lastUpdateId(db, b.id)).toBe(appended);
    expect(ids(db)).toEqual([b.id]);
    markWorkplanIndexed(db, b.id, lastUpdateId(db, b.id));
    expect(ids(db)).toEqual([]);
  });

  it("knows the last update of a compacted log, and that a newer one moved it", () => {
    const { db, log, workplan } = setUp();
    const a = workplan("A");
    const [[first] = []] = log.append([{ docName: a.id, updates: [new Uint8Array([0, 0])] }]);
    log.compact(a.id, new Uint8Array([0, 0]), first ?? 0);
    expect(lastUpdateId(db, a.id)).toBe(first);
    markWorkplanIndexed(db, a.id, lastUpdateId(db, a.id));
    expect(ids(db)).toEqual([]);

    const [[second] = []] = log.append([{ docName: a.id, updates: [new Uint8Array([0, 0])] }]);
    log.compact(a.id, new Uint8Array([0, 0]), second ?? 0);
    expect(lastUpdateId(db, a.id)).toBe(second);
    expect(ids(db)).toEqual([a.id]);
  });
});
