import type { NotificationView, TaskView, ThreadView } from "@junction/domain";
import { createWorkplan, insertComment, insertThread, listAudit } from "@junction/store";
import { afterEach, describe, expect, it } from "vitest";
import type { ServerEvent } from "../events";
import {
  createHarness,
  createTestNetwork,
  type Harness,
  ORIGIN,
  snapshotDatabase,
} from "../test/harness";

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
  const start = async (cookie: string, body: Record<string, unknown> = {}) => {
    const response = await call(cookie, "POST", `/api/workplans/${n.workplanId}/threads`, {
      activityId: "X1",
      body: "Who pays for the venue?",
      ...body,
    });
    expect(response.status).toBe(201);
    return response.body as ThreadView;
  };
  const notifications = async (cookie: string) =>
    (await call(cookie, "GET", "/api/notifications")).body as NotificationView[];
  return { h, n, events, call, start, notifications };
}

describe("comment threads", () => {
  it("lets a commenter comment on an activity and everyone in the network read it", async () => {
    const { n, call, start, events } = setUp();
    const thread = await start(n.cookies.commenter);
    const listed = (await call(n.cookies.viewer, "GET", `/api/workplans/${n.workplanId}/threads`))
      .body as ThreadView[];
    expect(listed.map((t) => [t.id, t.activityId, t.comments[0]?.body])).toEqual([
      [thread.id, "X1", "Who pays for the venue?"],
    ]);
    expect(events).toContainEqual({
      type: "comments-changed",
      networkId: n.networkId,
      data: { networkId: n.networkId, workplanId: n.workplanId, threadId: thread.id },
    });
    const stranger = await call(n.cookies.stranger, "GET", `/api/threads/${thread.id}`);
    expect(stranger.status).toBe(404);
  });

  it("refuses a malformed anchor and stores nothing", async () => {
    const { h, n, call } = setUp();
    const before = snapshotDatabase(h.db);
    for (const anchor of [
      { start: "not base64!", end: "AAAA" },
      { start: "A".repeat(3000), end: "AAAA" },
    ]) {
      const response = await call(
        n.cookies.commenter,
        "POST",
        `/api/workplans/${n.workplanId}/threads`,
        { anchor, quote: "x", body: "Hm" },
      );
      expect(response.status).toBe(400);
    }
    const nowhere = await call(
      n.cookies.commenter,
      "POST",
      `/api/workplans/${n.workplanId}/threads`,
      {
        body: "On nothing",
      },
    );
    expect(nowhere.status).toBe(400);
    expect(snapshotDatabase(h.db)).toBe(before);
  });

  it("keeps only members of the network among the mentions and tells each of them", async () => {
    const { n, start, notifications } = setUp();
    const thread = await start(n.cookies.commenter, {
      mentions: [n.users.editor.id, n.users.stranger.id, "nobody", n.users.editor.id],
    });
    expect(thread.comments[0]?.mentions).toEqual([n.users.editor.id]);
    expect((await notifications(n.cookies.editor)).map((x) => [x.kind, x.threadId])).toEqual([
      ["mention", thread.id],
    ]);
    expect(await notifications(n.cookies.stranger)).toEqual([]);
  });

  it("tells earlier participants of a reply, but never the one who wrote it", async () => {
    const { n, call, start, notifications } = setUp();
    const thread = await start(n.cookies.commenter);
    await call(n.cookies.editor, "POST", `/api/threads/${thread.id}/comments`, { body: "We do." });
    await call(n.cookies.commenter, "POST", `/api/threads/${thread.id}/comments`, {
      body: "Thanks @coordinator",
      mentions: [n.users.coordinator.id],
    });
    expect((await notifications(n.cookies.commenter)).map((x) => x.kind)).toEqual(["reply"]);
    expect((await notifications(n.cookies.editor)).map((x) => x.kind)).toEqual(["reply"]);
    expect((await notifications(n.cookies.coordinator)).map((x) => x.kind)).toEqual(["mention"]);
  });

  it("lets authors edit and delete their own messages, and shows a deleted one as (deleted)", async () => {
    const { n, call, start } = setUp();
    const thread = await start(n.cookies.commenter);
    const reply = (
      await call(n.cookies.editor, "POST", `/api/threads/${thread.id}/comments`, { body: "Us." })
    ).body as ThreadView;
    const first = thread.comments[0]?.id ?? "";

    const byOther = await call(n.cookies.coordinator, "PATCH", `/api/comments/${first}`, {
      body: "Rewritten by someone else",
    });
    expect(byOther.status).toBe(403);

    const edited = await call(n.cookies.commenter, "PATCH", `/api/comments/${first}`, {
      body: "Who pays for the venue and the interpreters?",
    });
    expect(edited.status).toBe(200);
    expect((edited.body as ThreadView).comments[0]).toMatchObject({
      body: "Who pays for the venue and the interpreters?",
      editedAt: expect.any(String),
    });

    expect((await call(n.cookies.commenter, "DELETE", `/api/comments/${first}`)).status).toBe(204);
    const after = (await call(n.cookies.viewer, "GET", `/api/threads/${thread.id}`))
      .body as ThreadView;
    expect(after.comments.map((c) => [c.body, c.deleted, c.deletedBy])).toEqual([
      ["(deleted)", true, "author"],
      [reply.comments[1]?.body, false, null],
    ]);
    const again = await call(n.cookies.commenter, "PATCH", `/api/comments/${first}`, {
      body: "Back",
    });
    expect(again.status).toBe(409);
  });

  it("lets editors, coordinators and the thread's author resolve and reopen, and nobody else", async () => {
    const { n, call, start } = setUp();
    const byEditor = await start(n.cookies.editor);
    const commenterTry = await call(
      n.cookies.commenter,
      "POST",
      `/api/threads/${byEditor.id}/resolve`,
    );
    expect(commenterTry.status).toBe(403);
    const resolved = await call(
      n.cookies.coordinator,
      "POST",
      `/api/threads/${byEditor.id}/resolve`,
    );
    expect(resolved.body).toMatchObject({
      status: "resolved",
      resolvedBy: n.users.coordinator.id,
    });
    const reopened = await call(n.cookies.editor, "POST", `/api/threads/${byEditor.id}/reopen`);
    expect(reopened.body).toMatchObject({ status: "open", resolvedBy: null, resolvedAt: null });

    const own = await start(n.cookies.commenter);
    const mine = await call(n.cookies.commenter, "POST", `/api/threads/${own.id}/resolve`);
    expect(mine.body).toMatchObject({ status: "resolved" });
  });

  it("refuses a viewer's comment and stores nothing", async () => {
    const { h, n, call } = setUp();
    const before = snapshotDatabase(h.db);
    const response = await call(
      n.cookies.viewer,
      "POST",
      `/api/workplans/${n.workplanId}/threads`,
      {
        activityId: "X1",
        body: "Viewers only read",
      },
    );
    expect(response.status).toBe(403);
    expect(snapshotDatabase(h.db)).toBe(before);
  });
});

