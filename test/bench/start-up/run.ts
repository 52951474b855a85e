// Start-up benchmark: how long the real server takes to answer /health, and its memory once idle,
// on an archive of generated workplans, started several times on the same data. Prints a table.
// The archive holds its activity index, as any database a previous version ran on does; with
// --no-index it holds only the documents. Usage: pnpm bench:start-up [workplans] [--no-index]
// START_UP_BENCH_SERVER=<dir of an apps/server checkout> measures another version of the server.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { readActivities } from "@junction/domain/doc";
import {
  createNetwork,
  createOrganisation,
  createSqliteUpdateLog,
  createWorkplan,
  openDatabase,
  replaceWorkplanActivities,
  seedDemoNetwork,
} from "@junction/store";
import * as Y from "yjs";
import { generatedWorkplanUpdate } from "../generated-workplans";
import { delay, freePort } from "../server-process";

const SERVER_DIR = resolve(
  process.env.START_UP_BENCH_SERVER ??
    fileURLToPath(new URL("../../../apps/server", import.meta.url)),
);
const TSX_LOADER = import.meta.resolve("tsx");
const WORKPLANS = Number(process.argv.slice(2).find((arg) => /^\d+$/.test(arg)) ?? 2000);
const WITH_INDEX = !process.argv.includes("--no-index");
const WORKPLANS_PER_NETWORK = 100;
const STARTS = 3;
const IDLE_MS = 5_000;

/** The demo network, then `count` workplans of 12 activities in networks of 100 workplans. */
function generateArchive(dataDir: string, count: number): void {
  const db = openDatabase(join(dataDir, "junction.db"));
  // nobody signs in here: any string stands in for the demo users' password hash
  seedDemoNetwork(db, "not-a-password-hash");
  const log = createSqliteUpdateLog(db);
  const write = db.transaction(() => {
    let networkId = "";
    for (let i = 0; i < count; i++) {
      if (i % WORKPLANS_PER_NETWORK === 0) {
        const n = i / WORKPLANS_PER_NETWORK + 1;
        networkId = createNetwork(db, {
          name: `Generated network ${n}`,
          country: "Testland",
          description: "",
        }).id;
        for (const acronym of ["IOM", "UNICEF", "UNDP", "ILO", "MoIDP"]) {
          createOrganisation(db, { networkId, name: acronym, acronym, type: "un-agency" });
        }
      }
      const workplan = createWorkplan(db, {
        networkId,
        title: `Generated workplan ${i + 1}`,
        createdBy: null,
      });
      const update = generatedWorkplanUpdate(i + 1);
      log.append([{ docName: workplan.id, updates: [update] }]);
      if (WITH_INDEX) {
        const ydoc = new Y.Doc();
        Y.applyUpdate(ydoc, update);
        replaceWorkplanActivities(db, workplan, readActivities(ydoc));
        ydoc.destroy();
      }
    }
  });
  write();
  db.close();
}

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

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]) / 1024;
}

type Start = { healthMs: number; rssMb: number; stopMs: number; exitCode: number | null };

async function startOnce(dataDir: string): Promise<Start> {
  const port = await freePort();
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, serverCommand(), {
    cwd: SERVER_DIR,
    env: {
      ...process.env,
      HOST: "127.0.0.1",
      PORT: String(port),
      JUNCTION_DATA_DIR: dataDir,
      JUNCTION_LOG_LEVEL: "error",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  let healthMs = Number.NaN;
  for (;;) {
    if (child.exitCode !== null) throw new Error("the server exited early");
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) {
        healthMs = performance.now() - started;
        break;
      }
    } catch {
      // not listening yet
    }
    await delay(20);
  }
  await delay(IDLE_MS);
  const rss = rssMb(child.pid ?? 0);
  const stopping = performance.now();
  const exited = new Promise<number | null>((done) => child.once("exit", done));
  child.kill("SIGTERM");
  const exitCode = await exited;
  return { healthMs, rssMb: rss, stopMs: performance.now() - stopping, exitCode };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), "junction-bench-start-up-"));
  const generating = performance.now();
  generateArchive(dataDir, WORKPLANS);
  process.stderr.write(
    `generated ${WORKPLANS} workplans in ${((performance.now() - generating) / 1000).toFixed(1)} s\n`,
  );
  const rows = [
    `server: node ${serverCommand()
      .map((arg) => arg.replace(`${SERVER_DIR}/`, ""))
      .join(" ")}`,
    "",
    `| start (${WORKPLANS} workplans) | /health after s | RSS MB after ${IDLE_MS / 1000} s idle | SIGTERM to exit ms | exit code |`,
    "| --- | ---: | ---: | ---: | ---: |",
  ];
  for (let i = 0; i < STARTS; i++) {
    const start = await startOnce(dataDir);
    const first = WITH_INDEX ? "first (index of an older version)" : "first (no activity index)";
    const name = i === 0 ? first : `again (#${i + 1})`;
    rows.push(
      `| ${name} | ${(start.healthMs / 1000).toFixed(2)} | ${start.rssMb.toFixed(0)} | ${start.stopMs.toFixed(0)} | ${start.exitCode} |`,
    );
    process.stderr.write(`${rows.at(-1)}\n`);
  }
  process.stdout.write(`\n${rows.join("\n")}\n`);
  rmSync(dataDir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
