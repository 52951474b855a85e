// What the sync benchmarks share: stock y-websocket clients in this process, and the workplan
// typing scenario (fan-out, many rooms) against one or several Junction server processes.
import { NARRATIVE_FIELD } from "@junction/domain/doc";
import { WebSocket } from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { generatedWorkplanUpdate } from "./generated-workplans";
import { delay } from "./server-process";

export type Client = { readonly doc: Y.Doc; readonly provider: WebsocketProvider; destroy(): void };

export function connect(
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

export function synced(client: Client): Promise<void> {
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

/** Opens `size` clients at a time, each chunk synced before the next. */
export async function connectInChunks<T>(
  specs: readonly T[],
  open: (spec: T, index: number) => Client,
  size = 100,
): Promise<Client[]> {
  const clients: Client[] = [];
  for (let i = 0; i < specs.length; i += size) {
    const chunk = specs.slice(i, i + size).map((spec, j) => open(spec, i + j));
    await Promise.all(chunk.map(synced));
    clients.push(...chunk);
  }
  return clients;
}

/** Answers whether `condition` held before the timeout. */
export async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) return false;
    await delay(5);
  }
  return true;
}

export async function until(
  condition: () => boolean,
  what: string,
  timeoutMs = 30_000,
): Promise<void> {
  if (!(await waitUntil(condition, timeoutMs))) throw new Error(`Timed out waiting for ${what}`);
}

export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/**
 * Every writer types `keystrokes` times, once a round; each round's writers are spread over it
 * in groups about 4 ms apart. `sentAt[k]` is when a writer typed its keystroke `k`.
 */
export async function typeInRounds<W extends { sentAt: Float64Array }>(
  writers: readonly W[],
  keystrokes: number,
  roundMs: number,
  type: (writer: W, keystroke: number) => void,
): Promise<void> {
  const groups = Math.min(writers.length, Math.max(1, Math.floor(roundMs / 4)));
  for (let k = 0; k < keystrokes; k++) {
    for (let g = 0; g < groups; g++) {
      for (let w = g; w < writers.length; w += groups) {
        const writer = writers[w];
        if (!writer) continue;
        writer.sentAt[k] = performance.now();
        type(writer, k);
      }
      await delay(roundMs / groups);
    }
  }
}

export type ServerUsage = {
  cpuMicros: number;
  rss: number;
  /** CPU of the services the server uses (a PostgreSQL, a Redis), where measured. */
  serviceCpuMicros?: number;
};

/** A server under test as the workplan scenarios see it: where rooms are, and what it costs. */
export type RoomServer = {
  /** One sync endpoint per server process; each room's clients are spread over all of them. */
  readonly syncUrls: readonly string[];
  readonly params: Record<string, string>;
  readonly rooms: readonly string[];
  /** CPU summed over every process of the server. */
  usage(): Promise<ServerUsage>;
};

export type TypingLoad = {
  rooms: number;
  clientsPerRoom: number;
  writersPerRoom: number;
  keystrokes: number;
  roundMs: number;
  /**
   * Edits each writer makes, at the same pace, into a paragraph of its own before the measured
   * ones: a server that has run a while has compiled its hot code, one just started has not.
   */
  warmupKeystrokes?: number;
};

export type TypingOutcome = {
  expected: number;
  /** Milliseconds from a keystroke to each reader applying it. */
  latencies: number[];
  /** The same, for readers connected to another process than the writer. */
  crossLatencies: number[];
  cpuMicros: number;
  serviceCpuMicros: number;
  rss: number;
  wallMs: number;
};

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
 * client of the room records how long each character took to arrive. Client `c` of room `r`
 * connects to process `(r + c) % syncUrls.length`. Deliveries still missing after
 * `deliveryTimeoutMs` are left out: compare `latencies.length` with `expected`.
 */
