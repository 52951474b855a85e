// The PostgreSQL side of the store's synchronous bridge (see bridge.ts): one connection, one
// request at a time. It answers on the port, then wakes the waiting thread through the shared flag.
// Plain JavaScript so that it runs the same from the sources (tsx, vitest) and beside the compiled
// server, where scripts/build.mjs bundles it as dist/pg-worker.js.
import { workerData } from "node:worker_threads";
import pg from "pg";

const { port, signal, url, connection: options } = workerData;
const flag = new Int32Array(signal);

// BIGINT (counts, millisecond times, ids) and NUMERIC (sums) come back as numbers, as SQLite's do
pg.types.setTypeParser(20, (value) => Number(value));
pg.types.setTypeParser(1700, (value) => Number(value));

/** @type {pg.Client | null} */
let client = null;
/** @type {Map<string, string>} */
const statementNames = new Map();

// after a failed connect, statements fail at once for a growing pause (up to 5 s) instead of each
// waiting out a connect timeout of its own while the server is down
let retryAt = 0;
let pauseMs = 0;

async function connection() {
  if (client) return client;
  if (Date.now() < retryAt) {
    const error = new Error("PostgreSQL could not be reached a moment ago; trying again shortly");
    error.code = "08001";
    throw error;
  }
  try {
    const connected = await connect();
    pauseMs = 0;
    return connected;
  } catch (error) {
    pauseMs = Math.min(pauseMs === 0 ? 250 : pauseMs * 2, 5000);
    retryAt = Date.now() + pauseMs;
    throw error;
  }
}

async function connect() {
  const next = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: options.connectTimeoutMs,
    application_name: options.applicationName,
  });
  // a dropped connection is reported by the next query; the one after reconnects
  next.on("error", () => {
    if (client === next) client = null;
  });
  try {
    await next.connect();
    // timeouts and schema, as bridge.ts sets them
    await next.query(options.setup);
  } catch (error) {
    next.end().catch(() => {});
    throw error;
  }
  client = next;
  return next;
}

function toParameter(value) {
  if (value instanceof Uint8Array)
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  if (typeof value === "bigint") return value.toString();
  return value;
}

// SQLite answers 1/0 for a comparison; the store's rows never hold a PostgreSQL boolean column
function fromValue(value) {
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

async function run(request) {
  const db = await connection();
  if (request.op === "exec") {
    await db.query(request.sql);
    return { rows: [], rowCount: 0 };
  }
  let name = statementNames.get(request.sql);
  if (name === undefined) {
    name = `junction_${statementNames.size + 1}`;
    statementNames.set(request.sql, name);
  }
  const result = await db.query({
    name,
    text: request.sql,
    values: request.params.map(toParameter),
    rowMode: request.array ? "array" : undefined,
  });
  const rows = request.array
    ? result.rows.map((row) => row.map(fromValue))
    : result.rows.map((row) => {
        const plain = {};
        for (const key of Object.keys(row)) {
          // the identity column that stands in for SQLite's hidden rowid stays hidden
          if (key !== "rowid") plain[key] = fromValue(row[key]);
        }
        return plain;
      });
  return { rows, rowCount: result.rowCount ?? 0 };
}

async function answer(request) {
  try {
    if (request.op === "connect") {
      await connection();
      return { rows: [], rowCount: 0 };
    }
    if (request.op === "close") {
      const closing = client;
      client = null;
      if (closing) await closing.end().catch(() => {});
      return { rows: [], rowCount: 0 };
    }
    return await run(request);
  } catch (error) {
    // a connection that failed mid-query may be half-open: start afresh next time
    const code = typeof error?.code === "string" ? error.code : "";
    const sqlState = /^[0-9A-Z]{5}$/.test(code);
    if (client && (!sqlState || code.startsWith("08") || code.startsWith("57P"))) {
      const broken = client;
      client = null;
      broken.end().catch(() => {});
    }
    return {
      error: {
        message: error instanceof Error ? error.message : String(error),
        code: code || undefined,
      },
    };
  }
}

port.on("message", async (request) => {
  const reply = await answer(request);
  port.postMessage(reply);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
});
