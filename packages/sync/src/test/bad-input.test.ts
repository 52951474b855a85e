import { afterEach, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { type CloseEventName, CloseEvents } from "../close-codes";
import type { SyncLimits } from "../limits";
import { createMemoryUpdateLog, type MemoryUpdateLog } from "../memory-update-log";
import { encodeAwarenessMessage, parseMessage } from "../protocol";
import { createCorpus, createRandom, fuzzMessage } from "./fuzz";
import {
  closeRawSockets,
  connectClient,
  connectRaw,
  type RawClient,
  startTestServer,
  type TestServer,
  tearDown,
  whenSynced,
} from "./harness";
import { syncStep1Message, textUpdate, updateMessage } from "./messages";

afterEach(async () => {
  closeRawSockets();
  await tearDown();
});

type Room = { server: TestServer; log: MemoryUpdateLog };

async function roomWithTwoEditors(limits: Partial<SyncLimits> = {}): Promise<Room> {
  const log = createMemoryUpdateLog();
  const server = await startTestServer({ log, limits });
  const alice = connectClient(server, "wp-1", "alice", "editor");
  const bob = connectClient(server, "wp-1", "bob", "editor");
  await Promise.all([whenSynced(alice), whenSynced(bob)]);
  alice.type("before ");
  await vi.waitFor(() => expect(bob.text()).toBe("before "));
  return { server, log };
}

/** The room, its document and the stock clients in it carry on as if nothing happened. */
async function expectRoomCarriesOn({ server }: Room): Promise<void> {
  const carol = connectClient(server, "wp-1", "carol", "editor");
  await whenSynced(carol);
  carol.type("after");
  const dave = connectClient(server, "wp-1", "dave", "viewer");
  await vi.waitFor(() => {
    expect(dave.text()).toContain("before ");
    expect(dave.text()).toContain("after");
  });
}

function expectLoggedClose(server: TestServer, name: CloseEventName): void {
  expect(server.logger.entries).toContainEqual(
    expect.objectContaining({
      level: "warn",
      fields: expect.objectContaining({ code: CloseEvents[name].code }),
    }),
  );
}

describe("bad input", () => {
  const cases: { name: string; close: CloseEventName; message: () => Uint8Array }[] = [
    {
      name: "a truncated message",
      close: "badMessage",
      message: () => syncStep1Message().slice(0, 2),
    },
    {
      name: "garbage",
      close: "badMessage",
      message: () => new Uint8Array([0xff, 0x13, 0x37, 0x00]),
    },
    {
      name: "an update that does not decode",
      close: "invalidUpdate",
      message: () => updateMessage(new Uint8Array([1, 2, 3, 250, 250, 7])),
    },
    { name: "an oversized message", close: "messageTooLarge", message: () => new Uint8Array(4096) },
    {
      // found by the fuzz test: four bytes that are not UTF-8 once crashed the handler
      name: "presence that is not UTF-8 JSON",
      close: "badMessage",
      message: () => encodeAwarenessMessage(new Uint8Array([1, 5, 1, 4, 0xff, 0xfe, 0xfd, 0xfc])),
    },
  ];

  for (const { name, close, message } of cases) {
    it(`closes only the connection that sent ${name}, with a named code, and stores nothing`, async () => {
      const room = await roomWithTwoEditors({ maxMessageBytes: 2048 });
      const raw = await connectRaw(room.server, "wp-1", "mallory");

      raw.send(message());

      expect(await raw.closed).toEqual(CloseEvents[close]);
      expectLoggedClose(room.server, close);
      expect(room.log.updatesOf("wp-1")).toHaveLength(1);
      await expectRoomCarriesOn(room);
    });
  }

  it("closes a connection that sends text instead of binary", async () => {
    const room = await roomWithTwoEditors();
    const raw = await connectRaw(room.server, "wp-1", "mallory");
    raw.socket.send("hello");
    expect(await raw.closed).toEqual(CloseEvents.badMessage);
    await expectRoomCarriesOn(room);
  });

  it("refuses an update that would make the document too large, before storing it", async () => {
    const room = await roomWithTwoEditors({ maxDocumentBytes: 10_000 });
    const raw = await connectRaw(room.server, "wp-1", "mallory");
    raw.send(updateMessage(textUpdate("x".repeat(20_000))));
    expect(await raw.closed).toEqual(CloseEvents.documentTooLarge);
    expect(room.log.updatesOf("wp-1")).toHaveLength(1);
    await expectRoomCarriesOn(room);
  });

  it("closes a connection that sends updates faster than the limit, and the room carries on", async () => {
    const room = await roomWithTwoEditors({ maxUpdatesPerSecond: 5 });
    const raw = await connectRaw(room.server, "wp-1", "mallory");
    const base = new Y.Doc();
    for (let i = 0; i < 30; i++) raw.send(updateMessage(textUpdate(`${i}`, base)));
    expect(await raw.closed).toEqual(CloseEvents.rateLimited);
    await expectRoomCarriesOn(room);
  });

  it("turns away a connection beyond the room's limit", async () => {
    const room = await roomWithTwoEditors({ maxConnectionsPerRoom: 2 });
    const raw = await connectRaw(room.server, "wp-1", "mallory");
    expect(await raw.closed).toEqual(CloseEvents.roomFull);
    expect(room.server.sync.connectionCount("wp-1")).toBe(2);
  });

  it("survives 1,000 random and mutated messages and still converges and serves", async () => {
    const seed = 20240611;
    const corpus = createCorpus(createRandom(seed));
    const maxMessageBytes = 16 * 1024;
    const log = createMemoryUpdateLog();
    const server = await startTestServer({
      log,
      limits: { maxMessageBytes, maxUpdatesPerSecond: 0, maxAwarenessPerSecond: 0 },
    });
    const alice = connectClient(server, "wp-1", "alice", "editor");
    const bob = connectClient(server, "wp-1", "bob", "editor");
    await Promise.all([whenSynced(alice), whenSynced(bob)]);

    const fuzzers = [
      { user: "fuzz-1", role: "editor" },
      { user: "fuzz-2", role: "editor" },
      { user: "fuzz-3", role: "coordinator" },
      { user: "fuzz-4", role: "viewer" },
    ];
    const perFuzzer = 260;
    let sent = 0;
    let closed = 0;
    const closeCodes = new Map<number, number>();
    await Promise.all(
      fuzzers.map(async ({ user, role }, index) => {
        const random = createRandom(seed + index);
        let raw = await connectRaw(server, "wp-1", user, role);
        for (let i = 0; i < perFuzzer; i++) {
          if (i % 40 === 0) (index % 2 === 0 ? alice : bob).type(`${user}:${i} `);
          const message = fuzzMessage(random, corpus, maxMessageBytes);
          if (await sendAndSettle(raw, message, maxMessageBytes)) {
            closed++;
            const { code } = await raw.closed;
            closeCodes.set(code, (closeCodes.get(code) ?? 0) + 1);
            raw = await connectRaw(server, "wp-1", user, role);
          }
          sent++;
        }
        raw.socket.close();
      }),
    );

    expect(sent).toBeGreaterThanOrEqual(1000);
    expect(closed).toBeGreaterThan(100);
    const closes = server.sync.stats().closes;
    expect([...closeCodes.keys()].sort()).toEqual(
      [
        CloseEvents.badMessage.code,
        CloseEvents.messageTooLarge.code,
        CloseEvents.invalidUpdate.code,
        CloseEvents.outOfSync.code,
      ].sort(),
    );
    expect(
      closes.badMessage + closes.invalidUpdate + closes.messageTooLarge + closes.outOfSync,
    ).toBe(closed);
    expect(server.logger.entries.filter(({ level }) => level === "error")).toEqual([]);

    const carol = connectClient(server, "wp-1", "carol", "viewer");
    await whenSynced(carol);
    alice.type("done");
    await vi.waitFor(() => {
      expect(bob.text()).toBe(alice.text());
      expect(carol.text()).toBe(alice.text());
      expect(Y.encodeStateVector(carol.doc)).toEqual(Y.encodeStateVector(alice.doc));
    });
    expect(alice.text()).toContain("done");
    for (const { update } of log.updatesOf("wp-1"))
      expect(() => Y.decodeUpdate(update)).not.toThrow();

    const restarted = await startTestServer({ log });
    const dave = connectClient(restarted, "wp-1", "dave", "viewer");
    await vi.waitFor(() => {
      expect(dave.text()).toBe(alice.text());
      expect(Y.encodeStateVector(dave.doc)).toEqual(Y.encodeStateVector(alice.doc));
    });
  }, 60_000);
});

/**
 * Sends one fuzz message and then a SyncStep1 as a barrier; resolves once the server answered
 * the barrier (it handled the fuzz message and kept the socket) or closed it. True if closed.
 */
async function sendAndSettle(
  raw: RawClient,
  message: Uint8Array,
  maxBytes: number,
): Promise<boolean> {
  const answers = (received: readonly Uint8Array[]): number =>
    received.filter((bytes) => bytes[0] === 0 && bytes[1] === 1).length;
  const parsed = parseMessage(message);
  const asksForState =
    message.length <= maxBytes &&
    parsed.ok &&
    parsed.message.type === "sync-step-1" &&
    decodes(parsed.message.stateVector);
  const expected = answers(raw.received) + (asksForState ? 2 : 1);
  raw.send(message);
  raw.send(syncStep1Message());
  const wasAnswered = await raw.until((received) => answers(received) >= expected);
  return !wasAnswered;
}

function decodes(stateVector: Uint8Array): boolean {
  try {
    Y.decodeStateVector(stateVector);
    return true;
  } catch {
    return false;
  }
}