export async function runWorkplanTyping(
  server: RoomServer,
  load: TypingLoad,
  deliveryTimeoutMs = 30_000,
): Promise<TypingOutcome> {
  const { clientsPerRoom, writersPerRoom, keystrokes, roundMs } = load;
  const warmup = load.warmupKeystrokes ?? 0;
  const processes = server.syncUrls.length;
  const processOf = (r: number, c: number): number => (r + c) % processes;
  // every client opened, so that a failure half-way still closes them all
  const opened: Client[] = [];
  const connectTo = (r: number, c: number, doc?: Y.Doc): Client => {
    const user = `u${r}-${c}`;
    const url = server.syncUrls[processOf(r, c)] as string;
    const client = connect(url, server.rooms[r] as string, user, doc, { ...server.params, user });
    opened.push(client);
    return client;
  };
  try {
    // the first client of every room brings the document, as a browser opening a new workplan would
    const authors = await connectInChunks(
      server.rooms,
      (_room, r) => {
        const doc = new Y.Doc();
        Y.applyUpdate(doc, generatedWorkplanUpdate(r + 1));
        const markers = Array.from({ length: writersPerRoom }, (_, w) => [
          `w${w}:`,
          ...(warmup > 0 ? [`warm${w}:`] : []),
        ]).flat();
        for (const marker of markers) {
          const paragraph = new Y.XmlElement("paragraph");
          paragraph.insert(0, [new Y.XmlText(marker)]);
          const fragment = doc.getXmlFragment(NARRATIVE_FIELD);
          fragment.insert(fragment.length, [paragraph]);
        }
        return connectTo(r, 0, doc);
      },
      50,
    );
    const specs = server.rooms.flatMap((_, r) =>
      Array.from({ length: clientsPerRoom - 1 }, (_, c) => ({ r, c: c + 1 })),
    );
    const others = await connectInChunks(specs, ({ r, c }) => connectTo(r, c));
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
    const crossLatencies: number[] = [];
    const writers: { text: Y.XmlText; offset: number; sentAt: Float64Array }[] = [];
    for (let r = 0; r < server.rooms.length; r++) {
      const roomClients = members(r);
      for (let w = 0; w < writersPerRoom; w++) {
        const marker = `w${w}:`;
        const writer = roomClients[w] as Client;
        const sentAt = new Float64Array(keystrokes);
        writers.push({ text: paragraphText(writer.doc, marker) as Y.XmlText, offset: 3, sentAt });
        roomClients.forEach((member, c) => {
          if (member === writer) return;
          const isCross = processOf(r, c) !== processOf(r, w);
          const text = paragraphText(member.doc, marker) as Y.XmlText;
          let seen = 0;
          text.observe(() => {
            const now = performance.now();
            for (; seen < text.length - marker.length; seen++) {
              const latency = now - (sentAt[seen] ?? now);
              latencies.push(latency);
              if (isCross) crossLatencies.push(latency);
            }
          });
        });
      }
    }
    if (warmup > 0) {
      const warming = server.rooms.flatMap((_, r) =>
        Array.from({ length: writersPerRoom }, (_, w) => ({
          text: paragraphText((members(r)[w] as Client).doc, `warm${w}:`) as Y.XmlText,
          offset: `warm${w}:`.length,
          sentAt: new Float64Array(warmup),
        })),
      );
      await typeInRounds(warming, warmup, roundMs, (writer, k) => {
        writer.text.insert(writer.offset + k, "x");
      });
    }
    await settle(server);
    const expected = server.rooms.length * writersPerRoom * (clientsPerRoom - 1) * keystrokes;
    const before = await server.usage();
    const started = performance.now();
    await typeInRounds(writers, keystrokes, roundMs, (writer, k) => {
      writer.text.insert(writer.offset + k, "x");
    });
    await waitUntil(() => latencies.length >= expected, deliveryTimeoutMs);
    const wallMs = performance.now() - started;
    // what an update sets off after it was delivered (the activity index refresh) counts too
    await delay(1_000);
    const after = await server.usage();
    return {
      expected,
      latencies,
      crossLatencies,
      cpuMicros: after.cpuMicros - before.cpuMicros,
      serviceCpuMicros: (after.serviceCpuMicros ?? 0) - (before.serviceCpuMicros ?? 0),
      rss: after.rss,
      wallMs,
    };
  } finally {
    for (const client of opened) client.destroy();
  }
}
