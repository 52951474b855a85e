import {
  emptyActivity,
  type MyWork,
  type NotificationView,
  type TaskView,
  type WarningView,
} from "@junction/domain";
import {
  decideWarning,
  insertNotification,
  insertTask,
  insertWarning,
  replaceWorkplanActivities,
} from "@junction/store";
import { afterEach, describe, expect, it } from "vitest";
import { activity, storeDocument } from "../test/documents";
import { createHarness, createTestNetwork, type Harness, ORIGIN } from "../test/harness";

let harness: Harness | null = null;
afterEach(() => {
  harness?.close();
  harness = null;
});

const ACTIVITIES = 130;

/** A network with 130 activities (leads alternate A, B) and a warning between each and the next. */
function setUp() {
  const h = createHarness();
  harness = h;
  const n = createTestNetwork(h);
  const activities = Array.from({ length: ACTIVITIES }, (_, i) => ({
    ...emptyActivity(`act-${String(i).padStart(3, "0")}`),
    title: `Activity ${i}`,
    lead: i % 2 === 0 ? n.orgA : n.orgB,
    status: i % 3 === 0 ? ("ongoing" as const) : ("planned" as const),
  }));
  replaceWorkplanActivities(h.db, { id: n.workplanId, networkId: n.networkId }, activities);
  const warningIds: string[] = [];
  for (let i = 0; i + 1 < ACTIVITIES; i++) {
    const warning = insertWarning(
      h.db,
      {
        networkId: n.networkId,
        a: { workplanId: n.workplanId, activityId: activities[i]?.id ?? "" },
        b: { workplanId: n.workplanId, activityId: activities[i + 1]?.id ?? "" },
        // many ties on purpose: the id must break them
        score: 0.5 + (i % 7) / 20,
        reasons: ["similar wording"],
      },
      h.deps.now(),
    );
    warningIds.push(warning.id);
  }
  // every tenth one decided: not a duplicate
  for (const id of warningIds.filter((_, i) => i % 10 === 0)) {
    decideWarning(
      h.db,
      id,
      { status: "dismissed", decidedBy: n.users.coordinator.id, basis: null },
      h.deps.now(),
    );
  }
  const get = async (cookie: string, path: string) => {
    const response = await h.request(path, { headers: { cookie } });
    return {
      status: response.status,
      link: response.headers.get("link"),
      body: await response.json(),
    };
  };
  return { h, n, activities, warningIds, get };
}

function nextOf(link: string | null): string | null {
  if (link === null) return null;
  const match = /^<([^>]+)>; rel="next"$/.exec(link);
  if (!match?.[1]) throw new Error(`not a Link rel="next": ${link}`);
  const url = new URL(match[1]);
  return `${url.pathname}${url.search}`;
}

/** Follows Link rel="next" from `path` to the end; answers every page's items. */
async function walk<T>(
  get: (
    cookie: string,
    path: string,
  ) => Promise<{ status: number; link: string | null; body: unknown }>,
  cookie: string,
  path: string,
  between?: () => void,
): Promise<T[][]> {
  const pages: T[][] = [];
  for (let next: string | null = path; next !== null; ) {
    const page = await get(cookie, next);
    expect(page.status).toBe(200);
    pages.push(page.body as T[]);
    next = nextOf(page.link);
    between?.();
    if (pages.length > 100) throw new Error("the pages never end");
  }
  return pages;
}

