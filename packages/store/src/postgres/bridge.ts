import { existsSync } from "node:fs";
import { MessageChannel, receiveMessageOnPort, Worker } from "node:worker_threads";

/** How the connection behaves; every limit in milliseconds. */
export type PostgresSettings = {
  /** Tables live in this schema instead of the URL's default (`?schema=` in `DATABASE_URL`). */
  schema: string | null;
  connectTimeoutMs: number;
  /** A statement running longer is cancelled (and its transaction rolled back). */
  statementTimeoutMs: number;
  /** A statement waiting longer for a lock fails, like SQLite's busy timeout. */
  lockTimeoutMs: number;
  idleInTransactionTimeoutMs: number;
};

export type BridgeResult = { rows: unknown[]; rowCount: number };

type Reply = BridgeResult | { error: { message: string; code?: string } };

type Request =
  | { op: "connect" | "close" }
  | { op: "exec"; sql: string }
  | { op: "query"; sql: string; params: unknown[]; array: boolean };

/** An error PostgreSQL (or the way to it) answered; `code` is its SQLSTATE or Node's code. */
export class PostgresError extends Error {
  readonly code: string | undefined;
  constructor(message: string, code: string | undefined) {
    super(message);
    this.name = "PostgresError";
    this.code = code;
  }
}

/**
 * Runs PostgreSQL queries synchronously for the calling thread, so that the store keeps one
 * synchronous API on both databases (its transactions are plain functions, as with
 * better-sqlite3). A worker thread holds the connection (the `pg` client); the caller posts a
 * request and sleeps on a shared flag until the worker has answered.
 *
 * The caller's event loop waits for each round trip, as it waits for SQLite's disk; statement and
 * lock timeouts bound the wait, and a worker that does not answer in time is replaced.
 */
export class SyncBridge {
  private worker: Worker;
  private port: MessageChannel["port1"];
  private readonly flag: Int32Array;
  private closed = false;

  constructor(
    private readonly url: string,
    private readonly settings: PostgresSettings,
  ) {
    this.flag = new Int32Array(new SharedArrayBuffer(4));
    const { worker, port } = this.start();
    this.worker = worker;
    this.port = port;
  }

  private start(): { worker: Worker; port: MessageChannel["port1"] } {
    const channel = new MessageChannel();
    const worker = new Worker(workerUrl(), {
      workerData: {
        port: channel.port2,
        signal: this.flag.buffer,
        url: this.url,
        connection: connectionOptions(this.settings),
      },
      transferList: [channel.port2],
    });
    // the worker never keeps the process alive on its own; requests wait for it explicitly
    worker.unref();
    return { worker, port: channel.port1 };
  }

  get lockTimeoutMs(): number {
    return this.settings.lockTimeoutMs;
  }

  connect(): void {
    this.call({ op: "connect" });
  }

  exec(sql: string): void {
    this.call({ op: "exec", sql });
  }

  query(sql: string, params: unknown[], array: boolean): BridgeResult {
    return this.call({ op: "query", sql, params, array });
  }

  close(): void {
    if (this.closed) return;
    try {
      this.call({ op: "close" });
    } finally {
      this.closed = true;
      void this.worker.terminate();
      this.port.close();
    }
  }

  private call(request: Request): BridgeResult {
    if (this.closed) throw new PostgresError("The database connection is closed", "CLOSED");
    Atomics.store(this.flag, 0, 0);
    this.port.postMessage(request);
    // the worker answers within the statement timeout, or the connect timeout when it reconnects
    const deadline =
      Date.now() +
      this.settings.statementTimeoutMs +
      this.settings.connectTimeoutMs +
      REPLY_MARGIN_MS;
    for (;;) {
      const left = deadline - Date.now();
      if (left <= 0) {
        this.restart();
        // the connection is dropped with its worker: a lost connection (08006), not a timeout
        throw new PostgresError("PostgreSQL did not answer in time", "08006");
      }
      Atomics.wait(this.flag, 0, 0, left);
      const message = receiveMessageOnPort(this.port);
      if (!message) continue;
      const reply = message.message as Reply;
      if ("error" in reply) throw new PostgresError(reply.error.message, reply.error.code);
      return { rows: reply.rows.map(withBuffers), rowCount: reply.rowCount };
    }
  }

  /** A worker stuck on a dead connection is dropped with it; the next request reconnects. */
  private restart(): void {
    void this.worker.terminate();
    this.port.close();
    const { worker, port } = this.start();
    this.worker = worker;
    this.port = port;
  }
}

const REPLY_MARGIN_MS = 2000;

/** What the worker opens each connection with: its name, its timeouts and its schema. */
function connectionOptions(settings: PostgresSettings): {
  connectTimeoutMs: number;
  applicationName: string;
  setup: string;
} {
  const { schema } = settings;
  return {
    connectTimeoutMs: settings.connectTimeoutMs,
    // operators (and tests) tell Junction's connections apart, by schema when there is one
    applicationName: schema ? `junction:${schema}`.slice(0, 63) : "junction",
    setup: [
      `SET statement_timeout = ${settings.statementTimeoutMs}`,
      `SET lock_timeout = ${settings.lockTimeoutMs}`,
      `SET idle_in_transaction_session_timeout = ${settings.idleInTransactionTimeoutMs}`,
      ...(schema ? [`SET search_path TO ${quoteIdentifier(schema)}`] : []),
    ].join("; "),
  };
}

export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Byte columns cross the thread boundary as Uint8Array; the store's callers expect Buffers, as from SQLite. */
function withBuffers(row: unknown): unknown {
  if (Array.isArray(row)) return row.map(toBuffer);
  if (row === null || typeof row !== "object") return row;
  const values = row as Record<string, unknown>;
  for (const key of Object.keys(values)) values[key] = toBuffer(values[key]);
  return values;
}

function toBuffer(value: unknown): unknown {
  return value instanceof Uint8Array && !Buffer.isBuffer(value)
    ? Buffer.from(value.buffer, value.byteOffset, value.byteLength)
    : value;
}

/**
 * The worker's module: pg-worker.js beside the compiled server (its build bundles it there), or
 * worker.mjs beside this file when the server runs from its sources.
 */
function workerUrl(): URL {
  const compiled = new URL("./pg-worker.js", import.meta.url);
  if (existsSync(compiled)) return compiled;
  return new URL("./worker.mjs", import.meta.url);
}
