import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serverCommand } from "@junction/server/testing/command";
import { testDatabaseUrlFor } from "@junction/store/testing";

export type RunningServer = {
  url: string;
  dataDir: string;
  process: ChildProcess;
  stop: () => Promise<void>;
  output: () => string;
};

const root = new URL("../../../", import.meta.url).pathname;
const serverDir = join(root, "apps/server");

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function databaseUrlOf(dataDir: string): { DATABASE_URL?: string } {
  const url = testDatabaseUrlFor(dataDir);
  return url ? { DATABASE_URL: url } : {};
}

/** Starts the real server on a free port with a temporary data directory (demo seed unless told). */
export async function startServer(
  env: Record<string, string> = {},
  dataDir?: string,
): Promise<RunningServer> {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), "junction-e2e-"));
  const port = await freePort();
  let output = "";
  const child = spawn(process.execPath, serverCommand(), {
    cwd: serverDir,
    env: {
      ...process.env,
      HOST: "127.0.0.1",
      PORT: String(port),
      JUNCTION_DATA_DIR: dir,
      JUNCTION_LOG_LEVEL: "warn",
      // a test run on PostgreSQL gives each data directory a schema of its own
      ...databaseUrlOf(dir),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited early:\n${output}`);
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the server did not answer /health:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    dataDir: dir,
    process: child,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      if (!dataDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
