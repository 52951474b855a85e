import { randomUUID } from "node:crypto";
import type { Db } from "./db";
import { type OrderKey, type Page, type PageRequest, selectPage } from "./pages";
import { statement } from "./statements";

/** Where a thread points: a range (two encoded relative positions) or a whole field. */
export type ThreadAnchor =
  | { kind: "range"; start: string; end: string }
  | { kind: "field"; field: string }
  | null;

export type ThreadRecord = {
  id: string;
  workplanId: string;
  networkId: string;
  activityId: string | null;
  anchor: ThreadAnchor;
  quote: string;
  resolvedAt: number | null;
  resolvedBy: string | null;
  createdBy: string;
  createdAt: number;
};

export type CommentRecord = {
  id: string;
  threadId: string;
  authorId: string;
  authorName: string;
  /** Empty once deleted: the row stays so the thread keeps its shape. */
  body: string;
  mentions: string[];
  createdAt: number;
  editedAt: number | null;
  deletedAt: number | null;
  /** Who deleted it: its author, or a coordinator who removed it. */
  deletedBy: string | null;
};

type ThreadRow = {
  id: string;
  workplan_id: string;
  network_id: string;
  activity_id: string | null;
  anchor: string | null;
  quote: string;
  resolved_at: number | null;
  resolved_by: string | null;
  created_by: string;
  created_at: number;
};

type CommentRow = {
  id: string;
  thread_id: string;
  author_id: string;
  author_name: string | null;
  body: string;
  mentions: string | null;
  created_at: number;
  edited_at: number | null;
  deleted_at: number | null;
  deleted_by: string | null;
};

function parseAnchor(text: string | null): ThreadAnchor {
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as Record<string, unknown>;
    if (typeof value.start === "string" && typeof value.end === "string") {
      return { kind: "range", start: value.start, end: value.end };
    }
    if (typeof value.field === "string") return { kind: "field", field: value.field };
  } catch {
    // an unreadable anchor leaves the thread on its activity (or the workplan), never lost
  }
  return null;
}

function serialiseAnchor(anchor: ThreadAnchor): string | null {
  if (anchor === null) return null;
  return anchor.kind === "range"
    ? JSON.stringify({ start: anchor.start, end: anchor.end })
    : JSON.stringify({ field: anchor.field });
}

