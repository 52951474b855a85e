import type { Db } from "./db";
import { statement } from "./statements";

export type PasswordResetRecord = {
  id: string;
  secretHash: Uint8Array;
  userId: string;
  issuedBy: string | null;
  createdAt: number;
  expiresAt: number;
  usedAt: number | null;
  revokedAt: number | null;
};

type PasswordResetRow = {
  id: string;
  secret_hash: Buffer;
  user_id: string;
  issued_by: string | null;
  created_at: number;
  expires_at: number;
  used_at: number | null;
  revoked_at: number | null;
};

function toPasswordReset(row: PasswordResetRow): PasswordResetRecord {
  return {
    id: row.id,
    secretHash: new Uint8Array(row.secret_hash),
    userId: row.user_id,
    issuedBy: row.issued_by,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    usedAt: row.used_at,
    revokedAt: row.revoked_at,
  };
}

export function insertPasswordReset(db: Db, reset: PasswordResetRecord): void {
  statement(
    db,
    `INSERT INTO password_resets (id, secret_hash, user_id, issued_by, created_at, expires_at,
       used_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    reset.id,
    Buffer.from(reset.secretHash),
    reset.userId,
    reset.issuedBy,
    reset.createdAt,
    reset.expiresAt,
    reset.usedAt,
    reset.revokedAt,
  );
}

export function findPasswordReset(db: Db, id: string): PasswordResetRecord | null {
  const row = statement(db, "SELECT * FROM password_resets WHERE id = ?").get(id) as
    | PasswordResetRow
    | undefined;
  return row ? toPasswordReset(row) : null;
}

/** Marks a link used; false when it was used or revoked meanwhile (single use, also under races). */
export function markPasswordResetUsed(db: Db, id: string, now: number): boolean {
  return (
    statement(
      db,
      "UPDATE password_resets SET used_at = ? WHERE id = ? AND used_at IS NULL AND revoked_at IS NULL",
    ).run(now, id).changes > 0
  );
}

/** Revokes every link of the user not used yet; answers how many. */
export function revokePasswordResets(db: Db, userId: string, now: number): number {
  return statement(
    db,
    "UPDATE password_resets SET revoked_at = ? WHERE user_id = ? AND used_at IS NULL AND revoked_at IS NULL",
  ).run(now, userId).changes;
}
