import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readActivities } from "@junction/domain/doc";
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { appendAudit, listAudit } from "./audit";
import { isStorageUnavailable, openDatabase, type SqliteDb, schemaVersion } from "./db";
import { countCoordinators, listMembers, listUserMemberships } from "./memberships";
import { listOrganisations, listUserNetworks } from "./networks";
import { listActivityOwners, listUserOwnedActivities } from "./owners";
import { loadDemoNetwork, seedDemoNetwork } from "./seed";
import { findSession, insertSession, touchSession } from "./sessions";
import { statement } from "./statements";
import { createUser, findUserByEmail, findUserById, setUserLocale } from "./users";
import { listWorkplans } from "./workplans";

const dirs: string[] = [];
function tempDb(): { db: SqliteDb; path: string } {
  const dir = mkdtempSync(join(tmpdir(), "junction-store-"));
  dirs.push(dir);
  const path = join(dir, "junction.db");
  return { db: openDatabase(path), path };
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("the database", () => {
  it("applies every migration once and keeps the data when reopened", () => {
    const { db, path } = tempDb();
    const version = schemaVersion(db);
    expect(version).toBeGreaterThan(0);
    appendAudit(db, { actorId: null, action: "network.create" });
    db.close();
    const again = openDatabase(path);
    expect(schemaVersion(again)).toBe(version);
    expect(listAudit(again)).toHaveLength(1);
    again.close();
  });

  it("keeps a user's language, none until they choose one", () => {
    const { db, path } = tempDb();
    const user = createUser(db, { email: "nino@example.test", name: "Nino", passwordHash: null });
    expect(findUserById(db, user.id)?.locale).toBeNull();
    setUserLocale(db, user.id, "fr");
    db.close();
    const again = openDatabase(path);
    expect(findUserById(again, user.id)?.locale).toBe("fr");
    again.close();
  });

  it("runs in WAL mode so readers never block the writer", () => {
    const { db } = tempDb();
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    db.close();
  });

  it("fails a write at once while another connection holds the write lock, and says so", () => {
    const { db, path } = tempDb();
    const other = openDatabase(path);
    other.exec("BEGIN IMMEDIATE");
    let failure: unknown;
    try {
      appendAudit(db, { actorId: null, action: "network.create" });
    } catch (error) {
      failure = error;
    }
    expect(failure).toMatchObject({ code: "SQLITE_BUSY" });
    expect(isStorageUnavailable(failure)).toBe(true);
    expect(isStorageUnavailable(new Error("wrapped", { cause: failure }))).toBe(true);
    expect(isStorageUnavailable(new Error("something else"))).toBe(false);
    // reads go on in WAL mode
    expect(listAudit(db)).toEqual([]);
    other.exec("ROLLBACK");
    other.close();
    appendAudit(db, { actorId: null, action: "network.create" });
    expect(listAudit(db)).toHaveLength(1);
    db.close();
  });

  it("opens an up-to-date database while another connection holds the write lock", () => {
    const { db, path } = tempDb();
    db.close();
    const other = openDatabase(path);
    other.exec("BEGIN IMMEDIATE");
    const again = openDatabase(path);
    expect(listAudit(again)).toEqual([]);
    other.exec("ROLLBACK");
    other.close();
    again.close();
  });

  it("skips a session's renewal while the database is busy instead of failing the request", () => {
    const { db, path } = tempDb();
    const user = createUser(db, { email: "a@b.c", name: "A", passwordHash: null });
    const session = {
      id: "s1",
      secretHash: new Uint8Array(32),
      userId: user.id,
      createdAt: 1,
      expiresAt: 100,
      lastSeenAt: 1,
      userAgent: "",
    };
    insertSession(db, session);
    const other = openDatabase(path);
    other.exec("BEGIN IMMEDIATE");
    expect(touchSession(db, "s1", 50, 200)).toBe(false);
    other.exec("ROLLBACK");
    other.close();
    expect(findSession(db, "s1")?.expiresAt).toBe(100);
    expect(touchSession(db, "s1", 50, 200)).toBe(true);
    expect(findSession(db, "s1")?.expiresAt).toBe(200);
    db.close();
  });

  it("refuses to rewrite or delete the audit log", () => {
    const { db } = tempDb();
    appendAudit(db, { actorId: null, action: "auth.sign-in", detail: { email: "a@b.c" } });
    expect(() => db.exec("UPDATE audit_log SET action = 'x'")).toThrow(/append-only/);
    expect(() => db.exec("DELETE FROM audit_log")).toThrow(/append-only/);
    expect(listAudit(db)[0]?.detail).toEqual({ email: "a@b.c" });
    db.close();
  });
});

describe("the demo seed", () => {
  it("creates the demo network's organisations, members and workplans", () => {
    const { db } = tempDb();
    const demo = loadDemoNetwork();
    const result = seedDemoNetwork(db, "hash");
    expect(listOrganisations(db, result.networkId)).toHaveLength(demo.organisations.length);
    const members = listMembers(db, result.networkId);
    expect(members.map((m) => m.email).sort()).toEqual(demo.members.map((m) => m.email).sort());
    expect(countCoordinators(db, result.networkId)).toBe(2);
    const workplans = listWorkplans(db, result.networkId);
    expect(workplans.map((w) => w.title)).toEqual(demo.workplans.map((w) => w.title));
    const tamar = findUserByEmail(db, "TAMAR.kapanadze@example.org");
    expect(tamar?.isAdmin).toBe(true);
    expect(listUserMemberships(db, tamar?.id ?? "")[0]?.role).toBe("coordinator");
    expect(listUserNetworks(db, tamar?.id ?? "")[0]?.workplanCount).toBe(2);
    db.close();
  });

  it("gives the demo activities the owners the demo names", () => {
    const { db } = tempDb();
    seedDemoNetwork(db, "hash");
    const eka = findUserByEmail(db, "eka.lomidze@example.org");
    const owned = listUserOwnedActivities(db, eka?.id ?? "").map((o) => o.activityId);
    expect(owned.sort()).toEqual(["A19", "A24", "A32"]);
    expect(listActivityOwners(db, "wp-scmi-2022-2023", "A07").map((o) => o.name)).toEqual([
      "Nana Abuladze",
    ]);
    db.close();
  });

  it("stores each workplan as a document holding all its activities", () => {
    const { db } = tempDb();
    const demo = loadDemoNetwork();
    seedDemoNetwork(db, "hash");
    for (const workplan of demo.workplans) {
      const rows = statement(
        db,
        "SELECT update_data FROM workplan_updates WHERE workplan_id = ?",
      ).all(workplan.id) as { update_data: Buffer }[];
      const ydoc = new Y.Doc();
      for (const row of rows) Y.applyUpdate(ydoc, new Uint8Array(row.update_data));
      const activities = readActivities(ydoc);
      expect(activities.map((a) => a.id).sort()).toEqual(
        workplan.activities.map((a) => a.id).sort(),
      );
      const first = workplan.activities[0];
      const stored = activities.find((a) => a.id === first?.id);
      expect(stored?.title).toBe(first?.title);
      expect(stored?.lead).toBe(first?.lead);
      expect(stored?.gcmObjectives).toEqual(
        [...(first?.gcmObjectives ?? [])].sort((a, b) => a - b),
      );
    }
    db.close();
  });

  it("seeds comment threads with their replies", () => {
    const { db } = tempDb();
    const demo = loadDemoNetwork();
    seedDemoNetwork(db, "hash");
    const threads = (
      statement(db, "SELECT COUNT(*) AS n FROM comment_threads").get() as { n: number }
    ).n;
    const comments = (statement(db, "SELECT COUNT(*) AS n FROM comments").get() as { n: number }).n;
    expect(threads).toBe(demo.comments.length);
    expect(comments).toBe(demo.comments.reduce((n, c) => n + 1 + c.replies.length, 0));
    db.close();
  });
});
