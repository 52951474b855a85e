// Collections benchmark: how fast the real server answers /health while 10 clients load the
// Warnings page and My work in a loop, in a network with 2,000 activities and 2,000 open warnings,
// against the same with no load. Idle and loaded phases of equal length alternate for a few rounds
// (after a warm-up of each, not counted), so both meet the same machine; prints one table (goal:
// p99 under load at most 3x idle) with the load average.
// Usage: pnpm bench:collections
// COLLECTIONS_BENCH_SERVER=<dir of an apps/server checkout> measures another version of the server;
// COLLECTIONS_BENCH_ROUNDS (default 3) and COLLECTIONS_BENCH_PHASE_MS (default 5000) size the run.
// The clients run in a process of their own, apart from the probe and from this one;
// COLLECTIONS_BENCH_CLIENTS_NICE=<n> lowers their CPU priority (default 0: they share the cores
// evenly with the server, the worst case; real users load pages from their own machines).
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type Activity, emptyActivity } from "@junction/domain";
import { startServer } from "../server-process";

const SERVER_DIR = resolve(
  process.env.COLLECTIONS_BENCH_SERVER ??
    fileURLToPath(new URL("../../../apps/server", import.meta.url)),
);
const NETWORK = "un-network-georgia";
const ACTIVITIES = 2_000;
const WARNINGS = 2_000;
const CLIENTS = 10;
/** Each phase, idle or loaded, lasts this long; ROUNDS of each alternate, after a warm-up. */
const PHASE_MS = Number(process.env.COLLECTIONS_BENCH_PHASE_MS ?? 5_000);
const ROUNDS = Number(process.env.COLLECTIONS_BENCH_ROUNDS ?? 3);
const WARM_UP_MS = 2_000;
/** A pause between one client's page loads (COLLECTIONS_BENCH_PAUSE_MS); 0: as fast as it can. */
const PAUSE_MS = Number(process.env.COLLECTIONS_BENCH_PAUSE_MS ?? 0);
/** The clients' process's niceness (0: the same priority as the server's and the probe's). */
const CLIENTS_NICE = Number(process.env.COLLECTIONS_BENCH_CLIENTS_NICE ?? 0);
/** A request slower than this is cut off and counted as a timeout (its /health sample as this). */
const REQUEST_TIMEOUT_MS = 30_000;
const LEADS = ["iom", "unicef", "undp", "ilo", "unhcr"];
const MEMBERS = [
  "tamar.kapanadze@example.org",
  "daniel.moreau@example.org",
  "eka.lomidze@example.org",
  "levan.gelashvili@example.org",
  "irakli.janelidze@example.org",
  "sofia.lindqvist@example.org",
  "nana.abuladze@example.org",
  "mariam.chikovani@example.org",
  "otar.gogoladze@example.org",
  "nino.kiknadze@example.org",
];
/**
 * What the web app asks for when a member opens the Warnings page (the page, the header's badge
 * and the members behind the decision lines) and then My work: the first page of each list.
 */
const PAGE_REQUESTS = [
  "/api/me",
  `/api/networks/${NETWORK}`,
  `/api/networks/${NETWORK}/warnings?status=open&limit=50`,
  `/api/networks/${NETWORK}/warnings/counts`,
  `/api/networks/${NETWORK}/members?limit=500`,
  "/api/notifications/unread",
  "/api/me/work",
];

async function stopServer(child: ChildProcess): Promise<void> {
  const exited = new Promise((done) => child.once("exit", done));
  child.kill("SIGTERM");
  // a server stuck in a long synchronous request never sees SIGTERM
  const stuck = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(stuck);
}

/**
 * 2,000 activities in a new workplan of the demo network, each warned against the next; written
 * with the store of the server measured, so its database has the schema that server expects.
 */
