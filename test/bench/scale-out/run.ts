// Scale-out benchmark: the whole Junction server (as `pnpm start` runs it) on its SQLite file,
// on PostgreSQL, and as two processes on that PostgreSQL joined by Redis, each room's clients
// split over both. The workplan fan-out and many-rooms scenarios of bench:sync run against each,
// alternating, in one run; the PostgreSQL and Redis servers are private to the run.
// Prints one table. Usage: pnpm bench:scale-out
// SCALE_BENCH_SECONDS=<s> types for s seconds in every scenario (default 8);
// SCALE_BENCH_RUNS=<n> runs every setup n times and keeps each one's median run (by CPU per
// update); SCALE_BENCH_ONLY=<text> runs only scenarios whose name contains it.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { postgresBinaries, startPostgres, type TestPostgres } from "../../../scripts/services.mjs";
import { freePort } from "../server-process";
import { type JunctionProcess, processUsage, startJunctionProcess } from "../sync/junction-process";
import {
  percentile,
  type RoomServer,
  runWorkplanTyping,
  type TypingLoad,
  type TypingOutcome,
} from "../workplan-typing";

const SECONDS = Math.max(1, Number(process.env.SCALE_BENCH_SECONDS ?? 8));
const RUNS = Math.max(1, Number(process.env.SCALE_BENCH_RUNS ?? 1));
const ONLY = process.env.SCALE_BENCH_ONLY ?? "";

type SetupName = "sqlite" | "postgres" | "bus";

const SETUPS: readonly { name: SetupName; label: string }[] = [
  { name: "sqlite", label: "1 process, SQLite" },
  { name: "postgres", label: "1 process, PostgreSQL" },
  { name: "bus", label: "2 processes, PostgreSQL + Redis" },
];

const SCENARIOS: readonly { name: string; load: TypingLoad }[] = [
  {
    name: "fan-out: 1 workplan, 50 clients, 10 writers at 20 edits/s",
    load: {
      rooms: 1,
      clientsPerRoom: 50,
      writersPerRoom: 10,
      keystrokes: SECONDS * 20,
      roundMs: 50,
    },
  },
  {
    name: "many rooms: 100 workplans x 3 clients, 1 writer at 2 edits/s",
    load: {
      rooms: 100,
      clientsPerRoom: 3,
      writersPerRoom: 1,
      keystrokes: SECONDS * 2,
      roundMs: 500,
    },
  },
];

type Redis = { url: string; pid: number; stop(): Promise<void> };

type Services = { postgres: TestPostgres | null; redis: Redis | null };

/** A private redis-server on a free port that saves nothing; ready when it says so. */
async function startRedis(): Promise<Redis> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { cwd: tmpdir(), stdio: ["ignore", "pipe", "inherit"] },
  );
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((done) => child.once("exit", done));
    child.kill("SIGTERM");
    await exited;
  };
  try {
    await new Promise<void>((ready, fail) => {
      let output = "";
      const timer = setTimeout(
        () => fail(new Error(`redis-server did not start: ${output}`)),
        10_000,
      );
      child.once("error", fail);
      child.once("exit", (code) => fail(new Error(`redis-server exited with ${code}: ${output}`)));
      child.stdout?.on("data", (data: Buffer) => {
        output += data.toString();
        if (!output.includes("Ready to accept connections")) return;
        clearTimeout(timer);
        ready();
      });
    });
  } catch (error) {
    await stop();
    throw error;
  }
  child.stdout?.resume();
  return { url: `redis://127.0.0.1:${port}`, pid: child.pid ?? 0, stop };
}

function hasRedis(): boolean {
  const found = spawnSync("redis-server", ["--version"], { stdio: "ignore" });
  return found.error === undefined && found.status === 0;
}

/** The processes whose parent is `parentPid`, read from /proc. */
function childPids(parentPid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // the parent's pid is the 2nd field after the command name
      if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === parentPid) {
        children.push(Number(entry));
      }
    } catch {
      // the process ended meanwhile
    }
  }
  return children;
}

