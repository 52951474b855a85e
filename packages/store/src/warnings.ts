import { randomUUID } from "node:crypto";
import type { Db } from "./db";
import {
  afterCursor,
  type Cursor,
  cursorParameters,
  type OrderKey,
  orderBy,
  type Page,
  type PageRequest,
  toPage,
} from "./pages";
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

/** Which warnings a page or a count covers; `gone` ones never. */
export type WarningFilter = {
  id?: string;
  networkId?: string;
  /** Warnings with an activity of this workplan on either side. */
  workplanId?: string;
  /** With `workplanId`: only warnings with one of these of its activities on either side. */
  activityIds?: readonly string[];
  statuses?: readonly Exclude<WarningStatus, "gone">[];
  /** Warnings with an activity led by this organisation on either side. */
  organisationId?: string;
};

/** One side of a warning as the index holds it now (null: the activity left its document). */
export type WarningSide = { workplanTitle: string; title: string; lead: string | null } | null;

export type WarningListItem = Omit<WarningRecord, "decisionBasis"> & {
  sideA: WarningSide;
  sideB: WarningSide;
  decidedByName: string | null;
};

// open first, then the strongest match; the id breaks ties so the order is total
export const WARNING_ORDER: readonly OrderKey[] = [
  { sql: "(w.status != 'open')" },
  { sql: "w.score", desc: true },
  { sql: "w.id" },
];
/** Within one status the rank is constant: the order its indexes hold. */
const WITHIN_STATUS: readonly OrderKey[] = WARNING_ORDER.slice(1);

type ListedStatus = Exclude<WarningStatus, "gone">;
const LISTED_STATUSES: readonly ListedStatus[] = ["open", "dismissed", "coordinate"];

type Where = { sql: string; params: unknown[] };

function and(...parts: Where[]): Where {
  return {
    sql: parts.map((part) => part.sql).join(" AND "),
    params: parts.flatMap((part) => part.params),
  };
}

/** What the filter asks of `w` but for its statuses, workplan and organisation (`warningSides`). */
function commonWhere(filter: WarningFilter): Where {
  const clauses = ["w.status != 'gone'"];
  const params: unknown[] = [];
  if (filter.id !== undefined) {
    clauses.push("w.id = ?");
    params.push(filter.id);
  }
  if (filter.networkId !== undefined) {
    clauses.push("w.network_id = ?");
    params.push(filter.networkId);
  }
  if (filter.workplanId !== undefined && filter.activityIds !== undefined) {
    // a few activities: their warnings, by the activity indexes, are few
    const ids = filter.activityIds.map(() => "?").join(", ") || "NULL";
    clauses.push(
      `w.id IN (SELECT id FROM warnings WHERE workplan_a = ? AND activity_a IN (${ids}) UNION SELECT id FROM warnings WHERE workplan_b = ? AND activity_b IN (${ids}))`,
    );
    params.push(filter.workplanId, ...filter.activityIds, filter.workplanId, ...filter.activityIds);
  }
  return { sql: clauses.join(" AND "), params };
}

/**
 * The filter's workplan and organisation as disjoint conditions whose union they are, each with
 * an index of its own (migration 014): on side a, or on side b and not on a. A workplan's
 * warnings are then never read whole, nor all of an organisation's activities joined to them.
 */
function warningSides(filter: WarningFilter): Where[] {
  const either = (a: string, b: string, value: string): Where[] => [
    { sql: `w.${a} = ?`, params: [value] },
    { sql: `w.${b} = ? AND w.${a} IS NOT ?`, params: [value, value] },
  ];
  const workplan =
    filter.workplanId !== undefined && filter.activityIds === undefined
      ? either("workplan_a", "workplan_b", filter.workplanId)
      : [{ sql: "1 = 1", params: [] }];
  const organisation =
    filter.organisationId !== undefined
      ? either("lead_a", "lead_b", filter.organisationId)
      : [{ sql: "1 = 1", params: [] }];
  return workplan.flatMap((w) => organisation.map((o) => and(w, o)));
}

function statusesOf(filter: WarningFilter): readonly ListedStatus[] {
  return LISTED_STATUSES.filter((status) => filter.statuses?.includes(status) ?? true);
}

/**
 * A page's row as an array (`.raw()`), in the order of `WARNING_LIST_COLUMNS`: a page of 50
 * warnings with both their activities is read in about half the time it takes to build an object
 * per row, and leaves less garbage.
 */
type WarningListRow = [
  id: string,
  networkId: string,
  workplanA: string,
  activityA: string,
  workplanB: string,
  activityB: string,
  score: number,
  reasons: string,
  status: WarningStatus,
  decidedBy: string | null,
  decidedAt: number | null,
  createdAt: number,
  updatedAt: number,
  decidedByName: string | null,
  rank: number,
  aPresent: number,
  aTitle: string | null,
  aLead: string | null,
  aWorkplanTitle: string | null,
  bPresent: number,
  bTitle: string | null,
  bLead: string | null,
  bWorkplanTitle: string | null,
];

