import { emptyActivity, type NotificationView } from "@junction/domain";
import { createWorkplan, insertWarning, replaceWorkplanActivities } from "@junction/store";
import { afterEach, describe, expect, it } from "vitest";
import type { Mail } from "../mailer";
import { createHarness, createTestNetwork, type Harness, ORIGIN } from "../test/harness";
import { notifyWarning } from "./notifications";

let harness: Harness | null = null;
afterEach(() => {
  harness?.close();
  harness = null;
});

function setUp() {
  const h = createHarness({ publicUrl: "https://junction.example" });
  harness = h;
  const n = createTestNetwork(h);
  const call = async (cookie: string, method: string, path: string, json?: unknown) => {
    const response = await h.request(path, { method, headers: { cookie, origin: ORIGIN }, json });
    const body = response.status === 204 ? null : ((await response.json()) as unknown);
    return { status: response.status, body };
  };
  const assignTask = (assigneeId: string, title = "Draft the referral guide") =>
    call(n.cookies.coordinator, "POST", `/api/networks/${n.networkId}/tasks`, {
      title,
      assigneeId,
    });
  return { h, n, call, assignTask };
}

/** Reads server-sent events until one of type `until` arrives; answers every type seen. */
async function readUntil(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  until: string,
): Promise<{ types: string[]; last: unknown }> {
  const decoder = new TextDecoder();
  let buffer = "";
  const types: string[] = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`stream ended before a ${until} event`);
    buffer += decoder.decode(value, { stream: true });
    const blocks = buffer.split("\n\n");
    buffer = blocks.pop() ?? "";
    for (const block of blocks) {
      const type = /^event: (.+)$/m.exec(block)?.[1];
      const data = /^data: (.+)$/m.exec(block)?.[1];
      if (!type) continue;
      types.push(type);
      if (type === until) return { types, last: data ? JSON.parse(data) : null };
    }
  }
}

describe("notifications", () => {
  it("arrive live for their user only, with the unread count", async () => {
    const { h, n, assignTask } = setUp();
    const open = async (cookie: string) => {
      const response = await h.request("/api/events", { headers: { cookie } });
      const reader = response.body?.getReader();
      if (!reader) throw new Error("no event stream");
      await readUntil(reader, "ready");
      return reader;
    };
    const editor = await open(n.cookies.editor);
    const commenter = await open(n.cookies.commenter);

    expect((await assignTask(n.users.editor.id)).status).toBe(201);
    const heard = await readUntil(editor, "notification");
    expect(heard.last).toMatchObject({
      unread: 1,
      notification: { kind: "task-assigned", message: expect.stringContaining("referral guide") },
    });

    // the commenter hears the task change (a network event) but not the editor's notification
    expect((await assignTask(n.users.commenter.id, "Collect shelter data")).status).toBe(201);
    const commenterHeard = await readUntil(commenter, "notification");
    expect(commenterHeard.types.filter((t) => t === "notification")).toHaveLength(1);
    expect(commenterHeard.types.filter((t) => t === "tasks-changed")).toHaveLength(2);
    expect(commenterHeard.last).toMatchObject({
      notification: { message: expect.stringContaining("shelter data") },
    });
    await editor.cancel();
    await commenter.cancel();
  });

  it("marks chosen notifications read, or all of them", async () => {
    const { n, call, assignTask } = setUp();
    await assignTask(n.users.editor.id, "One");
    await assignTask(n.users.editor.id, "Two");
    await assignTask(n.users.editor.id, "Three");
    const list = (await call(n.cookies.editor, "GET", "/api/notifications"))
      .body as NotificationView[];
    expect(list.map((x) => x.message)).toEqual([
      "The coordinator assigned you a task: Three",
      "The coordinator assigned you a task: Two",
      "The coordinator assigned you a task: One",
    ]);
    const someone = await call(n.cookies.commenter, "POST", "/api/notifications/read", {
      ids: [list[0]?.id],
    });
    expect(someone.body).toEqual({ unread: 0 });
    const one = await call(n.cookies.editor, "POST", "/api/notifications/read", {
      ids: [list[0]?.id],
    });
    expect(one.body).toEqual({ unread: 2 });
    const all = await call(n.cookies.editor, "POST", "/api/notifications/read", {});
    expect(all.body).toEqual({ unread: 0 });
  });

  it("are mailed when mail is set up, and a failing mail server fails nothing", async () => {
    const { h, n, assignTask } = setUp();
    const sent: Mail[] = [];
    h.deps.mailer = {
      enabled: true,
      send: async (mail) => {
        sent.push(mail);
        throw new Error("SMTP down");
      },
    };
    expect((await assignTask(n.users.editor.id)).status).toBe(201);
    expect(sent).toEqual([
      {
        to: "editor@example.test",
        subject: "Junction: The coordinator assigned you a task: Draft the referral guide",
        text: expect.stringContaining("https://junction.example/"),
      },
    ]);
  });

  it("tell both lead organisations' members of a new duplication warning", async () => {
    const { h, n, call } = setUp();
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
    notifyWarning(h.deps, warning);
    const of = async (cookie: string) =>
      (await call(cookie, "GET", "/api/notifications")).body as NotificationView[];
    expect((await of(n.cookies.editor)).map((x) => [x.kind, x.activityId, x.warningId])).toEqual([
      ["warning", "Y1", warning.id],
    ]);
    expect((await of(n.cookies.viewer))[0]?.message).toBe(
      '"Train border police" may duplicate "Border police training" (Joint workplan)',
    );
    expect(await of(n.cookies.stranger)).toEqual([]);
  });
});