describe("warnings, a page at a time", () => {
  it("walks every warning once, open first, 40 at a time, with no Link on the last page", async () => {
    const { n, warningIds, get } = setUp();
    const pages = await walk<WarningView>(
      get,
      n.cookies.viewer,
      `/api/networks/${n.networkId}/warnings?limit=40`,
    );
    expect(pages.map((page) => page.length)).toEqual([40, 40, 40, 9]);
    const ids = pages.flat().map((w) => w.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...warningIds].sort());
    const statuses = pages.flat().map((w) => w.status);
    expect(statuses.indexOf("dismissed")).toBe(statuses.lastIndexOf("open") + 1);
    const first = pages[0]?.[0];
    expect(first?.a.title).toMatch(/^Activity \d+$/);
    expect(first?.a.lead).toMatch(/^(AA|MB)$/);
  });

  it("answers 100 by default and at most 500 a page", async () => {
    const { n, get } = setUp();
    const page = await get(n.cookies.viewer, `/api/networks/${n.networkId}/warnings`);
    expect(page.body).toHaveLength(100);
    expect(page.link).toMatch(/rel="next"$/);
    const all = await get(n.cookies.viewer, `/api/networks/${n.networkId}/warnings?limit=500`);
    expect(all.body).toHaveLength(ACTIVITIES - 1);
    expect(all.link).toBeNull();
  });

  it("keeps the walk whole while new warnings arrive between pages", async () => {
    const { h, n, activities, warningIds, get } = setUp();
    let added = 0;
    const pages = await walk<WarningView>(
      get,
      n.cookies.viewer,
      `/api/networks/${n.networkId}/warnings?limit=25`,
      () => {
        // a strong new warning sorts before the cursor: it must not shift the pages after it
        const i = 3 + added++;
        insertWarning(
          h.db,
          {
            networkId: n.networkId,
            a: { workplanId: n.workplanId, activityId: activities[i]?.id ?? "" },
            b: { workplanId: n.workplanId, activityId: activities[i + 2]?.id ?? "" },
            score: 0.99,
            reasons: ["new"],
          },
          h.deps.now(),
        );
      },
    );
    const ids = pages.flat().map((w) => w.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of warningIds) expect(ids).toContain(id);
  });

  it("filters by status and by organisation on the server, and counts the same", async () => {
    const { n, get } = setUp();
    const open = (
      await walk<WarningView>(
        get,
        n.cookies.viewer,
        `/api/networks/${n.networkId}/warnings?status=open&limit=50`,
      )
    ).flat();
    expect(open).toHaveLength(ACTIVITIES - 1 - 13);
    expect(open.every((w) => w.status === "open")).toBe(true);

    const decided = await get(
      n.cookies.viewer,
      `/api/networks/${n.networkId}/warnings?status=decided`,
    );
    expect((decided.body as WarningView[]).map((w) => w.status)).toEqual(
      Array(13).fill("dismissed"),
    );

    // every warning pairs an A-led activity with a B-led one; the first activity only with one
    const ofA = (
      await walk<WarningView>(
        get,
        n.cookies.viewer,
        `/api/networks/${n.networkId}/warnings?organisation=${n.orgA}&status=open`,
      )
    ).flat();
    expect(ofA.every((w) => w.a.leadId === n.orgA || w.b.leadId === n.orgA)).toBe(true);
    expect(ofA).toHaveLength(open.length);

    const counts = await get(n.cookies.viewer, `/api/networks/${n.networkId}/warnings/counts`);
    expect(counts.body).toEqual({ open: ACTIVITIES - 1 - 13, dismissed: 13, coordinate: 0 });
    const workplan = (
      await walk<WarningView>(
        get,
        n.cookies.viewer,
        `/api/workplans/${n.workplanId}/warnings?status=dismissed&limit=5`,
      )
    ).flat();
    expect(workplan).toHaveLength(13);
  });

  it("answers a bad limit, cursor or filter with a clear 400", async () => {
    const { n, get } = setUp();
    const base = `/api/networks/${n.networkId}/warnings`;
    const bad = [
      "?limit=0",
      "?limit=501",
      "?limit=ten",
      "?limit=-5",
      "?cursor=not*base64",
      `?cursor=${Buffer.from("{}").toString("base64url")}`,
      `?cursor=${Buffer.from('["x", 1]').toString("base64url")}`,
      `?cursor=${Buffer.from('[0, "high", "id"]').toString("base64url")}`,
      "?status=gone",
      "?status=",
      `?organisation=${n.otherOrg}`,
    ];
    for (const query of bad) {
      const response = await get(n.cookies.viewer, `${base}${query}`);
      expect({ query, status: response.status }).toEqual({ query, status: 400 });
      expect(response.body).toEqual({
        error: { code: "bad_request", message: expect.stringMatching(/\w/) },
      });
    }
    const counts = await get(n.cookies.viewer, `${base}/counts?organisation=nope`);
    expect(counts.status).toBe(400);
  });

  it("still hides a network's warnings from strangers and anonymous callers", async () => {
    const { h, n, get } = setUp();
    const stranger = await get(n.cookies.stranger, `/api/networks/${n.networkId}/warnings?limit=5`);
    expect(stranger.status).toBe(404);
    const counts = await get(n.cookies.stranger, `/api/networks/${n.networkId}/warnings/counts`);
    expect(counts.status).toBe(404);
    const anonymous = await h.request(`/api/networks/${n.networkId}/warnings/counts`);
    expect(anonymous.status).toBe(401);
  });
});

