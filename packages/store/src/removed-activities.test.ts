import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Activity, emptyActivity } from "@junction/domain";
import { afterEach, describe, expect, it } from "vitest";
import { listWorkplanActivities, replaceWorkplanActivities } from "./activities";
import type { Db } from "./db";
import { createNetwork } from "./networks";
import { findLastCommitments, rememberRemovedActivities } from "./removed-activities";
import { openTestStore } from "./testing";
import { createWorkplan } from "./workplans";

const dirs: string[] = [];
const open: Db[] = [];

function setup(): { db: Db; workplan: { id: string; networkId: string } } {
  const dir = mkdtempSync(join(tmpdir(), "junction-removed-"));
  dirs.push(dir);
  const db = openTestStore(join(dir, "junction.db"));
  open.push(db);
  const network = createNetwork(db, { name: "N", country: "C", description: "" });
  const workplan = createWorkplan(db, { networkId: network.id, title: "W", createdBy: null });
  return { db, workplan };
}

afterEach(() => {
  for (const db of open.splice(0)) db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const led = (id: string, lead: string, status: Activity["status"] = "planned"): Activity => ({
  ...emptyActivity(id),
  lead,
  partners: ["mia"],
  status,
});

describe("remembering activities that left a document", () => {
  it("remembers what the index last saw of an activity the document no longer holds", () => {
    const { db, workplan } = setup();
    replaceWorkplanActivities(db, workplan, [led("A1", "iom"), led("A2", "unicef", "ongoing")], 1);
    replaceWorkplanActivities(db, workplan, [led("A1", "iom")], 2);
    expect(listWorkplanActivities(db, workplan.id).map((a) => a.id)).toEqual(["A1"]);
    expect(findLastCommitments(db, workplan.id, "A2")).toEqual({
      lead: "unicef",
      partners: ["mia"],
      budget: null,
      status: "ongoing",
    });
    expect(findLastCommitments(db, workplan.id, "A1")?.lead).toBe("iom");
    expect(findLastCommitments(db, workplan.id, "A3")).toBeNull();
  });

  it("keeps the later of two observations of the same id", () => {
    const { db, workplan } = setup();
    const commitments = {
      lead: "unicef",
      partners: [],
      budget: null,
      status: "completed",
    } as const;
    rememberRemovedActivities(db, workplan.id, [{ activityId: "A2", commitments, seenAt: 10 }]);
    // the index saw it earlier, before the sync server watched it leave
    replaceWorkplanActivities(db, workplan, [led("A2", "unicef", "planned")], 5);
    replaceWorkplanActivities(db, workplan, [], 20);
    expect(findLastCommitments(db, workplan.id, "A2")?.status).toBe("completed");
    rememberRemovedActivities(db, workplan.id, [
      { activityId: "A2", commitments: { ...commitments, status: "cancelled" }, seenAt: 30 },
    ]);
    expect(findLastCommitments(db, workplan.id, "A2")?.status).toBe("cancelled");
  });

  it("prefers the live index row when it is newer than the memory of a removal", () => {
    const { db, workplan } = setup();
    const commitments = {
      lead: "unicef",
      partners: [],
      budget: null,
      status: "completed",
    } as const;
    rememberRemovedActivities(db, workplan.id, [{ activityId: "A2", commitments, seenAt: 10 }]);
    replaceWorkplanActivities(db, workplan, [led("A2", "unicef", "ongoing")], 20);
    expect(findLastCommitments(db, workplan.id, "A2")?.status).toBe("ongoing");
  });
});
