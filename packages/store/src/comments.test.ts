import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import {
  findThread,
  insertComment,
  insertThread,
  listThreadComments,
  listUserThreadIds,
  listWorkplanComments,
  listWorkplanThreads,
  markCommentDeleted,
  setThreadResolved,
  updateCommentBody,
} from "./comments";
import { type Db, openDatabase } from "./db";
import { INITIAL } from "./migrations/001-initial";
import { WARNINGS } from "./migrations/002-warnings";
import { COLLABORATION } from "./migrations/003-collaboration";
import { createNetwork } from "./networks";
import { openTestStore } from "./testing";
import { createUser } from "./users";
import { createWorkplan } from "./workplans";

const open: Db[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function setUp() {
  const db = openTestStore(":memory:");
  open.push(db);
  const network = createNetwork(db, { name: "N", country: "", description: "" });
  const workplan = createWorkplan(db, { networkId: network.id, title: "Plan", createdBy: null });
  const ana = createUser(db, { email: "ana@example.test", name: "Ana", passwordHash: null });
  const ben = createUser(db, { email: "ben@example.test", name: "Ben", passwordHash: null });
  return { db, network, workplan, ana, ben };
}

describe("comment threads in the store", () => {
  it("keeps a range anchor opaque and gives the thread its network", () => {
    const { db, network, workplan, ana } = setUp();
    const thread = insertThread(
      db,
      {
        workplanId: workplan.id,
        activityId: "A1",
        anchor: { kind: "range", start: "AAE=", end: "AAI=" },
        quote: "border police",
        createdBy: ana.id,
      },
      1000,
    );
    expect(findThread(db, thread.id)).toEqual({
      id: thread.id,
      workplanId: workplan.id,
      networkId: network.id,
      activityId: "A1",
      anchor: { kind: "range", start: "AAE=", end: "AAI=" },
      quote: "border police",
      resolvedAt: null,
      resolvedBy: null,
      createdBy: ana.id,
      createdAt: 1000,
    });
  });

  it("reads the demo seed's field anchors", () => {
    const { db, workplan, ana } = setUp();
    db.prepare(
      `INSERT INTO comment_threads (id, workplan_id, activity_id, anchor, quote, created_by, created_at)
       VALUES ('seeded', ?, 'A1', '{"field":"title"}', 'Train', ?, 1)`,
    ).run(workplan.id, ana.id);
    expect(listWorkplanThreads(db, workplan.id)[0]?.anchor).toEqual({
      kind: "field",
      field: "title",
    });
  });

  it("stores replies with their mentions, edits them and soft-deletes them", () => {
    const { db, workplan, ana, ben } = setUp();
    const thread = insertThread(
      db,
      { workplanId: workplan.id, activityId: "A1", anchor: null, quote: "", createdBy: ana.id },
      1,
    );
    const first = insertComment(
      db,
      { threadId: thread.id, authorId: ana.id, body: "@Ben look", mentions: [ben.id] },
      2,
    );
    insertComment(db, { threadId: thread.id, authorId: ben.id, body: "Seen", mentions: [] }, 3);
    expect(
      listThreadComments(db, thread.id).map((c) => [c.authorName, c.body, c.mentions]),
    ).toEqual([
      ["Ana", "@Ben look", [ben.id]],
      ["Ben", "Seen", []],
    ]);
    expect(listUserThreadIds(db, ben.id)).toEqual([
      { threadId: thread.id, mentioned: true, participated: true },
    ]);

    updateCommentBody(db, first.id, { body: "Please look", mentions: [] }, 4);
    expect(listThreadComments(db, thread.id)[0]).toMatchObject({
      body: "Please look",
      editedAt: 4,
    });

    markCommentDeleted(db, first.id, ben.id, 5);
    const [deleted] = listWorkplanComments(db, workplan.id);
    expect(deleted).toMatchObject({
      id: first.id,
      body: "",
      deletedAt: 5,
      deletedBy: ben.id,
      mentions: [],
    });
    expect(listThreadComments(db, thread.id)).toHaveLength(2);
  });

  it("resolves and reopens a thread", () => {
    const { db, workplan, ana } = setUp();
    const thread = insertThread(
      db,
      { workplanId: workplan.id, activityId: null, anchor: null, quote: "", createdBy: ana.id },
      1,
    );
    setThreadResolved(db, thread.id, ana.id, 9);
    expect(findThread(db, thread.id)).toMatchObject({ resolvedAt: 9, resolvedBy: ana.id });
    setThreadResolved(db, thread.id, null, 10);
    expect(findThread(db, thread.id)).toMatchObject({ resolvedAt: null, resolvedBy: null });
  });

  it("counts messages deleted before moderation existed as deleted by their authors", () => {
    const dir = mkdtempSync(join(tmpdir(), "junction-store-"));
    dirs.push(dir);
    const path = join(dir, "junction.db");
    const old = new Database(path);
    old.exec(INITIAL);
    old.exec(WARNINGS);
    old.exec(COLLABORATION);
    old.pragma("user_version = 3");
    old.exec(`
      INSERT INTO networks (id, name, created_at) VALUES ('n1', 'N', 1);
      INSERT INTO users (id, email, name, created_at) VALUES ('u1', 'u@example.test', 'U', 1);
      INSERT INTO workplans (id, network_id, title, stage, created_at, updated_at)
        VALUES ('w1', 'n1', 'Plan', 'draft', 1, 1);
      INSERT INTO comment_threads (id, workplan_id, created_by, created_at)
        VALUES ('t1', 'w1', 'u1', 1);
      INSERT INTO comments (id, thread_id, author_id, body, created_at, deleted_at)
        VALUES ('c1', 't1', 'u1', '', 2, 3), ('c2', 't1', 'u1', 'Still here', 4, NULL);`);
    old.close();
    const db = openDatabase(path);
    open.push(db);
    expect(listThreadComments(db, "t1").map((c) => [c.id, c.deletedBy])).toEqual([
      ["c1", "u1"],
      ["c2", null],
    ]);
  });
});
