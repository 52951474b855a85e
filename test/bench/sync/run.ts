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
import { NARRATIVE_FIELD } from "@junction/domain/doc";
import { WebSocket } from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { generatedWorkplanUpdate } from "../generated-workplans";
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

type Client = { readonly doc: Y.Doc; readonly provider: WebsocketProvider; destroy(): void };

function connect(
  url: string,
  room: string,
  user: string,
  doc = new Y.Doc(),
  params: Record<string, string> = { user },
): Client {
  const provider = new WebsocketProvider(url, room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params,
  });
  return {
    doc,
    provider,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

function synced(client: Client): Promise<void> {
  if (client.provider.synced) return Promise.resolve();
  return new Promise((resolve) => {
    const onSync = (isSynced: boolean): void => {
      if (!isSynced) return;
      client.provider.off("sync", onSync);
      resolve();
    };
    client.provider.on("sync", onSync);
  });
}

async function connectAll(url: string, specs: { room: string; user: string }[]): Promise<Client[]> {
  const clients: Client[] = [];
  for (let i = 0; i < specs.length; i += 100) {
    const chunk = specs.slice(i, i + 100).map(({ room, user }) => connect(url, room, user));
    await Promise.all(chunk.map(synced));
    clients.push(...chunk);
  }
  return clients;
}

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await delay(5);
  }
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

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

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
  const clients = await connectAll(server.url, specs);
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
  const groups = Math.min(writers.length, Math.max(1, Math.floor(roundMs / 4)));
  for (let k = 0; k < keystrokes; k++) {
    for (let g = 0; g < groups; g++) {
      for (let w = g; w < writers.length; w += groups) {
        const writer = writers[w];
        if (!writer) continue;
        writer.sentAt[k] = performance.now();
        writer.client.doc.getText(writer.key).insert(k, "x");
      }
      await delay(roundMs / groups);
    }
  }
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

/** A server under test as the workplan scenarios see it: where rooms are, and what it costs. */
type RoomServer = {
  readonly syncUrl: string;
  readonly params: Record<string, string>;
  readonly rooms: readonly string[];
  usage(): Promise<Usage>;
  stop(): Promise<void>;
};

async function startRoomServer(kind: "reference" | "app", rooms: number): Promise<RoomServer> {
  if (kind === "reference") {
    const server = await startServer("reference");
    return {
      syncUrl: server.url,
      params: {},
      rooms: Array.from({ length: rooms }, (_, r) => `room-${r}`),
      usage: () => server.usage(),
      stop: () => server.stop(),
    };
  }
  const app: JunctionProcess = await startJunctionProcess();
  process.stderr.write(`  Junction server: ${app.command}\n`);
  return {
    syncUrl: app.syncUrl,
    params: { token: app.token },
    rooms: await app.createWorkplans(rooms),
    usage: async () => ({ ...app.usage(), appended: 0 }),
    stop: () => app.stop(),
  };
}

/** Waits until the server is idle (setup work such as indexing done): 1 s with under 2% CPU. */
async function settle(server: RoomServer): Promise<void> {
  let previous = (await server.usage()).cpuMicros;
  for (let quiet = 0, waited = 0; quiet < 2 && waited < 120_000; waited += 500) {
    await delay(500);
    const current = (await server.usage()).cpuMicros;
    quiet = current - previous < 10_000 ? quiet + 1 : 0;
    previous = current;
  }
}

function paragraphText(doc: Y.Doc, marker: string): Y.XmlText | undefined {
  for (const block of doc.getXmlFragment(NARRATIVE_FIELD).toArray()) {
    if (!(block instanceof Y.XmlElement) || block.nodeName !== "paragraph") continue;
    const text = block.firstChild;
    if (text instanceof Y.XmlText && text.toString().startsWith(marker)) return text;
  }
  return undefined;
}

/**
 * Workplan documents (a narrative and 12 activities each) like the editor makes them; writers
 * type one character per round into their own paragraph of the narrative, and every other
 * client of the room records how long each character took to arrive.
 */
