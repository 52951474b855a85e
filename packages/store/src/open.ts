import { type Db, type OpenDatabaseOptions, openDatabase } from "./db";
import {
  asDb,
  type OpenPostgresOptions,
  openPostgres,
  PostgresDatabase,
  START_LOCK,
} from "./postgres/database";

/** Where the data lives: a PostgreSQL URL when given, else the SQLite file. */
export type StoreLocation = { databaseUrl: string | null; databasePath: string };

/**
 * Opens the store the configuration names (PostgreSQL for `DATABASE_URL`, else the embedded SQLite
 * file) with its schema up to date. Both answer the same `Db`, so every store function and every
 * service runs unchanged on either.
 */
export function openStore(
  location: StoreLocation,
  options: OpenDatabaseOptions & OpenPostgresOptions = {},
): Db {
  if (location.databaseUrl) {
    try {
      return asDb(openPostgres(location.databaseUrl, options));
    } catch (error) {
      throw new Error(
        `Cannot open the PostgreSQL database at ${describeUrl(location.databaseUrl)}: ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    }
  }
  return openDatabase(location.databasePath, options);
}

/** Host, port and database of a URL, never its password. */
function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || "5432"}${parsed.pathname || "/"}`;
  } catch {
    return "DATABASE_URL (not a valid URL)";
  }
}

/** Whether `url` names a PostgreSQL database (the only kind `DATABASE_URL` takes). */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/**
 * Runs `fn` while no other process sharing the database runs its own `startExclusively` (on
 * PostgreSQL an advisory lock waited for as long as a seed takes; SQLite's one writer already
 * serialises them): start-up work that must happen once, such as seeding.
 */
export function startExclusively<T>(db: Db, fn: () => T): T {
  if (db instanceof PostgresDatabase) return db.withLock(START_LOCK, fn);
  return fn();
}