async function addBenchWorkplan(dataDir: string): Promise<void> {
  const store = join(SERVER_DIR, "node_modules", "@junction", "store", "src", "index.ts");
  const {
    createWorkplan,
    insertWarning,
    markWorkplanIndexed,
    openDatabase,
    replaceWorkplanActivities,
  }: typeof import("@junction/store") = await import(pathToFileURL(store).href);
  const db = openDatabase(join(dataDir, "junction.db"));
  const workplan = createWorkplan(db, {
    networkId: NETWORK,
    title: "Bench workplan",
    createdBy: null,
  });
  const activities: Activity[] = Array.from({ length: ACTIVITIES }, (_, i) => ({
    ...emptyActivity(`bench-${String(i).padStart(4, "0")}`),
    title: `Train border officials on victim identification, cohort ${i}`,
    description: "Two-day courses for border and migration officials in the regions.",
    lead: LEADS[i % LEADS.length] ?? null,
    partners: ["scmi"],
    gcmObjectives: [10, 11],
    locations: ["Tbilisi", "Batumi"],
    start: "2024-01",
    end: "2025-12",
  }));
  replaceWorkplanActivities(db, { id: workplan.id, networkId: NETWORK }, activities);
  // an empty document with this index: the start-up re-index must leave the rows alone
  markWorkplanIndexed(db, workplan.id, 0);
  const now = Date.now();
  db.transaction(() => {
    for (let i = 0; i < WARNINGS; i++) {
      const a = activities[i % ACTIVITIES];
      const b = activities[(i + 1) % ACTIVITIES];
      if (!a || !b) continue;
      const [first, second] = a.id < b.id ? [a, b] : [b, a];
      insertWarning(
        db,
        {
          networkId: NETWORK,
          a: { workplanId: workplan.id, activityId: first.id },
          b: { workplanId: workplan.id, activityId: second.id },
          score: 0.8,
          reasons: ["Same objectives, places and period", "Led by different organisations"],
        },
        now,
      );
    }
  })();
  db.close();
}

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

type Phase = {
  health: number[];
  pages: number[];
  bytes: number;
  clientsCpuMs: number;
  statuses: Map<string, number>;
  byPath: Map<string, number[]>;
};

/**
 * /health one request at a time, from a process of its own: the clients' own work (70 requests
 * in flight, their answers read) must not delay the probe and be blamed on the server.
 */
function healthFromAnotherProcess(url: string, forMs: number): Promise<number[]> {
  const script = `
    const deadline = performance.now() + ${Math.max(0, Math.round(forMs))};
    // not counted: a new process's first fetch loads and compiles its HTTP client (70-300 ms
    // on this machine, in either phase), which says nothing about the server
    await fetch(${JSON.stringify(`${url}/health`)}).then((response) => response.arrayBuffer(), () => {});
    const times = [];
    while (performance.now() < deadline) {
      const started = performance.now();
      try {
        const response = await fetch(${JSON.stringify(`${url}/health`)}, { signal: AbortSignal.timeout(${REQUEST_TIMEOUT_MS}) });
        await response.arrayBuffer();
        times.push(performance.now() - started);
      } catch {
        times.push(${REQUEST_TIMEOUT_MS});
      }
      await new Promise((done) => setTimeout(done, 20));
    }
    process.stdout.write(JSON.stringify(times));
  `;
  return jsonFromScript<number[]>(script);
}

/** Runs `script` (an ES module) in a Node process of its own; answers the JSON it printed. */
function jsonFromScript<T>(script: string, ...args: string[]): Promise<T> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ["--input-type=module", "-e", script, ...args], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
    });
    child.once("error", fail);
    child.once("exit", () => {
      try {
        done(JSON.parse(out) as T);
      } catch (error) {
        fail(error);
      }
    });
  });
}

/**
 * The CPU time a process has used, in ms (Linux's /proc, whose ticks are 10 ms), or null: unlike
 * latency, what a page load costs the server does not depend on how busy the machine is.
 */
function cpuMsOf(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    const ms = (Number(fields[11]) + Number(fields[12])) * 10;
    return Number.isFinite(ms) ? ms : null;
  } catch {
    return null;
  }
}

function emptyPhase(): Phase {
  return {
    health: [],
    pages: [],
    bytes: 0,
    clientsCpuMs: 0,
    statuses: new Map(),
    byPath: new Map(),
  };
}

type ClientsReport = {
  pages: number[];
  bytes: number;
  statuses: [string, number][];
  byPath: [string, number[]][];
  cpuMs: number;
};

