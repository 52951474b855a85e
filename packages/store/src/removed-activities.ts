import { type Commitments, readCommitments } from "@junction/domain";
import type { Db } from "./db";
import { statement } from "./statements";

export type RemovedActivity = {
  readonly activityId: string;
  readonly commitments: Commitments;
  /** When the activity held these commitments last (ms). */
  readonly seenAt: number;
};

/**
 * Remembers the commitments activities held when they left a workplan's document; for an id
 * remembered already, the later observation wins.
 */
export function rememberRemovedActivities(
  db: Db,
  workplanId: string,
  removed: readonly RemovedActivity[],
): void {
  const upsert = statement(
    db,
    `INSERT INTO removed_activities (workplan_id, activity_id, commitments, seen_at)
     VALUES (?, ?, ?, ?)
     ON CONFLICT (workplan_id, activity_id) DO UPDATE SET
       commitments = excluded.commitments,
       seen_at = excluded.seen_at
     WHERE excluded.seen_at >= removed_activities.seen_at`,
  );
  const write = db.transaction(() => {
    for (const { activityId, commitments, seenAt } of removed) {
      const { lead, partners, budget, status } = commitments;
      upsert.run(
        workplanId,
        activityId,
        JSON.stringify({ lead, partners, budget, status }),
        seenAt,
      );
    }
  });
  write();
}

type CommitmentsRow = { commitments: string; seen_at: number };

/**
 * The commitments an activity id last held in a workplan, if it ever was in its document: as it
 * left the document, or as the activity index last read it, whichever is later.
 */
export function findLastCommitments(
  db: Db,
  workplanId: string,
  activityId: string,
): Commitments | null {
  const removed = statement(
    db,
    "SELECT commitments, seen_at FROM removed_activities WHERE workplan_id = ? AND activity_id = ?",
  ).get(workplanId, activityId) as CommitmentsRow | undefined;
  const indexed = statement(
    db,
    "SELECT data AS commitments, updated_at AS seen_at FROM activities WHERE workplan_id = ? AND activity_id = ?",
  ).get(workplanId, activityId) as CommitmentsRow | undefined;
  const latest =
    removed && indexed
      ? indexed.seen_at > removed.seen_at
        ? indexed
        : removed
      : (removed ?? indexed);
  if (!latest) return null;
  return readCommitments(JSON.parse(latest.commitments) as Record<string, unknown>);
}
