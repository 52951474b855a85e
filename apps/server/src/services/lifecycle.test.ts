import type {
  LifecycleView,
  MyWork,
  StageMoveView,
  ValidationView,
  VersionView,
} from "@junction/domain";
import { findActivityElement, NARRATIVE_FIELD } from "@junction/domain/doc";
import { createWorkplan, listAudit, loadVersionState } from "@junction/store";
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { ServerEvent } from "../events";
import { activity, storeDocument, storeEdit } from "../test/documents";
import {
  createHarness,
  createTestNetwork,
  type Harness,
  ORIGIN,
  snapshotDatabase,
  type TestNetwork,
} from "../test/harness";
import { documentOf } from "./document-state";

let harness: Harness | null = null;
afterEach(() => {
  harness?.close();
  harness = null;
});

function setUp() {
  const h = createHarness();
  harness = h;
  const n = createTestNetwork(h);
  // the editor's organisation (B) leads X1, nobody leads X2
  storeDocument(h, { id: n.workplanId, networkId: n.networkId }, [
    { kind: "paragraph", text: "Context of the plan." },
    { kind: "activity", activity: activity("X1", n.orgB) },
    { kind: "activity", activity: activity("X2", null) },
  ]);
  const events: ServerEvent[] = [];
  h.deps.events.subscribe((event) => events.push(event));
  const call = async <T = unknown>(
    cookie: string,
    method: string,
    path: string,
    json?: unknown,
  ) => {
    const response = await h.request(path, { method, headers: { cookie, origin: ORIGIN }, json });
    return { status: response.status, body: (await response.json()) as T };
  };
  const move = (
    stage: string,
    extra: Record<string, unknown> = {},
    cookie = n.cookies.coordinator,
  ) =>
    call<{ stage: string; error?: { message: string } }>(
      cookie,
      "POST",
      `/api/workplans/${n.workplanId}/stage`,
      { stage, ...extra },
    );
  return { h, n, events, call, move };
}

function notificationsOf(h: Harness, n: TestNetwork, role: keyof TestNetwork["users"]): string[] {
  return (
    h.db
      .prepare("SELECT kind, message FROM notifications WHERE user_id = ? ORDER BY created_at")
      .all(n.users[role].id) as { kind: string; message: string }[]
  ).map((row) => `${row.kind}: ${row.message}`);
}

