import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { INITIAL } from "./migrations/001-initial";
import { WARNINGS } from "./migrations/002-warnings";
import { COLLABORATION } from "./migrations/003-collaboration";
import { COMMENT_MODERATION } from "./migrations/004-comment-moderation";
import { UPDATE_QUARANTINE } from "./migrations/005-update-quarantine";

export type Db = Database.Database;

/** Forward-only migrations; position + 1 is the schema version. Never edit one that shipped. */
const MIGRATIONS: readonly string[] = [
  INITIAL,
  WARNINGS,
  COLLABORATION,
  COMMENT_MODERATION,
  UPDATE_QUARANTINE,
];

export type OpenDatabaseOptions = {
  /** How long a write waits for another connection's lock before SQLITE_BUSY. */
  busyTimeoutMs?: number;
};

/** Opens (or creates) the database file in WAL mode and brings its schema up to date. */
export function openDatabase(path: string, options: OpenDatabaseOptions = {}): Db {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
  db.pragma("foreign_keys = ON");
  // WAL + NORMAL is durable across process crashes; only an OS crash may lose the last commits
  db.pragma("synchronous = NORMAL");
  migrate(db);
  return db;
}

export function schemaVersion(db: Db): number {
  return db.pragma("user_version", { simple: true }) as number;
}

function migrate(db: Db): void {
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
