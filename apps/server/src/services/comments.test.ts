import type { NotificationView, ThreadView } from "@junction/domain";
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
    expect(after.comments.map((c) => [c.body, c.deleted])).toEqual([
      ["(deleted)", true],
      [reply.comments[1]?.body, false],
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