describe("moving a workplan through its stages", () => {
  it("records every move with who, when and why, saves a version each time, and tells everyone", async () => {
    const { h, n, events, call, move } = setUp();
    expect((await move("consultation")).body.stage).toBe("consultation");
    h.advance(60_000);
    const back = await move("draft", { reason: "The budget section is missing" });
    expect(back.status).toBe(200);
    h.advance(60_000);
    await move("consultation");
    await move("validation");

    const stages = await call<StageMoveView[]>(
      n.cookies.viewer,
      "GET",
      `/api/workplans/${n.workplanId}/stages`,
    );
    expect(stages.body.map(({ from, to, by, reason }) => ({ from, to, by, reason }))).toEqual([
      { from: "draft", to: "consultation", by: n.users.coordinator.id, reason: null },
      {
        from: "consultation",
        to: "draft",
        by: n.users.coordinator.id,
        reason: "The budget section is missing",
      },
      { from: "draft", to: "consultation", by: n.users.coordinator.id, reason: null },
      { from: "consultation", to: "validation", by: n.users.coordinator.id, reason: null },
    ]);
    expect(stages.body[1]?.at).toBe(new Date(Date.UTC(2026, 0, 15, 9, 1)).toISOString());
    const versions = await call<VersionView[]>(
      n.cookies.viewer,
      "GET",
      `/api/workplans/${n.workplanId}/versions`,
    );
    expect(versions.body.map((v) => [v.name, v.kind, v.stage])).toEqual([
      ["Sent for validation", "stage", "validation"],
      ["Sent for consultation", "stage", "consultation"],
      ["Back to draft", "stage", "draft"],
      ["Sent for consultation", "stage", "consultation"],
    ]);
    expect(stages.body.map((m) => m.versionId)).toEqual(versions.body.map((v) => v.id).reverse());
    const audit = listAudit(h.db).filter((e) => e.action === "workplan.stage");
    expect(audit).toHaveLength(4);
    expect(audit.find((e) => e.detail.to === "draft")?.detail.reason).toBe(
      "The budget section is missing",
    );
    expect(events.filter((e) => e.type === "stage-changed").map((e) => e.data)).toHaveLength(4);
    expect(events.filter((e) => e.type === "versions-changed")).toHaveLength(4);
  });

  it("freezes the document for everyone on adoption and re-applies roles to open connections", async () => {
    const { h, n, call, move } = setUp();
    for (const stage of ["consultation", "validation", "adopted"]) await move(stage);
    expect(h.refreshedWorkplans).toEqual([n.workplanId]);
    const lifecycle = await call<LifecycleView>(
      n.cookies.editor,
      "GET",
      `/api/workplans/${n.workplanId}/lifecycle`,
    );
    expect(lifecycle.body).toMatchObject({
      stage: "adopted",
      frozen: "adopted",
      nextStage: null,
      earlierStages: [],
      adoptedAt: "2026-01-15T09:00:00.000Z",
      adoptedBy: n.users.coordinator.id,
    });
    const save = await call(n.cookies.editor, "POST", `/api/workplans/${n.workplanId}/versions`, {
      name: "Late",
    });
    expect(save.status).toBe(409);
  });

  it("refuses skips, back moves without a reason, the same stage and leaving adopted, changing nothing", async () => {
    const { h, n, move } = setUp();
    const before = snapshotDatabase(h.db);
    const skip = await move("validation");
    expect(skip.status).toBe(400);
    expect(skip.body.error?.message).toContain("the next stage is consultation");
    expect((await move("adopted")).status).toBe(400);
    expect((await move("draft")).status).toBe(409);
    expect((await move("nowhere")).status).toBe(400);
    expect((await move("consultation", {}, n.cookies.editor)).status).toBe(403);
    expect(snapshotDatabase(h.db)).toBe(before);

    await move("consultation");
    const moved = snapshotDatabase(h.db);
    expect((await move("draft")).status).toBe(400);
    expect((await move("draft", { reason: "   " })).status).toBe(400);
    expect((await move("validation", { deadline: "2026-03-01" })).status).toBe(400);
    expect(snapshotDatabase(h.db)).toBe(moved);

    await move("validation");
    await move("adopted");
    const adopted = snapshotDatabase(h.db);
    const leave = await move("validation", { reason: "A typo" });
    expect(leave.status).toBe(409);
    expect(leave.body.error?.message).toContain("open a revision");
    expect(snapshotDatabase(h.db)).toBe(adopted);
  });

  it("answers malformed bodies and unknown ids with a clear 4xx, changing nothing", async () => {
    const { h, n, call } = setUp();
    const before = snapshotDatabase(h.db);
    const base = `/api/workplans/${n.workplanId}`;
    const raw = await h.request(`${base}/stage`, {
      method: "POST",
      headers: {
        cookie: n.cookies.coordinator,
        origin: ORIGIN,
        "content-type": "application/json",
      },
      body: "{stage:",
    });
    expect(raw.status).toBe(400);
    const bad: [string, string, unknown, number][] = [
      ["POST", `${base}/stage`, {}, 400],
      ["POST", `${base}/stage`, { stage: "consultation", reason: 7 }, 400],
      ["POST", `${base}/stage`, { stage: "consultation", deadline: "15/03/2026" }, 400],
      ["PUT", `${base}/consultation`, {}, 400],
      ["POST", `${base}/versions`, { name: "x".repeat(201) }, 400],
      ["POST", `${base}/validation`, { answer: "maybe" }, 400],
      ["POST", `${base}/validation/overrule`, { reason: "no organisation" }, 400],
      ["POST", "/api/workplans/nope/stage", { stage: "consultation" }, 404],
      ["GET", "/api/workplans/nope/stages", undefined, 404],
      ["GET", "/api/workplans/nope/lifecycle", undefined, 404],
      ["GET", "/api/workplans/nope/versions", undefined, 404],
      ["POST", "/api/workplans/nope/revisions", undefined, 404],
      ["GET", `${base}/versions/nope`, undefined, 404],
    ];
    for (const [method, path, json, status] of bad) {
      const response = await call<{ error: { code: string; message: string } }>(
        n.cookies.coordinator,
        method,
        path,
        json,
      );
      expect(response.status, `${method} ${path} ${JSON.stringify(json)}`).toBe(status);
      expect(response.body.error.message.length).toBeGreaterThan(0);
    }
    expect(snapshotDatabase(h.db)).toBe(before);
  });

  it("does not move an archived workplan", async () => {
    const { h, n, call, move } = setUp();
    await call(n.cookies.coordinator, "PATCH", `/api/workplans/${n.workplanId}`, {
      archived: true,
    });
    const before = snapshotDatabase(h.db);
    expect((await move("consultation")).status).toBe(409);
    expect(snapshotDatabase(h.db)).toBe(before);
  });
});

