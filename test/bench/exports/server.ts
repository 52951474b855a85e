// The export routes on the real server, compiled as `pnpm start` runs it: the demo network plus a
// generated workplan of 2,000 activities. For each export, its time, the server's peak RSS while
// it ran, and /health latency meanwhile (asked one request at a time), with the exports in a
// worker thread (the default) and, for comparison, on the server's own thread
// (JUNCTION_EXPORT_THREADS=0).
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Activity } from "@junction/domain";
import { appendNarrative, readActivities } from "@junction/domain/doc";
import {
  createSqliteUpdateLog,
  createWorkplan,
  listOrganisations,
  openDatabase,
  replaceWorkplanActivities,
} from "@junction/store";
import * as Y from "yjs";
import { generatedWorkplanBlocks } from "../generated-workplans";

const SERVER_DIR = fileURLToPath(new URL("../../../apps/server", import.meta.url));
const NETWORK = "un-network-georgia";
const DEMO_WORKPLAN = "wp-scmi-2022-2023";

const delay = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => done(typeof address === "object" && address ? address.port : 0));
    });
  });
}

type Running = { url: string; child: ChildProcess };

async function start(dataDir: string, env: Record<string, string> = {}): Promise<Running> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(SERVER_DIR, "dist", "main.js")], {
    cwd: SERVER_DIR,
    env: {
      ...process.env,
      HOST: "127.0.0.1",
      PORT: String(port),
      JUNCTION_DATA_DIR: dataDir,
      JUNCTION_LOG_LEVEL: "error",
      ...env,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  // a bench that fails must not leave its server running
  const orphan = () => child.kill("SIGKILL");
  process.once("exit", orphan);
  child.once("exit", () => process.off("exit", orphan));
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 600; attempt++) {
    if (child.exitCode !== null) throw new Error("the server exited early");
    try {
      if ((await fetch(`${url}/health`)).ok) return { url, child };
    } catch {
      // not listening yet
    }
    await delay(50);
  }
  throw new Error("the server did not start");
}

async function stop({ child }: Running): Promise<void> {
  const exited = new Promise((done) => child.once("exit", done));
  child.kill("SIGTERM");
  await exited;
}

/** The demo network (seeded by a first start), then a workplan of `size` activities beside it. */
async function prepare(dataDir: string, size: number): Promise<string> {
  await stop(await start(dataDir));
  const db = openDatabase(join(dataDir, "junction.db"));
  const organisations = listOrganisations(db, NETWORK).map((o) => o.id);
  const blocks = generatedWorkplanBlocks(7, size).map((block) => {
    if (block.kind !== "activity") return block;
    const n = Number(block.activity.id.split("-").pop());
    const activity: Activity = {
      ...block.activity,
      lead: organisations[n % organisations.length] ?? null,
      partners: [organisations[(n * 7 + 3) % organisations.length] ?? ""].filter(Boolean),
      budget: {
        amount: 10_000 + (n % 50) * 1000,
        currency: "USD",
        secured: n % 2 === 0,
        source: "",
      },
      indicators: [
        {
          name: "People reached",
          baseline: "0",
          target: String(n * 10),
          meansOfVerification: "Lists",
        },
      ],
    };
    return { ...block, activity };
  });
  const ydoc = new Y.Doc();
  appendNarrative(ydoc, blocks);
  const workplan = createWorkplan(db, {
    networkId: NETWORK,
    title: `Generated workplan of ${size} activities`,
    createdBy: null,
  });
  createSqliteUpdateLog(db).append([
    { docName: workplan.id, updates: [Y.encodeStateAsUpdate(ydoc)] },
  ]);
  replaceWorkplanActivities(db, workplan, readActivities(ydoc));
  ydoc.destroy();
  db.close();
  return workplan.id;
}

