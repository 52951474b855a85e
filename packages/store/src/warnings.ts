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

type Where = { sql: string; params: unknown[] };

/** What the filter asks of `w`, but for the organisation (see `warningArms`). */
function warningWhere(filter: WarningFilter): Where {
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
    const ids = filter.activityIds.map(() => "?").join(", ") || "NULL";
    clauses.push(
      `w.id IN (SELECT id FROM warnings WHERE workplan_a = ? AND activity_a IN (${ids}) UNION SELECT id FROM warnings WHERE workplan_b = ? AND activity_b IN (${ids}))`,
    );
    params.push(filter.workplanId, ...filter.activityIds, filter.workplanId, ...filter.activityIds);
  } else if (filter.workplanId !== undefined) {
    clauses.push(
      "w.id IN (SELECT id FROM warnings WHERE workplan_a = ? UNION SELECT id FROM warnings WHERE workplan_b = ?)",
    );
    params.push(filter.workplanId, filter.workplanId);
  }
  if (filter.statuses !== undefined) {
    clauses.push(`w.status IN (${filter.statuses.map(() => "?").join(", ") || "NULL"})`);
    params.push(...filter.statuses);
  }
  return { sql: clauses.join(" AND "), params };
}

/**
 * The filter as disjoint parts whose union it is, each read from an index of its own: the whole
 * filter, or with an organisation the warnings it leads on side a, and those it leads on side b
 * but not on a (`lead_a`, `lead_b`: the activity index's leads, kept on the warning by migration
 * 014), so a page or a count never joins all the organisation's activities to the warnings.
 */
function warningArms(filter: WarningFilter): Where[] {
  const where = warningWhere(filter);
  const organisation = filter.organisationId;
  if (organisation === undefined) return [where];
  return [
    { sql: `${where.sql} AND w.lead_a = ?`, params: [...where.params, organisation] },
    {
      sql: `${where.sql} AND w.lead_b = ? AND w.lead_a IS NOT ?`,
      params: [...where.params, organisation, organisation],
    },
  ];
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

/** A page of warnings in `WARNING_ORDER`, with both activities' titles and leads. */
export function listWarningPage(
  db: Db,
  filter: WarningFilter,
  page: PageRequest,
): Page<WarningListItem> {
  // one side of "open first" only: the rank is constant, and dropping it from the order lets
  // SQLite walk warnings_network_order instead of sorting every match (the cursor keeps it)
  const statuses = filter.statuses;
  const oneRank =
    filter.id !== undefined ||
    (statuses !== undefined &&
      (statuses.every((status) => status === "open") ||
        statuses.every((status) => status !== "open")));
  const keys = oneRank ? WARNING_ORDER.slice(1) : WARNING_ORDER;
  const afterKey = page.after && oneRank ? page.after.slice(1) : page.after;
  const after = afterKey ? ` AND ${afterCursor(keys)}` : "";
  const afterParams = afterKey ? cursorParameters(afterKey) : [];
  const arms = warningArms(filter);
  const only = arms.length === 1 ? arms[0] : undefined;
  // several arms: each arm's first limit + 1 in order from its own index, then the best of those
  const matching: Where = only
    ? { sql: `${only.sql}${after}`, params: [...only.params, ...afterParams] }
    : {
        sql: `w.id IN (${arms
          .map(
            (arm) =>
              `SELECT id FROM (SELECT w.id FROM warnings w WHERE ${arm.sql}${after} ORDER BY ${orderBy(keys)} LIMIT ?)`,
          )
          .join(" UNION ALL ")})`,
        params: arms.flatMap((arm) => [...arm.params, ...afterParams, page.limit + 1]),
      };
  const rows = statement(
    db,
    `SELECT ${WARNING_LIST_COLUMNS}
     FROM warnings w
     LEFT JOIN activities xa ON xa.workplan_id = w.workplan_a AND xa.activity_id = w.activity_a
     LEFT JOIN activities xb ON xb.workplan_id = w.workplan_b AND xb.activity_id = w.activity_b
     LEFT JOIN workplans wa ON wa.id = w.workplan_a
     LEFT JOIN workplans wb ON wb.id = w.workplan_b
     LEFT JOIN users u ON u.id = w.decided_by
     WHERE ${matching.sql}
     ORDER BY ${orderBy(keys)}
     LIMIT ?`,
  )
    .raw(true)
    .all(...matching.params, page.limit + 1) as WarningListRow[];
  return toPage(rows, page.limit, listKeyOf, toListItem);
}

/** How many warnings match, by status (a COUNT over the indexes, nothing loaded). */
export function countWarnings(
  db: Db,
  filter: WarningFilter,
): Record<Exclude<WarningStatus, "gone">, number> {
  const arms = warningArms(filter);
  const rows = statement(
    db,
    `SELECT status, COUNT(*) AS n FROM (${arms
      .map((arm) => `SELECT w.status FROM warnings w WHERE ${arm.sql}`)
      .join(" UNION ALL ")}) GROUP BY status`,
  ).all(...arms.flatMap((arm) => arm.params)) as { status: WarningStatus; n: number }[];
  const counts = { open: 0, dismissed: 0, coordinate: 0 };
  for (const row of rows) if (row.status !== "gone") counts[row.status] = row.n;
  return counts;
}