describe("tasks made from a thread", () => {
  it("shows everyone who reads the thread the task, who made it for whom, its due date and status, live", async () => {
    const { n, call, start, events } = setUp();
    const thread = await start(n.cookies.commenter);
    events.length = 0;
    const created = await call(
      n.cookies.coordinator,
      "POST",
      `/api/networks/${n.networkId}/tasks`,
      {
        title: "Find a venue for the training",
        assigneeId: n.users.editor.id,
        due: "2026-02-10",
        fromThreadId: thread.id,
      },
    );
    expect(created.status).toBe(201);
    const task = created.body as TaskView;
    const changed = {
      type: "comments-changed",
      networkId: n.networkId,
      data: { networkId: n.networkId, workplanId: n.workplanId, threadId: thread.id },
    };
    expect(events).toContainEqual(changed);

    const line = {
      id: task.id,
      title: "Find a venue for the training",
      assigneeId: n.users.editor.id,
      assigneeName: "The editor",
      createdBy: n.users.coordinator.id,
      createdByName: "The coordinator",
      due: "2026-02-10",
      status: "open",
      overdue: false,
    };
    for (const reader of [n.cookies.viewer, n.cookies.commenter]) {
      const one = (await call(reader, "GET", `/api/threads/${thread.id}`)).body as ThreadView;
      expect(one.tasks).toEqual([{ ...line, createdAt: expect.any(String) }]);
      const all = (await call(reader, "GET", `/api/workplans/${n.workplanId}/threads`))
        .body as ThreadView[];
      expect(all.find((t) => t.id === thread.id)?.tasks).toEqual(one.tasks);
    }

    events.length = 0;
    const moved = await call(n.cookies.editor, "PATCH", `/api/tasks/${task.id}`, {
      status: "in-progress",
    });
    expect(moved.status).toBe(200);
    expect(events).toContainEqual(changed);
    const after = (await call(n.cookies.viewer, "GET", `/api/threads/${thread.id}`))
      .body as ThreadView;
    expect(after.tasks.map((t) => t.status)).toEqual(["in-progress"]);
  });

  it("lists on each thread only the tasks made from it", async () => {
    const { n, call, start } = setUp();
    const first = await start(n.cookies.commenter);
    const second = await start(n.cookies.editor, { body: "And the interpreters?" });
    await call(n.cookies.coordinator, "POST", `/api/networks/${n.networkId}/tasks`, {
      title: "On its own",
      assigneeId: n.users.editor.id,
    });
    await call(n.cookies.coordinator, "POST", `/api/networks/${n.networkId}/tasks`, {
      assigneeId: n.users.commenter.id,
      fromThreadId: second.id,
    });
    const threads = (await call(n.cookies.viewer, "GET", `/api/workplans/${n.workplanId}/threads`))
      .body as ThreadView[];
    const titles = (id: string) => threads.find((t) => t.id === id)?.tasks.map((t) => t.title);
    expect(titles(first.id)).toEqual([]);
    expect(titles(second.id)).toEqual(["And the interpreters?"]);
  });
});

