import { type Db, writeUnlessBusy } from "./db";
import { statement } from "./statements";

export type ApiTokenRecord = {
  id: string;
  secretHash: Uint8Array;
  userId: string;
  name: string;
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
};

type ApiTokenRow = {
  id: string;
  secret_hash: Buffer;
  user_id: string;
  name: string;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
};

function toToken(row: ApiTokenRow): ApiTokenRecord {
  return {
    id: row.id,
    secretHash: new Uint8Array(row.secret_hash),
    userId: row.user_id,
    name: row.name,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

export function insertApiToken(db: Db, token: ApiTokenRecord): void {
  statement(
    db,
    `INSERT INTO api_tokens (id, secret_hash, user_id, name, created_at, last_used_at, revoked_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    token.id,
    Buffer.from(token.secretHash),
    token.userId,
    token.name,
    token.createdAt,
    token.lastUsedAt,
    token.revokedAt,
  );
}

export function findApiToken(db: Db, id: string): ApiTokenRecord | null {
  const row = statement(db, "SELECT * FROM api_tokens WHERE id = ?").get(id) as
    | ApiTokenRow
    | undefined;
  return row ? toToken(row) : null;
}

export function listUserApiTokens(db: Db, userId: string): ApiTokenRecord[] {
  const rows = statement(
    db,
    "SELECT * FROM api_tokens WHERE user_id = ? AND revoked_at IS NULL ORDER BY created_at DESC",
  ).all(userId) as ApiTokenRow[];
  return rows.map(toToken);
}

/** Records a token's use; skipped (false) while the database is busy: the next use retries. */
export function markApiTokenUsed(db: Db, id: string, at: number): boolean {
  return writeUnlessBusy(() =>
    statement(db, "UPDATE api_tokens SET last_used_at = ? WHERE id = ?").run(at, id),
  );
}

export function revokeApiToken(db: Db, userId: string, id: string, at: number): boolean {
  return (
    statement(
      db,
      "UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL",
    ).run(at, id, userId).changes > 0
  );
}
