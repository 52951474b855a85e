import { randomUUID } from "node:crypto";
import type { SuggestionField, SuggestionKind, SuggestionStatus } from "@junction/domain";
import { SUGGESTION_FIELDS, SUGGESTION_STATUSES } from "@junction/domain";
import type { Db } from "./db";
import { type OrderKey, type Page, type PageRequest, selectPage } from "./pages";
import { statement } from "./statements";

export type SuggestionRecord = {
  id: string;
  workplanId: string;
  networkId: string;
  threadId: string;
  kind: SuggestionKind;
  activityId: string | null;
  anchor: { start: string; end: string } | null;
  field: SuggestionField | null;
  quote: string;
  text: string;
  /** Field suggestions: the proposed value; undefined for text suggestions. */
  value: unknown;
  /** Field suggestions: the field's value when the suggestion was made. */
  before: unknown;
  reason: string;
  status: SuggestionStatus;
  authorId: string;
  authorName: string;
  /** The author's organisation in the network, while they are a member. */
  authorOrganisationId: string | null;
  createdAt: number;
  decidedBy: string | null;
  decidedByName: string | null;
  decidedAt: number | null;
  decisionNote: string | null;
};

export type NewSuggestion = {
  workplanId: string;
  threadId: string;
  kind: SuggestionKind;
  activityId: string | null;
  anchor: { start: string; end: string } | null;
  field: SuggestionField | null;
  quote: string;
  text: string;
  value?: unknown;
  before?: unknown;
  reason: string;
  authorId: string;
};

type SuggestionRow = {
  id: string;
  workplan_id: string;
  network_id: string;
  thread_id: string;
  kind: string;
  activity_id: string | null;
  anchor_start: string | null;
  anchor_end: string | null;
  field: string | null;
  quote: string;
  text: string;
  value: string | null;
  before_value: string | null;
  reason: string;
  status: string;
  author_id: string;
  author_name: string | null;
  author_organisation_id: string | null;
  created_at: number;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: number | null;
  decision_note: string | null;
};

function parseJson(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function toSuggestion(row: SuggestionRow): SuggestionRecord {
  return {
    id: row.id,
    workplanId: row.workplan_id,
    networkId: row.network_id,
    threadId: row.thread_id,
    kind: row.kind === "field" ? "field" : "text",
    activityId: row.activity_id,
    anchor:
      row.anchor_start !== null && row.anchor_end !== null
        ? { start: row.anchor_start, end: row.anchor_end }
        : null,
    field: SUGGESTION_FIELDS.find((field) => field === row.field) ?? null,
    quote: row.quote,
    text: row.text,
    value: parseJson(row.value),
    before: parseJson(row.before_value),
    reason: row.reason,
    status: SUGGESTION_STATUSES.find((status) => status === row.status) ?? "open",
    authorId: row.author_id,
    authorName: row.author_name ?? "",
    authorOrganisationId: row.author_organisation_id,
    createdAt: row.created_at,
    decidedBy: row.decided_by,
    decidedByName: row.decided_by_name,
    decidedAt: row.decided_at,
    decisionNote: row.decision_note,
  };
}

const SUGGESTION_SELECT = `
  SELECT s.*, w.network_id, a.name AS author_name, m.organisation_id AS author_organisation_id,
    d.name AS decided_by_name
  FROM suggestions s
  JOIN workplans w ON w.id = s.workplan_id
  LEFT JOIN users a ON a.id = s.author_id
  LEFT JOIN memberships m ON m.network_id = w.network_id AND m.user_id = s.author_id
  LEFT JOIN users d ON d.id = s.decided_by`;

function json(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(value);
}

export function insertSuggestion(db: Db, input: NewSuggestion, now: number): SuggestionRecord {
  const id = randomUUID();
  statement(
    db,
    `INSERT INTO suggestions (id, workplan_id, thread_id, kind, activity_id, anchor_start,
       anchor_end, field, quote, text, value, before_value, reason, author_id, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    input.workplanId,
    input.threadId,
    input.kind,
    input.activityId,
    input.anchor?.start ?? null,
    input.anchor?.end ?? null,
    input.field,
    input.quote,
    input.text,
    json(input.value),
    json(input.before),
    input.reason,
    input.authorId,
    now,
  );
  const created = findSuggestion(db, id);
  if (!created) throw new Error(`suggestion ${id} vanished after insert`);
  return created;
}

export function findSuggestion(db: Db, id: string): SuggestionRecord | null {
  const row = statement(db, `${SUGGESTION_SELECT} WHERE s.id = ?`).get(id) as
    | SuggestionRow
    | undefined;
  return row ? toSuggestion(row) : null;
}

/**
 * Closes an open suggestion (accepted, rejected or withdrawn); false when it was no longer open,
 * so two people deciding at once cannot both succeed.
 */
export function decideSuggestion(
  db: Db,
  id: string,
  decision: { status: Exclude<SuggestionStatus, "open">; by: string; note: string | null },
  now: number,
): boolean {
  const result = statement(
    db,
    `UPDATE suggestions SET status = ?, decided_by = ?, decided_at = ?, decision_note = ?
     WHERE id = ? AND status = 'open'`,
  ).run(decision.status, decision.by, now, decision.note, id);
  return result.changes === 1;
}

const SUGGESTION_ORDER: readonly OrderKey[] = [{ sql: "s.created_at" }, { sql: "s.id" }];

export type SuggestionFilter = { status?: SuggestionStatus; activityId?: string };

/** A page of a workplan's suggestions, oldest first. */
export function listWorkplanSuggestionPage(
  db: Db,
  workplanId: string,
  filter: SuggestionFilter,
  page: PageRequest,
): Page<SuggestionRecord> {
  const where = ["s.workplan_id = ?"];
  const params: unknown[] = [workplanId];
  if (filter.status !== undefined) {
    where.push("s.status = ?");
    params.push(filter.status);
  }
  if (filter.activityId !== undefined) {
    where.push("s.activity_id = ?");
    params.push(filter.activityId);
  }
  const rows = selectPage<SuggestionRow>(
    db,
    { select: SUGGESTION_SELECT, where, params },
    SUGGESTION_ORDER,
    page,
  );
  return { items: rows.items.map(toSuggestion), next: rows.next };
}

/** Every open suggestion of some workplans, oldest first. */
export function listOpenSuggestions(db: Db, workplanIds: readonly string[]): SuggestionRecord[] {
  if (workplanIds.length === 0) return [];
  const rows = db
    .prepare(
      `${SUGGESTION_SELECT} WHERE s.status = 'open'
         AND s.workplan_id IN (${workplanIds.map(() => "?").join(", ")})
       ORDER BY s.created_at, s.id`,
    )
    .all(...workplanIds) as SuggestionRow[];
  return rows.map(toSuggestion);
}

export function countOpenSuggestions(db: Db, workplanId: string): number {
  const row = statement(
    db,
    "SELECT COUNT(*) AS open FROM suggestions WHERE workplan_id = ? AND status = 'open'",
  ).get(workplanId) as { open: number };
  return row.open;
}
