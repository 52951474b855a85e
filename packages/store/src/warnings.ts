import { randomUUID } from "node:crypto";
import type { Db } from "./db";
import { statement } from "./statements";

export const WARNING_STATUSES = ["open", "dismissed", "coordinate", "gone"] as const;
export type WarningStatus = (typeof WARNING_STATUSES)[number];

export type ActivityRef = { workplanId: string; activityId: string };

export type WarningRecord = {
  id: string;
  networkId: string;
  a: ActivityRef;
  b: ActivityRef;
  score: number;
  reasons: string[];
  status: WarningStatus;
  decidedBy: string | null;
  decidedAt: number | null;
  /** What both activities said when a coordinator decided, to tell a material change later. */
  decisionBasis: unknown;
  createdAt: number;
  updatedAt: number;
};

type WarningRow = {
  id: string;
  network_id: string;
  workplan_a: string;
  activity_a: string;
  workplan_b: string;
  activity_b: string;
  score: number;
  reasons: string;
  status: WarningStatus;
  decided_by: string | null;
  decided_at: number | null;
  decision_basis: string | null;
  created_at: number;
  updated_at: number;
};

function toWarning(row: WarningRow): WarningRecord {
  return {
    id: row.id,
    networkId: row.network_id,
    a: { workplanId: row.workplan_a, activityId: row.activity_a },
    b: { workplanId: row.workplan_b, activityId: row.activity_b },
    score: row.score,
    reasons: JSON.parse(row.reasons) as string[],
    status: row.status,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    decisionBasis: row.decision_basis === null ? null : (JSON.parse(row.decision_basis) as unknown),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function findWarningByPair(
  db: Db,
  networkId: string,
  a: ActivityRef,
  b: ActivityRef,
): WarningRecord | null {
  const row = statement(
    db,
    `SELECT * FROM warnings WHERE network_id = ? AND workplan_a = ? AND activity_a = ? AND workplan_b = ? AND activity_b = ?`,
  ).get(networkId, a.workplanId, a.activityId, b.workplanId, b.activityId) as
    | WarningRow
    | undefined;
  return row ? toWarning(row) : null;
}

export function findWarning(db: Db, id: string): WarningRecord | null {
  const row = statement(db, "SELECT * FROM warnings WHERE id = ?").get(id) as
    | WarningRow
    | undefined;
  return row ? toWarning(row) : null;
}

export function insertWarning(
  db: Db,
  input: { networkId: string; a: ActivityRef; b: ActivityRef; score: number; reasons: string[] },
  now: number,
): WarningRecord {
  const id = randomUUID();
  statement(
    db,
    `INSERT INTO warnings (id, network_id, workplan_a, activity_a, workplan_b, activity_b, score, reasons, status, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)`,
  ).run(
    id,
    input.networkId,
    input.a.workplanId,
    input.a.activityId,
    input.b.workplanId,
    input.b.activityId,
    input.score,
    JSON.stringify(input.reasons),
    now,
    now,
  );
  const created = findWarning(db, id);
  if (!created) throw new Error(`warning ${id} vanished after insert`);
  return created;
}

export function updateWarningAssessment(
  db: Db,
  id: string,
  change: { score: number; reasons: string[]; status: WarningStatus; clearDecision?: boolean },
  now: number,
): void {
  statement(
    db,
    `UPDATE warnings SET score = ?, reasons = ?, status = ?, updated_at = ?,
       decided_by = CASE WHEN ? THEN NULL ELSE decided_by END,
       decided_at = CASE WHEN ? THEN NULL ELSE decided_at END,
       decision_basis = CASE WHEN ? THEN NULL ELSE decision_basis END
     WHERE id = ?`,
  ).run(
    change.score,
    JSON.stringify(change.reasons),
    change.status,
    now,
    change.clearDecision ? 1 : 0,
    change.clearDecision ? 1 : 0,
    change.clearDecision ? 1 : 0,
    id,
  );
}

export function setWarningStatus(db: Db, id: string, status: WarningStatus, now: number): void {
  statement(db, "UPDATE warnings SET status = ?, updated_at = ? WHERE id = ?").run(status, now, id);
}

export function decideWarning(
  db: Db,
  id: string,
  decision: { status: WarningStatus; decidedBy: string | null; basis: unknown },
  now: number,
): void {
  statement(
    db,
    "UPDATE warnings SET status = ?, decided_by = ?, decided_at = ?, decision_basis = ?, updated_at = ? WHERE id = ?",
  ).run(
    decision.status,
    decision.decidedBy,
    decision.decidedBy === null ? null : now,
    decision.basis === null ? null : JSON.stringify(decision.basis),
    now,
    id,
  );
}

export function listActivityWarnings(db: Db, ref: ActivityRef): WarningRecord[] {
  const rows = statement(
    db,
    `SELECT * FROM warnings WHERE (workplan_a = ? AND activity_a = ?) OR (workplan_b = ? AND activity_b = ?)`,
  ).all(ref.workplanId, ref.activityId, ref.workplanId, ref.activityId) as WarningRow[];
  return rows.map(toWarning);
}

export function listWorkplanWarnings(db: Db, workplanId: string): WarningRecord[] {
  const rows = statement(
    db,
    `SELECT * FROM warnings WHERE (workplan_a = ? OR workplan_b = ?) AND status != 'gone' ORDER BY score DESC`,
  ).all(workplanId, workplanId) as WarningRow[];
  return rows.map(toWarning);
}

export function listNetworkWarnings(db: Db, networkId: string): WarningRecord[] {
  const rows = statement(
    db,
    `SELECT * FROM warnings WHERE network_id = ? AND status != 'gone' ORDER BY status = 'open' DESC, score DESC`,
  ).all(networkId) as WarningRow[];
  return rows.map(toWarning);
}

/** The pairs a coordinator has ruled on in a network: "not a duplicate" or "coordinate". */
export function listDecidedWarnings(db: Db, networkId: string): WarningRecord[] {
  const rows = statement(
    db,
    `SELECT * FROM warnings WHERE network_id = ? AND status IN ('dismissed', 'coordinate') AND decided_by IS NOT NULL ORDER BY decided_at`,
  ).all(networkId) as WarningRow[];
  return rows.map(toWarning);
}