/** Reads server-sent events until one of the wanted type arrives whose data `matches`. */
async function nextEvent(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  type: string,
  matches: (data: Record<string, unknown>) => boolean = () => true,
): Promise<Record<string, unknown>> {
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`stream ended before a ${type} event`);
    buffer += decoder.decode(value, { stream: true });
    for (const block of buffer.split("\n\n")) {
      const event = /^event: (.+)$/m.exec(block)?.[1];
      const data = /^data: (.+)$/m.exec(block)?.[1];
      if (event !== type || !data) continue;
      const parsed = JSON.parse(data) as Record<string, unknown>;
      if (matches(parsed)) return parsed;
    }
  }
}

describe("the live stream of stage moves", () => {
  it("pushes each move, with who and why, to the network's members on /api/events", async () => {
    const { h, n, move } = setUp();
    const stream = await h.request("/api/events", { headers: { cookie: n.cookies.viewer } });
    const reader = stream.body?.getReader();
    if (!reader) throw new Error("no event stream");
    await nextEvent(reader, "ready");
    await move("consultation");
    await move("draft", { reason: "Wrong annex attached" });
    expect(await nextEvent(reader, "stage-changed", (data) => data.to === "draft")).toMatchObject({
      networkId: n.networkId,
      workplanId: n.workplanId,
      from: "consultation",
      to: "draft",
      by: n.users.coordinator.id,
      byName: "The coordinator",
      reason: "Wrong annex attached",
    });
    await reader.cancel();
  });
});

describe("consultation", () => {
  it("invites commenters with the deadline, in their notifications and on My work", async () => {
    const { h, n, call, move } = setUp();
    expect((await move("consultation", { deadline: "2026-03-15" })).status).toBe(200);
    expect(notificationsOf(h, n, "commenter")).toEqual([
      'consultation: The coordinator invites you to comment on "Joint workplan" until 15 March 2026',
    ]);
    expect(notificationsOf(h, n, "viewer")).toEqual([]);
    const work = await call<MyWork>(n.cookies.commenter, "GET", "/api/me/work");
    expect(work.body.consultations).toEqual([
      {
        networkId: n.networkId,
        workplanId: n.workplanId,
        workplanTitle: "Joint workplan",
        deadline: "2026-03-15",
        since: "2026-01-15T09:00:00.000Z",
      },
    ]);
    expect(
      (await call<MyWork>(n.cookies.editor, "GET", "/api/me/work")).body.consultations,
    ).toEqual([]);
    const changed = await call<LifecycleView>(
      n.cookies.coordinator,
      "PUT",
      `/api/workplans/${n.workplanId}/consultation`,
      { deadline: "2026-04-01" },
    );
    expect(changed.body.consultation.deadline).toBe("2026-04-01");
    const past = await call(
      n.cookies.coordinator,
      "PUT",
      `/api/workplans/${n.workplanId}/consultation`,
      { deadline: "2025-12-31" },
    );
    expect(past.status).toBe(400);
    await move("validation");
    const late = await call(
      n.cookies.coordinator,
      "PUT",
      `/api/workplans/${n.workplanId}/consultation`,
      { deadline: "2026-05-01" },
    );
    expect(late.status).toBe(409);
  });
});

