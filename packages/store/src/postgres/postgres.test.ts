import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { isDatabaseLocked, isStorageUnavailable } from "../db";
import { openStore } from "../open";
import { seedDemoNetworkIfEmpty } from "../seed";
import { testDatabaseUrl } from "../testing";
import { readUpdatesSince } from "../update-catch-up";
import { createSqliteUpdateLog } from "../update-log";
import { countUsers } from "../users";
import { asDb, openPostgres, type PostgresDatabase, writerLockKeys } from "./database";

// what only PostgreSQL has: these run in the test run on PostgreSQL (scripts/test.mjs)
const server = testDatabaseUrl();
const open: PostgresDatabase[] = [];
const clients: pg.Client[] = [];

afterEach(async () => {
  for (const db of open.splice(0)) db.close();
  for (const client of clients.splice(0)) await client.end().catch(() => {});
});

function schemaUrl(name: string): string {
  const url = new URL(server as string);
  url.searchParams.set("schema", `${name}_${Math.random().toString(36).slice(2, 10)}`);
  return url.toString();
}

function connect(url: string, options: Parameters<typeof openPostgres>[1] = {}): PostgresDatabase {
  const db = openPostgres(url, options);
  open.push(db);
  return db;
}

async function otherClient(url: string): Promise<pg.Client> {
  const schema = new URL(url).searchParams.get("schema");
  const plain = new URL(url);
  plain.searchParams.delete("schema");
  const client = new pg.Client({ connectionString: plain.toString() });
  await client.connect();
  await client.query(`SET search_path TO "${schema}"`);
  clients.push(client);
  return client;
}

describe.skipIf(server === null)("the PostgreSQL store", () => {
  it("seeds the demo network once when two processes start on one empty database", () => {
    const url = schemaUrl("seed");
    const first = connect(url);
    const second = connect(url);
    const a = seedDemoNetworkIfEmpty(asDb(first), "hash");
    const b = seedDemoNetworkIfEmpty(asDb(second), "hash");
    expect(a).not.toBeNull();
    expect(b).toBeNull();
    expect(countUsers(asDb(second))).toBe(a?.logins.length);
  });

  it("fails a write as locked, writing nothing, while another process's transaction holds the writer lock", async () => {
    const url = schemaUrl("lock");
    const db = connect(url, { lockTimeoutMs: 200 });
    const other = await otherClient(url);
    await other.query("BEGIN");
    await other.query(
      "SELECT pg_advisory_xact_lock($1, $2)",
      writerLockKeys(new URL(url).searchParams.get("schema")),
    );
    const write = db.transaction(() => {
      db.prepare("INSERT INTO networks (id, name, created_at) VALUES (?, ?, ?)").run("n1", "N", 1);
    });
    let failure: unknown;
    try {
      write();
    } catch (error) {
      failure = error;
    }
    expect(isDatabaseLocked(failure)).toBe(true);
    expect(isStorageUnavailable(failure)).toBe(true);
    await other.query("ROLLBACK");
    expect(db.prepare("SELECT COUNT(*) FROM networks").pluck().get()).toBe(0);
    write();
    expect(db.prepare("SELECT COUNT(*) FROM networks").pluck().get()).toBe(1);
  });

  it("loads a document and its missed updates while another process's transaction holds the writer lock", async () => {
    const url = schemaUrl("reads");
    const db = connect(url, { lockTimeoutMs: 200 });
    const log = createSqliteUpdateLog(asDb(db));
    const [[first, second] = []] = log.append([
      { docName: "wp-1", updates: [Uint8Array.of(1), Uint8Array.of(2)] },
    ]);
    log.compact("wp-1", Uint8Array.of(9), first as number);
    const other = await otherClient(url);
    await other.query("BEGIN");
    await other.query(
      "SELECT pg_advisory_xact_lock($1, $2)",
      writerLockKeys(new URL(url).searchParams.get("schema")),
    );
    // reads take no writer lock: a room opens, and a process catches up, during another's write
    expect(log.load("wp-1")).toEqual({
      snapshot: Buffer.from([9]),
      updates: [{ id: second, update: Buffer.from([2]) }],
    });
    expect(readUpdatesSince(asDb(db), "wp-1", 0)).toEqual({
      snapshot: { state: Buffer.from([9]), upToId: first },
      updates: [{ id: second, update: Buffer.from([2]) }],
    });
    await other.query("ROLLBACK");
  });

  it("reconnects after the server dropped its connection, failing at most one statement, as unavailable", async () => {
    const url = schemaUrl("drop");
    const db = connect(url);
    const pid = db.prepare("SELECT pg_backend_pid()").pluck().get();
    const other = await otherClient(url);
    await other.query("SELECT pg_terminate_backend($1)", [pid]);
    // the drop may be noticed while idle (the next statement reconnects) or by that statement
    await new Promise((resolve) => setTimeout(resolve, 100));
    try {
      db.prepare("SELECT 1").get();
    } catch (error) {
      expect(isStorageUnavailable(error)).toBe(true);
    }
    expect(db.prepare("SELECT 2 AS n").pluck().get()).toBe(2);
    expect(db.prepare("SELECT pg_backend_pid()").pluck().get()).not.toBe(pid);
  });

  it("keeps bytes, big integers and empty results as SQLite answers them", () => {
    const db = connect(schemaUrl("types"));
    const bytes = Buffer.from([0, 1, 2, 250, 255]);
    const id = db
      .prepare(
        "INSERT INTO workplan_updates (workplan_id, update_data, created_at) VALUES (?, ?, ?) RETURNING id",
      )
      .pluck()
      .get("wp", new Uint8Array(bytes), 1_767_225_600_000);
    expect(id).toBe(1);
    const row = db.prepare("SELECT * FROM workplan_updates WHERE id = ?").get(id) as {
      update_data: Buffer;
      created_at: number;
    };
    expect(Buffer.isBuffer(row.update_data)).toBe(true);
    expect([...row.update_data]).toEqual([...bytes]);
    expect(row.created_at).toBe(1_767_225_600_000);
    expect(db.prepare("SELECT * FROM workplan_updates WHERE id = ?").get(99)).toBeUndefined();
    expect(db.prepare("SELECT 1 > 0 AS yes").pluck().get()).toBe(1);
  });

  it("rolls a failed transaction back whole, and a failed nested one to its savepoint", () => {
    const db = connect(schemaUrl("tx"));
    const insert = db.prepare("INSERT INTO networks (id, name, created_at) VALUES (?, ?, 1)");
    expect(() =>
      db.transaction(() => {
        insert.run("a", "A");
        throw new Error("changed my mind");
      })(),
    ).toThrow("changed my mind");
    db.transaction(() => {
      insert.run("b", "B");
      expect(() =>
        db.transaction(() => {
          insert.run("c", "C");
          insert.run("c", "C again");
        })(),
      ).toThrow();
    })();
    expect(db.prepare("SELECT id FROM networks ORDER BY id").pluck().all()).toEqual(["b"]);
  });
});

describe("opening PostgreSQL", () => {
  it("fails at once with a message naming the server when nothing answers", () => {
    let failure: unknown;
    try {
      openStore(
        { databaseUrl: "postgres://junction:secret@127.0.0.1:1/junction", databasePath: "" },
        { connectTimeoutMs: 2_000 },
      );
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(Error);
    const message = (failure as Error).message;
    expect(message).toContain("Cannot open the PostgreSQL database at 127.0.0.1:1/junction");
    expect(message).toContain("ECONNREFUSED");
    expect(message).not.toContain("secret");
    expect(isStorageUnavailable(failure)).toBe(true);
  });
});
