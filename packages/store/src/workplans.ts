import { randomUUID } from "node:crypto";
import type { Stage, Workplan } from "@junction/domain";
import type { Db } from "./db";
import { iso, statement } from "./statements";

export type WorkplanRecord = Workplan & { updatedAt: string; activityCount: number };

type WorkplanRow = {
  id: string;
  network_id: string;
  title: string;
  stage: Stage;
  archived: number;
  created_at: number;
  updated_at: number;
  activity_count: number;
};

function toStage(row: Omit<WorkplanRow, "activity_count">): Workplan {
  return {
    id: row.id,
    networkId: row.network_id,
    title: row.title,
    stage: row.stage,
    archived: row.archived === 1,
    createdAt: iso(row.created_at),
  };
}

function toWorkplan(row: WorkplanRow): WorkplanRecord {
  return { ...toStage(row), updatedAt: iso(row.updated_at), activityCount: row.activity_count };
}

const WORKPLAN_SELECT = `
  SELECT w.*, (SELECT COUNT(*) FROM activities a WHERE a.workplan_id = w.id) AS activity_count
  FROM workplans w`;

export function createWorkplan(
  db: Db,
  input: { id?: string; networkId: string; title: string; stage?: Stage; createdBy: string | null },
  now = Date.now(),
): WorkplanRecord {
  const id = input.id ?? randomUUID();
  statement(
    db,
    `INSERT INTO workplans (id, network_id, title, stage, archived, created_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, 0, ?, ?, ?)`,
  ).run(id, input.networkId, input.title, input.stage ?? "draft", input.createdBy, now, now);
  return {
    id,
    networkId: input.networkId,
    title: input.title,
    stage: input.stage ?? "draft",
    archived: false,
    createdAt: iso(now),
    updatedAt: iso(now),
    activityCount: 0,
  };
}

export function findWorkplan(db: Db, id: string): WorkplanRecord | null {
  const row = statement(db, `${WORKPLAN_SELECT} WHERE w.id = ?`).get(id) as WorkplanRow | undefined;
  return row ? toWorkplan(row) : null;
}

export function listWorkplans(db: Db, networkId: string): WorkplanRecord[] {
  const rows = statement(
    db,
    `${WORKPLAN_SELECT} WHERE w.network_id = ? ORDER BY w.archived, w.created_at`,
  ).all(networkId) as WorkplanRow[];
  return rows.map(toWorkplan);
}

/**
 * The network's workplans as `listWorkplans` orders them, without counting their activities
 * (which reads the index of every one): for what needs only their stage or title.
 */
export function listWorkplanStages(db: Db, networkId: string): Workplan[] {
  const rows = statement(
    db,
    "SELECT * FROM workplans WHERE network_id = ? ORDER BY archived, created_at",
  ).all(networkId) as Omit<WorkplanRow, "activity_count">[];
  return rows.map(toStage);
}

export function updateWorkplan(
  db: Db,
  id: string,
  change: { title?: string; archived?: boolean },
  now = Date.now(),
): void {
  if (change.title !== undefined) {
    statement(db, "UPDATE workplans SET title = ?, updated_at = ? WHERE id = ?").run(
      change.title,
      now,
      id,
    );
  }
  if (change.archived !== undefined) {
    statement(db, "UPDATE workplans SET archived = ?, updated_at = ? WHERE id = ?").run(
      change.archived ? 1 : 0,
      now,
      id,
    );
  }
}

export function touchWorkplan(db: Db, id: string, now = Date.now()): void {
  statement(db, "UPDATE workplans SET updated_at = ? WHERE id = ?").run(now, id);
}