describe("validation", () => {
  async function inValidation() {
    const context = setUp();
    await context.move("consultation");
    await context.move("validation");
    return context;
  }

  it("asks the organisations leading activities, and lets only their editors answer", async () => {
    const { h, n, call } = await inValidation();
    expect(notificationsOf(h, n, "editor")).toEqual([
      'validation-requested: "Joint workplan" is in validation: MB is asked to approve it or object',
    ]);
    const work = await call<MyWork>(n.cookies.editor, "GET", "/api/me/work");
    expect(work.body.validations?.map((v) => v.organisationId)).toEqual([n.orgB]);
    // the coordinator's organisation (A) leads nothing here
    const outsider = await call(
      n.cookies.coordinator,
      "POST",
      `/api/workplans/${n.workplanId}/validation`,
      {
        answer: "approve",
      },
    );
    expect(outsider.status).toBe(403);
    const commenter = await call(
      n.cookies.commenter,
      "POST",
      `/api/workplans/${n.workplanId}/validation`,
      {
        answer: "approve",
      },
    );
    expect(commenter.status).toBe(403);
    const approved = await call<ValidationView>(
      n.cookies.editor,
      "POST",
      `/api/workplans/${n.workplanId}/validation`,
      { answer: "approve" },
    );
    expect(approved.body).toMatchObject({
      current: true,
      approved: 1,
      pending: 0,
      canAdopt: true,
      organisations: [
        {
          organisationId: n.orgB,
          acronym: "MB",
          activityCount: 1,
          askedSince: "start",
          answer: "approved",
          answeredBy: n.users.editor.id,
          blocking: false,
        },
      ],
    });
    expect((await call<MyWork>(n.cookies.editor, "GET", "/api/me/work")).body.validations).toEqual(
      [],
    );
  });

  it("blocks adoption while an objection stands, until a coordinator overrules it with a reason", async () => {
    const { h, n, call, move } = await inValidation();
    const path = `/api/workplans/${n.workplanId}/validation`;
    const bare = await call(n.cookies.editor, "POST", path, { answer: "object" });
    expect(bare.status).toBe(400);
    const objected = await call<ValidationView>(n.cookies.editor, "POST", path, {
      answer: "object",
      comment: "Our budget line is wrong",
    });
    expect(objected.body).toMatchObject({ objected: 1, canAdopt: false });
    expect(notificationsOf(h, n, "coordinator")).toEqual([
      'validation-objection: MB objects to "Joint workplan": Our budget line is wrong',
    ]);

    const before = snapshotDatabase(h.db);
    const refused = await move("adopted");
    expect(refused.status).toBe(409);
    expect(refused.body.error?.message).toContain("MB objects to this workplan");
    const noReason = await call(n.cookies.coordinator, "POST", `${path}/overrule`, {
      organisationId: n.orgB,
      reason: " ",
    });
    expect(noReason.status).toBe(400);
    const unknown = await call(n.cookies.coordinator, "POST", `${path}/overrule`, {
      organisationId: "no-such-org",
      reason: "x",
    });
    expect(unknown.status).toBe(404);
    expect(snapshotDatabase(h.db)).toBe(before);

    const overruled = await call<ValidationView>(
      n.cookies.coordinator,
      "POST",
      `${path}/overrule`,
      {
        organisationId: n.orgB,
        reason: "Corrected in the annex, agreed at the meeting",
      },
    );
    expect(overruled.body).toMatchObject({
      objected: 0,
      overruled: 1,
      canAdopt: true,
      organisations: [
        { overrule: { by: n.users.coordinator.id, reason: expect.stringContaining("annex") } },
      ],
    });
    const again = await call(n.cookies.coordinator, "POST", `${path}/overrule`, {
      organisationId: n.orgB,
      reason: "twice",
    });
    expect(again.status).toBe(409);
    expect((await move("adopted")).status).toBe(200);
    const actions = listAudit(h.db).map((e) => e.action);
    expect(actions).toContain("validation.answer");
    expect(actions).toContain("validation.overrule");
    const late = await call(n.cookies.editor, "POST", path, { answer: "approve" });
    expect(late.status).toBe(409);
  });

  it("asks an organisation that comes to lead an activity during validation", async () => {
    const { h, n, call } = await inValidation();
    const awaited = async (cookie: string) =>
      (await call<MyWork>(cookie, "GET", "/api/me/work")).body.validations?.map(
        (v) => v.organisationId,
      );
    // the coordinator's organisation (A) leads nothing yet: nothing waits for it
    expect(await awaited(n.cookies.coordinator)).toEqual([]);
    storeDocument(h, { id: n.workplanId, networkId: n.networkId }, [
      { kind: "activity", activity: activity("X3", n.orgA) },
    ]);
    const lifecycle = await call<LifecycleView>(
      n.cookies.viewer,
      "GET",
      `/api/workplans/${n.workplanId}/lifecycle`,
    );
    expect(
      lifecycle.body.validation?.organisations.map((o) => [o.organisationId, o.askedSince]),
    ).toEqual([
      [n.orgB, "start"],
      [n.orgA, "later"],
    ]);
    expect(await awaited(n.cookies.coordinator)).toEqual([n.orgA]);
    expect(await awaited(n.cookies.editor)).toEqual([n.orgB]);
  });
});

