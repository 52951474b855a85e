import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSqliteUpdateLog, type Db, openDatabase, type SqliteDb } from "@junction/store";

const dirs: string[] = [];
const databases: SqliteDb[] = [];

/** A fresh SQLite file with the real schema; `removeTempDatabases` deletes it. */
export function tempDatabasePath(): string {
  const dir = mkdtempSync(join(tmpdir(), "junction-sync-"));
  dirs.push(dir);
  return join(dir, "junction.db");
}

export function openTestDatabase(path: string): SqliteDb {
  const db = openDatabase(path, { busyTimeoutMs: 0 });
  databases.push(db);
  return db;
}

export function sqliteLog(db: Db): ReturnType<typeof createSqliteUpdateLog> {
  return createSqliteUpdateLog(db);
}

export function countRows(
  db: Db,
  table: "workplan_updates" | "workplan_snapshots" | "workplan_quarantine",
  docName: string,
): number {
  const row = db
    .prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE workplan_id = ?`)
    .get(docName) as {
    n: number;
  };
  return row.n;
}

/** Writes an update straight into the log table, as an older server may have stored it. */
export function insertStoredUpdate(db: Db, docName: string, update: Uint8Array): number {
  const result = db
    .prepare("INSERT INTO workplan_updates (workplan_id, update_data, created_at) VALUES (?, ?, ?)")
    .run(docName, update, Date.now());
  return Number(result.lastInsertRowid);
}

export function removeTempDatabases(): void {
  for (const db of databases.splice(0)) if (db.open) db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}
