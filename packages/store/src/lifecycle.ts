import { randomUUID } from "node:crypto";
import type { Stage, ValidationAnswer } from "@junction/domain";
import type { Db } from "./db";
import { iso, isoOrNull, statement } from "./statements";

export type StageMoveRecord = {
  id: string;
  workplanId: string;
  from: Stage;
  to: Stage;
  by: string | null;
  byName: string;
  at: string;
  reason: string | null;
  versionId: string | null;
};

type StageMoveRow = {
  id: string;
  workplan_id: string;
  from_stage: Stage;
  to_stage: Stage;
  moved_by: string | null;
  by_name: string | null;
  moved_at: number;
  reason: string | null;
  version_id: string | null;
};

function toStageMove(row: StageMoveRow): StageMoveRecord {
  return {
    id: row.id,
    workplanId: row.workplan_id,
    from: row.from_stage,
    to: row.to_stage,
    by: row.moved_by,
    byName: row.by_name ?? "",
    at: iso(row.moved_at),
    reason: row.reason,
    versionId: row.version_id,
  };
}

const MOVE_SELECT = `
  SELECT sm.*, u.name AS by_name FROM workplan_stage_moves sm
  LEFT JOIN users u ON u.id = sm.moved_by`;

/** Sets the workplan's stage and records the move; run it in the caller's transaction. */
export function moveWorkplanStage(
  db: Db,
  input: {
    workplanId: string;
    from: Stage;
    to: Stage;
    movedBy: string | null;
    reason: string | null;
    versionId: string | null;
  },
  now = Date.now(),
): StageMoveRecord {
  const id = randomUUID();
  statement(db, "UPDATE workplans SET stage = ?, updated_at = ? WHERE id = ?").run(
    input.to,
    now,
    input.workplanId,
  );
  statement(
    db,
    `INSERT INTO workplan_stage_moves (id, workplan_id, from_stage, to_stage, moved_by, moved_at, reason, version_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    input.workplanId,
    input.from,
    input.to,
    input.movedBy,
    now,
    input.reason,
    input.versionId,
  );
  const row = statement(db, `${MOVE_SELECT} WHERE sm.id = ?`).get(id) as StageMoveRow;
  return toStageMove(row);
}

/** Every stage move of a workplan, oldest first (ordered by (moved_at, seq) for a cursor). */
export function listStageMoves(db: Db, workplanId: string): StageMoveRecord[] {
  const rows = statement(
    db,
    `${MOVE_SELECT} WHERE sm.workplan_id = ? ORDER BY sm.moved_at, sm.seq`,
  ).all(workplanId) as StageMoveRow[];
  return rows.map(toStageMove);
}

/** The latest move into `stage`, or null. */
export function findLastMoveTo(db: Db, workplanId: string, stage: Stage): StageMoveRecord | null {
  const row = statement(
    db,
    `${MOVE_SELECT} WHERE sm.workplan_id = ? AND sm.to_stage = ? ORDER BY sm.moved_at DESC, sm.seq DESC LIMIT 1`,
  ).get(workplanId, stage) as StageMoveRow | undefined;
  return row ? toStageMove(row) : null;
}

export type WorkplanLifecycleRecord = {
  revisionOf: string | null;
  consultationDeadline: string | null;
};

export function findWorkplanLifecycle(db: Db, workplanId: string): WorkplanLifecycleRecord | null {
  const row = statement(
    db,
    "SELECT revision_of, consultation_deadline FROM workplans WHERE id = ?",
  ).get(workplanId) as
    | { revision_of: string | null; consultation_deadline: string | null }
    | undefined;
  return row
    ? { revisionOf: row.revision_of, consultationDeadline: row.consultation_deadline }
    : null;
}

export function setConsultationDeadline(
  db: Db,
  workplanId: string,
  deadline: string | null,
  now = Date.now(),
): void {
  statement(db, "UPDATE workplans SET consultation_deadline = ?, updated_at = ? WHERE id = ?").run(
    deadline,
    now,
    workplanId,
  );
}

export function setRevisionOf(db: Db, workplanId: string, revisionOf: string): void {
  statement(db, "UPDATE workplans SET revision_of = ? WHERE id = ?").run(revisionOf, workplanId);
}

/** Ids of the workplans opened as revisions of this one, oldest first. */
export function listRevisionIds(db: Db, workplanId: string): string[] {
  return statement(db, "SELECT id FROM workplans WHERE revision_of = ? ORDER BY created_at, id")
    .pluck()
    .all(workplanId) as string[];
}

/** Gives a revision the owners its adopted workplan's activities had. */
export function copyActivityOwners(
  db: Db,
  fromWorkplanId: string,
  toWorkplanId: string,
  assignedBy: string,
  now = Date.now(),
): void {
  statement(
    db,
    `INSERT OR IGNORE INTO activity_owners (workplan_id, activity_id, user_id, assigned_by, assigned_at)
     SELECT ?, activity_id, user_id, ?, ? FROM activity_owners WHERE workplan_id = ?`,
  ).run(toWorkplanId, assignedBy, now, fromWorkplanId);
}

// Validation

export type ValidationRoundRecord = {
  id: string;
  workplanId: string;
  startedBy: string | null;
  startedAt: string;
  endedAt: string | null;
  /** The organisations asked when it opened. */
  organisationIds: string[];
};

type RoundRow = {
  id: string;
  workplan_id: string;
  started_by: string | null;
  started_at: number;
  ended_at: number | null;
};

/** Opens a validation round asking these organisations; ends any round still open. */
export function openValidationRound(
  db: Db,
  input: { workplanId: string; startedBy: string | null; organisationIds: readonly string[] },
  now = Date.now(),
): ValidationRoundRecord {
  endValidationRounds(db, input.workplanId, now);
  const id = randomUUID();
  statement(
    db,
    "INSERT INTO validation_rounds (id, workplan_id, started_by, started_at) VALUES (?, ?, ?, ?)",
  ).run(id, input.workplanId, input.startedBy, now);
  const insert = statement(
    db,
    "INSERT OR IGNORE INTO validation_organisations (round_id, organisation_id) VALUES (?, ?)",
  );
  for (const organisationId of input.organisationIds) insert.run(id, organisationId);
  return {
    id,
    workplanId: input.workplanId,
    startedBy: input.startedBy,
    startedAt: iso(now),
    endedAt: null,
    organisationIds: [...new Set(input.organisationIds)],
  };
}

export function endValidationRounds(db: Db, workplanId: string, now = Date.now()): void {
  statement(
    db,
    "UPDATE validation_rounds SET ended_at = ? WHERE workplan_id = ? AND ended_at IS NULL",
  ).run(now, workplanId);
}

/** The open round, else the last one, else null. */
export function findLatestValidationRound(
  db: Db,
  workplanId: string,
): ValidationRoundRecord | null {
  const row = statement(
    db,
    "SELECT * FROM validation_rounds WHERE workplan_id = ? ORDER BY started_at DESC, rowid DESC LIMIT 1",
  ).get(workplanId) as RoundRow | undefined;
  if (!row) return null;
  const organisationIds = statement(
    db,
    "SELECT organisation_id FROM validation_organisations WHERE round_id = ? ORDER BY rowid",
  )
    .pluck()
    .all(row.id) as string[];
  return {
    id: row.id,
    workplanId: row.workplan_id,
    startedBy: row.started_by,
    startedAt: iso(row.started_at),
    endedAt: isoOrNull(row.ended_at),
    organisationIds,
  };
}

export type ValidationAnswerRecord = {
  roundId: string;
  organisationId: string;
  answer: ValidationAnswer;
  comment: string;
  answeredBy: string;
  answeredByName: string;
  answeredAt: string;
  overrule: { by: string; byName: string; reason: string; at: string } | null;
};

type AnswerRow = {
  round_id: string;
  organisation_id: string;
  answer: ValidationAnswer;
  comment: string;
  answered_by: string;
  answered_by_name: string | null;
  answered_at: number;
  overruled_by: string | null;
  overruled_by_name: string | null;
  overrule_reason: string | null;
  overruled_at: number | null;
};

export function listValidationAnswers(db: Db, roundId: string): ValidationAnswerRecord[] {
  const rows = statement(
    db,
    `SELECT va.*, a.name AS answered_by_name, o.name AS overruled_by_name
     FROM validation_answers va
     LEFT JOIN users a ON a.id = va.answered_by
     LEFT JOIN users o ON o.id = va.overruled_by
     WHERE va.round_id = ? ORDER BY va.answered_at, va.rowid`,
  ).all(roundId) as AnswerRow[];
  return rows.map((row) => ({
    roundId: row.round_id,
    organisationId: row.organisation_id,
    answer: row.answer,
    comment: row.comment,
    answeredBy: row.answered_by,
    answeredByName: row.answered_by_name ?? "",
    answeredAt: iso(row.answered_at),
    overrule:
      row.overruled_by !== null && row.overruled_at !== null
        ? {
            by: row.overruled_by,
            byName: row.overruled_by_name ?? "",
            reason: row.overrule_reason ?? "",
            at: iso(row.overruled_at),
          }
        : null,
  }));
}

/** Records an organisation's answer, replacing its earlier one (and any overrule of it). */
export function answerValidation(
  db: Db,
  input: {
    roundId: string;
    organisationId: string;
    answer: ValidationAnswer;
    comment: string;
    answeredBy: string;
  },
  now = Date.now(),
): void {
  statement(
    db,
    `INSERT INTO validation_answers (round_id, organisation_id, answer, comment, answered_by, answered_at)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (round_id, organisation_id) DO UPDATE SET
       answer = excluded.answer, comment = excluded.comment, answered_by = excluded.answered_by,
       answered_at = excluded.answered_at, overruled_by = NULL, overrule_reason = NULL, overruled_at = NULL`,
  ).run(input.roundId, input.organisationId, input.answer, input.comment, input.answeredBy, now);
}

export function overruleObjection(
  db: Db,
  input: { roundId: string; organisationId: string; by: string; reason: string },
  now = Date.now(),
): void {
  statement(
    db,
    `UPDATE validation_answers SET overruled_by = ?, overrule_reason = ?, overruled_at = ?
     WHERE round_id = ? AND organisation_id = ? AND answer = 'objected'`,
  ).run(input.by, input.reason, now, input.roundId, input.organisationId);
}