/** CPU of a process and its children, e.g. PostgreSQL's postmaster and its backends. */
function treeCpuMicros(rootPid: number): number {
  let total = 0;
  for (const pid of [rootPid, ...childPids(rootPid)]) {
    try {
      total += processUsage(pid).cpuMicros;
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

type Cleanups = (() => Promise<void> | void)[];

type Deployment = RoomServer & { stop(): Promise<void> };

let schemas = 0;

async function startDeployment(
  setup: SetupName,
  rooms: number,
  { postgres, redis }: Services,
  cleanups: Cleanups,
): Promise<Deployment> {
  const env: Record<string, string> = {};
  if (setup !== "sqlite") {
    if (!postgres) throw new Error("PostgreSQL is not running");
    // a schema of its own, so that every run starts from an empty database
    schemas++;
    env.DATABASE_URL = `${postgres.url}?schema=bench_${schemas}`;
  }
  if (setup === "bus") {
    if (!redis) throw new Error("Redis is not running");
    env.REDIS_URL = redis.url;
  }
  const dataDir = mkdtempSync(join(tmpdir(), "junction-bench-scale-"));
  const processes: JunctionProcess[] = [];
  const stop = async (): Promise<void> => {
    const registered = cleanups.indexOf(stop);
    if (registered >= 0) cleanups.splice(registered, 1);
    for (const junction of processes) await junction.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  cleanups.push(stop);
  try {
    // one after the other, on one data directory: the first seeds the database
    for (let i = 0; i < (setup === "bus" ? 2 : 1); i++) {
      processes.push(await startJunctionProcess({ env, dataDir }));
    }
    const [first] = processes;
    if (!first) throw new Error("no Junction process started");
    const ids = await first.createWorkplans(rooms);
    return {
      syncUrls: processes.map((junction) => junction.syncUrl),
      params: { token: first.token },
      rooms: ids,
      usage: async () => {
        const usages = processes.map((junction) => junction.usage());
        return {
          cpuMicros: usages.reduce((sum, usage) => sum + usage.cpuMicros, 0),
          rss: usages.reduce((sum, usage) => sum + usage.rss, 0),
          serviceCpuMicros:
            (postgres && setup !== "sqlite" ? treeCpuMicros(postgres.pid) : 0) +
            (redis && setup === "bus" ? processUsage(redis.pid).cpuMicros : 0),
        };
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

type Result = {
  outcome: TypingOutcome;
  /** Junction's CPU (all its processes) per delivered update, microseconds. */
  cpuPerUpdate: number;
  /** PostgreSQL's and Redis' CPU per delivered update, microseconds. */
  servicePerUpdate: number;
};

async function measure(
  setup: SetupName,
  load: TypingLoad,
  services: Services,
  cleanups: Cleanups,
): Promise<Result> {
  const deployment = await startDeployment(setup, load.rooms, services, cleanups);
  try {
    const outcome = await runWorkplanTyping(deployment, load);
    const delivered = Math.max(1, outcome.latencies.length);
    return {
      outcome,
      cpuPerUpdate: outcome.cpuMicros / delivered,
      servicePerUpdate: outcome.serviceCpuMicros / delivered,
    };
  } finally {
    await deployment.stop();
  }
}

const format = (value: number, digits = 2): string =>
  Number.isFinite(value) ? value.toFixed(digits) : "-";

function latencyPercentiles(latencies: number[]): [string, string] {
  if (latencies.length === 0) return ["-", "-"];
  const sorted = Float64Array.from(latencies).sort();
  return [format(percentile(sorted, 50)), format(percentile(sorted, 95))];
}

function row(
  scenario: string,
  label: string,
  result: Result,
  reference: Result | undefined,
): string {
  const { outcome, cpuPerUpdate, servicePerUpdate } = result;
  const total = cpuPerUpdate + servicePerUpdate;
  const referenceTotal = reference ? reference.cpuPerUpdate + reference.servicePerUpdate : 0;
  const [p50, p95] = latencyPercentiles(outcome.latencies);
  const [crossP50, crossP95] = latencyPercentiles(outcome.crossLatencies);
  const delivered = outcome.latencies.length;
  const cells = [
    scenario.split(":")[0],
    label,
    delivered === outcome.expected ? `${delivered}` : `**${delivered} of ${outcome.expected}**`,
    format(cpuPerUpdate, 1),
    reference ? `${format(cpuPerUpdate / reference.cpuPerUpdate)}x` : "-",
    format(servicePerUpdate, 1),
    reference ? `${format(total / referenceTotal)}x` : "-",
    p50,
    p95,
    crossP50,
    crossP95,
    format(outcome.wallMs / 1000, 1),
  ];
  return `| ${cells.join(" | ")} |`;
}

/** Starts PostgreSQL and Redis where installed; says why a setup cannot run. */
async function startServices(cleanups: Cleanups, notes: string[]): Promise<Services> {
  const services: Services = { postgres: null, redis: null };
  const bin = postgresBinaries();
  if (!bin) {
    notes.push(
      "PostgreSQL is not installed (apt-get install -y postgresql): setups 2 and 3 skipped",
    );
    return services;
  }
  try {
    const postgres = await startPostgres(bin);
    cleanups.push(() => postgres.stop());
    services.postgres = postgres;
  } catch (error) {
    notes.push(`${error instanceof Error ? error.message : error}: setups 2 and 3 skipped`);
    return services;
  }
  if (!hasRedis()) {
    notes.push("redis-server is not installed (apt-get install -y redis-server): setup 3 skipped");
    return services;
  }
  try {
    const redis = await startRedis();
    cleanups.push(() => redis.stop());
    services.redis = redis;
  } catch (error) {
    notes.push(`${error instanceof Error ? error.message : error}: setup 3 skipped`);
  }
  return services;
}

async function main(): Promise<void> {
  process.setMaxListeners(2000);
  const notes: string[] = [];
  const cleanups: Cleanups = [];
  const cleanUp = async (): Promise<void> => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      try {
        await cleanup();
      } catch (error) {
        process.stderr.write(`cleaning up failed: ${error}\n`);
      }
    }
  };
  // PostgreSQL runs detached from the terminal: an interrupted bench still stops it
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      process.stderr.write(`${signal}: stopping the servers...\n`);
      void cleanUp().finally(() => {
        // a Junction process still starting is not registered yet
        for (const pid of childPids(process.pid)) {
          try {
            process.kill(pid, "SIGTERM");
          } catch {
            // it ended meanwhile
          }
        }
        process.exit(130);
      });
    });
  }
  const loadBefore = loadavg()[0] ?? 0;
  const rows: string[] = [
    "| scenario | setup | delivered | Junction CPU µs/update | vs SQLite | PostgreSQL + Redis CPU µs/update | all CPU vs SQLite | p50 ms | p95 ms | cross-process p50 ms | cross-process p95 ms | wall s |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  try {
    const services = await startServices(cleanups, notes);
    const available = SETUPS.filter(
      ({ name }) =>
        name === "sqlite" ||
        (name === "postgres" && services.postgres) ||
        (name === "bus" && services.postgres && services.redis),
    );
    for (const scenario of SCENARIOS.filter(({ name }) => name.includes(ONLY))) {
      const runs = new Map<SetupName, Result[]>();
      // alternating, so a machine busier for a while weighs on every setup alike
      for (let run = 1; run <= RUNS; run++) {
        for (const setup of available) {
          process.stderr.write(`${scenario.name} (${setup.label}, run ${run} of ${RUNS})...\n`);
          try {
            const result = await measure(setup.name, scenario.load, services, cleanups);
            runs.set(setup.name, [...(runs.get(setup.name) ?? []), result]);
          } catch (error) {
            process.exitCode = 1;
            notes.push(`${scenario.name}, ${setup.label}, run ${run} failed: ${error}`);
          }
        }
      }
      const medians = new Map<SetupName, Result>();
      for (const [name, all] of runs) {
        const sorted = [...all].sort((a, b) => a.cpuPerUpdate - b.cpuPerUpdate);
        medians.set(name, sorted[Math.floor(sorted.length / 2)] as Result);
      }
      const reference = medians.get("sqlite");
      for (const setup of available) {
        const result = medians.get(setup.name);
        if (!result) continue;
        rows.push(row(scenario.name, setup.label, result, reference));
        const { expected, latencies } = result.outcome;
        if (latencies.length < expected) {
          notes.push(
            `${scenario.name}, ${setup.label}: ${expected - latencies.length} of ${expected} updates were not delivered within 30 s`,
          );
        }
      }
    }
  } finally {
    await cleanUp();
  }
  const loadAfter = loadavg()[0] ?? 0;
  process.stdout.write(
    [
      "",
      ...rows,
      "",
      `Ratios compare the setups of this run, measured on this machine (${availableParallelism()} cores, load average ${format(loadBefore, 1)} before, ${format(loadAfter, 1)} after), against the SQLite setup of the same scenario. Junction CPU is summed over its processes; "all CPU" adds PostgreSQL's and Redis'. Latency is from a writer's keystroke to a reader applying it; cross-process counts readers on the other process than the writer (setup 3 only). ${SECONDS} s of typing per scenario, ${RUNS === 1 ? "one run" : `median of ${RUNS} runs`} each.`,
      ...notes.map((note) => `Note: ${note}`),
      "",
    ].join("\n"),
  );
}

await main();
