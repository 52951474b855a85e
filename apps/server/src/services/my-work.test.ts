import {
  type Activity,
  emptyActivity,
  type MyWork,
  type NotificationView,
  type ThreadView,
} from "@junction/domain";
import { encodeAnchor, NARRATIVE_FIELD } from "@junction/domain/doc";
import { createWorkplan, insertWarning, replaceWorkplanActivities } from "@junction/store";
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { ServerEvent } from "../events";
import { createHarness, createTestNetwork, type Harness, ORIGIN } from "../test/harness";

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
  return { h, n, events, call };
}

function sentence(): { anchor: { start: string; end: string }; quote: string } {
  const ydoc = new Y.Doc();
  const paragraph = new Y.XmlElement("paragraph");
  const text = new Y.XmlText("The ministry will train border police at all crossings.");
  paragraph.insert(0, [text]);
  ydoc.getXmlFragment(NARRATIVE_FIELD).insert(0, [paragraph]);
  const from = text.toString().indexOf("train");
  const { start, end, quote } = encodeAnchor(text, from, from + "train border police".length);
  return { anchor: { start, end }, quote };
}

function activity(id: string, lead: string, overrides: Partial<Activity> = {}): Activity {
  return { ...emptyActivity(id), title: `Activity ${id}`, lead, ...overrides };
}