describe("moderation", () => {
  it("lets a coordinator remove someone else's message, shows it as removed by a coordinator and audits it", async () => {
    const { h, n, call, start, events, notifications } = setUp();
    const thread = await start(n.cookies.commenter, { body: "Something out of place" });
    const message = thread.comments[0]?.id ?? "";
    events.length = 0;

    const removed = await call(n.cookies.coordinator, "DELETE", `/api/comments/${message}`);
    expect(removed.status).toBe(204);
    expect(events.map((e) => e.type)).toEqual(["comments-changed", "notification"]);
    // the author is told, with a link to the thread
    expect(
      (await notifications(n.cookies.commenter)).map((x) => [x.kind, x.threadId, x.actorId]),
    ).toEqual([["comment-removed", thread.id, n.users.coordinator.id]]);
    const seen = (await call(n.cookies.viewer, "GET", `/api/threads/${thread.id}`))
      .body as ThreadView;
    expect(seen.comments.map((c) => [c.body, c.deleted, c.deletedBy, c.mentions])).toEqual([
      ["(removed by a coordinator)", true, "coordinator", []],
    ]);
    const entry = listAudit(h.db, { networkId: n.networkId }).find(
      (e) => e.action === "comment.moderate",
    );
    expect(entry).toMatchObject({
      actorId: n.users.coordinator.id,
      subject: message,
      detail: { threadId: thread.id, workplanId: n.workplanId, authorId: n.users.commenter.id },
    });
    expect(JSON.stringify(entry)).not.toContain("Something out of place");

    const again = await call(n.cookies.coordinator, "DELETE", `/api/comments/${message}`);
    expect(again.status).toBe(409);
  });

  it("records no moderation when people delete their own messages, coordinators included", async () => {
    const { h, n, call, start } = setUp();
    const thread = await start(n.cookies.coordinator, { body: "Typo" });
    const own = await call(
      n.cookies.coordinator,
      "DELETE",
      `/api/comments/${thread.comments[0]?.id}`,
    );
    expect(own.status).toBe(204);
    const seen = (await call(n.cookies.viewer, "GET", `/api/threads/${thread.id}`))
      .body as ThreadView;
    expect(seen.comments.map((c) => [c.body, c.deletedBy])).toEqual([["(deleted)", "author"]]);
    expect(listAudit(h.db).some((e) => e.action === "comment.moderate")).toBe(false);
  });

  it("lets editors and commenters delete only their own messages, and coordinators edit only theirs", async () => {
    const { h, n, call, start } = setUp();
    const byCommenter = await start(n.cookies.commenter);
    const byCoordinator = await start(n.cookies.coordinator, { body: "Noted." });
    const before = snapshotDatabase(h.db);
    const tries = [
      [n.cookies.editor, "DELETE", byCommenter.comments[0]?.id, 403],
      [n.cookies.commenter, "DELETE", byCoordinator.comments[0]?.id, 403],
      [n.cookies.viewer, "DELETE", byCommenter.comments[0]?.id, 403],
      [n.cookies.stranger, "DELETE", byCommenter.comments[0]?.id, 404],
      [n.cookies.coordinator, "PATCH", byCommenter.comments[0]?.id, 403],
    ] as const;
    for (const [cookie, method, id, status] of tries) {
      const response = await call(cookie, method, `/api/comments/${id}`, {
        ...(method === "PATCH" ? { body: "Rewritten" } : {}),
      });
      expect(response.status).toBe(status);
    }
    expect(snapshotDatabase(h.db)).toBe(before);
  });
});

