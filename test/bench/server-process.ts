// What the benchmarks that run the real server as a process share: a free port, a pause, and
// starting `src/main.ts` through tsx on a data directory until /health answers.
// BENCH_SERVER_NODE_ARGS adds Node options to the server alone (NODE_OPTIONS refuses some, and
// reaches the bench's own processes too), e.g. "--cpu-prof --cpu-prof-dir=<dir>" to profile it.
import { type ChildProcess, type StdioOptions, spawn } from "node:child_process";
import { createServer } from "node:net";

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
