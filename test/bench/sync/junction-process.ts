// The whole Junction server (what `pnpm start` runs: HTTP, auth, the activity indexer, the
// duplication engine, sync) as its own process, measured from the outside through /proc.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { benchServerNodeArgs, delay, freePort, pinServer } from "../server-process";

/** Another checkout's apps/server may be measured: SYNC_BENCH_SERVER=<dir>. */
const SERVER_DIR = resolve(
  process.env.SYNC_BENCH_SERVER ?? fileURLToPath(new URL("../../../apps/server", import.meta.url)),
);
const TSX_LOADER = import.meta.resolve("tsx");
const PROFILE_DIR = process.env.SYNC_BENCH_PROFILE ?? "";
const COORDINATOR = "tamar.kapanadze@example.org";
const CLOCK_TICKS = Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim()) || 100;

export type ProcessUsage = { cpuMicros: number; rss: number };

export type JunctionProcess = {
  readonly url: string;
  /** The sync endpoint, for `new WebsocketProvider(syncUrl, workplanId, ...)`. */
  readonly syncUrl: string;
  /** An API token of a coordinator of the demo network, for `?token=`. */
  readonly token: string;
  readonly command: string;
  createWorkplans(count: number): Promise<string[]>;
  usage(): ProcessUsage;
  stop(): Promise<void>;
};

let command: string[] | null = null;

/** What `pnpm start` runs: the server compiled afresh, or (older checkouts) its TypeScript. */
function serverCommand(): string[] {
  if (command) return command;
  if (existsSync(join(SERVER_DIR, "scripts", "build.mjs"))) {
    execFileSync(process.execPath, ["scripts/build.mjs"], { cwd: SERVER_DIR, stdio: "inherit" });
    command = [join(SERVER_DIR, "dist", "main.js")];
  } else {
    command = ["--import", TSX_LOADER, join(SERVER_DIR, "src", "main.ts")];
  }
  return command;
}

export function processUsage(pid: number): ProcessUsage {
  // fields after the command name: state is the 3rd, utime the 14th and stime the 15th
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]);
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]);
  return { cpuMicros: (ticks / CLOCK_TICKS) * 1e6, rss: rssKb * 1024 };
}

async function json<T>(response: Response): Promise<T> {
  if (!response.ok) throw new Error(`${response.url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export type JunctionProcessOptions = {
  /** Added to the server's environment, e.g. DATABASE_URL or REDIS_URL. */
  env?: Record<string, string>;
  /** A data directory the caller owns (and removes); by default a fresh one removed at stop. */
  dataDir?: string;
};

/** Starts the server on a fresh data directory (the demo network seeded) and signs in. */
export async function startJunctionProcess(
  options: JunctionProcessOptions = {},
): Promise<JunctionProcess> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), "junction-bench-app-"));
  const ownsDataDir = options.dataDir === undefined;
  const port = await freePort();
  const args = serverCommand();
  const profile = PROFILE_DIR ? ["--cpu-prof", "--cpu-prof-dir", PROFILE_DIR] : [];
  // as for the other benches' servers, e.g. "--perf-basic-prof" to read `perf` samples by function
  const nodeArgs = benchServerNodeArgs();
  const child: ChildProcess = spawn(process.execPath, [...profile, ...nodeArgs, ...args], {
    cwd: SERVER_DIR,
    env: {
      ...process.env,
      HOST: "127.0.0.1",
      PORT: String(port),
      JUNCTION_DATA_DIR: dataDir,
      JUNCTION_LOG_LEVEL: "error",
      JUNCTION_SYNC_MAX_CONNECTIONS_PER_ROOM: "500",
      ...options.env,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  pinServer(child);
  const url = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((done) => child.once("exit", done));
      child.kill("SIGTERM");
      // a shutdown that hangs must not leave the server running
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
    }
    if (ownsDataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  let session: { token: string; networkId: string };
  try {
    await answersHealth(url, child);
    session = await signIn(url);
  } catch (error) {
    await stop();
    throw error;
  }
  const { token, networkId } = session;
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  const pid = child.pid ?? 0;
  return {
    url,
    syncUrl: `ws://127.0.0.1:${port}/sync`,
    token,
    command: `node ${args.map((arg) => arg.replace(`${SERVER_DIR}/`, "")).join(" ")}`,
    async createWorkplans(count) {
      const ids: string[] = [];
      for (let i = 0; i < count; i++) {
        const workplan = await json<{ id: string }>(
          await fetch(`${url}/api/networks/${networkId}/workplans`, {
            method: "POST",
            headers,
            body: JSON.stringify({ title: `Bench workplan ${i + 1}` }),
          }),
        );
        ids.push(workplan.id);
      }
      return ids;
    },
    usage: () => processUsage(pid),
    stop,
  };
}

async function answersHealth(url: string, child: ChildProcess): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) throw new Error("the Junction server exited early");
    try {
      if ((await fetch(`${url}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    if (attempt > 600) throw new Error("the Junction server did not answer /health");
    await delay(100);
  }
}

/** Signs the coordinator in and answers an API token and the demo network's id. */
async function signIn(url: string): Promise<{ token: string; networkId: string }> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url },
    body: JSON.stringify({ email: COORDINATOR, password: "junction-demo" }),
  });
  await json(login);
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const { token } = await json<{ token: string }>(
    await fetch(`${url}/api/tokens`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: url, cookie },
      body: JSON.stringify({ name: "bench" }),
    }),
  );
  const headers = { authorization: `Bearer ${token}` };
  const [network] = await json<{ id: string }[]>(await fetch(`${url}/api/networks`, { headers }));
  if (!network) throw new Error("the demo network is missing");
  return { token, networkId: network.id };
}