async function workplanTyping(
  scenario: string,
  kind: "reference" | "app",
  rooms: number,
  clientsPerRoom: number,
  writersPerRoom: number,
  keystrokes: number,
  roundMs: number,
): Promise<Result> {
  const server = await startRoomServer(kind, rooms);
  const connectTo = (room: string, user: string, doc?: Y.Doc): Client =>
    connect(server.syncUrl, room, user, doc, { ...server.params, user });
  // the first client of every room brings the document, as a browser opening a new workplan would
  const authors: Client[] = [];
  for (let r = 0; r < rooms; r += 50) {
    const chunk = server.rooms.slice(r, r + 50).map((room, i) => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, generatedWorkplanUpdate(r + i + 1));
      for (let w = 0; w < writersPerRoom; w++) {
        const paragraph = new Y.XmlElement("paragraph");
        paragraph.insert(0, [new Y.XmlText(`w${w}:`)]);
        const fragment = doc.getXmlFragment(NARRATIVE_FIELD);
        fragment.insert(fragment.length, [paragraph]);
      }
      return connectTo(room, `u${r + i}-0`, doc);
    });
    await Promise.all(chunk.map(synced));
    authors.push(...chunk);
  }
  const others: Client[] = [];
  const specs = server.rooms.flatMap((room, r) =>
    Array.from({ length: clientsPerRoom - 1 }, (_, c) => ({ room, user: `u${r}-${c + 1}` })),
  );
  for (let i = 0; i < specs.length; i += 100) {
    const chunk = specs.slice(i, i + 100).map(({ room, user }) => connectTo(room, user));
    await Promise.all(chunk.map(synced));
    others.push(...chunk);
  }
  const members = (r: number): Client[] => [
    authors[r] as Client,
    ...others.slice(r * (clientsPerRoom - 1), (r + 1) * (clientsPerRoom - 1)),
  ];
  await until(
    () =>
      server.rooms.every((_, r) =>
        members(r).every((client) => paragraphText(client.doc, `w${writersPerRoom - 1}:`)),
      ),
    "every client to hold its room's document",
    60_000,
  );
  const latencies: number[] = [];
  const writers: { text: Y.XmlText; offset: number; sentAt: Float64Array }[] = [];
  for (let r = 0; r < rooms; r++) {
    const clients = members(r);
    for (let w = 0; w < writersPerRoom; w++) {
      const marker = `w${w}:`;
      const writer = clients[w] as Client;
      const sentAt = new Float64Array(keystrokes);
      writers.push({ text: paragraphText(writer.doc, marker) as Y.XmlText, offset: 3, sentAt });
      for (const member of clients) {
        if (member === writer) continue;
        const text = paragraphText(member.doc, marker) as Y.XmlText;
        let seen = 0;
        text.observe(() => {
          const now = performance.now();
          for (; seen < text.length - marker.length; seen++) {
            latencies.push(now - (sentAt[seen] ?? now));
          }
        });
      }
    }
  }
  await settle(server);
  const expected = rooms * writersPerRoom * (clientsPerRoom - 1) * keystrokes;
  const before = await server.usage();
  const started = performance.now();
  const groups = Math.min(writers.length, Math.max(1, Math.floor(roundMs / 4)));
  for (let k = 0; k < keystrokes; k++) {
    for (let g = 0; g < groups; g++) {
      for (let w = g; w < writers.length; w += groups) {
        const writer = writers[w];
        if (!writer) continue;
        writer.sentAt[k] = performance.now();
        writer.text.insert(writer.offset + k, "x");
      }
      await delay(roundMs / groups);
    }
  }
  await until(() => latencies.length >= expected, `${expected} deliveries (${kind} ${scenario})`);
  const wallMs = performance.now() - started;
  // what an update sets off after it was delivered (the activity index refresh) counts too
  await delay(1_000);
  const after = await server.usage();
  for (const client of [...authors, ...others]) client.destroy();
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
  process.stdout.write(`\n${rows.join("\n")}\n\n${verdicts.join("\n")}\n`);
}

await main();
