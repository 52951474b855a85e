import { randomUUID } from "node:crypto";
import { NOTIFICATION_KINDS, type NotificationKind } from "@junction/domain";
import type { Db } from "./db";
import { type OrderKey, type Page, type PageRequest, selectPage } from "./pages";
import { statement } from "./statements";

/** What a notification is about, to link to; every field optional. */
export type NotificationSubject = {
  workplanId?: string;
  activityId?: string;
  threadId?: string;
  taskId?: string;
  warningId?: string;
};

export type NotificationRecord = {
  id: string;
  userId: string;
  networkId: string | null;
  kind: NotificationKind;
  actorId: string | null;
  message: string;
  subject: NotificationSubject;
  createdAt: number;
  readAt: number | null;
};

type NotificationRow = {
  id: string;
  user_id: string;
  network_id: string | null;
  kind: string;
  actor_id: string | null;
  message: string;
  subject: string;
  created_at: number;
  read_at: number | null;
};

function asKind(value: string): NotificationKind {
  return NOTIFICATION_KINDS.find((kind) => kind === value) ?? "mention";
}

function asSubject(text: string): NotificationSubject {
  try {
    const value = JSON.parse(text) as Record<string, unknown>;
    const subject: NotificationSubject = {};
    for (const key of ["workplanId", "activityId", "threadId", "taskId", "warningId"] as const) {
      const field = value[key];
      if (typeof field === "string") subject[key] = field;
    }
    return subject;
  } catch {
    return {};
  }
}

function toNotification(row: NotificationRow): NotificationRecord {
  return {
    id: row.id,
    userId: row.user_id,
    networkId: row.network_id,
    kind: asKind(row.kind),
    actorId: row.actor_id,
    message: row.message,
    subject: asSubject(row.subject),
    createdAt: row.created_at,
    readAt: row.read_at,
  };
}

export function insertNotification(
  db: Db,
  input: {
    userId: string;
    networkId: string | null;
    kind: NotificationKind;
    actorId: string | null;
    message: string;
    subject: NotificationSubject;
  },
  now: number,
): NotificationRecord {
  const id = randomUUID();
  statement(
    db,
    `INSERT INTO notifications (id, user_id, network_id, kind, actor_id, message, subject, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    input.userId,
    input.networkId,
    input.kind,
    input.actorId,
    input.message,
    JSON.stringify(input.subject),
    now,
  );
  return { id, ...input, createdAt: now, readAt: null };
}

/** A user's latest notifications, newest first. */
export function listUserNotifications(db: Db, userId: string, limit = 100): NotificationRecord[] {
  const rows = statement(
    db,
    "SELECT * FROM notifications WHERE user_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?",
  ).all(userId, Math.min(Math.max(limit, 1), 500)) as NotificationRow[];
  return rows.map(toNotification);
}

export function countUnreadNotifications(db: Db, userId: string): number {
  return (
    statement(
      db,
      "SELECT COUNT(*) AS n FROM notifications WHERE user_id = ? AND read_at IS NULL",
    ).get(userId) as { n: number }
  ).n;
}

/** Marks the user's notifications read: the listed ones, or all when `ids` is null. */
export function markNotificationsRead(
  db: Db,
  userId: string,
  ids: readonly string[] | null,
  now: number,
): number {
  if (ids === null) {
    return statement(
      db,
      "UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL",
    ).run(now, userId).changes;
  }
  const mark = statement(
    db,
    "UPDATE notifications SET read_at = ? WHERE id = ? AND user_id = ? AND read_at IS NULL",
  );
  let changed = 0;
  const write = db.transaction(() => {
    for (const id of ids) changed += mark.run(now, id, userId).changes;
  });
  write();
  return changed;
}

// the rowid breaks ties in insertion order (the app never VACUUMs, which could renumber it)
const NOTIFICATION_ORDER: readonly OrderKey[] = [
  { sql: "created_at", desc: true },
  { sql: "rowid", desc: true },
];

/** A page of a user's notifications, newest first (`unread`: only those not read yet). */
export function listNotificationPage(
  db: Db,
  userId: string,
  filter: { unread?: boolean },
  page: PageRequest,
): Page<NotificationRecord> {
  const where = ["user_id = ?"];
  if (filter.unread === true) where.push("read_at IS NULL");
  if (filter.unread === false) where.push("read_at IS NOT NULL");
  const rows = selectPage<NotificationRow>(
    db,
    { select: "SELECT * FROM notifications", where, params: [userId] },
    NOTIFICATION_ORDER,
    page,
  );
  return { items: rows.items.map(toNotification), next: rows.next };
}
