// A private PostgreSQL server for the test run: initdb into a temporary directory, started on a
// free port, stopped and removed at the end. Debian's packaged server binaries are used
// (apt-get install postgresql); initdb refuses to run as root, so as root it runs as `postgres`.
import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The directory holding initdb and pg_ctl, or null when PostgreSQL is not installed. */
export function postgresBinaries() {
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((name) => existsSync(join(debian, name, "bin", "initdb")))
      .sort((a, b) => Number(b) - Number(a));
    if (versions.length > 0) return join(debian, versions[0], "bin");
  }
  const found = spawnSync("sh", ["-c", "command -v initdb"], { encoding: "utf8" });
  const path = found.stdout.trim();
  return found.status === 0 && path ? join(path, "..") : null;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a throwaway PostgreSQL server; answers its URL, the server's pid (the parent of its
 * backends) and a `stop()` that removes it. Throws with the server's own words when it cannot
 * start.
 */
export async function startPostgres(bin) {
  const dir = mkdtempSync(join(tmpdir(), "junction-postgres-"));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) chownSync(dir, uidOf("postgres"), gidOf("postgres"));
  const run = (command, args) => {
    const file = join(bin, command);
    if (asRoot) {
      execFileSync("runuser", ["-u", "postgres", "--", file, ...args], { stdio: "pipe" });
    } else execFileSync(file, args, { stdio: "pipe" });
  };
  const port = await freePort();
  const data = join(dir, "data");
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=200`;
  const startServer = () =>
    run("pg_ctl", ["-D", data, "-o", options, "-l", join(dir, "log"), "-w", "start"]);
  try {
    run("initdb", ["-D", data, "-A", "trust", "-U", "junction", "--no-locale", "-E", "UTF8"]);
    // durability does not matter for a throwaway test server: fsync off makes commits cheap
    startServer();
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`PostgreSQL did not start: ${error.stderr?.toString() || error.message}`);
  }
  return {
    url: `postgres://junction@127.0.0.1:${port}/postgres`,
    /** The postmaster's process id (its first line in postmaster.pid); its backends are its children. */
    get pid() {
      return Number(readFileSync(join(data, "postmaster.pid"), "utf8").split("\n")[0]);
    },
    /** Stops the server, keeping its data: what an outage or a restart looks like to clients. */
    pause() {
      run("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]);
    },
    /** Starts it again after `pause`, on the same port with the same data. */
    resume() {
      startServer();
    },
    stop() {
      try {
        run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

function uidOf(user) {
  return Number(execFileSync("id", ["-u", user], { encoding: "utf8" }).trim());
}

function gidOf(user) {
  return Number(execFileSync("id", ["-g", user], { encoding: "utf8" }).trim());
}
