import { emptyActivity, type NotificationView, type TaskView } from "@junction/domain";
import {
  createWorkplan,
  insertWarning,
  listAudit,
  replaceWorkplanActivities,
} from "@junction/store";
import { afterEach, describe, expect, it } from "vitest";
import type { ServerEvent } from "../events";
import {
  createHarness,
  createTestNetwork,
  type Harness,
  ORIGIN,
  snapshotDatabase,
} from "../test/harness";

const DAY = 24 * 60 * 60 * 1000;

let harness: Harness | null = null;
afterEach(() => {
  harness?.close();
  harness = null;
});

function setUp() {
  const h = createHarness();
  harness = h;
  const n = createTestNetwork(h);
  const events: ServerEvent[] = [];
  h.deps.events.subscribe((event) => events.push(event));
  const call = async (cookie: string, method: string, path: string, json?: unknown) => {
    const response = await h.request(path, { method, headers: { cookie, origin: ORIGIN }, json });
    const body = response.status === 204 ? null : ((await response.json()) as unknown);
    return { status: response.status, body };
  };
  const create = async (json: Record<string, unknown>) => {
    const response = await call(
      n.cookies.coordinator,
      "POST",
      `/api/networks/${n.networkId}/tasks`,
      {
        title: "Share the training curriculum",
        assigneeId: n.users.editor.id,
        ...json,
      },
    );
    expect(response.status).toBe(201);
    return response.body as TaskView;
  };
  return { h, n, events, call, create };
}

describe("tasks", () => {
  it("marks a task overdue once its due date has passed, until it is done", async () => {
    const { h, n, call, create } = setUp();
    const task = await create({ due: "2026-01-16" });
    expect(task.overdue).toBe(false);
    h.advance(2 * DAY);
    const late = (await call(n.cookies.viewer, "GET", `/api/tasks/${task.id}`)).body as TaskView;
    expect(late.overdue).toBe(true);
    const done = await call(n.cookies.editor, "PATCH", `/api/tasks/${task.id}`, { status: "done" });
    expect(done.body).toMatchObject({ status: "done", overdue: false });
  });

  it("turns a duplication warning into a task on both activities, logged in the audit", async () => {
    const { h, n, create, events } = setUp();
    const second = createWorkplan(h.db, { networkId: n.networkId, title: "B", createdBy: null });
    replaceWorkplanActivities(h.db, { id: n.workplanId, networkId: n.networkId }, [
      { ...emptyActivity("X1"), title: "Train border police", lead: n.orgA },
    ]);
    replaceWorkplanActivities(h.db, { id: second.id, networkId: n.networkId }, [
      { ...emptyActivity("Y1"), title: "Border police training", lead: n.orgB },
    ]);
    const warning = insertWarning(
      h.db,
      {
        networkId: n.networkId,
        a: { workplanId: n.workplanId, activityId: "X1" },
        b: { workplanId: second.id, activityId: "Y1" },
        score: 0.9,
        reasons: ["similar wording"],
      },
      h.deps.now(),
    );
    const task = await create({ title: undefined, fromWarningId: warning.id });
    expect(task).toMatchObject({
      title: 'Coordinate "Train border police" and "Border police training"',
      activityIds: ["X1", "Y1"],
      fromWarningId: warning.id,
    });
    expect(listAudit(h.db).some((e) => e.action === "task.create" && e.subject === task.id)).toBe(
      true,
    );
    expect(events).toContainEqual({
      type: "tasks-changed",
      networkId: n.networkId,
      data: { networkId: n.networkId, taskId: task.id },
    });
  });

  it("refuses a viewer or a stranger as assignee and stores nothing", async () => {
    const { h, n, call } = setUp();
    const before = snapshotDatabase(h.db);
    for (const assigneeId of [n.users.viewer.id, n.users.stranger.id]) {
      const response = await call(
        n.cookies.coordinator,
        "POST",
        `/api/networks/${n.networkId}/tasks`,
        {
          title: "Anything",
          assigneeId,
        },
      );
      expect(response.status).toBe(400);
    }
    expect(snapshotDatabase(h.db)).toBe(before);
  });

  it("lets the assignee move the status but change nothing else", async () => {
    const { h, n, call, create } = setUp();
    const task = await create({ due: "2026-03-01" });
    const before = snapshotDatabase(h.db);
    const retitle = await call(n.cookies.editor, "PATCH", `/api/tasks/${task.id}`, {
      title: "Something easier",
    });
    expect(retitle.status).toBe(403);
    expect(snapshotDatabase(h.db)).toBe(before);
    const moved = await call(n.cookies.editor, "PATCH", `/api/tasks/${task.id}`, {
      status: "in-progress",
    });
    expect(moved.body).toMatchObject({ status: "in-progress", title: task.title });
  });

  it("tells the assignee of new work, and the coordinator when it is done", async () => {
    const { n, call, create } = setUp();
    const task = await create({});
    await call(n.cookies.editor, "PATCH", `/api/tasks/${task.id}`, { status: "done" });
    const coordinator = (await call(n.cookies.coordinator, "GET", "/api/notifications"))
      .body as NotificationView[];
    expect(coordinator.map((x) => [x.kind, x.taskId, x.message])).toEqual([
      ["task-updated", task.id, 'The editor marked "Share the training curriculum" done'],
    ]);
    await call(n.cookies.coordinator, "PATCH", `/api/tasks/${task.id}`, {
      assigneeId: n.users.commenter.id,
      status: "open",
    });
    const commenter = (await call(n.cookies.commenter, "GET", "/api/notifications"))
      .body as NotificationView[];
    expect(commenter.map((x) => x.kind)).toEqual(["task-assigned"]);
  });

  it("lists the network's tasks for every member, unfinished first", async () => {
    const { n, call, create } = setUp();
    const first = await create({ title: "First", due: "2026-05-01" });
    const second = await create({ title: "Second", due: "2026-02-01" });
    await call(n.cookies.editor, "PATCH", `/api/tasks/${second.id}`, { status: "done" });
    const listed = (await call(n.cookies.viewer, "GET", `/api/networks/${n.networkId}/tasks`))
      .body as TaskView[];
    expect(listed.map((t) => t.id)).toEqual([first.id, second.id]);
  });
});
