// Locked-database benchmark: how fast the real server answers /health while editors type and a
// member comments, first with a free database, then while a second SQLite connection holds the
// write lock (BEGIN IMMEDIATE), as a backup tool or a script could. Prints one table.
// Usage: pnpm bench:locked-db
// LOCKED_DB_BENCH_SERVER=<dir of an apps/server checkout> measures another version of the server.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase } from "@junction/store";
import { WebSocket } from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { delay, startServer } from "../server-process";

const SERVER_DIR = resolve(
  process.env.LOCKED_DB_BENCH_SERVER ??
    fileURLToPath(new URL("../../../apps/server", import.meta.url)),
);
const WORKPLAN = "wp-network-2021-2023";
const PHASE_MS = 6_000;
const EDITORS = ["eka.lomidze@example.org", "levan.gelashvili@example.org"];

async function tokenFor(url: string, email: string): Promise<string> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url },
    body: JSON.stringify({ email, password: "junction-demo" }),
  });
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const created = await fetch(`${url}/api/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url, cookie },
    body: JSON.stringify({ name: "bench" }),
  });
  return ((await created.json()) as { token: string }).token;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

type Phase = { name: string; health: number[]; comments: Map<number, number> };

/** Until `stop`: editors type, a member comments, and /health is asked one request at a time. */
async function measure(
  name: string,
  url: string,
  tokens: readonly string[],
  docs: readonly Y.Doc[],
): Promise<Phase> {
  const phase: Phase = { name, health: [], comments: new Map() };
  const deadline = performance.now() + PHASE_MS;
  const typing = (async () => {
    for (let i = 0; performance.now() < deadline; i++) {
      for (const doc of docs) doc.getText("bench").insert(0, `${name} ${i};`);
      await delay(50);
    }
  })();
  const commenting = (async () => {
    while (performance.now() < deadline) {
      const response = await fetch(`${url}/api/workplans/${WORKPLAN}/threads`, {
        method: "POST",
        headers: { authorization: `Bearer ${tokens[0]}`, "content-type": "application/json" },
        body: JSON.stringify({ activityId: "A19", body: `bench comment (${name})` }),
      });
      await response.arrayBuffer();
      phase.comments.set(response.status, (phase.comments.get(response.status) ?? 0) + 1);
      await delay(200);
    }
  })();
  while (performance.now() < deadline) {
    const started = performance.now();
    await (await fetch(`${url}/health`)).arrayBuffer();
    phase.health.push(performance.now() - started);
    await delay(20);
  }
  await Promise.all([typing, commenting]);
  return phase;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), "junction-bench-locked-"));
  const { url, child } = await startServer(SERVER_DIR, dataDir);
  const tokens = await Promise.all(EDITORS.map((email) => tokenFor(url, email)));
  const providers = tokens.map((token) => {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(`${url.replace("http", "ws")}/sync`, WORKPLAN, doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      params: { token },
    });
    return { doc, provider };
  });
  await delay(1_000);
  const lock = openDatabase(join(dataDir, "junction.db"));
  const docs = providers.map((p) => p.doc);

  // warm-up: the first index refresh and the network's duplication index are built here
  await measure("warm-up", url, tokens, docs);
  const free = await measure("free", url, tokens, docs);
  lock.exec("BEGIN IMMEDIATE");
  const locked = await measure("locked", url, tokens, docs);
  lock.exec("ROLLBACK");

  const rows = [free, locked].map((phase) => {
    const sorted = [...phase.health].sort((a, b) => a - b);
    const comments = [...phase.comments]
      .sort(([a], [b]) => a - b)
      .map(([status, count]) => `${count}× ${status}`)
      .join(", ");
    return `| ${phase.name} | ${sorted.length} | ${percentile(sorted, 50).toFixed(1)} | ${percentile(sorted, 99).toFixed(1)} | ${(sorted.at(-1) ?? Number.NaN).toFixed(1)} | ${comments} |`;
  });
  process.stdout.write(
    [
      `server: ${SERVER_DIR}`,
      "",
      "| database | /health samples | p50 ms | p99 ms | max ms | comment POSTs |",
      "| --- | ---: | ---: | ---: | ---: | --- |",
      ...rows,
      "",
    ].join("\n"),
  );

  for (const { provider, doc } of providers) {
    provider.destroy();
    doc.destroy();
  }
  lock.close();
  const exited = new Promise((done) => child.once("exit", done));
  child.kill("SIGTERM");
  await exited;
  rmSync(dataDir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
