import type { NotificationView, SuggestionView, ThreadView } from "@junction/domain";
import {
  encodeSuggestionAnchor,
  findActivityElement,
  NARRATIVE_FIELD,
  readSuggestionField,
} from "@junction/domain/doc";
import { docxParagraphs } from "@junction/exports/testing";
import {
  addMembership,
  createUser,
  createWorkplan,
  listAudit,
  moveWorkplanStage,
  setRevisionOf,
} from "@junction/store";
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { ServerEvent } from "../events";
import { activity, storeDocument } from "../test/documents";
import {
  createHarness,
  createTestNetwork,
  type Harness,
  ORIGIN,
  snapshotDatabase,
} from "../test/harness";
import { createSession } from "./sessions";

let harness: Harness | null = null;
afterEach(() => {
  harness?.close();
  harness = null;
});

const NARRATIVE = "The network meets monthly. It reports to the commission.";

function setUp() {
  const h = createHarness();
  harness = h;
  const n = createTestNetwork(h);
  const workplan = { id: n.workplanId, networkId: n.networkId };
  // X1 is led by the editor's organisation (MB), X2 by the coordinator's (AA)
  storeDocument(h, workplan, [
    { kind: "paragraph", text: NARRATIVE },
    {
      kind: "activity",
      activity: activity("X1", n.orgB, {
        title: "Shelter survey",
        budget: { amount: 5000, currency: "USD", source: "Core", secured: true },
        start: "2026-01",
      }),
    },
    { kind: "activity", activity: activity("X2", n.orgA, { title: "Legal aid clinics" }) },
  ]);
  // an editor of the other organisation (AA), who leads X2 but not X1
  const otherEditor = createUser(h.db, {
    email: "editor-aa@example.test",
    name: "The other editor",
    passwordHash: null,
  });
  addMembership(h.db, {
    networkId: n.networkId,
    userId: otherEditor.id,
    organisationId: n.orgA,
    role: "editor",
  });
  const cookies = {
    ...n.cookies,
    otherEditor: `junction_session=${createSession(h.deps, otherEditor.id, "test").token}`,
  };
  const events: ServerEvent[] = [];
  h.deps.events.subscribe((event) => events.push(event));
  const call = async (cookie: string, method: string, path: string, json?: unknown) => {
    const response = await h.request(path, { method, headers: { cookie, origin: ORIGIN }, json });
    const body = response.status === 204 ? null : ((await response.json()) as unknown);
    return { status: response.status, body };
  };
  const live = () => {
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, h.deps.live.readState(n.workplanId));
    return ydoc;
  };
  const narrativeText = (ydoc: Y.Doc) =>
    (ydoc.getXmlFragment(NARRATIVE_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText;
  const titleText = (ydoc: Y.Doc, activityId: string) =>
    ((findActivityElement(ydoc, activityId) as Y.XmlElement).get(0) as Y.XmlElement).get(
      0,
    ) as Y.XmlText;
  /** The body of a text suggestion on `quote` in the narrative (or an activity's title). */
  const textBody = (quote: string, text: string, activityId?: string) => {
    const ydoc = live();
    const type = activityId ? titleText(ydoc, activityId) : narrativeText(ydoc);
    const plain = type
      .toDelta()
      .map((op: { insert: string }) => op.insert)
      .join("");
    const at = plain.indexOf(quote);
    expect(at).toBeGreaterThanOrEqual(0);
    const anchor = encodeSuggestionAnchor(type, at, at + quote.length);
    ydoc.destroy();
    return { kind: "text", anchor, quote, text, ...(activityId ? { activityId } : {}) };
  };
  const suggest = async (cookie: string, body: unknown) =>
    call(cookie, "POST", `/api/workplans/${n.workplanId}/suggestions`, body);
  const suggested = async (cookie: string, body: unknown) => {
    const response = await suggest(cookie, body);
    expect(response.status).toBe(201);
    return response.body as SuggestionView;
  };
  const decide = (cookie: string, id: string, verb: "accept" | "reject" | "withdraw") =>
    call(cookie, "POST", `/api/suggestions/${id}/${verb}`, verb === "reject" ? {} : undefined);
  const narrative = () => {
    const ydoc = live();
    const text = narrativeText(ydoc).toString();
    ydoc.destroy();
    return text;
  };
  const title = (activityId: string) => {
    const ydoc = live();
    const text = titleText(ydoc, activityId)
      .toDelta()
      .map((op: { insert: string }) => op.insert)
      .join("");
    ydoc.destroy();
    return text;
  };
  const notifications = async (cookie: string) =>
    (await call(cookie, "GET", "/api/notifications")).body as NotificationView[];
  return {
    h,
    n,
    cookies,
    otherEditor,
    events,
    call,
    live,
    textBody,
    suggest,
    suggested,
    decide,
    narrative,
    title,
    notifications,
  };
}

describe("who may suggest and decide", () => {
  it("lets commenters, editors and coordinators suggest, but not viewers or strangers", async () => {
    const { cookies, suggest, textBody } = setUp();
    const body = textBody("Shelter", "Housing", "X1");
    const statuses: Record<string, number> = {};
    for (const who of [
      "commenter",
      "editor",
      "otherEditor",
      "coordinator",
      "viewer",
      "stranger",
    ] as const) {
      statuses[who] = (await suggest(cookies[who], body)).status;
    }
    expect(statuses).toEqual({
      commenter: 201,
      editor: 201,
      otherEditor: 201,
      coordinator: 201,
      viewer: 403,
      stranger: 404,
    });
  });

  it("lets only coordinators and editors of the activity's lead organisation accept or reject in it", async () => {
    const { cookies, suggested, decide, textBody, title } = setUp();
    const statuses: Record<string, Record<string, number>> = {};
    for (const verb of ["accept", "reject"] as const) {
      const row: Record<string, number> = {};
      for (const who of [
        "commenter",
        "otherEditor",
        "viewer",
        "stranger",
        "editor",
        "coordinator",
      ] as const) {
        // a fresh suggestion by the commenter each time, on X1 (led by the editor's MB)
        const current = title("X1");
        const word = current.split(" ")[0] ?? "";
        const s = await suggested(cookies.commenter, textBody(word, `${word}x`, "X1"));
        row[who] = (await decide(cookies[who], s.id, verb)).status;
      }
      statuses[verb] = row;
    }
    const refused = { commenter: 403, otherEditor: 403, viewer: 403, stranger: 404 };
    expect(statuses).toEqual({
      accept: { ...refused, editor: 200, coordinator: 200 },
      reject: { ...refused, editor: 200, coordinator: 200 },
    });
    // the editor's and the coordinator's accepts each added an "x"; rejects changed nothing
    expect(title("X1")).toBe("Shelterxx survey");
  });

  it("lets any editor decide in the narrative, and the author withdraw, nobody else", async () => {
    const { cookies, suggested, decide, textBody, narrative } = setUp();
    const s = await suggested(cookies.commenter, textBody("monthly", "weekly"));
    expect(s).toMatchObject({ activityId: null, canWithdraw: true, canDecide: false });
    for (const who of ["editor", "otherEditor", "coordinator", "viewer"] as const) {
      expect((await decide(cookies[who], s.id, "withdraw")).status).toBe(403);
    }
    expect((await decide(cookies.otherEditor, s.id, "accept")).status).toBe(200);
    expect(narrative()).toBe("The network meets weekly. It reports to the commission.");
    const t = await suggested(cookies.commenter, textBody("commission", "Commission"));
    const withdrawn = await decide(cookies.commenter, t.id, "withdraw");
    expect(withdrawn).toMatchObject({ status: 200, body: { status: "withdrawn" } });
    expect((await decide(cookies.commenter, t.id, "withdraw")).status).toBe(409);
    expect((await decide(cookies.coordinator, t.id, "accept")).status).toBe(409);
    expect(narrative()).toContain("the commission.");
  });

  it("tells each caller whether they may decide or withdraw", async () => {
    const { n, cookies, call, suggested, textBody } = setUp();
    await suggested(cookies.commenter, textBody("Shelter", "Housing", "X1"));
    const seen: Record<string, [boolean, boolean]> = {};
    for (const who of ["commenter", "editor", "otherEditor", "coordinator", "viewer"] as const) {
      const list = (await call(cookies[who], "GET", `/api/workplans/${n.workplanId}/suggestions`))
        .body as SuggestionView[];
      seen[who] = [list[0]?.canDecide ?? false, list[0]?.canWithdraw ?? false];
    }
    expect(seen).toEqual({
      commenter: [false, true],
      editor: [true, false],
      otherEditor: [false, false],
      coordinator: [true, false],
      viewer: [false, false],
    });
  });

  it("refuses suggestions and decisions on an adopted or superseded workplan", async () => {
    const { h, n, cookies, suggested, suggest, decide, textBody, narrative } = setUp();
    const open = await suggested(cookies.commenter, textBody("monthly", "weekly"));
    const body = textBody("commission", "Commission");
    moveWorkplanStage(
      h.db,
      {
        workplanId: n.workplanId,
        from: "draft",
        to: "adopted",
        movedBy: n.users.coordinator.id,
        reason: null,
        versionId: null,
      },
      h.deps.now(),
    );
    const before = snapshotDatabase(h.db);
    expect((await suggest(cookies.commenter, body)).status).toBe(409);
    expect((await decide(cookies.coordinator, open.id, "accept")).status).toBe(409);
    expect((await decide(cookies.coordinator, open.id, "reject")).status).toBe(409);
    expect(snapshotDatabase(h.db)).toBe(before);
    expect(narrative()).toBe(NARRATIVE);

    // a draft that a newer revision carries on
    const other = createWorkplan(h.db, {
      networkId: n.networkId,
      title: "Old plan",
      createdBy: n.users.coordinator.id,
    });
    const revision = createWorkplan(h.db, {
      networkId: n.networkId,
      title: "New plan",
      createdBy: n.users.coordinator.id,
    });
    setRevisionOf(h.db, revision.id, other.id);
    const superseded = await h.request(`/api/workplans/${other.id}/suggestions`, {
      method: "POST",
      headers: { cookie: cookies.coordinator, origin: ORIGIN },
      json: { kind: "field", activityId: "X1", field: "start", value: "2026-02" },
    });
    expect(superseded.status).toBe(409);
  });
});

describe("accepting and rejecting", () => {
  it("applies an accepted suggestion as the accepter's edit, records it and tells the author", async () => {
    const { h, n, cookies, events, suggested, decide, textBody, narrative, notifications, call } =
      setUp();
    const s = await suggested(cookies.commenter, {
      ...textBody("It reports to", "It answers to"),
      reason: "Clearer.",
    });
    const thread = (await call(cookies.viewer, "GET", `/api/threads/${s.threadId}`))
      .body as ThreadView;
    expect(thread.comments.map((c) => c.body)).toEqual(["Clearer."]);
    expect((await notifications(cookies.coordinator)).map((x) => [x.kind, x.threadId])).toEqual([
      ["suggestion", s.threadId],
    ]);
    const accepted = await decide(cookies.coordinator, s.id, "accept");
    expect(accepted).toMatchObject({
      status: 200,
      body: { status: "accepted", decidedBy: n.users.coordinator.id, outdated: false },
    });
    expect(narrative()).toBe("The network meets monthly. It answers to the commission.");
    expect(
      listAudit(h.db)
        .filter((e) => e.action === "suggestion.accept")
        .map((e) => [e.actorId, e.subject]),
    ).toEqual([[n.users.coordinator.id, s.id]]);
    expect((await notifications(cookies.commenter)).map((x) => x.kind)).toEqual([
      "suggestion-accepted",
    ]);
    expect(events).toContainEqual({
      type: "suggestions-changed",
      networkId: n.networkId,
      data: { networkId: n.networkId, workplanId: n.workplanId, suggestionId: s.id },
    });
    // the diff names the coordinator as the writer of the new words
    const diff = (await call(cookies.viewer, "GET", `/api/workplans/${n.workplanId}/versions`))
      .status;
    expect(diff).toBe(200);
    const writers = h.db
      .prepare("SELECT user_id FROM workplan_clients WHERE workplan_id = ?")
      .all(n.workplanId) as { user_id: string }[];
    expect(writers.map((w) => w.user_id)).toContain(n.users.coordinator.id);
  });

  it("keeps a rejected suggestion on record with its note and changes nothing in the document", async () => {
    const { h, n, cookies, suggested, call, textBody, narrative, notifications, live } = setUp();
    const s = await suggested(cookies.commenter, textBody("monthly", "weekly"));
    const state = Y.encodeStateVector(live());
    const rejected = await call(cookies.editor, "POST", `/api/suggestions/${s.id}/reject`, {
      note: "We meet monthly.",
    });
    expect(rejected).toMatchObject({
      status: 200,
      body: { status: "rejected", decisionNote: "We meet monthly.", decidedBy: n.users.editor.id },
    });
    expect(Y.encodeStateVector(live())).toEqual(state);
    expect(narrative()).toBe(NARRATIVE);
    const listed = (
      await call(
        cookies.viewer,
        "GET",
        `/api/workplans/${n.workplanId}/suggestions?status=rejected`,
      )
    ).body as SuggestionView[];
    expect(listed.map((x) => [x.id, x.status])).toEqual([[s.id, "rejected"]]);
    expect(listAudit(h.db).filter((e) => e.action === "suggestion.reject")).toHaveLength(1);
    expect((await notifications(cookies.commenter)).map((x) => x.kind)).toEqual([
      "suggestion-rejected",
    ]);
  });

  it("refuses to accept an outdated suggestion and applies nothing", async () => {
    const { h, n, cookies, suggested, decide, textBody, narrative, live, call } = setUp();
    const s = await suggested(cookies.commenter, textBody("meets monthly", "meets weekly"));
    const overlapping = await suggested(cookies.commenter, textBody("monthly. It", "monthly; it"));
    // an editor changes the words under the first suggestion
    h.deps.live.change(n.workplanId, (ydoc) => {
      const text = (ydoc.getXmlFragment(NARRATIVE_FIELD).get(0) as Y.XmlElement).get(
        0,
      ) as Y.XmlText;
      text.insert(NARRATIVE.indexOf("monthly"), "twice ");
    });
    const before = snapshotDatabase(h.db);
    const state = Y.encodeStateVector(live());
    const refused = await decide(cookies.coordinator, s.id, "accept");
    expect(refused.status).toBe(409);
    expect((refused.body as { error: { message: string } }).error.message).toMatch(/changed/);
    expect(snapshotDatabase(h.db)).toBe(before);
    expect(Y.encodeStateVector(live())).toEqual(state);
    expect(narrative()).toBe("The network meets twice monthly. It reports to the commission.");
    const view = (await call(cookies.viewer, "GET", `/api/suggestions/${s.id}`))
      .body as SuggestionView;
    expect(view).toMatchObject({ status: "open", outdated: true });
    // the other one still stands; accepting it outdates nothing it does not overlap
    expect((await decide(cookies.coordinator, overlapping.id, "accept")).status).toBe(200);
    expect(narrative()).toBe("The network meets twice monthly; it reports to the commission.");
  });

  it("sets an activity's field when accepted, and refuses one whose field changed", async () => {
    const { h, n, cookies, suggested, suggest, decide, live } = setUp();
    const budget = await suggested(cookies.commenter, {
      kind: "field",
      activityId: "X1",
      field: "budget",
      value: { amount: 7500, currency: "EUR" },
      reason: "The survey costs more.",
    });
    expect(budget).toMatchObject({ quote: "5000 USD", text: "7500 EUR", kind: "field" });
    const start = await suggested(cookies.commenter, {
      kind: "field",
      activityId: "X1",
      field: "start",
      value: "2026-03",
    });
    expect(
      (
        await suggest(cookies.commenter, {
          kind: "field",
          activityId: "X1",
          field: "end",
          value: "not a month",
        })
      ).status,
    ).toBe(400);
    // another editor moves the start meanwhile
    h.deps.live.change(n.workplanId, (ydoc) => {
      findActivityElement(ydoc, "X1")?.setAttribute("start", "2026-02");
    });
    expect((await decide(cookies.otherEditor, budget.id, "accept")).status).toBe(403);
    expect((await decide(cookies.editor, budget.id, "accept")).status).toBe(200);
    expect((await decide(cookies.editor, start.id, "accept")).status).toBe(409);
    const ydoc = live();
    expect(readSuggestionField(ydoc, "X1", "budget")).toEqual({
      amount: 7500,
      currency: "EUR",
      source: "Core",
      secured: true,
    });
    expect(readSuggestionField(ydoc, "X1", "start")).toBe("2026-02");
  });

  it("refuses a suggestion whose quote is not the text between its ends", async () => {
    const { h, cookies, suggest, textBody } = setUp();
    const before = snapshotDatabase(h.db);
    const body = { ...textBody("monthly", "weekly"), quote: "yearly" };
    expect((await suggest(cookies.commenter, body)).status).toBe(409);
    const same = textBody("monthly", "monthly");
    expect((await suggest(cookies.commenter, same)).status).toBe(400);
    expect(snapshotDatabase(h.db)).toBe(before);
  });
});

// the export runs in a worker thread, which takes a while to start under tsx
describe("exports of a workplan with suggestions", { timeout: 30_000 }, () => {
  it("carry the text without open suggestions and say how many are open", async () => {
    const { h, n, cookies, suggested, decide, textBody } = setUp();
    await suggested(cookies.commenter, textBody("monthly", "weekly"));
    await suggested(cookies.commenter, textBody("Shelter", "Housing", "X1"));
    const withdrawn = await suggested(cookies.commenter, textBody("commission", "Commission"));
    await decide(cookies.commenter, withdrawn.id, "withdraw");
    const exported = (format: string) =>
      h.request(`/api/workplans/${n.workplanId}/export?format=${format}`, {
        headers: { cookie: cookies.viewer },
      });
    const markdown = await (await exported("md")).text();
    expect(markdown).toContain("2 suggestions on this text are still open and are not included.");
    expect(markdown).toContain("meets monthly");
    expect(markdown).not.toContain("weekly");
    const docx = docxParagraphs(new Uint8Array(await (await exported("docx")).arrayBuffer()));
    expect(docx).toContain("2 suggestions on this text are still open and are not included.");
    expect(docx.join("\n")).not.toContain("Housing");
  });
});