/**
 * `tokens.length` clients loading pages for `forMs`, each one page load after the other, from a
 * process of its own at niceness CLIENTS_NICE; answers what they measured and the CPU they used.
 */
function clientsInAnotherProcess(
  url: string,
  tokens: readonly string[],
  forMs: number,
): Promise<ClientsReport> {
  const script = `
    import { setPriority } from "node:os";
    const { url, tokens, paths, forMs, pauseMs, timeoutMs, nice } = JSON.parse(process.argv[1]);
    try { setPriority(nice); } catch { /* not allowed here: share the cores evenly */ }
    const cpuBefore = process.cpuUsage();
    const report = { pages: [], bytes: 0, statuses: {}, byPath: {} };
    const deadline = performance.now() + forMs;
    await Promise.all(tokens.map(async (token) => {
      while (performance.now() < deadline) {
        const started = performance.now();
        await Promise.all(paths.map(async (path) => {
          let status = "timeout";
          const started = performance.now();
          try {
            const response = await fetch(url + path, {
              headers: { authorization: "Bearer " + token },
              signal: AbortSignal.timeout(timeoutMs),
            });
            report.bytes += (await response.arrayBuffer()).byteLength;
            status = String(response.status);
          } catch {
            // cut off: counted as a timeout
          }
          report.statuses[status] = (report.statuses[status] ?? 0) + 1;
          (report.byPath[path] ??= []).push(performance.now() - started);
        }));
        report.pages.push(performance.now() - started);
        if (pauseMs > 0) await new Promise((done) => setTimeout(done, pauseMs));
      }
    }));
    const cpu = process.cpuUsage(cpuBefore);
    process.stdout.write(JSON.stringify({
      pages: report.pages,
      bytes: report.bytes,
      statuses: Object.entries(report.statuses),
      byPath: Object.entries(report.byPath),
      cpuMs: (cpu.user + cpu.system) / 1000,
    }));
  `;
  const input = JSON.stringify({
    url,
    tokens,
    paths: PAGE_REQUESTS,
    forMs: Math.max(0, Math.round(forMs)),
    pauseMs: PAUSE_MS,
    timeoutMs: REQUEST_TIMEOUT_MS,
    nice: CLIENTS_NICE,
  });
  return jsonFromScript<ClientsReport>(script, input);
}

