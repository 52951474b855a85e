import { type Activity, readCommitments } from "@junction/domain";
import type { Db } from "./db";
import { rememberRemovedActivities } from "./removed-activities";
import { statement } from "./statements";

export type StoredActivity = Activity & { workplanId: string; networkId: string };

/**
 * Replaces a workplan's rows in the activity index with what its document holds now; activities
 * no longer in it are remembered with the commitments the index last saw (`removed_activities`).
 */
export function replaceWorkplanActivities(
  db: Db,
  workplan: { id: string; networkId: string },
  activities: readonly Activity[],
  now = Date.now(),
): void {
  const write = db.transaction(() => {
    // what leaves the document is remembered: a block re-created with its id is the same activity
    const present = new Set(activities.map((activity) => activity.id));
    const indexed = statement(
      db,
      "SELECT activity_id, data, updated_at FROM activities WHERE workplan_id = ?",
    ).all(workplan.id) as { activity_id: string; data: string; updated_at: number }[];
    rememberRemovedActivities(
      db,
      workplan.id,
      indexed
        .filter((row) => !present.has(row.activity_id))
        .map((row) => ({
          activityId: row.activity_id,
          commitments: readCommitments(JSON.parse(row.data) as Record<string, unknown>),
          seenAt: row.updated_at,
        })),
    );
    statement(db, "DELETE FROM activities WHERE workplan_id = ?").run(workplan.id);
    const insert = statement(
      db,
      `INSERT OR REPLACE INTO activities (workplan_id, activity_id, network_id, position, data, updated_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    activities.forEach((activity, position) => {
      insert.run(
        workplan.id,
        activity.id,
        workplan.networkId,
        position,
        JSON.stringify(activity),
        now,
      );
    });
  });
  write();
}

type ActivityRow = { workplan_id: string; network_id: string; data: string };

function toStored(row: ActivityRow): StoredActivity {
  return {
    ...(JSON.parse(row.data) as Activity),
    workplanId: row.workplan_id,
    networkId: row.network_id,
  };
}

export function listWorkplanActivities(db: Db, workplanId: string): StoredActivity[] {
  const rows = statement(
    db,
    "SELECT workplan_id, network_id, data FROM activities WHERE workplan_id = ? ORDER BY position",
  ).all(workplanId) as ActivityRow[];
  return rows.map(toStored);
}

export function listNetworkActivities(db: Db, networkId: string): StoredActivity[] {
  const rows = statement(
    db,
    "SELECT workplan_id, network_id, data FROM activities WHERE network_id = ? ORDER BY workplan_id, position",
  ).all(networkId) as ActivityRow[];
  return rows.map(toStored);
}