describe("comments on adopted and archived workplans", () => {
  function frozenThread(h: Harness, n: ReturnType<typeof setUp>["n"], workplanId: string) {
    const thread = insertThread(
      h.db,
      { workplanId, activityId: "X1", anchor: null, quote: "", createdBy: n.users.commenter.id },
      h.deps.now(),
    );
    const comment = insertComment(
      h.db,
      { threadId: thread.id, authorId: n.users.commenter.id, body: "Before", mentions: [] },
      h.deps.now(),
    );
    return { threadId: thread.id, commentId: comment.id };
  }

  async function expectFrozen(
    call: ReturnType<typeof setUp>["call"],
    n: ReturnType<typeof setUp>["n"],
    workplanId: string,
    ids: { threadId: string; commentId: string },
    word: "adopted" | "archived",
  ) {
    const attempts = [
      [
        n.cookies.commenter,
        "POST",
        `/api/workplans/${workplanId}/threads`,
        { activityId: "X1", body: "Late" },
      ],
      [n.cookies.editor, "POST", `/api/threads/${ids.threadId}/comments`, { body: "Late reply" }],
      [n.cookies.commenter, "PATCH", `/api/comments/${ids.commentId}`, { body: "After" }],
      [n.cookies.coordinator, "POST", `/api/threads/${ids.threadId}/resolve`, undefined],
    ] as const;
    for (const [cookie, method, path, json] of attempts) {
      const response = await call(cookie, method, path, json);
      expect(response.status).toBe(409);
      expect(response.body).toMatchObject({
        error: {
          code: "conflict",
          message: expect.stringContaining(`This workplan is ${word} and read-only`),
        },
      });
    }
    const read = (await call(n.cookies.viewer, "GET", `/api/threads/${ids.threadId}`))
      .body as ThreadView;
    expect(read.comments.map((c) => c.body)).toEqual(["Before"]);
    expect(read.status).toBe("open");
    const listed = await call(n.cookies.viewer, "GET", `/api/workplans/${workplanId}/threads`);
    expect(listed.status).toBe(200);
  }

  it("refuses new threads, replies, edits and resolving on an adopted workplan, and still lets everyone read", async () => {
    const { h, n, call } = setUp();
    const adopted = createWorkplan(h.db, {
      networkId: n.networkId,
      title: "Adopted plan",
      stage: "adopted",
      createdBy: n.users.coordinator.id,
    });
    const ids = frozenThread(h, n, adopted.id);
    const before = snapshotDatabase(h.db);
    await expectFrozen(call, n, adopted.id, ids, "adopted");
    expect(snapshotDatabase(h.db)).toBe(before);
  });

  it("refuses the same on an archived workplan, and reopening a resolved thread, until it is restored", async () => {
    const { h, n, call } = setUp();
    const ids = frozenThread(h, n, n.workplanId);
    const resolvedOne = frozenThread(h, n, n.workplanId);
    await call(n.cookies.coordinator, "POST", `/api/threads/${resolvedOne.threadId}/resolve`);
    const archive = await call(n.cookies.coordinator, "PATCH", `/api/workplans/${n.workplanId}`, {
      archived: true,
    });
    expect(archive.status).toBe(200);
    const before = snapshotDatabase(h.db);
    await expectFrozen(call, n, n.workplanId, ids, "archived");
    const reopen = await call(
      n.cookies.coordinator,
      "POST",
      `/api/threads/${resolvedOne.threadId}/reopen`,
    );
    expect(reopen.status).toBe(409);
    expect(snapshotDatabase(h.db)).toBe(before);

    await call(n.cookies.coordinator, "PATCH", `/api/workplans/${n.workplanId}`, {
      archived: false,
    });
    const reply = await call(n.cookies.editor, "POST", `/api/threads/${ids.threadId}/comments`, {
      body: "Back in business",
    });
    expect(reply.status).toBe(201);
  });

  it("still lets a coordinator remove a message on an adopted workplan", async () => {
    const { h, n, call } = setUp();
    const adopted = createWorkplan(h.db, {
      networkId: n.networkId,
      title: "Adopted plan",
      stage: "adopted",
      createdBy: n.users.coordinator.id,
    });
    const ids = frozenThread(h, n, adopted.id);
    const removed = await call(n.cookies.coordinator, "DELETE", `/api/comments/${ids.commentId}`);
    expect(removed.status).toBe(204);
  });
});
