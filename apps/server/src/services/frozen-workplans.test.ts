import { emptyActivity } from "@junction/domain";
import { createWorkplan, replaceWorkplanActivities } from "@junction/store";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  createHarness,
  createTestNetwork,
  type Harness,
  ORIGIN,
  snapshotDatabase,
  type TestNetwork,
} from "../test/harness";
import {
  type Client,
  connectClient,
  destroyClient,
  type LiveServer,
  startLiveServer,
  whenSynced,
} from "../test/live-server";

let harness: Harness | null = null;
let server: LiveServer | null = null;
const clients: Client[] = [];
afterEach(async () => {
  harness?.close();
  harness = null;
  for (const client of clients.splice(0)) destroyClient(client);
  await server?.close();
  server = null;
});

async function call(
  h: Harness,
  cookie: string,
  method: string,
  path: string,
  json?: unknown,
): Promise<{ status: number; body: unknown }> {
  const response = await h.request(path, { method, headers: { cookie, origin: ORIGIN }, json });
  return { status: response.status, body: response.status === 204 ? null : await response.json() };
}

function withActivity(h: Harness, n: TestNetwork, workplanId: string): void {
  replaceWorkplanActivities(
    h.db,
    { id: workplanId, networkId: n.networkId },
    [{ ...emptyActivity("X1"), title: "Train border police", lead: n.orgB }],
    h.deps.now(),
  );
}

/** Every route that writes to a workplan's document, activities or comments. */
function writes(n: TestNetwork, workplanId: string) {
  return [
    [
      n.cookies.editor,
      "POST",
      `/api/workplans/${workplanId}/activities/X1/status`,
      { status: "ongoing" },
    ],
    [
      n.cookies.coordinator,
      "POST",
      `/api/workplans/${workplanId}/activities/X1/status`,
      { status: "completed" },
    ],
    [
      n.cookies.coordinator,
      "PUT",
      `/api/workplans/${workplanId}/activities/X1/owners`,
      { userIds: [n.users.editor.id] },
    ],
    [n.cookies.coordinator, "PATCH", `/api/workplans/${workplanId}`, { title: "Renamed" }],
    [
      n.cookies.commenter,
      "POST",
      `/api/workplans/${workplanId}/threads`,
      { activityId: "X1", body: "Late" },
    ],
  ] as const;
}

describe("frozen workplans refuse every write", () => {
  for (const word of ["archived", "adopted"] as const) {
    it(`answers 409 to status, owner, rename and comment writes on an ${word} workplan, and changes nothing`, async () => {
      const h = createHarness();
      harness = h;
      const n = createTestNetwork(h);
      let workplanId = n.workplanId;
      if (word === "adopted") {
        workplanId = createWorkplan(h.db, {
          networkId: n.networkId,
          title: "Adopted plan",
          stage: "adopted",
          createdBy: null,
        }).id;
      }
      withActivity(h, n, workplanId);
      if (word === "archived") {
        const archived = await call(
          h,
          n.cookies.coordinator,
          "PATCH",
          `/api/workplans/${workplanId}`,
          {
            archived: true,
          },
        );
        expect(archived.status).toBe(200);
      }
      const before = snapshotDatabase(h.db);
      for (const [cookie, method, path, json] of writes(n, workplanId)) {
        const response = await call(h, cookie, method, path, json);
        expect(response.status, `${method} ${path}`).toBe(409);
        expect(response.body).toMatchObject({
          error: {
            code: "conflict",
            message: expect.stringContaining(`This workplan is ${word} and read-only`),
          },
        });
      }
      expect(snapshotDatabase(h.db)).toBe(before);
      const read = await call(
        h,
        n.cookies.viewer,
        "GET",
        `/api/workplans/${workplanId}/activities`,
      );
      expect(read.status).toBe(200);
    });
  }

  it("takes writes again once restored, and re-applies roles to open editors both ways", async () => {
    const h = createHarness();
    harness = h;
    const n = createTestNetwork(h);
    withActivity(h, n, n.workplanId);
    const path = `/api/workplans/${n.workplanId}`;
    await call(h, n.cookies.coordinator, "PATCH", path, { archived: true });
    expect(h.refreshedWorkplans).toEqual([n.workplanId]);
    const restoredAndRenamed = await call(h, n.cookies.coordinator, "PATCH", path, {
      archived: false,
      title: "Back in use",
    });
    expect(restoredAndRenamed).toMatchObject({
      status: 200,
      body: { title: "Back in use", archived: false },
    });
    expect(h.refreshedWorkplans).toEqual([n.workplanId, n.workplanId]);
    const status = await call(h, n.cookies.editor, "POST", `${path}/activities/X1/status`, {
      status: "ongoing",
    });
    expect(status.status).toBe(204);
  });
});

describe("archiving a workplan with editors connected", () => {
  it("makes every open connection read-only at once, keeps it open, and restores it on unarchive", async () => {
    server = await startLiveServer();
    const s = server;
    const n = createTestNetwork(s);
    const open = async (cookie: string) => {
      const client = connectClient(s, n.workplanId, { cookie });
      clients.push(client);
      await whenSynced(client.provider);
      return client;
    };
    const editor = await open(n.cookies.editor);
    const coordinator = await open(n.cookies.coordinator);
    editor.ydoc.getText("probe").insert(0, "before;");
    await vi.waitFor(() => expect(coordinator.ydoc.getText("probe").toString()).toBe("before;"));

    const patch = (archived: boolean) =>
      fetch(`${s.url}/api/workplans/${n.workplanId}`, {
        method: "PATCH",
        headers: {
          cookie: n.cookies.coordinator,
          origin: s.url,
          "content-type": "application/json",
        },
        body: JSON.stringify({ archived }),
      });
    expect((await patch(true)).status).toBe(200);
    const refused = s.sync.stats().refusedUpdates;
    editor.ydoc.getText("probe").insert(7, "while archived;");
    coordinator.ydoc.getText("probe").insert(0, "coordinator too;");
    await vi.waitFor(() => expect(s.sync.stats().refusedUpdates).toBe(refused + 2));
    const late = await open(n.cookies.viewer);
    expect(late.ydoc.getText("probe").toString()).toBe("before;");
    expect(editor.provider.wsconnected).toBe(true);

    expect((await patch(false)).status).toBe(200);
    editor.ydoc.getText("probe").insert(0, "after;");
    await vi.waitFor(() => expect(late.ydoc.getText("probe").toString()).toContain("after;"));
  });
});