/** For `forMs`: /health one request at a time, and `tokens.length` clients loading pages. */
async function measure(
  url: string,
  tokens: readonly string[],
  forMs: number,
  phase: Phase = emptyPhase(),
): Promise<Phase> {
  const clients = tokens.length > 0 ? clientsInAnotherProcess(url, tokens, forMs) : null;
  phase.health.push(...(await healthFromAnotherProcess(url, forMs)));
  const report = await clients;
  if (report) {
    phase.pages.push(...report.pages);
    phase.bytes += report.bytes;
    phase.clientsCpuMs += report.cpuMs;
    for (const [status, count] of report.statuses) {
      phase.statuses.set(status, (phase.statuses.get(status) ?? 0) + count);
    }
    for (const [path, times] of report.byPath) {
      phase.byPath.set(path, [...(phase.byPath.get(path) ?? []), ...times]);
    }
  }
  return phase;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), "junction-bench-collections-"));
  // first start seeds the demo network; the bench workplan is added while the server is down
  await stopServer((await startServer(SERVER_DIR, dataDir)).child);
  await addBenchWorkplan(dataDir);
  const { url, child } = await startServer(SERVER_DIR, dataDir);
  const tokens = await Promise.all(
    Array.from({ length: CLIENTS }, (_, i) => tokenFor(url, MEMBERS[i % MEMBERS.length] ?? "")),
  );

  // not counted: the first requests compile the routes, the first probe process warms the cache
  await measure(url, [], WARM_UP_MS);
  await measure(url, tokens, WARM_UP_MS);
  const idle = emptyPhase();
  const loaded = emptyPhase();
  const perRound: string[] = [];
  const loads: number[] = [loadavg()[0] ?? 0];
  let loadedCpuMs: number | null = 0;
  for (let round = 0; round < ROUNDS; round++) {
    // alternate which goes first, so a machine getting busier or quieter weighs on both alike
    const order = round % 2 === 0 ? ["idle", "loaded"] : ["loaded", "idle"];
    const p99s: Record<string, number> = {};
    for (const which of order) {
      const phase = which === "idle" ? idle : loaded;
      const from = phase.health.length;
      const cpuBefore = cpuMsOf(child.pid);
      await measure(url, which === "idle" ? [] : tokens, PHASE_MS, phase);
      const cpuAfter = cpuMsOf(child.pid);
      if (which === "loaded") {
        loadedCpuMs =
          loadedCpuMs === null || cpuBefore === null || cpuAfter === null
            ? null
            : loadedCpuMs + cpuAfter - cpuBefore;
      }
      const own = phase.health.slice(from).sort((a, b) => a - b);
      p99s[which] = percentile(own, 99);
      loads.push(loadavg()[0] ?? 0);
    }
    perRound.push(
      `round ${round + 1}: p99 idle ${p99s.idle?.toFixed(1)} ms, under load ${p99s.loaded?.toFixed(1)} ms`,
    );
  }

  const health = (phase: Phase) => [...phase.health].sort((a, b) => a - b);
  const idleSorted = health(idle);
  const loadedSorted = health(loaded);
  const row = (label: string, p: number) => {
    const a = percentile(idleSorted, p);
    const b = percentile(loadedSorted, p);
    return `| ${label} | ${a.toFixed(1)} | ${b.toFixed(1)} | ${(b / a).toFixed(1)}x |`;
  };
  const pages = [...loaded.pages].sort((a, b) => a - b);
  const statuses = [...loaded.statuses]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([status, count]) => `${count}x ${status}`)
    .join(", ");
  process.stdout.write(
    [
      `server: ${SERVER_DIR}`,
      `network: ${ACTIVITIES} activities, ${WARNINGS} open warnings; ${CLIENTS} clients loading the Warnings page and My work in a loop (${PAUSE_MS} ms pause between loads), from a process of their own at niceness ${CLIENTS_NICE}`,
      `${ROUNDS} rounds of ${PHASE_MS / 1000} s idle and ${PHASE_MS / 1000} s under load, alternating, after ${WARM_UP_MS / 1000} s of each not counted; ${cpus().length} CPUs, load average (1 min) ${Math.min(...loads).toFixed(1)}-${Math.max(...loads).toFixed(1)}`,
      "",
      "| /health | idle ms | under load ms | ratio |",
      "| --- | ---: | ---: | ---: |",
      row("p50", 50),
      row("p95", 95),
      row("p99", 99),
      `| samples | ${idleSorted.length} | ${loadedSorted.length} | |`,
      "",
      ...perRound,
      "",
      `page loads under load: ${pages.length} (p50 ${percentile(pages, 50).toFixed(0)} ms, p99 ${percentile(pages, 99).toFixed(0)} ms), ${(loaded.bytes / 1e6).toFixed(1)} MB answered, ${statuses}`,
      loadedCpuMs === null
        ? "server CPU per page load: not measured (no /proc)"
        : `server CPU per page load (${PAGE_REQUESTS.length} requests): ${(loadedCpuMs / Math.max(1, pages.length)).toFixed(1)} ms (${(loadedCpuMs / (ROUNDS * PHASE_MS)).toFixed(2)} of a core), the clients' own: ${(loaded.clientsCpuMs / Math.max(1, pages.length)).toFixed(1)} ms (${(loaded.clientsCpuMs / (ROUNDS * PHASE_MS)).toFixed(2)} of a core)`,
      ...[...loaded.byPath].map(([path, times]) => {
        const sorted = [...times].sort((a, b) => a - b);
        return `  ${path}: p50 ${percentile(sorted, 50).toFixed(0)} ms, p99 ${percentile(sorted, 99).toFixed(0)} ms`;
      }),
      `(a request taking over ${REQUEST_TIMEOUT_MS / 1000} s is cut off: a timeout, its /health sample counted as ${REQUEST_TIMEOUT_MS / 1000} s)`,
      `goal: p99 under load at most 3x idle: ${percentile(loadedSorted, 99) <= 3 * percentile(idleSorted, 99) ? "met" : "missed"}`,
      "",
    ].join("\n"),
  );

  await stopServer(child);
  rmSync(dataDir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
