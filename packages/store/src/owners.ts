import type { Db } from "./db";
import { statement } from "./statements";

export type OwnerRecord = {
  workplanId: string;
  activityId: string;
  userId: string;
  name: string;
  organisationId: string;
  organisationName: string;
  organisationAcronym: string;
};

type OwnerRow = {
  workplan_id: string;
  activity_id: string;
  user_id: string;
  name: string;
  organisation_id: string;
  organisation_name: string;
  organisation_acronym: string;
};

// owners who left the network drop out of every view, their rows stay for the record
const OWNER_SELECT = `
  SELECT ao.workplan_id, ao.activity_id, ao.user_id, u.name, m.organisation_id,
    o.name AS organisation_name, o.acronym AS organisation_acronym
  FROM activity_owners ao
  JOIN workplans w ON w.id = ao.workplan_id
  JOIN memberships m ON m.network_id = w.network_id AND m.user_id = ao.user_id
  JOIN users u ON u.id = ao.user_id
  JOIN organisations o ON o.id = m.organisation_id`;

function toOwner(row: OwnerRow): OwnerRecord {
  return {
    workplanId: row.workplan_id,
    activityId: row.activity_id,
    userId: row.user_id,
    name: row.name,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    organisationAcronym: row.organisation_acronym,
  };
}

export function listWorkplanOwners(db: Db, workplanId: string): OwnerRecord[] {
  const rows = statement(
    db,
    `${OWNER_SELECT} WHERE ao.workplan_id = ? ORDER BY ao.activity_id, ao.assigned_at, u.name`,
  ).all(workplanId) as OwnerRow[];
  return rows.map(toOwner);
}

export function listActivityOwners(db: Db, workplanId: string, activityId: string): OwnerRecord[] {
  const rows = statement(
    db,
    `${OWNER_SELECT} WHERE ao.workplan_id = ? AND ao.activity_id = ? ORDER BY ao.assigned_at, u.name`,
  ).all(workplanId, activityId) as OwnerRow[];
  return rows.map(toOwner);
}

/** The activities a user owns, in every network they are still a member of. */
export function listUserOwnedActivities(db: Db, userId: string): OwnerRecord[] {
  const rows = statement(
    db,
    `${OWNER_SELECT} WHERE ao.user_id = ? ORDER BY w.title, ao.activity_id`,
  ).all(userId) as OwnerRow[];
  return rows.map(toOwner);
}

export function isActivityOwner(
  db: Db,
  workplanId: string,
  activityId: string,
  userId: string,
): boolean {
  return (
    statement(
      db,
      "SELECT 1 FROM activity_owners WHERE workplan_id = ? AND activity_id = ? AND user_id = ?",
    ).get(workplanId, activityId, userId) !== undefined
  );
}

/** Makes `userIds` the activity's owners; answers who was added and who removed. */
export function replaceActivityOwners(
  db: Db,
  input: { workplanId: string; activityId: string; userIds: readonly string[]; assignedBy: string },
  now: number,
): { added: string[]; removed: string[] } {
  const wanted = new Set(input.userIds);
  const current = (
    statement(
      db,
      "SELECT user_id FROM activity_owners WHERE workplan_id = ? AND activity_id = ?",
    ).all(input.workplanId, input.activityId) as { user_id: string }[]
  ).map((row) => row.user_id);
  const removed = current.filter((userId) => !wanted.has(userId));
  const added = [...wanted].filter((userId) => !current.includes(userId));
  const write = db.transaction(() => {
    const remove = statement(
      db,
      "DELETE FROM activity_owners WHERE workplan_id = ? AND activity_id = ? AND user_id = ?",
    );
    for (const userId of removed) remove.run(input.workplanId, input.activityId, userId);
    const insert = statement(
      db,
      `INSERT INTO activity_owners (workplan_id, activity_id, user_id, assigned_by, assigned_at)
       VALUES (?, ?, ?, ?, ?)`,
    );
    for (const userId of added) {
      insert.run(input.workplanId, input.activityId, userId, input.assignedBy, now);
    }
  });
  write();
  return { added, removed };
}