describe("from a comment to someone's work", () => {
  it("turns a commenter's remark into a task the editor finds in their work, with one unread notification", async () => {
    const { n, events, call } = setUp();
    const { anchor, quote } = sentence();

    const started = await call(
      n.cookies.commenter,
      "POST",
      `/api/workplans/${n.workplanId}/threads`,
      {
        anchor,
        quote,
        body: "@The coordinator which crossings? Civil society runs a shelter at the northern one.",
        mentions: [n.users.coordinator.id, n.users.stranger.id],
      },
    );
    expect(started.status).toBe(201);
    const thread = started.body as ThreadView;
    expect(thread).toMatchObject({ anchor, quote, status: "open", activityId: null });
    expect(thread.comments[0]?.mentions).toEqual([n.users.coordinator.id]);

    const replied = await call(n.cookies.editor, "POST", `/api/threads/${thread.id}/comments`, {
      body: "All four crossings; happy to include the shelter staff.",
    });
    expect(replied.status).toBe(201);
    expect((replied.body as ThreadView).comments.map((c) => c.authorName)).toEqual([
      "The commenter",
      "The editor",
    ]);

    const created = await call(
      n.cookies.coordinator,
      "POST",
      `/api/networks/${n.networkId}/tasks`,
      {
        assigneeId: n.users.editor.id,
        due: "2026-02-15",
        fromThreadId: thread.id,
      },
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      title: "@The coordinator which crossings? Civil society runs a shelter at the northern one.",
      assigneeId: n.users.editor.id,
      status: "open",
      overdue: false,
      fromThreadId: thread.id,
    });

    const work = (await call(n.cookies.editor, "GET", "/api/me/work")).body as MyWork;
    expect(work.tasks.map((t) => t.fromThreadId)).toEqual([thread.id]);

    const notifications = (await call(n.cookies.editor, "GET", "/api/notifications"))
      .body as NotificationView[];
    expect(notifications).toHaveLength(1);
    expect(notifications[0]).toMatchObject({ kind: "task-assigned", read: false });
    expect((await call(n.cookies.editor, "GET", "/api/notifications/unread")).body).toEqual({
      unread: 1,
    });
    expect(
      events.some(
        (e) =>
          e.type === "notification" &&
          e.userId === n.users.editor.id &&
          e.data.notification.kind === "task-assigned" &&
          e.data.unread === 1,
      ),
    ).toBe(true);

    const read = await call(n.cookies.editor, "POST", "/api/notifications/read", {
      ids: [notifications[0]?.id],
    });
    expect(read.body).toEqual({ unread: 0 });
    expect(
      ((await call(n.cookies.editor, "GET", "/api/notifications")).body as NotificationView[])[0]
        ?.read,
    ).toBe(true);

    // the others see the thread from their side
    const coordinatorWork = (await call(n.cookies.coordinator, "GET", "/api/me/work"))
      .body as MyWork;
    expect(coordinatorWork.threads.map((t) => [t.id, t.reasons])).toEqual([
      [thread.id, ["mentioned"]],
    ]);
    const commenterWork = (await call(n.cookies.commenter, "GET", "/api/me/work")).body as MyWork;
    expect(commenterWork.threads.map((t) => [t.id, t.reasons, t.workplanTitle])).toEqual([
      [thread.id, ["awaiting-reply"], "Joint workplan"],
    ]);
    expect(
      (
        (await call(n.cookies.commenter, "GET", "/api/notifications")).body as NotificationView[]
      ).map((x) => x.kind),
    ).toEqual(["reply"]);
  });

  it("stops waiting for a reply once the thread is resolved", async () => {
    const { n, call } = setUp();
    const thread = (
      await call(n.cookies.commenter, "POST", `/api/workplans/${n.workplanId}/threads`, {
        activityId: "X1",
        body: "Is the budget secured?",
      })
    ).body as ThreadView;
    await call(n.cookies.editor, "POST", `/api/threads/${thread.id}/comments`, { body: "Yes." });
    const before = (await call(n.cookies.commenter, "GET", "/api/me/work")).body as MyWork;
    expect(before.threads).toHaveLength(1);
    await call(n.cookies.commenter, "POST", `/api/threads/${thread.id}/resolve`);
    const after = (await call(n.cookies.commenter, "GET", "/api/me/work")).body as MyWork;
    expect(after.threads).toEqual([]);
  });

  it("lists the activities someone owns and the open warnings on their organisation's activities", async () => {
    const { h, n, call } = setUp();
    const second = createWorkplan(h.db, {
      networkId: n.networkId,
      title: "Ministry plan",
      createdBy: null,
    });
    replaceWorkplanActivities(h.db, { id: n.workplanId, networkId: n.networkId }, [
      activity("X1", n.orgA, { title: "Train border police", status: "ongoing" }),
      activity("X2", n.orgA, { title: "Open a shelter" }),
    ]);
    replaceWorkplanActivities(h.db, { id: second.id, networkId: n.networkId }, [
      activity("Y1", n.orgB, { title: "Border police training" }),
    ]);
    insertWarning(
      h.db,
      {
        networkId: n.networkId,
        a: { workplanId: n.workplanId, activityId: "X1" },
        b: { workplanId: second.id, activityId: "Y1" },
        score: 0.8,
        reasons: ["similar wording"],
      },
      h.deps.now(),
    );
    const owners = await call(
      n.cookies.coordinator,
      "PUT",
      `/api/workplans/${n.workplanId}/activities/X1/owners`,
      { userIds: [n.users.commenter.id] },
    );
    expect(owners.status).toBe(200);

    const commenter = (await call(n.cookies.commenter, "GET", "/api/me/work")).body as MyWork;
    expect(commenter.activities).toEqual([
      {
        networkId: n.networkId,
        workplanId: n.workplanId,
        workplanTitle: "Joint workplan",
        activityId: "X1",
        title: "Train border police",
        status: "ongoing",
      },
    ]);
    // the commenter's organisation (A) leads X1; the editor's (B) leads Y1: both see the warning
    expect(commenter.warnings.map((w) => w.a.activityId)).toEqual(["X1"]);
    const editor = (await call(n.cookies.editor, "GET", "/api/me/work")).body as MyWork;
    expect(editor.warnings).toHaveLength(1);
    expect(editor.activities).toEqual([]);

    const stranger = (await call(n.cookies.stranger, "GET", "/api/me/work")).body as MyWork;
    expect(stranger).toEqual({
      activities: [],
      tasks: [],
      threads: [],
      warnings: [],
      warningCounts: [expect.objectContaining({ open: 0 })],
      consultations: [],
      validations: [],
    });
  });
});