describe("revisions", () => {
  it("opens a draft holding the adopted content, linked both ways, one at a time", async () => {
    const { h, n, call, move } = setUp();
    const draft = await call(
      n.cookies.coordinator,
      "POST",
      `/api/workplans/${n.workplanId}/revisions`,
    );
    expect(draft.status).toBe(409);
    for (const stage of ["consultation", "validation", "adopted"]) await move(stage);
    h.advance(86_400_000);
    const editorTry = await call(
      n.cookies.editor,
      "POST",
      `/api/workplans/${n.workplanId}/revisions`,
    );
    expect(editorTry.status).toBe(403);
    const revision = await call<{
      id: string;
      title: string;
      stage: string;
      activityCount: number;
    }>(n.cookies.coordinator, "POST", `/api/workplans/${n.workplanId}/revisions`);
    expect(revision.status).toBe(201);
    expect(revision.body).toMatchObject({
      title: "Joint workplan (revision 1)",
      stage: "draft",
      activityCount: 2,
      revisionOf: { id: n.workplanId, adoptedAt: "2026-01-15T09:00:00.000Z" },
    });
    const activities = await call<{ id: string }[]>(
      n.cookies.viewer,
      "GET",
      `/api/workplans/${revision.body.id}/activities`,
    );
    expect(activities.body.map((a) => a.id)).toEqual(["X1", "X2"]);
    const adopted = await call<LifecycleView>(
      n.cookies.viewer,
      "GET",
      `/api/workplans/${n.workplanId}/lifecycle`,
    );
    expect(adopted.body.revisions.map((r) => r.id)).toEqual([revision.body.id]);
    const versions = await call<VersionView[]>(
      n.cookies.viewer,
      "GET",
      `/api/workplans/${revision.body.id}/versions`,
    );
    expect(versions.body.map((v) => [v.kind, v.name])).toEqual([
      ["revision", 'Revision of "Joint workplan" adopted 2026-01-15'],
    ]);
    const second = await call(
      n.cookies.coordinator,
      "POST",
      `/api/workplans/${n.workplanId}/revisions`,
    );
    expect(second.status).toBe(409);
  });
});