function toThread(row: ThreadRow): ThreadRecord {
  return {
    id: row.id,
    workplanId: row.workplan_id,
    networkId: row.network_id,
    activityId: row.activity_id,
    anchor: parseAnchor(row.anchor),
    quote: row.quote,
    resolvedAt: row.resolved_at,
    resolvedBy: row.resolved_by,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

function toComment(row: CommentRow): CommentRecord {
  return {
    id: row.id,
    threadId: row.thread_id,
    authorId: row.author_id,
    authorName: row.author_name ?? "",
    body: row.body,
    mentions: row.mentions ? (JSON.parse(row.mentions) as string[]) : [],
    createdAt: row.created_at,
    editedAt: row.edited_at,
    deletedAt: row.deleted_at,
    deletedBy: row.deleted_by,
  };
}

const THREAD_SELECT = `
  SELECT t.*, w.network_id FROM comment_threads t JOIN workplans w ON w.id = t.workplan_id`;

const COMMENT_SELECT = `
  SELECT c.*, u.name AS author_name,
    (SELECT json_group_array(m.user_id) FROM comment_mentions m WHERE m.comment_id = c.id) AS mentions
  FROM comments c LEFT JOIN users u ON u.id = c.author_id`;

export function insertThread(
  db: Db,
  input: {
    workplanId: string;
    activityId: string | null;
    anchor: ThreadAnchor;
    quote: string;
    createdBy: string;
  },
  now: number,
): ThreadRecord {
  const id = randomUUID();
  statement(
    db,
    `INSERT INTO comment_threads (id, workplan_id, activity_id, anchor, quote, created_by, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    input.workplanId,
    input.activityId,
    serialiseAnchor(input.anchor),
    input.quote,
    input.createdBy,
    now,
  );
  const created = findThread(db, id);
  if (!created) throw new Error(`thread ${id} vanished after insert`);
  return created;
}

export function findThread(db: Db, id: string): ThreadRecord | null {
  const row = statement(db, `${THREAD_SELECT} WHERE t.id = ?`).get(id) as ThreadRow | undefined;
  return row ? toThread(row) : null;
}

export function listWorkplanThreads(db: Db, workplanId: string): ThreadRecord[] {
  const rows = statement(
    db,
    `${THREAD_SELECT} WHERE t.workplan_id = ? ORDER BY t.created_at, t.id`,
  ).all(workplanId) as ThreadRow[];
  return rows.map(toThread);
}

export function setThreadResolved(
  db: Db,
  id: string,
  resolvedBy: string | null,
  now: number,
): void {
  statement(db, "UPDATE comment_threads SET resolved_at = ?, resolved_by = ? WHERE id = ?").run(
    resolvedBy === null ? null : now,
    resolvedBy,
    id,
  );
}

function writeMentions(db: Db, commentId: string, mentions: readonly string[]): void {
  statement(db, "DELETE FROM comment_mentions WHERE comment_id = ?").run(commentId);
  const insert = statement(
    db,
    "INSERT OR IGNORE INTO comment_mentions (comment_id, user_id) VALUES (?, ?)",
  );
  for (const userId of mentions) insert.run(commentId, userId);
}

export function insertComment(
  db: Db,
  input: { threadId: string; authorId: string; body: string; mentions: readonly string[] },
  now: number,
): CommentRecord {
  const id = randomUUID();
  const write = db.transaction(() => {
    statement(
      db,
      "INSERT INTO comments (id, thread_id, author_id, body, created_at) VALUES (?, ?, ?, ?, ?)",
    ).run(id, input.threadId, input.authorId, input.body, now);
    writeMentions(db, id, input.mentions);
  });
  write();
  const created = findComment(db, id);
  if (!created) throw new Error(`comment ${id} vanished after insert`);
  return created;
}

export function findComment(db: Db, id: string): CommentRecord | null {
  const row = statement(db, `${COMMENT_SELECT} WHERE c.id = ?`).get(id) as CommentRow | undefined;
  return row ? toComment(row) : null;
}

export function listThreadComments(db: Db, threadId: string): CommentRecord[] {
  const rows = statement(
    db,
    `${COMMENT_SELECT} WHERE c.thread_id = ? ORDER BY c.created_at, c.rowid`,
  ).all(threadId) as CommentRow[];
  return rows.map(toComment);
}

/** Every message of a workplan's threads, in order, in one query. */
export function listWorkplanComments(db: Db, workplanId: string): CommentRecord[] {
  const rows = statement(
    db,
    `${COMMENT_SELECT} JOIN comment_threads t ON t.id = c.thread_id
     WHERE t.workplan_id = ? ORDER BY c.created_at, c.rowid`,
  ).all(workplanId) as CommentRow[];
  return rows.map(toComment);
}

export function updateCommentBody(
  db: Db,
  id: string,
  change: { body: string; mentions: readonly string[] },
  now: number,
): void {
  const write = db.transaction(() => {
    statement(db, "UPDATE comments SET body = ?, edited_at = ? WHERE id = ?").run(
      change.body,
      now,
      id,
    );
    writeMentions(db, id, change.mentions);
  });
  write();
}

/**
 * Soft delete, by its author or a coordinator: the text and its mentions go, the row stays so
 * replies keep their place.
 */
export function markCommentDeleted(db: Db, id: string, deletedBy: string, now: number): void {
  const write = db.transaction(() => {
    statement(db, "UPDATE comments SET body = '', deleted_at = ?, deleted_by = ? WHERE id = ?").run(
      now,
      deletedBy,
      id,
    );
    writeMentions(db, id, []);
  });
  write();
}

/** Threads a user wrote in, or was mentioned in by a message still standing. */
export function listUserThreadIds(
  db: Db,
  userId: string,
): { threadId: string; mentioned: boolean; participated: boolean }[] {
  const rows = statement(
    db,
    `SELECT thread_id, MAX(mentioned) AS mentioned, MAX(participated) AS participated FROM (
       SELECT c.thread_id, 1 AS mentioned, 0 AS participated
         FROM comment_mentions m JOIN comments c ON c.id = m.comment_id
         WHERE m.user_id = ? AND c.deleted_at IS NULL
       UNION ALL
       SELECT thread_id, 0, 1 FROM comments WHERE author_id = ?
       UNION ALL
       SELECT id, 0, 1 FROM comment_threads WHERE created_by = ?
     ) involvement GROUP BY thread_id`,
  ).all(userId, userId, userId) as {
    thread_id: string;
    mentioned: number;
    participated: number;
  }[];
  return rows.map((row) => ({
    threadId: row.thread_id,
    mentioned: row.mentioned === 1,
    participated: row.participated === 1,
  }));
}

const THREAD_ORDER: readonly OrderKey[] = [{ sql: "t.created_at" }, { sql: "t.id" }];

export type ThreadFilter = { resolved?: boolean; activityId?: string };

/**
 * A page of a workplan's comment threads, oldest first. The threads suggestions own for their
 * reason and replies are left out: they are read with their suggestion.
 */
export function listWorkplanThreadPage(
  db: Db,
  workplanId: string,
  filter: ThreadFilter,
  page: PageRequest,
): Page<ThreadRecord> {
  const where = [
    "t.workplan_id = ?",
    "NOT EXISTS (SELECT 1 FROM suggestions s WHERE s.thread_id = t.id)",
  ];
  const params: unknown[] = [workplanId];
  if (filter.resolved === true) where.push("t.resolved_at IS NOT NULL");
  if (filter.resolved === false) where.push("t.resolved_at IS NULL");
  if (filter.activityId !== undefined) {
    where.push("t.activity_id = ?");
    params.push(filter.activityId);
  }
  const rows = selectPage<ThreadRow>(
    db,
    { select: THREAD_SELECT, where, params },
    THREAD_ORDER,
    page,
  );
  return { items: rows.items.map(toThread), next: rows.next };
}

/** The comments of some threads, oldest first, in one query. */
export function listThreadsComments(db: Db, threadIds: readonly string[]): CommentRecord[] {
  if (threadIds.length === 0) return [];
  const rows = db
    .prepare(
      `${COMMENT_SELECT} WHERE c.thread_id IN (${threadIds.map(() => "?").join(", ")}) ORDER BY c.created_at, c.rowid`,
    )
    .all(...threadIds) as CommentRow[];
  return rows.map(toComment);
}