const WARNING_LIST_COLUMNS = `w.id, w.network_id, w.workplan_a, w.activity_a, w.workplan_b,
  w.activity_b, w.score, w.reasons, w.status, w.decided_by, w.decided_at, w.created_at,
  w.updated_at, u.name, (w.status != 'open'),
  xa.activity_id IS NOT NULL, json_extract(xa.data, '$.title'), xa.lead, wa.title,
  xb.activity_id IS NOT NULL, json_extract(xb.data, '$.title'), xb.lead, wb.title`;

function sideOf(
  present: number,
  title: string | null,
  lead: string | null,
  workplanTitle: string | null,
): WarningSide {
  return present ? { workplanTitle: workplanTitle ?? "", title: title ?? "", lead } : null;
}

function toListItem(row: WarningListRow): WarningListItem {
  const [
    id,
    networkId,
    workplanA,
    activityA,
    workplanB,
    activityB,
    score,
    reasons,
    status,
    decidedBy,
    decidedAt,
    createdAt,
    updatedAt,
    decidedByName,
    ,
    aPresent,
    aTitle,
    aLead,
    aWorkplanTitle,
    bPresent,
    bTitle,
    bLead,
    bWorkplanTitle,
  ] = row;
  return {
    id,
    networkId,
    a: { workplanId: workplanA, activityId: activityA },
    b: { workplanId: workplanB, activityId: activityB },
    score,
    reasons: JSON.parse(reasons) as string[],
    status,
    decidedBy,
    decidedAt,
    createdAt,
    updatedAt,
    sideA: sideOf(aPresent, aTitle, aLead, aWorkplanTitle),
    sideB: sideOf(bPresent, bTitle, bLead, bWorkplanTitle),
    decidedByName,
  };
}

/** The sort key a cursor carries: `WARNING_ORDER`'s. */
function listKeyOf(row: WarningListRow): Cursor {
  const [id, , , , , , score, , , , , , , , rank] = row;
  return [rank, score, id];
}

/**
 * A page of warnings in `WARNING_ORDER`, with both activities' titles and leads. The filter is cut
 * into arms (a status, a side: `warningSides`) each walked in order on an index and stopped after
 * a page; the best page of those is read, and only then joined to the activities: a page costs
 * the same whatever the network holds and however deep it is.
 */
export function listWarningPage(
  db: Db,
  filter: WarningFilter,
  page: PageRequest,
): Page<WarningListItem> {
  const common = commonWhere(filter);
  const after = page.after;
  const arms: Where[] = [];
  for (const status of statusesOf(filter)) {
    const rank = status === "open" ? 0 : 1;
    // an arm ranked before the cursor is done; one ranked after it starts at its beginning
    if (after && rank < Number(after[0])) continue;
    const tail = after && rank === Number(after[0]) ? after.slice(1) : null;
    for (const side of warningSides(filter)) {
      const where = and(common, { sql: "w.status = ?", params: [status] }, side);
      arms.push(
        tail
          ? and(where, { sql: afterCursor(WITHIN_STATUS), params: cursorParameters(tail) })
          : where,
      );
    }
  }
  if (arms.length === 0) return { items: [], next: null };
  const limit = page.limit + 1;
  const best = arms
    .map(
      (arm) =>
        `SELECT * FROM (SELECT w.id, w.status, w.score FROM warnings w WHERE ${arm.sql}
           ORDER BY ${orderBy(WITHIN_STATUS)} LIMIT ?) arm`,
    )
    .join(" UNION ALL ");
  const rows = statement(
    db,
    `SELECT ${WARNING_LIST_COLUMNS}
     FROM warnings w
     LEFT JOIN activities xa ON xa.workplan_id = w.workplan_a AND xa.activity_id = w.activity_a
     LEFT JOIN activities xb ON xb.workplan_id = w.workplan_b AND xb.activity_id = w.activity_b
     LEFT JOIN workplans wa ON wa.id = w.workplan_a
     LEFT JOIN workplans wb ON wb.id = w.workplan_b
     LEFT JOIN users u ON u.id = w.decided_by
     WHERE w.id IN (SELECT id FROM (${best}) w ORDER BY ${orderBy(WARNING_ORDER)} LIMIT ?)
     ORDER BY ${orderBy(WARNING_ORDER)}`,
  )
    .raw(true)
    .all(...arms.flatMap((arm) => [...arm.params, limit]), limit) as WarningListRow[];
  return toPage(rows, page.limit, listKeyOf, toListItem);
}

/** How many warnings match, by status (a COUNT over the indexes, nothing loaded). */
export function countWarnings(
  db: Db,
  filter: WarningFilter,
): Record<Exclude<WarningStatus, "gone">, number> {
  const statuses = statusesOf(filter);
  const matching = and(commonWhere(filter), {
    sql: `w.status IN (${statuses.map(() => "?").join(", ") || "NULL"})`,
    params: [...statuses],
  });
  const arms = warningSides(filter).map((side) => and(matching, side));
  const rows = statement(
    db,
    `SELECT status, COUNT(*) AS n FROM (${arms
      .map((arm) => `SELECT w.status FROM warnings w WHERE ${arm.sql}`)
      .join(" UNION ALL ")}) arms GROUP BY status`,
  ).all(...arms.flatMap((arm) => arm.params)) as { status: WarningStatus; n: number }[];
  const counts = { open: 0, dismissed: 0, coordinate: 0 };
  for (const row of rows) if (row.status !== "gone") counts[row.status] = row.n;
  return counts;
}
