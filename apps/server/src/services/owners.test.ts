import { emptyActivity, type NotificationView, type WorkplanOwners } from "@junction/domain";
import { listAudit, replaceWorkplanActivities } from "@junction/store";
import { afterEach, describe, expect, it } from "vitest";
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
  // X1 is led by organisation A (coordinator, commenter, viewer); the editor belongs to B
  replaceWorkplanActivities(h.db, { id: n.workplanId, networkId: n.networkId }, [
    { ...emptyActivity("X1"), title: "Train border police", lead: n.orgA },
    { ...emptyActivity("X2"), title: "Open a shelter", lead: n.orgB },
  ]);
  const call = async (cookie: string, method: string, path: string, json?: unknown) => {
    const response = await h.request(path, { method, headers: { cookie, origin: ORIGIN }, json });
    const body = response.status === 204 ? null : ((await response.json()) as unknown);
    return { status: response.status, body };
  };
  const assign = (activityId: string, userIds: string[]) =>
    call(
      n.cookies.coordinator,
      "PUT",
      `/api/workplans/${n.workplanId}/activities/${activityId}/owners`,
      { userIds },
    );
  const setStatus = (cookie: string, activityId: string) =>
    call(cookie, "POST", `/api/workplans/${n.workplanId}/activities/${activityId}/status`, {
      status: "ongoing",
    });
  return { h, n, call, assign, setStatus };
}

describe("activity owners", () => {
  it("shows the owners a coordinator assigns with their activity, tells them, and logs it", async () => {
    const { h, n, call, assign } = setUp();
    const response = await assign("X1", [n.users.editor.id, n.users.commenter.id]);
    expect(response.status).toBe(200);
    const owners = (await call(n.cookies.viewer, "GET", `/api/workplans/${n.workplanId}/owners`))
      .body as WorkplanOwners;
    expect(owners.X1?.map((o) => [o.name, o.organisation]).sort()).toEqual([
      ["The commenter", "AA"],
      ["The editor", "MB"],
    ]);
    const told = (await call(n.cookies.editor, "GET", "/api/notifications"))
      .body as NotificationView[];
    expect(told.map((x) => [x.kind, x.activityId])).toEqual([["owner-assigned", "X1"]]);
    const entry = listAudit(h.db).find((e) => e.action === "activity.assign-owners");
    expect(entry?.subject).toBe(`${n.workplanId}/X1`);

    await assign("X1", [n.users.commenter.id]);
    const after = (await call(n.cookies.viewer, "GET", `/api/workplans/${n.workplanId}/owners`))
      .body as WorkplanOwners;
    expect(after.X1?.map((o) => o.userId)).toEqual([n.users.commenter.id]);
  });

  it("refuses owners from outside the network, or an activity that is not there, and stores nothing", async () => {
    const { h, n, assign } = setUp();
    const before = snapshotDatabase(h.db);
    expect((await assign("X1", [n.users.stranger.id])).status).toBe(400);
    expect((await assign("NOPE", [n.users.editor.id])).status).toBe(404);
    expect(snapshotDatabase(h.db)).toBe(before);
  });

  it("lets owners, editors of the lead organisation and coordinators change the status", async () => {
    const { n, assign, setStatus } = setUp();
    // the editor belongs to B, X1 is A's: refused until they own it
    expect((await setStatus(n.cookies.editor, "X1")).status).toBe(403);
    expect((await setStatus(n.cookies.editor, "X2")).status).toBe(204);
    await assign("X1", [n.users.editor.id, n.users.commenter.id]);
    expect((await setStatus(n.cookies.editor, "X1")).status).toBe(204);
    // owning an activity does not give a commenter more than their role allows
    expect((await setStatus(n.cookies.commenter, "X1")).status).toBe(403);
    expect((await setStatus(n.cookies.coordinator, "X2")).status).toBe(204);
    expect((await setStatus(n.cookies.stranger, "X1")).status).toBe(404);
    expect((await setStatus(n.cookies.viewer, "X1")).status).toBe(403);
    expect((await setStatus(n.cookies.coordinator, "NOPE")).status).toBe(404);
  });

  it("lets only coordinators set owners, whoever leads the activity", async () => {
    const { h, n, call } = setUp();
    const before = snapshotDatabase(h.db);
    for (const cookie of [n.cookies.editor, n.cookies.commenter, n.cookies.viewer]) {
      const response = await call(
        cookie,
        "PUT",
        `/api/workplans/${n.workplanId}/activities/X2/owners`,
        { userIds: [n.users.editor.id] },
      );
      expect(response.status).toBe(403);
    }
    expect(snapshotDatabase(h.db)).toBe(before);
  });
});