describe("other collections, a page at a time", () => {
  it("walks tasks, notifications, members, threads and activities once each", async () => {
    const { h, n, get } = setUp();
    for (let i = 0; i < 12; i++) {
      insertTask(
        h.db,
        {
          networkId: n.networkId,
          title: `Task ${i}`,
          activityIds: [],
          assigneeId: i % 2 === 0 ? n.users.editor.id : n.users.commenter.id,
          createdBy: n.users.coordinator.id,
          due: i % 3 === 0 ? null : `2026-0${(i % 9) + 1}-01`,
          status: i % 4 === 0 ? "done" : "open",
          fromThreadId: null,
          fromWarningId: null,
        },
        h.deps.now() + i,
      );
      insertNotification(
        h.db,
        {
          userId: n.users.editor.id,
          networkId: n.networkId,
          kind: "mention",
          actorId: null,
          message: `Note ${i}`,
          subject: {},
        },
        h.deps.now() + (i % 4),
      );
    }
    const tasks = (
      await walk<TaskView>(get, n.cookies.viewer, `/api/networks/${n.networkId}/tasks?limit=5`)
    ).flat();
    expect(new Set(tasks.map((t) => t.id)).size).toBe(12);
    expect(tasks.findIndex((t) => t.status === "done")).toBe(9);
    const editorTasks = (
      await walk<TaskView>(
        get,
        n.cookies.viewer,
        `/api/networks/${n.networkId}/tasks?assignee=${n.users.editor.id}&status=open&limit=2`,
      )
    ).flat();
    expect(editorTasks.map((t) => t.title).sort()).toEqual(["Task 10", "Task 2", "Task 6"]);

    const notes = (
      await walk<NotificationView>(get, n.cookies.editor, "/api/notifications?limit=5")
    ).flat();
    expect(notes.map((x) => x.message).sort()).toEqual(
      Array.from({ length: 12 }, (_, i) => `Note ${i}`).sort(),
    );
    const unread = await get(n.cookies.editor, "/api/notifications?status=unread&limit=500");
    expect(unread.body).toHaveLength(12);

    const members = (
      await walk<{ userId: string }>(
        get,
        n.cookies.coordinator,
        `/api/networks/${n.networkId}/members?limit=1`,
      )
    ).flat();
    expect(members).toHaveLength(4);
    const ofB = await get(
      n.cookies.coordinator,
      `/api/networks/${n.networkId}/members?organisation=${n.orgB}`,
    );
    expect((ofB.body as { userId: string }[]).map((m) => m.userId)).toEqual([n.users.editor.id]);

    const activities = (
      await walk<{ id: string }>(
        get,
        n.cookies.viewer,
        `/api/workplans/${n.workplanId}/activities?limit=50`,
      )
    ).flat();
    expect(activities.map((a) => a.id)).toEqual(
      Array.from({ length: ACTIVITIES }, (_, i) => `act-${String(i).padStart(3, "0")}`),
    );
    const ongoing = await get(
      n.cookies.viewer,
      `/api/workplans/${n.workplanId}/activities?status=ongoing&organisation=${n.orgA}&limit=500`,
    );
    expect((ongoing.body as { id: string }[]).length).toBe(22);

    for (let i = 0; i < 7; i++) {
      const thread = await h.request(`/api/workplans/${n.workplanId}/threads`, {
        method: "POST",
        json: { activityId: `act-00${i}`, body: `Question ${i}` },
        headers: { cookie: n.cookies.commenter, origin: "http://localhost" },
      });
      expect(thread.status).toBe(201);
    }
    const threads = (
      await walk<{ id: string; comments: unknown[] }>(
        get,
        n.cookies.viewer,
        `/api/workplans/${n.workplanId}/threads?limit=3`,
      )
    ).flat();
    expect(threads).toHaveLength(7);
    expect(threads.every((t) => t.comments.length === 1)).toBe(true);
    const onFirst = await get(
      n.cookies.viewer,
      `/api/workplans/${n.workplanId}/threads?activity=act-000`,
    );
    expect(onFirst.body).toHaveLength(1);
  });

  it("walks a saved version's activities a page at a time, filtered on the server", async () => {
    const { h, n, get } = setUp();
    // a document of its own: the version is read from the document, not the live index
    storeDocument(
      h,
      { id: n.workplanId, networkId: n.networkId },
      Array.from({ length: 120 }, (_, i) => ({
        kind: "activity" as const,
        activity: activity(`v-${String(i).padStart(3, "0")}`, i % 2 === 0 ? n.orgA : n.orgB, {
          status: i % 4 === 0 ? "completed" : "planned",
        }),
      })),
    );
    const saved = await h.request(`/api/workplans/${n.workplanId}/versions`, {
      method: "POST",
      json: { name: "Before the retreat" },
      headers: { cookie: n.cookies.editor, origin: ORIGIN },
    });
    expect(saved.status).toBe(201);
    const { id } = (await saved.json()) as { id: string };
    const path = `/api/workplans/${n.workplanId}/versions/${id}/activities`;

    const first = await get(n.cookies.viewer, path);
    expect(first.body).toHaveLength(100);
    expect(first.link).not.toBeNull();
    const pages = await walk<{ id: string }>(get, n.cookies.viewer, `${path}?limit=50`);
    expect(pages.map((page) => page.length)).toEqual([50, 50, 20]);
    expect(pages.flat().map((a) => a.id)).toEqual(
      Array.from({ length: 120 }, (_, i) => `v-${String(i).padStart(3, "0")}`),
    );
    const completedOfA = (
      await walk<{ id: string; leadId: string; status: string }>(
        get,
        n.cookies.viewer,
        `${path}?organisation=${n.orgA}&status=completed&limit=7`,
      )
    ).flat();
    expect(completedOfA).toHaveLength(30);
    expect(completedOfA.every((a) => a.leadId === n.orgA && a.status === "completed")).toBe(true);
    expect((await get(n.cookies.viewer, `${path}?limit=501`)).status).toBe(400);
    expect((await get(n.cookies.viewer, `${path}?status=finished`)).status).toBe(400);
  });

  it("filters by an organisation's id, acronym or name, and refuses one not of the network", async () => {
    const { n, get } = setUp();
    const path = `/api/workplans/${n.workplanId}/activities?limit=500`;
    const byId = await get(n.cookies.viewer, `${path}&organisation=${n.orgB}`);
    expect(byId.body).toHaveLength(ACTIVITIES / 2);
    // as the index names the lead
    for (const name of ["MB", "mb", "Ministry%20B"]) {
      expect((await get(n.cookies.viewer, `${path}&organisation=${name}`)).body).toEqual(byId.body);
    }
    const members = await get(
      n.cookies.coordinator,
      `/api/networks/${n.networkId}/members?organisation=MB`,
    );
    expect((members.body as { userId: string }[]).map((m) => m.userId)).toEqual([
      n.users.editor.id,
    ]);
    for (const outside of ["OUT", "nobody", n.otherOrg]) {
      const refused = await get(n.cookies.viewer, `${path}&organisation=${outside}`);
      expect(refused.status).toBe(400);
      expect((refused.body as { error: { message: string } }).error.message).toContain(outside);
    }
  });

  it("refuses a cursor from another list", async () => {
    const { n, get } = setUp();
    const warnings = await get(
      n.cookies.coordinator,
      `/api/networks/${n.networkId}/warnings?limit=1`,
    );
    const cursor = new URL(nextOf(warnings.link) ?? "", "http://x").searchParams.get("cursor");
    const members = await get(
      n.cookies.coordinator,
      `/api/networks/${n.networkId}/members?cursor=${cursor}`,
    );
    expect(members.status).toBe(400);
  });

  it("lists the strongest open warnings in My work and counts them all", async () => {
    const { n, get } = setUp();
    const work = (await get(n.cookies.editor, "/api/me/work")).body as MyWork;
    expect(work.warnings).toHaveLength(20);
    expect(work.warnings.every((w) => w.status === "open")).toBe(true);
    expect(work.warningCounts).toEqual([
      { networkId: n.networkId, organisationId: n.orgB, open: ACTIVITIES - 1 - 13 },
    ]);
  });
});
