import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { INITIAL } from "./migrations/001-initial";
import { WARNINGS } from "./migrations/002-warnings";
import { COLLABORATION } from "./migrations/003-collaboration";
import { COMMENT_MODERATION } from "./migrations/004-comment-moderation";
import { UPDATE_QUARANTINE } from "./migrations/005-update-quarantine";
import { REMOVED_ACTIVITIES } from "./migrations/006-removed-activities";
import { LIFECYCLE } from "./migrations/007-lifecycle";
import { INDEXED_UPDATE } from "./migrations/008-indexed-update";
import { PASSWORD_RESETS } from "./migrations/009-password-resets";
import { IATI_SETTINGS } from "./migrations/010-iati-settings";
import { COLLECTION_INDEXES } from "./migrations/011-collection-indexes";
import { SUGGESTIONS } from "./migrations/012-suggestions";
import { USER_LOCALE } from "./migrations/013-user-locale";
import { WARNING_LEADS } from "./migrations/014-warning-leads";

/**
 * What the store needs of a database connection: part of better-sqlite3's synchronous surface,
 * which an SQLite connection is and a PostgreSQL one (`openPostgres`) provides. Statements answer
 * better-sqlite3's types; the PostgreSQL ones implement `run`, `get`, `all`, `pluck` and `raw`.
 */
export type Db = Pick<
  Database.Database,
  "prepare" | "transaction" | "exec" | "close" | "open" | "inTransaction"
>;

/** An SQLite connection, for what only SQLite has (pragmas, backups). */
export type SqliteDb = Database.Database;

/** Forward-only migrations; position + 1 is the schema version. Never edit one that shipped. */
export const MIGRATIONS: readonly string[] = [
  INITIAL,
  WARNINGS,
  COLLABORATION,
  COMMENT_MODERATION,
  UPDATE_QUARANTINE,
  REMOVED_ACTIVITIES,
  LIFECYCLE,
  INDEXED_UPDATE,
  PASSWORD_RESETS,
  IATI_SETTINGS,
  COLLECTION_INDEXES,
  SUGGESTIONS,
  USER_LOCALE,
  WARNING_LEADS,
];

/**
 * better-sqlite3 is synchronous: a write waiting for another connection's lock holds the whole
 * event loop (every socket and stream) for as long as it waits. So a locked database fails fast
 * (SQLITE_BUSY) and callers retry later, off the hot path, instead of waiting here.
 */
export const DEFAULT_BUSY_TIMEOUT_MS = 20;
const OPENING_BUSY_TIMEOUT_MS = 5000;

export type OpenDatabaseOptions = {
  /** How long a write waits for another connection's lock before SQLITE_BUSY, blocking the thread. */
  busyTimeoutMs?: number;
};

/** Opens (or creates) the database file in WAL mode and brings its schema up to date. */
export function openDatabase(path: string, options: OpenDatabaseOptions = {}): SqliteDb {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  // while opening nothing else runs yet, so waiting out another connection's lock is harmless
  db.pragma(`busy_timeout = ${OPENING_BUSY_TIMEOUT_MS}`);
  db.pragma("journal_mode = WAL");
  db.pragma("foreign_keys = ON");
  // WAL + NORMAL is durable across process crashes; only an OS crash may lose the last commits
  db.pragma("synchronous = NORMAL");
  migrate(db);
  db.pragma(
    `busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS))}`,
  );
  return db;
}

export function schemaVersion(db: SqliteDb): number {
  return db.pragma("user_version", { simple: true }) as number;
}

function migrate(db: SqliteDb): void {
  // an up-to-date database needs no write lock: opening it never waits for another process
  if (schemaVersion(db) === MIGRATIONS.length) return;
  const apply = db.transaction(() => {
    const current = schemaVersion(db);
    if (current > MIGRATIONS.length) {
      throw new Error(
        `The database has schema version ${current}, newer than this Junction (${MIGRATIONS.length}); upgrade Junction`,
      );
    }
    for (let version = current; version < MIGRATIONS.length; version++) {
      db.exec(MIGRATIONS[version] as string);
      db.pragma(`user_version = ${version + 1}`);
    }
  });
  apply.immediate();
}

/**
 * Whether an error (or its cause) says the database is locked by another connection or full:
 * nothing of the failed statement or transaction was written, and it may be tried again later.
 */
export function isStorageUnavailable(error: unknown): boolean {
  return hasErrorCode(
    error,
    (code) =>
      code.startsWith("SQLITE_BUSY") ||
      code.startsWith("SQLITE_LOCKED") ||
      code === "SQLITE_FULL" ||
      POSTGRES_LOCKED.has(code) ||
      POSTGRES_UNAVAILABLE.has(code) ||
      isConnectionLostCode(code),
  );
}

/**
 * Whether an error (or its cause) says the connection to PostgreSQL itself failed: SQLSTATE
 * classes 08 and 57P, or the network's own codes. What was sent on it is gone with it.
 */
export function isConnectionLost(error: unknown): boolean {
  return hasErrorCode(error, isConnectionLostCode);
}

function isConnectionLostCode(code: string): boolean {
  return code.startsWith("08") || code.startsWith("57P") || NETWORK_FAILURES.has(code);
}

const NETWORK_FAILURES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND"]);

/** PostgreSQL's SQLSTATEs for "another transaction held what this one needed". */
const POSTGRES_LOCKED = new Set(["55P03", "40001", "40P01"]);
/**
 * PostgreSQL's other ways of saying "not now" (besides a lost connection): disk full, out of
 * memory, too many connections, statement timeout.
 */
const POSTGRES_UNAVAILABLE = new Set(["53100", "53200", "53300", "57014"]);

/** Whether an error (or its cause) says another connection held the lock: worth a retry soon. */
export function isDatabaseLocked(error: unknown): boolean {
  return hasErrorCode(
    error,
    (code) =>
      code.startsWith("SQLITE_BUSY") ||
      code.startsWith("SQLITE_LOCKED") ||
      POSTGRES_LOCKED.has(code),
  );
}

function hasErrorCode(error: unknown, matches: (code: string) => boolean): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    const code: unknown = (current as { code?: unknown }).code;
    if (typeof code === "string" && matches(code)) return true;
    current = current.cause;
  }
  return false;
}

/** Rows this connection has inserted, updated or deleted since it opened (rolled back ones too). */
export function countChanges(db: Db): number {
  // a PostgreSQL connection counts them itself (PostgresDatabase.totalChanges)
  if ("totalChanges" in db && typeof db.totalChanges === "number") return db.totalChanges;
  return db.prepare("SELECT total_changes()").pluck().get() as number;
}

/**
 * Runs a write that may be skipped (bookkeeping such as "last seen"): answers false, having
 * written nothing, when the database is busy; the next use tries again.
 */
export function writeUnlessBusy(write: () => unknown): boolean {
  try {
    write();
    return true;
  } catch (error) {
    if (isStorageUnavailable(error)) return false;
    throw error;
  }
}