describe("versions and diffs", () => {
  it("saves named versions, reads a version's activities, and refuses bad ids clearly", async () => {
    const { h, n, call } = setUp();
    const base = `/api/workplans/${n.workplanId}`;
    const saved = await call<VersionView>(n.cookies.editor, "POST", `${base}/versions`, {
      name: "Before the retreat",
    });
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({
      name: "Before the retreat",
      createdBy: n.users.editor.id,
      stage: "draft",
      kind: "named",
    });
    expect(
      (await call(n.cookies.commenter, "POST", `${base}/versions`, { name: "x" })).status,
    ).toBe(403);
    expect((await call(n.cookies.editor, "POST", `${base}/versions`, { name: "" })).status).toBe(
      400,
    );
    const activities = await call<{ id: string; leadId: string | null; lead: string | null }[]>(
      n.cookies.viewer,
      "GET",
      `${base}/versions/${saved.body.id}/activities`,
    );
    expect(activities.body.map((a) => [a.id, a.lead, a.leadId])).toEqual([
      ["X1", "MB", n.orgB],
      ["X2", null, null],
    ]);

    const other = createWorkplan(h.db, {
      networkId: n.networkId,
      title: "Other plan",
      createdBy: null,
    });
    storeDocument(h, other, [{ kind: "paragraph", text: "Other text." }]);
    const foreign = await call<VersionView>(
      n.cookies.editor,
      "POST",
      `/api/workplans/${other.id}/versions`,
      {
        name: "Other's",
      },
    );
    const before = snapshotDatabase(h.db);
    const across = await call<{ error: { message: string } }>(
      n.cookies.viewer,
      "GET",
      `${base}/diff?from=${saved.body.id}&to=${foreign.body.id}`,
    );
    expect(across.status).toBe(400);
    expect(across.body.error.message).toContain('belongs to workplan "Other plan"');
    expect((await call(n.cookies.viewer, "GET", `${base}/diff?to=current`)).status).toBe(400);
    expect((await call(n.cookies.viewer, "GET", `${base}/diff?from=nope`)).status).toBe(404);
    expect((await call(n.cookies.viewer, "GET", `${base}/versions/nope/activities`)).status).toBe(
      404,
    );
    expect(
      (await call(n.cookies.coordinator, "POST", `${base}/versions/nope/restore`)).status,
    ).toBe(404);
    expect(
      (await call(n.cookies.coordinator, "POST", `${base}/versions/${foreign.body.id}/restore`))
        .status,
    ).toBe(400);
    expect((await call(n.cookies.stranger, "GET", `${base}/versions`)).status).toBe(404);
    expect(snapshotDatabase(h.db)).toBe(before);
  });

  it("restores a version onto the live document, and refuses to restore onto an adopted one", async () => {
    const { h, n, call, move } = setUp();
    const base = `/api/workplans/${n.workplanId}`;
    const saved = await call<VersionView>(n.cookies.coordinator, "POST", `${base}/versions`, {
      name: "Two activities",
    });
    storeDocument(h, { id: n.workplanId, networkId: n.networkId }, [
      { kind: "activity", activity: activity("X3", n.orgA) },
    ]);
    const restored = await call<{ changed: boolean; version: VersionView }>(
      n.cookies.coordinator,
      "POST",
      `${base}/versions/${saved.body.id}/restore`,
    );
    expect(restored.status).toBe(200);
    expect(restored.body.changed).toBe(true);
    const activities = await call<{ id: string }[]>(n.cookies.viewer, "GET", `${base}/activities`);
    expect(activities.body.map((a) => a.id)).toEqual(["X1", "X2"]);
    expect(
      (await call(n.cookies.editor, "POST", `${base}/versions/${saved.body.id}/restore`)).status,
    ).toBe(403);

    for (const stage of ["consultation", "validation", "adopted"]) await move(stage);
    const before = snapshotDatabase(h.db);
    const frozen = await call<{ error: { message: string } }>(
      n.cookies.coordinator,
      "POST",
      `${base}/versions/${saved.body.id}/restore`,
    );
    expect(frozen.status).toBe(409);
    expect(frozen.body.error.message).toContain("adopted and read-only");
    expect(snapshotDatabase(h.db)).toBe(before);
  });

  it("restores a version over content the editor never writes, and removes that content", async () => {
    const { h, n, call } = setUp();
    const base = `/api/workplans/${n.workplanId}`;
    const saved = await call<VersionView>(n.cookies.coordinator, "POST", `${base}/versions`, {
      name: "Before the stray content",
    });
    const workplan = { id: n.workplanId };
    storeEdit(h, workplan, (ydoc) => {
      const block = findActivityElement(ydoc, "X1");
      block?.setAttribute("budget", new Y.Map() as unknown as string);
    });
    // a client whose copy calls the narrative's root an array can put anything in it
    storeEdit(h, workplan, (ydoc) => ydoc.getArray(NARRATIVE_FIELD).insert(0, [null, "bare"]));

    const restored = await call<{ changed: boolean }>(
      n.cookies.coordinator,
      "POST",
      `${base}/versions/${saved.body.id}/restore`,
    );
    expect(restored.status).toBe(200);
    expect(restored.body.changed).toBe(true);
    const live = documentOf(h.deps.live.readState(n.workplanId));
    const version = documentOf(loadVersionState(h.db, saved.body.id) ?? new Uint8Array());
    expect(live.getXmlFragment(NARRATIVE_FIELD).toJSON()).toBe(
      version.getXmlFragment(NARRATIVE_FIELD).toJSON(),
    );
    expect(live.getXmlFragment(NARRATIVE_FIELD).length).toBe(3);
  });
});
