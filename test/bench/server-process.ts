// What the benchmarks that run the real server as a process share: a free port, a pause,
// starting `src/main.ts` through tsx on a data directory until /health answers, and cores of
// their own for the servers a benchmark measures (`pinBenchToFirstCore`, `pinServer`).
// BENCH_SERVER_NODE_ARGS adds Node options to the server alone (NODE_OPTIONS refuses some, and
// reaches the bench's own processes too), e.g. "--cpu-prof --cpu-prof-dir=<dir>" to profile it.
import { type ChildProcess, execFileSync, type StdioOptions, spawn } from "node:child_process";
import { createServer } from "node:net";
import { availableParallelism } from "node:os";

export const delay = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => done(typeof address === "object" && address ? address.port : 0));
    });
  });
}

let pinned = false;

/**
 * Where the machine allows it (Linux with `taskset`, two cores or more), keeps this process, the
 * benchmark's clients, on the first core, and each server then started by `pinServer` on the
 * second: a server under measurement neither shares its core with the load nor moves between
 * cores from one run to the next. On a 2-core VM, unpinned, the reference server's CPU per update
 * moved between 146 and 236 µs from one set of runs to the next; pinned, three sets in a row
 * stayed within 3% (the machine as a whole still drifts: a set half an hour later was 17%
 * higher, which is why the servers alternate). BENCH_PIN=0 leaves the cores to the system.
 * Answers whether it pinned.
 */
export function pinBenchToFirstCore(): boolean {
  if (process.env.BENCH_PIN === "0" || process.platform !== "linux") return false;
  if (availableParallelism() < 2) return false;
  pinned = setAffinity(process.pid, 0);
  return pinned;
}

/** Moves every thread of `pid` to `core`; threads it starts later inherit it. */
function setAffinity(pid: number, core: number): boolean {
  try {
    execFileSync("taskset", ["-a", "-p", "-c", String(core), String(pid)], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** Pins a server under measurement to the second core, once the bench pinned itself. */
export function pinServer(child: ChildProcess): void {
  if (pinned && child.pid !== undefined) setAffinity(child.pid, 1);
}

/** The Node options BENCH_SERVER_NODE_ARGS gives the server under measurement (none by default). */
export function benchServerNodeArgs(): string[] {
  return (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
}

/** Starts the server of `serverDir` (through tsx) on `dataDir` and waits until /health answers. */
export async function startServer(
  serverDir: string,
  dataDir: string,
  options: { env?: Record<string, string>; stdio?: StdioOptions } = {},
): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const nodeArgs = benchServerNodeArgs();
  const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", "src/main.ts"], {
    cwd: serverDir,
    env: {
      ...process.env,
      HOST: "127.0.0.1",
      PORT: String(port),
      JUNCTION_DATA_DIR: dataDir,
      JUNCTION_LOG_LEVEL: "error",
      ...options.env,
    },
    stdio: options.stdio ?? ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 300; attempt++) {
    try {
      if ((await fetch(`${url}/health`)).ok) return { url, child };
    } catch {
      // not listening yet
    }
    await delay(100);
  }
  throw new Error("the server did not start");
}
