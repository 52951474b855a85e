import { type Db, isConnectionLost } from "../db";
import { type BridgeResult, type PostgresSettings, quoteIdentifier, SyncBridge } from "./bridge";
import { toPostgres } from "./dialect";
import { BASELINE_VERSION, POSTGRES_BASELINE, POSTGRES_MIGRATIONS } from "./schema";

export type OpenPostgresOptions = Partial<Omit<PostgresSettings, "schema">>;

/**
 * Every write transaction, in every process sharing the schema, holds this advisory lock: one
 * writer at a time, as with SQLite, so the services' read-check-write transactions (the last
 * coordinator, a stage move, a decided warning) stay correct without retry loops. A writer that
 * cannot get it within the lock timeout fails as a locked SQLite database does.
 */
const WRITER_LOCK = 7_246_001;
/** Held while migrating and seeding: of several processes starting together, one does it. */
export const START_LOCK = 7_246_002;
const START_LOCK_WAIT_MS = 120_000;

const DEFAULTS: Omit<PostgresSettings, "schema"> = {
  connectTimeoutMs: 5_000,
  statementTimeoutMs: 15_000,
  // as SQLite's busy timeout: a writer waiting this long for another process's transaction fails
  // as busy and is retried off the hot path, rather than holding this process's event loop
  lockTimeoutMs: 250,
  idleInTransactionTimeoutMs: 60_000,
};

/**
 * Opens `url` (postgres://…, with an optional `schema` parameter) and brings its schema up to date.
 * Throws, with PostgreSQL's reason, when the database cannot be reached.
 */
