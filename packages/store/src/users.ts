import { randomUUID } from "node:crypto";
import type { Db } from "./db";
import { statement } from "./statements";

export type UserRecord = {
  id: string;
  email: string;
  name: string;
  passwordHash: string | null;
  isAdmin: boolean;
  /** The language the user chose (a locale code); null: their browser's. */
  locale: string | null;
  createdAt: number;
};

type UserRow = {
  id: string;
  email: string;
  name: string;
  password_hash: string | null;
  is_admin: number;
  locale: string | null;
  created_at: number;
};

function toUser(row: UserRow): UserRecord {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    passwordHash: row.password_hash,
    isAdmin: row.is_admin === 1,
    locale: row.locale,
    createdAt: row.created_at,
  };
}

export function createUser(
  db: Db,
  input: { email: string; name: string; passwordHash: string | null; isAdmin?: boolean },
  now = Date.now(),
): UserRecord {
  const id = randomUUID();
  statement(
    db,
    "INSERT INTO users (id, email, name, password_hash, is_admin, created_at) VALUES (?, ?, ?, ?, ?, ?)",
  ).run(id, input.email.toLowerCase(), input.name, input.passwordHash, input.isAdmin ? 1 : 0, now);
  return {
    id,
    email: input.email.toLowerCase(),
    name: input.name,
    passwordHash: input.passwordHash,
    isAdmin: input.isAdmin ?? false,
    locale: null,
    createdAt: now,
  };
}

export function findUserById(db: Db, id: string): UserRecord | null {
  const row = statement(db, "SELECT * FROM users WHERE id = ?").get(id) as UserRow | undefined;
  return row ? toUser(row) : null;
}

export function findUserByEmail(db: Db, email: string): UserRecord | null {
  // stored in lower case (createUser); SQLite's NOCASE column would match any case, PostgreSQL's not
  const row = statement(db, "SELECT * FROM users WHERE email = ?").get(email.toLowerCase()) as
    | UserRow
    | undefined;
  return row ? toUser(row) : null;
}

export function setUserPassword(db: Db, userId: string, passwordHash: string): void {
  statement(db, "UPDATE users SET password_hash = ? WHERE id = ?").run(passwordHash, userId);
}

export function setUserAdmin(db: Db, userId: string, isAdmin: boolean): void {
  statement(db, "UPDATE users SET is_admin = ? WHERE id = ?").run(isAdmin ? 1 : 0, userId);
}

export function countUsers(db: Db): number {
  return (statement(db, "SELECT COUNT(*) AS n FROM users").get() as { n: number }).n;
}

export function setUserLocale(db: Db, userId: string, locale: string | null): void {
  statement(db, "UPDATE users SET locale = ? WHERE id = ?").run(locale, userId);
}
