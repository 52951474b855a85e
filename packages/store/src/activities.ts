import { type Activity, readCommitments } from "@junction/domain";
import type { Db } from "./db";
import { type OrderKey, type Page, type PageRequest, selectPage } from "./pages";
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
    // rows are changed in place, not deleted and re-inserted: the warnings' copy of each lead
    // (migration 014) is rewritten only for an activity whose lead changed, came or went
    const remove = statement(
      db,
      "DELETE FROM activities WHERE workplan_id = ? AND activity_id = ?",
    );
    for (const row of indexed) {
      if (!present.has(row.activity_id)) remove.run(workplan.id, row.activity_id);
    }
    const insert = statement(
      db,
      `INSERT INTO activities (workplan_id, activity_id, network_id, position, data, updated_at)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (workplan_id, activity_id) DO UPDATE SET network_id = excluded.network_id,
         position = excluded.position, data = excluded.data, updated_at = excluded.updated_at`,
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

/**
 * Whether the organisation leads at least one of the workplan's activities (from the index of
 * leads: the organisation's activities in the network, never the whole workplan).
 */
export function leadsActivityIn(
  db: Db,
  workplan: { id: string; networkId: string },
  organisationId: string,
): boolean {
  return (
    statement(
      db,
      "SELECT 1 FROM activities WHERE network_id = ? AND lead = ? AND workplan_id = ? LIMIT 1",
    ).get(workplan.networkId, organisationId, workplan.id) !== undefined
  );
}

/** How many activities a network's workplans hold (COUNT over an index, no rows read). */
export function countNetworkActivities(db: Db, networkId: string): number {
  const row = statement(db, "SELECT COUNT(*) AS n FROM activities WHERE network_id = ?").get(
    networkId,
  ) as { n: number };
  return row.n;
}

/**
 * The last update id in a workplan's log, or its snapshot's when compaction removed every update
 * after it; 0 for an empty log. Ids only grow, so a larger one means the document moved.
 */
export function lastUpdateId(db: Db, workplanId: string): number {
  const row = statement(
    db,
    `SELECT max(
       coalesce((SELECT max(id) FROM workplan_updates WHERE workplan_id = ?), 0),
       coalesce((SELECT last_update_id FROM workplan_snapshots WHERE workplan_id = ?), 0)
     ) AS id`,
  ).get(workplanId, workplanId) as { id: number };
  return row.id;
}

/** Records that the activity index holds the workplan's document as of update `updateId`. */
export function markWorkplanIndexed(db: Db, workplanId: string, updateId: number): void {
  statement(db, "UPDATE workplans SET indexed_update_id = ? WHERE id = ?").run(
    updateId,
    workplanId,
  );
}

/** Workplans whose update log moved since the activity index last read them, or never read. */
export function listWorkplansToIndex(db: Db): { id: string; networkId: string }[] {
  return statement(
    db,
    `SELECT id, network_id AS networkId FROM workplans w
     WHERE indexed_update_id IS NULL
        OR indexed_update_id < coalesce((SELECT max(id) FROM workplan_updates WHERE workplan_id = w.id), 0)
        OR indexed_update_id < coalesce((SELECT last_update_id FROM workplan_snapshots WHERE workplan_id = w.id), 0)
     ORDER BY network_id, created_at`,
  ).all() as { id: string; networkId: string }[];
}

export function findActivity(
  db: Db,
  ref: { workplanId: string; activityId: string },
): StoredActivity | null {
  const row = statement(
    db,
    "SELECT workplan_id, network_id, data FROM activities WHERE workplan_id = ? AND activity_id = ?",
  ).get(ref.workplanId, ref.activityId) as ActivityRow | undefined;
  return row ? toStored(row) : null;
}

const ACTIVITY_ORDER: readonly OrderKey[] = [{ sql: "position" }, { sql: "activity_id" }];

export type ActivityFilter = { leadId?: string; status?: string };

/**
 * A page of a workplan's activity index, in document order. The cursor names the last activity
 * shown, and the next page starts after where that activity stands now: an activity inserted
 * (or removed) above it meanwhile moves every position below, and would otherwise repeat (or
 * skip) one. When that activity itself is gone, the page starts at the place it held.
 */
export function listWorkplanActivityPage(
  db: Db,
  workplanId: string,
  filter: ActivityFilter,
  page: PageRequest,
): Page<StoredActivity> {
  const where = ["workplan_id = ?"];
  const params: unknown[] = [workplanId];
  let from = page;
  const [lastPosition, lastId] = page.after ?? [];
  if (typeof lastPosition === "number" && typeof lastId === "string") {
    const now = statement(
      db,
      "SELECT position FROM activities WHERE workplan_id = ? AND activity_id = ?",
    ).get(workplanId, lastId) as { position: number } | undefined;
    if (now) {
      from = { ...page, after: [now.position, lastId] };
    } else {
      // what stands where it stood came after it
      where.push("position >= ?");
      params.push(lastPosition);
      from = { ...page, after: null };
    }
  }
  if (filter.leadId !== undefined) {
    where.push("lead = ?");
    params.push(filter.leadId);
  }
  if (filter.status !== undefined) {
    where.push("json_extract(data, '$.status') = ?");
    params.push(filter.status);
  }
  const rows = selectPage<ActivityRow>(
    db,
    { select: "SELECT workplan_id, network_id, data FROM activities", where, params },
    ACTIVITY_ORDER,
    from,
  );
  return { items: rows.items.map(toStored), next: rows.next };
}
