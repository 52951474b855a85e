// Sync benchmark: @junction/sync (with the SQLite update log), and the whole Junction server as
// `pnpm start` runs it, against @y/websocket-server 0.1.1. Each server runs in its own child
// process so its CPU and memory are measured alone; the stock y-websocket clients run here.
// Prints one table. Usage: pnpm bench:sync
// SYNC_BENCH_RUNS=<n> runs every server n times, alternating, and keeps each one's median run
// (by CPU per update); SYNC_BENCH_ONLY=<text> runs only scenarios whose name contains it;
// SYNC_BENCH_PROFILE=<dir> writes a V8 CPU profile of every server process there;
// SYNC_BENCH_SERVER=<dir> measures another checkout's apps/server.
import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import * as Y from "yjs";
import { pinBenchToFirstCore, pinServer } from "../server-process";
import {
  type Client,
  connect,
  connectInChunks,
  percentile,
  type RoomServer,
  runWorkplanTyping,
  synced,
  typeInRounds,
  until,
} from "../workplan-typing";
import { type JunctionProcess, startJunctionProcess } from "./junction-process";
import type { FromServer, ServerKind, ToServer } from "./server";

const SERVER_SCRIPT = fileURLToPath(new URL("./server.ts", import.meta.url));
const TSX_LOADER = import.meta.resolve("tsx");
const ONLY = process.env.SYNC_BENCH_ONLY ?? "";
const PROFILE_DIR = process.env.SYNC_BENCH_PROFILE ?? "";
const RUNS = Math.max(1, Number(process.env.SYNC_BENCH_RUNS ?? 1));

type Usage = { cpuMicros: number; rss: number; appended: number };

type ServerHandle = {
  readonly url: string;
  usage(): Promise<Usage>;
  stop(): Promise<void>;
};

