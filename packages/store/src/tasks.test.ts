import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { insertThread } from "./comments";
import { type Db, openDatabase } from "./db";
import { addMembership } from "./memberships";
import { INITIAL } from "./migrations/001-initial";
import { WARNINGS } from "./migrations/002-warnings";
import { createNetwork, createOrganisation } from "./networks";
import {
  findTask,
  insertTask,
  listAssignedTasks,
  listNetworkTasks,
  listThreadTasks,
  listWorkplanThreadTasks,
  updateTask,
} from "./tasks";
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
  const org = createOrganisation(db, { networkId: network.id, name: "O", acronym: "", type: "x" });
  const ana = createUser(db, { email: "ana@example.test", name: "Ana", passwordHash: null });
  addMembership(db, {
    networkId: network.id,
    userId: ana.id,
    organisationId: org.id,
    role: "editor",
  });
  const task = (title: string, due: string | null, status: "open" | "done" = "open") =>
    insertTask(
      db,
      {
        networkId: network.id,
        title,
        activityIds: ["A1"],
        assigneeId: ana.id,
        createdBy: ana.id,
        due,
        status,
        fromThreadId: null,
        fromWarningId: null,
      },
      1,
    );
  return { db, network, ana, task };
}

describe("tasks in the store", () => {
  it("lists unfinished tasks first, soonest due first", () => {
    const { db, network, ana, task } = setUp();
    task("finished", "2026-01-01", "done");
    task("later", "2026-05-01");
    task("undated", null);
    task("soon", "2026-02-01");
    const titles = ["soon", "later", "undated", "finished"];
    expect(listNetworkTasks(db, network.id).map((t) => t.title)).toEqual(titles);
    expect(listAssignedTasks(db, ana.id).map((t) => t.title)).toEqual(titles);
  });

  it("changes only what is asked and stamps the change", () => {
    const { db, ana, task } = setUp();
    const created = task("Draft the referral guide", "2026-03-01");
    expect(created).toMatchObject({ assigneeName: "Ana", activityIds: ["A1"], status: "open" });
    updateTask(db, created.id, { status: "in-progress", due: null }, 50);
    expect(findTask(db, created.id)).toMatchObject({
      title: "Draft the referral guide",
      status: "in-progress",
      due: null,
      assigneeId: ana.id,
      updatedAt: 50,
    });
  });

  it("lists the tasks made from a thread, and from all of a workplan's threads, with their creator", () => {
    const { db, network, ana } = setUp();
    const plan = createWorkplan(db, { networkId: network.id, title: "Plan", createdBy: null });
    const other = createWorkplan(db, { networkId: network.id, title: "Other", createdBy: null });
    const thread = (workplanId: string) =>
      insertThread(
        db,
        { workplanId, activityId: "A1", anchor: null, quote: "", createdBy: ana.id },
        1,
      ).id;
    const [first, second, elsewhere] = [thread(plan.id), thread(plan.id), thread(other.id)];
    const from = (title: string, fromThreadId: string | null, at: number) =>
      insertTask(
        db,
        {
          networkId: network.id,
          title,
          activityIds: [],
          assigneeId: ana.id,
          createdBy: ana.id,
          due: "2026-02-01",
          status: "open",
          fromThreadId,
          fromWarningId: null,
        },
        at,
      );
    from("Book the venue", first, 3);
    from("Unrelated", null, 4);
    from("Ask the ministry", second, 5);
    from("Call the mayor", first, 6);
    from("In the other plan", elsewhere, 7);
    expect(listThreadTasks(db, first).map((t) => [t.title, t.createdByName])).toEqual([
      ["Book the venue", "Ana"],
      ["Call the mayor", "Ana"],
    ]);
    expect(listWorkplanThreadTasks(db, plan.id).map((t) => [t.title, t.fromThreadId])).toEqual([
      ["Book the venue", first],
      ["Ask the ministry", second],
      ["Call the mayor", first],
    ]);
  });

  it("keeps the tasks of a database from before this migration", () => {
    const dir = mkdtempSync(join(tmpdir(), "junction-store-"));
    dirs.push(dir);
    const path = join(dir, "junction.db");
    const old = new Database(path);
    old.exec(INITIAL);
    old.exec(WARNINGS);
    old.pragma("user_version = 2");
    old.exec(`
      INSERT INTO networks (id, name, created_at) VALUES ('n1', 'N', 1);
      INSERT INTO users (id, email, name, created_at) VALUES ('u1', 'u@example.test', 'U', 1);
      INSERT INTO tasks (id, network_id, title, created_by, status, created_at)
        VALUES ('t1', 'n1', 'Old task', 'u1', 'open', 7);`);
    old.close();
    const db = openDatabase(path);
    open.push(db);
    expect(findTask(db, "t1")).toMatchObject({
      title: "Old task",
      updatedAt: 7,
      fromWarningId: null,
    });
  });
});
