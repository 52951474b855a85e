import { createHash, randomBytes } from "node:crypto";
import type { Db } from "./db";
import { openStore } from "./open";
import { asDb, openPostgres, type PostgresDatabase } from "./postgres/database";

/**
 * A fresh, empty store for one test: an SQLite file at `path`, or, when the test run names a
 * PostgreSQL server (`JUNCTION_TEST_DATABASE_URL`), a schema of its own there. So the same tests
 * run on both stores (see scripts/test.mjs).
 *
 * Creating a schema costs PostgreSQL a few hundred milliseconds of DDL, so a closed test store
 * goes back to a pool emptied (TRUNCATE) and the next test of the same process gets it.
 */
export function openTestStore(path: string): Db {
  const server = testDatabaseUrl();
  if (!server) return openStore({ databaseUrl: null, databasePath: path });
  const idle = pool.pop();
  if (idle) return lease(idle);
  const url = new URL(server);
  url.searchParams.set("schema", `test_${randomBytes(6).toString("hex")}`);
  return lease(openPostgres(url.toString()));
}

/** The PostgreSQL server this test run uses, or null when it runs on SQLite. */
export function testDatabaseUrl(): string | null {
  // biome-ignore lint/style/noProcessEnv: the test runner (scripts/test.mjs) names the test database
  return process.env.JUNCTION_TEST_DATABASE_URL || null;
}

/**
 * For a server process under test: the test PostgreSQL database with a schema named after `key`
 * (its data directory), so a restart on the same directory finds the same data; null on SQLite.
 */
export function testDatabaseUrlFor(key: string): string | null {
  const server = testDatabaseUrl();
  if (!server) return null;
  const url = new URL(server);
  url.searchParams.set(
    "schema",
    `proc_${createHash("sha256").update(key).digest("hex").slice(0, 16)}`,
  );
  return url.toString();
}

const pool: PostgresDatabase[] = [];

/** The connection as a test's own store; closing it empties it and returns it to the pool. */
function lease(db: PostgresDatabase): Db {
  let closed = false;
  const leased = {
    prepare: (sql: string) => db.prepare(sql),
    transaction: (fn: (...args: never[]) => unknown) => db.transaction(fn),
    exec(sql: string) {
      db.exec(sql);
      return leased;
    },
    close() {
      if (closed) return leased;
      closed = true;
      if (db.inTransaction) throw new Error("A test store was closed inside a transaction");
      db.exec(`TRUNCATE ${tablesOf(db).join(", ")} RESTART IDENTITY CASCADE`);
      pool.push(db);
      return leased;
    },
    get open() {
      return !closed;
    },
    get inTransaction() {
      return db.inTransaction;
    },
    get totalChanges() {
      return db.totalChanges;
    },
  };
  return leased as unknown as Db;
}

const tables = new WeakMap<PostgresDatabase, string[]>();

function tablesOf(db: PostgresDatabase): string[] {
  let names = tables.get(db);
  if (!names) {
    names = (
      asDb(db)
        .prepare(
          `SELECT table_name FROM information_schema.tables
           WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
             AND table_name <> 'junction_schema'`,
        )
        .pluck()
        .all() as string[]
    ).map((name) => `"${name}"`);
    tables.set(db, names);
  }
  return names;
}
