import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { emptyActivity } from "@junction/domain";
import { appendNarrative } from "@junction/domain/doc";
import {
  createNetwork,
  createSqliteUpdateLog,
  createWorkplan,
  type Db,
  listWorkplanActivities,
  openDatabase,
} from "@junction/store";
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { type LiveServer, startLiveServer } from "../test/live-server";

const dirs: string[] = [];
let server: LiveServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Adds an activity to a workplan's stored document, as a server that crashed could leave it. */
function appendActivity(db: Db, workplanId: string, id: string, title: string): void {
  const log = createSqliteUpdateLog(db);
  const stored = log.load(workplanId);
  const ydoc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(ydoc, stored.snapshot);
  for (const { update } of stored.updates) Y.applyUpdate(ydoc, update);
  const before = Y.encodeStateVector(ydoc);
  appendNarrative(ydoc, [{ kind: "activity", activity: { ...emptyActivity(id), title } }]);
  log.append([{ docName: workplanId, updates: [Y.encodeStateAsUpdate(ydoc, before)] }]);
  ydoc.destroy();
}

function titles(db: Db, workplanId: string): string[] {
  return listWorkplanActivities(db, workplanId).map((activity) => activity.title);
}

function indexedAtStart(live: LiveServer): unknown[] {
  return live
    .logLines()
    .map((line) => JSON.parse(line) as { msg: string; indexed?: number })
    .filter((entry) => entry.msg === "refreshed the activity index of workplans that changed")
    .map((entry) => entry.indexed);
}

describe("starting on an archive", () => {
  it("re-reads only the workplans whose documents changed while the server was down", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "junction-start-up-"));
    dirs.push(dataDir);
    const db = openDatabase(join(dataDir, "junction.db"));
    const network = createNetwork(db, { name: "Network", country: "Testland", description: "" });
    const [a, b] = ["Plan A", "Plan B"].map((title) =>
      createWorkplan(db, { networkId: network.id, title, createdBy: null }),
    );
    if (!a || !b) throw new Error("no workplans");
    appendActivity(db, a.id, "A1", "Train border police");
    appendActivity(db, b.id, "B1", "Open a hotline");
    db.close();
    const env = { JUNCTION_DATA_DIR: dataDir };

    server = await startLiveServer(env);
    expect(indexedAtStart(server)).toEqual([2]);
    expect(titles(server.db, b.id)).toEqual(["Open a hotline"]);
    await server.close();

    server = await startLiveServer(env);
    expect(indexedAtStart(server)).toEqual([]);
    await server.close();

    const offline = openDatabase(join(dataDir, "junction.db"));
    appendActivity(offline, b.id, "B2", "Fund shelters");
    offline.close();
    server = await startLiveServer(env);
    expect(indexedAtStart(server)).toEqual([1]);
    expect(titles(server.db, b.id)).toEqual(["Open a hotline", "Fund shelters"]);
    expect(titles(server.db, a.id)).toEqual(["Train border police"]);
  });
});
