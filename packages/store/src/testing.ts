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
 * goes back to a pool emptied and the next test of the same process gets it.
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
      db.exec(emptyingOf(db));
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

const emptying = new WeakMap<PostgresDatabase, string>();

/**
 * The statements that empty every table and restart its identity columns, as a fresh schema has
 * them. DELETE, child tables before the ones they reference, rather than one TRUNCATE: a TRUNCATE
 * gives each table new files, 58 ms a test across 40 tables, where deleting a test's few rows
 * takes a few.
 */
function emptyingOf(db: PostgresDatabase): string {
  let sql = emptying.get(db);
  if (sql === undefined) {
    const store = asDb(db);
    const names = store
      .prepare(
        `SELECT table_name FROM information_schema.tables
         WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
           AND table_name <> 'junction_schema'`,
      )
      .pluck()
      .all() as string[];
    const references = store
      .prepare(
        `SELECT child.relname AS child, parent.relname AS parent
         FROM pg_constraint c
         JOIN pg_class child ON child.oid = c.conrelid
         JOIN pg_class parent ON parent.oid = c.confrelid
         WHERE c.contype = 'f' AND child.relnamespace = current_schema()::regnamespace`,
      )
      .all() as Array<{ child: string; parent: string }>;
    const identities = store
      .prepare(
        `SELECT table_name, column_name FROM information_schema.columns
         WHERE table_schema = current_schema() AND is_identity = 'YES'`,
      )
      .all() as Array<{ table_name: string; column_name: string }>;
    // a table that refuses deletes (the append-only audit log) is truncated first: it only refers
    // to others, and TRUNCATE fires no row triggers
    const guarded = new Set(
      store
        .prepare(
          `SELECT DISTINCT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
           WHERE NOT t.tgisinternal AND t.tgtype & 2 <> 0 AND t.tgtype & 8 <> 0
             AND c.relnamespace = current_schema()::regnamespace`,
        )
        .pluck()
        .all() as string[],
    );
    const ordered: string[] = [];
    let left = new Set(names);
    while (left.size > 0) {
      // a table goes once no table still to empty references it (its own rows aside)
      const free = [...left].filter(
        (name) =>
          !references.some(
            ({ child, parent }) => parent === name && child !== name && left.has(child),
          ),
      );
      if (free.length === 0) throw new Error(`Foreign keys form a cycle among ${[...left]}`);
      ordered.push(...free);
      left = new Set([...left].filter((name) => !free.includes(name)));
    }
    sql = [
      ...[...guarded].map((name) => `TRUNCATE "${name}" RESTART IDENTITY;`),
      ...ordered.filter((name) => !guarded.has(name)).map((name) => `DELETE FROM "${name}";`),
      ...identities.map(
        ({ table_name, column_name }) =>
          `SELECT setval(pg_get_serial_sequence('"${table_name}"', '${column_name}'), 1, false);`,
      ),
    ].join("\n");
    emptying.set(db, sql);
  }
  return sql;
}