async function startServer(kind: ServerKind): Promise<ServerHandle> {
  const child: ChildProcess = fork(SERVER_SCRIPT, [kind], {
    execArgv: [
      "--import",
      TSX_LOADER,
      ...(PROFILE_DIR ? ["--cpu-prof", "--cpu-prof-dir", PROFILE_DIR] : []),
    ],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  pinServer(child);
  const next = <T extends FromServer["type"]>(type: T): Promise<Extract<FromServer, { type: T }>> =>
    new Promise((resolve, reject) => {
      const onMessage = (message: FromServer): void => {
        if (message.type !== type) return;
        child.off("message", onMessage);
        resolve(message as Extract<FromServer, { type: T }>);
      };
      child.on("message", onMessage);
      child.once("exit", (code) => reject(new Error(`${kind} server exited with ${code}`)));
    });
  const request = (message: ToServer): void => {
    child.send(message);
  };
  const { port } = await next("ready");
  return {
    url: `ws://127.0.0.1:${port}`,
    async usage() {
      const answer = next("usage");
      request({ type: "usage" });
      const { cpuMicros, rss, appended } = await answer;
      return { cpuMicros, rss, appended };
    },
    async stop() {
      const stopped = next("stopped");
      request({ type: "stop" });
      await stopped;
    },
  };
}

/** The servers a scenario compares: the sync package alone, or the whole Junction server. */
type Kind = ServerKind | "app";

type Result = {
  scenario: string;
  kind: Kind;
  samples: number;
  p50: number;
  p95: number;
  p99: number;
  /** Server CPU per delivered update (or per joiner for the join storm), microseconds. */
  cpuPerUnit: number;
  unit: string;
  rssMb: number;
  wallMs: number;
};

function summarise(
  scenario: string,
  kind: Kind,
  latencies: number[],
  cpuMicros: number,
  units: number,
  unit: string,
  rss: number,
  wallMs: number,
): Result {
  const sorted = Float64Array.from(latencies).sort();
  return {
    scenario,
    kind,
    samples: latencies.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    cpuPerUnit: cpuMicros / Math.max(1, units),
    unit,
    rssMb: rss / 1024 / 1024,
    wallMs,
  };
}

/**
 * Writers type one character per round into their own text; every other client in the room
 * records how long each character took to arrive.
 */
async function typingScenario(
  scenario: string,
  kind: ServerKind,
  rooms: number,
  clientsPerRoom: number,
  writersPerRoom: number,
  keystrokes: number,
  roundMs: number,
): Promise<Result> {
  const server = await startServer(kind);
  const specs = [];
  for (let r = 0; r < rooms; r++) {
    for (let c = 0; c < clientsPerRoom; c++) specs.push({ room: `room-${r}`, user: `u${r}-${c}` });
  }
  const clients = await connectInChunks(specs, ({ room, user }) => connect(server.url, room, user));
  const latencies: number[] = [];
  const writers: { client: Client; key: string; sentAt: Float64Array }[] = [];
  for (let r = 0; r < rooms; r++) {
    const members = clients.slice(r * clientsPerRoom, (r + 1) * clientsPerRoom);
    const roomWriters = members.slice(0, writersPerRoom).map((client, w) => ({
      client,
      key: `w${w}`,
      sentAt: new Float64Array(keystrokes),
    }));
    writers.push(...roomWriters);
    for (const writer of roomWriters) {
      for (const member of members) {
        if (member === writer.client) continue;
        const text = member.doc.getText(writer.key);
        let seen = 0;
        text.observe(() => {
          const now = performance.now();
          for (; seen < text.length; seen++) latencies.push(now - (writer.sentAt[seen] ?? now));
        });
      }
    }
  }
  const expected = rooms * writersPerRoom * (clientsPerRoom - 1) * keystrokes;
  const before = await server.usage();
  const started = performance.now();
  await typeInRounds(writers, keystrokes, roundMs, (writer, k) => {
    writer.client.doc.getText(writer.key).insert(k, "x");
  });
  await until(() => latencies.length >= expected, `${expected} deliveries (${kind} ${scenario})`);
  const wallMs = performance.now() - started;
  const after = await server.usage();
  for (const client of clients) client.destroy();
  await server.stop();
  return summarise(
    scenario,
    kind,
    latencies,
    after.cpuMicros - before.cpuMicros,
    expected,
    "µs/delivered update",
    after.rss,
    wallMs,
  );
}

function bigDocument(bytes: number): Y.Doc {
  const doc = new Y.Doc();
  const text = doc.getText("w0");
  const paragraph = `${"Return, readmission and sustainable reintegration of migrants. ".repeat(16)}\n`;
  doc.transact(() => {
    for (let size = 0; size < bytes; size += paragraph.length) text.insert(text.length, paragraph);
  });
  return doc;
}

/** Many clients open one large document at the same moment; each records how long until synced. */
async function joinStorm(
  kind: ServerKind,
  joiners: number,
  documentBytes: number,
): Promise<Result> {
  const server = await startServer(kind);
  const authorDoc = bigDocument(documentBytes);
  const author = connect(server.url, "storm", "author", authorDoc);
  const length = authorDoc.getText("w0").length;
  await synced(author);
  const probe = connect(server.url, "storm", "probe");
  await until(() => probe.doc.getText("w0").length === length, "the document to reach the server");
  probe.destroy();

  const before = await server.usage();
  const started = performance.now();
  const latencies: number[] = [];
  const clients = Array.from({ length: joiners }, (_, i) => {
    const client = connect(server.url, "storm", `joiner-${i}`);
    void synced(client).then(() => {
      if (client.doc.getText("w0").length === length) latencies.push(performance.now() - started);
    });
    return client;
  });
  await until(() => latencies.length === joiners, "every joiner to sync");
  const wallMs = performance.now() - started;
  const after = await server.usage();
  for (const client of [author, ...clients]) client.destroy();
  await server.stop();
  return summarise(
    "join storm",
    kind,
    latencies,
    after.cpuMicros - before.cpuMicros,
    joiners,
    "µs/joiner",
    after.rss,
    wallMs,
  );
}

type StoppableRoomServer = RoomServer & { stop(): Promise<void> };

async function startRoomServer(
  kind: "reference" | "app",
  rooms: number,
): Promise<StoppableRoomServer> {
  if (kind === "reference") {
    const server = await startServer("reference");
    return {
      syncUrls: [server.url],
      params: {},
      rooms: Array.from({ length: rooms }, (_, r) => `room-${r}`),
      usage: () => server.usage(),
      stop: () => server.stop(),
    };
  }
  const app: JunctionProcess = await startJunctionProcess();
  process.stderr.write(`  Junction server: ${app.command}\n`);
  return {
    syncUrls: [app.syncUrl],
    params: { token: app.token },
    rooms: await app.createWorkplans(rooms),
    usage: async () => app.usage(),
    stop: () => app.stop(),
  };
}

/** The workplan typing scenario (see `runWorkplanTyping`) against one server. */
async function workplanTyping(
  scenario: string,
  kind: "reference" | "app",
  rooms: number,
  clientsPerRoom: number,
  writersPerRoom: number,
  keystrokes: number,
  roundMs: number,
  warmupKeystrokes = 0,
): Promise<Result> {
  const server = await startRoomServer(kind, rooms);
  try {
    const load = { rooms, clientsPerRoom, writersPerRoom, keystrokes, roundMs, warmupKeystrokes };
    const outcome = await runWorkplanTyping(server, load);
    const { expected, latencies } = outcome;
    if (latencies.length < expected) {
      throw new Error(`Timed out waiting for ${expected} deliveries (${kind} ${scenario})`);
    }
    return summarise(
      scenario,
      kind,
      latencies,
      outcome.cpuMicros,
      expected,
      "µs/delivered update",
      outcome.rss,
      outcome.wallMs,
    );
  } finally {
    await server.stop();
  }
}

const scenarios: {
  name: string;
  kinds: readonly Kind[];
  run: (kind: Kind) => Promise<Result>;
}[] = [
  {
    name: "fan-out: 50 clients, 10 writers typing",
    kinds: ["reference", "junction"],
    run: (kind) => typingScenario("fan-out", kind as ServerKind, 1, 50, 10, 100, 50),
  },
  {
    name: "many rooms: 200 rooms x 5 clients",
    kinds: ["reference", "junction"],
    run: (kind) => typingScenario("many rooms", kind as ServerKind, 200, 5, 1, 20, 100),
  },
  {
    name: "join storm: 50 clients, 2 MB document",
    kinds: ["reference", "junction"],
    run: (kind) => joinStorm(kind as ServerKind, 50, 2 * 1024 * 1024),
  },
  {
    name: "server fan-out: 1 workplan, 50 clients, 10 writers at 20 edits/s",
    kinds: ["reference", "app"],
    run: (kind) =>
      workplanTyping("server fan-out", kind as "reference" | "app", 1, 50, 10, 100, 50),
  },
  {
    name: "server many rooms: 100 workplans x 3 clients, 1 writer at 2 edits/s",
    kinds: ["reference", "app"],
    run: (kind) =>
      workplanTyping("server many rooms", kind as "reference" | "app", 100, 3, 1, 40, 500),
  },
  {
    // the same, once each writer has typed 40 edits elsewhere: what a server that has run a while
    // spends (the row above includes compiling the hot code of a server just started)
    name: "server many rooms, warm: the same after 40 edits per writer",
    kinds: ["reference", "app"],
    run: (kind) =>
      workplanTyping(
        "server many rooms, warm",
        kind as "reference" | "app",
        100,
        3,
        1,
        40,
        500,
        40,
      ),
  },
];

const SERVER_NAMES: Record<Kind, string> = {
  reference: "@y/websocket-server 0.1.1",
  junction: "@junction/sync + SQLite",
  app: "Junction server (pnpm start)",
};

const format = (value: number, digits = 2): string =>
  Number.isFinite(value) ? value.toFixed(digits) : "-";

async function main(): Promise<void> {
  process.setMaxListeners(2000);
  const pinned = pinBenchToFirstCore();
  const rows: string[] = [
    "| scenario | server | samples | p50 ms | p95 ms | p99 ms | server CPU | RSS MB | wall s |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  const verdicts: string[] = [];
  for (const scenario of scenarios.filter(({ name }) => name.includes(ONLY))) {
    const runs = new Map<Kind, Result[]>();
    // alternating, so a machine busier for a while weighs on both servers alike
    for (let run = 1; run <= RUNS; run++) {
      for (const kind of scenario.kinds) {
        process.stderr.write(`${scenario.name} (${kind}, run ${run} of ${RUNS})...\n`);
        const result = await scenario.run(kind);
        runs.set(kind, [...(runs.get(kind) ?? []), result]);
      }
    }
    const results = new Map<Kind, Result>();
    for (const [kind, all] of runs) {
      const sorted = [...all].sort((a, b) => a.cpuPerUnit - b.cpuPerUnit);
      results.set(kind, sorted[Math.floor(sorted.length / 2)] as Result);
    }
    for (const kind of scenario.kinds) {
      const r = results.get(kind);
      if (!r) continue;
      rows.push(
        `| ${r.scenario} | ${SERVER_NAMES[kind]} | ${r.samples} | ${format(r.p50)} | ${format(r.p95)} | ${format(r.p99)} | ${format(r.cpuPerUnit, 1)} ${r.unit} | ${format(r.rssMb, 0)} | ${format(r.wallMs / 1000, 1)} |`,
      );
    }
    const ours = results.get("junction") ?? results.get("app");
    const reference = results.get("reference");
    if (ours && reference) {
      const p95 = ours.p95 / reference.p95;
      const cpu = ours.cpuPerUnit / reference.cpuPerUnit;
      rows.push(
        `| ${ours.scenario} | ratio ours/reference | | ${format(ours.p50 / reference.p50)} | ${format(p95)} | ${format(ours.p99 / reference.p99)} | ${format(cpu)} | ${format(ours.rssMb / reference.rssMb)} | ${format(ours.wallMs / reference.wallMs)} |`,
      );
      verdicts.push(
        ours.scenario === "join storm"
          ? `${ours.scenario}: p95 ${format(p95)}x of the reference (goal < 1: faster) ${p95 < 1 ? "ok" : "MISSED"}`
          : ours.kind === "app"
            ? `${ours.scenario}: CPU per delivered update ${format(cpu)}x (goal <= 1.25x) ${cpu <= 1.25 ? "ok" : "MISSED"}, p95 ${format(p95)}x`
            : `${ours.scenario}: p95 ${format(p95)}x, CPU ${format(cpu)}x (goal <= 1.25x) ${p95 <= 1.25 && cpu <= 1.25 ? "ok" : "MISSED"}`,
      );
    }
  }
  const pinning = pinned
    ? "clients on core 0, each server on core 1 (BENCH_PIN=0: unpinned)"
    : "unpinned (BENCH_PIN=0, not Linux, no taskset or one core): servers and clients share the cores";
  process.stdout.write(`\n${pinning}\n\n${rows.join("\n")}\n\n${verdicts.join("\n")}\n`);
}

await main();