async function tokenFor(url: string): Promise<string> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url },
    body: JSON.stringify({ email: "tamar.kapanadze@example.org", password: "junction-demo" }),
  });
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const created = await fetch(`${url}/api/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url, cookie },
    body: JSON.stringify({ name: "bench" }),
  });
  return ((await created.json()) as { token: string }).token;
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]) / 1024;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

type Row = {
  mode: string;
  what: string;
  status: number;
  kib: number;
  ms: number;
  peakMb: number;
  health: number[];
  failed: number;
};

/** One export while /health is asked in a loop and the server's RSS is sampled. */
async function measure(
  server: Running,
  token: string,
  mode: string,
  what: string,
  path: string,
): Promise<Row> {
  const pid = server.child.pid ?? 0;
  let running = true;
  const health: number[] = [];
  let peakMb = rssMb(pid);
  const sampler = setInterval(() => {
    peakMb = Math.max(peakMb, rssMb(pid));
  }, 20);
  let failed = 0;
  const asking = (async () => {
    while (running) {
      const started = performance.now();
      try {
        await (await fetch(`${server.url}/health`)).arrayBuffer();
        health.push(performance.now() - started);
      } catch {
        // a blocked server drops keep-alive connections it timed out while busy (ECONNRESET)
        failed++;
      }
    }
  })();
  const started = performance.now();
  const response = await fetch(`${server.url}${path}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const bytes = (await response.arrayBuffer()).byteLength;
  const ms = performance.now() - started;
  running = false;
  await asking;
  clearInterval(sampler);
  return {
    mode,
    what,
    status: response.status,
    kib: bytes / 1024,
    ms,
    peakMb,
    health: health.sort((a, b) => a - b),
    failed,
  };
}

export async function runServerBench(size: number): Promise<void> {
  execFileSync(process.execPath, ["scripts/build.mjs"], { cwd: SERVER_DIR, stdio: "inherit" });
  const dataDir = mkdtempSync(join(tmpdir(), "junction-export-bench-"));
  try {
    const big = await prepare(dataDir, size);
    const cases = [
      ["demo workplan (5) DOCX", `/api/workplans/${DEMO_WORKPLAN}/export?format=docx`],
      [`generated workplan (${size}) DOCX`, `/api/workplans/${big}/export?format=docx`],
      [`generated workplan (${size}) XLSX`, `/api/workplans/${big}/export?format=xlsx`],
      [`network (${size + 36}) XLSX`, `/api/networks/${NETWORK}/export?format=xlsx`],
      [`network (${size + 36}) IATI`, `/api/networks/${NETWORK}/export?format=iati`],
      [`network (${size + 36}) GCM report DOCX`, `/api/networks/${NETWORK}/report?format=docx`],
      [`network (${size + 36}) coverage JSON`, `/api/networks/${NETWORK}/coverage`],
    ] as const;
    const rows: Row[] = [];
    for (const [mode, threads] of [
      ["worker thread", "1"],
      ["server thread", "0"],
    ] as const) {
      const server = await start(dataDir, { JUNCTION_EXPORT_THREADS: threads });
      try {
        const token = await tokenFor(server.url);
        await fetch(`${server.url}/api/networks/${NETWORK}/iati-settings`, {
          method: "PUT",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify({
            prefix: "XM-DAC-47066",
            reportingOrgType: "40",
            language: "en",
            sector: "15190",
          }),
        });
        const idle = await measure(server, token, mode, "idle (/health only)", "/health");
        rows.push(idle);
        // the first export starts the worker (or loads the writers): not what is measured
        await fetch(`${server.url}/api/workplans/${DEMO_WORKPLAN}/export?format=md`, {
          headers: { authorization: `Bearer ${token}` },
        });
        for (const [what, path] of cases) {
          process.stderr.write(`${mode}: ${what}\n`);
          rows.push(await measure(server, token, mode, what, path));
        }
      } finally {
        await stop(server);
      }
    }
    console.log(
      "\n| exports on | export | status | size | time (ms) | server peak RSS (MB) | /health n | failed | p50 ms | p99 ms | max ms |",
    );
    console.log("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (const row of rows) {
      const h = row.health;
      console.log(
        `| ${row.mode} | ${row.what} | ${row.status} | ${Math.round(row.kib)} KiB | ${Math.round(row.ms)} | ${Math.round(row.peakMb)} | ${h.length} | ${row.failed} | ${percentile(h, 50).toFixed(1)} | ${percentile(h, 99).toFixed(1)} | ${(h[h.length - 1] ?? Number.NaN).toFixed(1)} |`,
      );
    }
    console.log(
      `\nThe compiled server (dist/main.js) on the demo network plus a generated workplan of ${size} activities; /health is asked one request at a time while each export runs. "server thread" is JUNCTION_EXPORT_THREADS=0, for comparison only. Peak RSS is the whole process (worker threads included), sampled every 20 ms.`,
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