export function openPostgres(url: string, options: OpenPostgresOptions = {}): PostgresDatabase {
  const { connectionUrl, schema } = splitSchema(url);
  const settings: PostgresSettings = { ...DEFAULTS, ...withoutUndefined(options), schema };
  const db = new PostgresDatabase(new SyncBridge(connectionUrl, settings), schemaKey(schema));
  try {
    db.bridge.connect();
    if (schema) {
      db.exec(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)}`);
    }
    db.withLock(START_LOCK, () => migrate(db));
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/** The two keys of the writer lock of `schema`'s deployment (for operators' tools and tests). */
export function writerLockKeys(schema: string | null): [number, number] {
  return [WRITER_LOCK, schemaKey(schema)];
}

/** A 32-bit key for the schema's advisory locks (FNV-1a of its name; 0 for the default schema). */
function schemaKey(schema: string | null): number {
  if (!schema) return 0;
  let hash = 0x811c9dc5;
  for (const char of schema) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** `?schema=name` is Junction's own parameter: tables live in that schema (search_path). */
function splitSchema(url: string): { connectionUrl: string; schema: string | null } {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get("schema");
  parsed.searchParams.delete("schema");
  return { connectionUrl: parsed.toString(), schema: schema || null };
}

function migrate(db: PostgresDatabase): void {
  db.exec("CREATE TABLE IF NOT EXISTS junction_schema (version BIGINT NOT NULL)");
  const current = db.prepare("SELECT version FROM junction_schema").pluck().get() as
    | number
    | undefined;
  const latest = BASELINE_VERSION + POSTGRES_MIGRATIONS.length;
  if (current !== undefined && current > latest) {
    throw new Error(
      `The database has schema version ${current}, newer than this Junction (${latest}); upgrade Junction`,
    );
  }
  if (current === latest) return;
  db.transaction(() => {
    if (current === undefined) {
      db.exec(POSTGRES_BASELINE);
      db.prepare("INSERT INTO junction_schema (version) VALUES (?)").run(BASELINE_VERSION);
    }
    for (let version = current ?? BASELINE_VERSION; version < latest; version++) {
      db.exec(POSTGRES_MIGRATIONS[version - BASELINE_VERSION] as string);
      db.prepare("UPDATE junction_schema SET version = ?").run(version + 1);
    }
  })();
}

/** A statement on PostgreSQL with better-sqlite3's calling conventions. */
class PostgresStatement {
  private mode: "rows" | "pluck" | "raw" = "rows";

  constructor(
    private readonly db: PostgresDatabase,
    private readonly sql: string,
    private readonly names: string[] | null,
  ) {}

  pluck(toggle = true): this {
    this.mode = toggle ? "pluck" : "rows";
    return this;
  }

  raw(toggle = true): this {
    this.mode = toggle ? "raw" : "rows";
    return this;
  }

  run(...params: unknown[]): { changes: number; lastInsertRowid: number } {
    const changes = this.query(params).rowCount;
    this.db.totalChanges += changes;
    return { changes, lastInsertRowid: 0 };
  }

  get(...params: unknown[]): unknown {
    return this.all(...params)[0];
  }

  all(...params: unknown[]): unknown[] {
    const { rows } = this.query(params);
    return this.mode === "pluck" ? rows.map((row) => (row as unknown[])[0]) : rows;
  }

  private query(params: unknown[]): BridgeResult {
    return this.db.query(this.sql, this.bind(params), this.mode !== "rows");
  }

  /** Positional values, spread or as one array; named ones (`@name`) from one object. */
  private bind(params: unknown[]): unknown[] {
    const values = params.length === 1 && Array.isArray(params[0]) ? params[0] : params;
    if (!this.names) return values.map(bindable);
    const named = (values[0] ?? {}) as Record<string, unknown>;
    return this.names.map((name) => {
      if (!(name in named)) throw new TypeError(`Missing named parameter "${name}"`);
      return bindable(named[name]);
    });
  }
}

function bindable(value: unknown): unknown {
  if (value === undefined) {
    throw new TypeError("A statement was given undefined; pass null for a missing value");
  }
  return value;
}

type Body = (...args: never[]) => unknown;

/**
 * A PostgreSQL connection with the part of better-sqlite3's interface the store uses (see `Db`):
 * statements, transactions as functions, nested ones as savepoints.
 */
export class PostgresDatabase {
  private depth = 0;
  private closed = false;
  /** Rows inserted, updated or deleted through this connection, rolled back ones too (SQLite's total_changes()). */
  totalChanges = 0;
  /** The connection failure that ended the open transaction, if one did. */
  private lostTransaction: unknown = null;
  private readonly translated = new Map<string, { text: string; names: string[] | null }>();

  /**
   * @param scope the second key of this connection's advisory locks: advisory locks belong to
   *   the whole database, and deployments in other schemas of it must not wait for each other
   */
  constructor(
    readonly bridge: SyncBridge,
    private readonly scope = 0,
  ) {}

  get open(): boolean {
    return !this.closed;
  }

  get inTransaction(): boolean {
    return this.depth > 0;
  }

  prepare(sql: string): PostgresStatement {
    let translation = this.translated.get(sql);
    if (!translation) {
      translation = toPostgres(sql);
      this.translated.set(sql, translation);
    }
    return new PostgresStatement(this, translation.text, translation.names);
  }

  exec(sql: string): this {
    this.guardTransaction(() => this.bridge.exec(sql));
    return this;
  }

  query(sql: string, params: unknown[], array: boolean): BridgeResult {
    return this.guardTransaction(() => this.bridge.query(sql, params, array));
  }

  /**
   * A transaction whose connection was lost is gone with it: every later statement of the same
   * transaction fails too (it would otherwise run, committed at once, on the next connection).
   */
  private guardTransaction<T>(run: () => T): T {
    if (this.depth > 0 && this.lostTransaction) throw this.lostTransaction;
    try {
      return run();
    } catch (error) {
      if (this.depth > 0 && isConnectionLost(error)) this.lostTransaction = error;
      throw error;
    }
  }

  transaction<F extends Body>(fn: F) {
    const run = (...args: Parameters<F>): ReturnType<F> => this.inTransactionRun(fn, args);
    return Object.assign(run, { default: run, deferred: run, immediate: run, exclusive: run });
  }

  /**
   * Runs `fn` holding a session-wide advisory lock (outside any transaction), waiting for it as
   * long as another process's migration and seed may take.
   */
  withLock<T>(key: number, fn: () => T): T {
    this.bridge.exec(
      `SET lock_timeout = ${START_LOCK_WAIT_MS}; SELECT pg_advisory_lock(${key}, ${this.scope}); SET lock_timeout = ${this.bridge.lockTimeoutMs}`,
    );
    try {
      return fn();
    } finally {
      this.bridge.exec(`SELECT pg_advisory_unlock(${key}, ${this.scope})`);
    }
  }

  close(): this {
    if (this.closed) return this;
    this.closed = true;
    this.bridge.close();
    return this;
  }

  private begin(): void {
    this.lostTransaction = null;
    try {
      this.bridge.exec(`BEGIN; SELECT pg_advisory_xact_lock(${WRITER_LOCK}, ${this.scope})`);
    } catch (error) {
      // the lock timed out (or the connection failed): leave no aborted transaction behind
      try {
        this.bridge.exec("ROLLBACK");
      } catch {
        // the connection is gone, and its transaction with it
      }
      throw error;
    }
  }

  private inTransactionRun<F extends Body>(fn: F, args: Parameters<F>): ReturnType<F> {
    const savepoint = this.depth > 0 ? `junction_${this.depth}` : null;
    if (savepoint) this.exec(`SAVEPOINT ${savepoint}`);
    else this.begin();
    this.depth++;
    try {
      const result = fn(...args) as ReturnType<F>;
      this.exec(savepoint ? `RELEASE SAVEPOINT ${savepoint}` : "COMMIT");
      return result;
    } catch (error) {
      try {
        this.bridge.exec(
          savepoint
            ? `ROLLBACK TO SAVEPOINT ${savepoint}; RELEASE SAVEPOINT ${savepoint}`
            : "ROLLBACK",
        );
      } catch {
        // the connection is gone, and its transaction with it
      }
      throw error;
    } finally {
      this.depth--;
    }
  }
}

/** The connection as the store's `Db`: its statements answer as better-sqlite3's do. */
export function asDb(db: PostgresDatabase): Db {
  return db as unknown as Db;
}
