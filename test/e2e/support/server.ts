import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
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

/** The newest modification time of a file under `dir` (0 when there is none). */
function newestIn(dir: string): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestIn(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * How the server starts: compiled, as `pnpm start` runs it in production (and a second sooner),
 * when its build (which `pnpm test` makes first) is newer than every source it was built from;
 * from the TypeScript sources otherwise, so a test never runs yesterday's build.
 */
const serverCommand: string[] = (() => {
  const built = join(serverDir, "dist/main.js");
  const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
  const sources = [
    join(serverDir, "src"),
    ...readdirSync(join(root, "packages")).map((name) => join(root, "packages", name, "src")),
  ];
  const fresh = builtAt > 0 && sources.every((dir) => newestIn(dir) < builtAt);
  return fresh ? [built] : ["--import", "tsx", "src/main.ts"];
})();

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
  const child = spawn(process.execPath, serverCommand, {
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
