import { type Db, writeUnlessBusy } from "./db";
import { statement } from "./statements";

export type SessionRecord = {
  id: string;
  secretHash: Uint8Array;
  userId: string;
  createdAt: number;
  expiresAt: number;
  lastSeenAt: number;
  userAgent: string;
};

type SessionRow = {
  id: string;
  secret_hash: Buffer;
  user_id: string;
  created_at: number;
  expires_at: number;
  last_seen_at: number;
  user_agent: string;
};

function toSession(row: SessionRow): SessionRecord {
  return {
    id: row.id,
    secretHash: new Uint8Array(row.secret_hash),
    userId: row.user_id,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastSeenAt: row.last_seen_at,
    userAgent: row.user_agent,
  };
}

export function insertSession(db: Db, session: SessionRecord): void {
  statement(
    db,
    `INSERT INTO sessions (id, secret_hash, user_id, created_at, expires_at, last_seen_at, user_agent)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    session.id,
    Buffer.from(session.secretHash),
    session.userId,
    session.createdAt,
    session.expiresAt,
    session.lastSeenAt,
    session.userAgent,
  );
}

export function findSession(db: Db, id: string): SessionRecord | null {
  const row = statement(db, "SELECT * FROM sessions WHERE id = ?").get(id) as
    | SessionRow
    | undefined;
  return row ? toSession(row) : null;
}

/** Slides a session's expiry; skipped (false) while the database is busy: the next request retries. */
export function touchSession(db: Db, id: string, lastSeenAt: number, expiresAt: number): boolean {
  return writeUnlessBusy(() =>
    statement(db, "UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE id = ?").run(
      lastSeenAt,
      expiresAt,
      id,
    ),
  );
}

export function deleteSession(db: Db, id: string): void {
  statement(db, "DELETE FROM sessions WHERE id = ?").run(id);
}

export function deleteUserSessionById(db: Db, userId: string, id: string): boolean {
  return (
    statement(db, "DELETE FROM sessions WHERE id = ? AND user_id = ?").run(id, userId).changes > 0
  );
}

export function deleteOtherSessions(db: Db, userId: string, keepId: string): number {
  return statement(db, "DELETE FROM sessions WHERE user_id = ? AND id != ?").run(userId, keepId)
    .changes;
}

export function deleteUserSessions(db: Db, userId: string): number {
  return statement(db, "DELETE FROM sessions WHERE user_id = ?").run(userId).changes;
}

export function deleteExpiredSessions(db: Db, now: number): number {
  return statement(db, "DELETE FROM sessions WHERE expires_at <= ?").run(now).changes;
}

export function listUserSessions(db: Db, userId: string, now: number): SessionRecord[] {
  const rows = statement(
    db,
    "SELECT * FROM sessions WHERE user_id = ? AND expires_at > ? ORDER BY last_seen_at DESC",
  ).all(userId, now) as SessionRow[];
  return rows.map(toSession);
}
