import { afterEach, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { CloseEvents } from "../close-codes";
import { createMemoryUpdateLog, type MemoryUpdateLog } from "../memory-update-log";
import { parseMessage } from "../protocol";
import type { UpdateGuard } from "../update-guard";
import { createRandom, type Random } from "./fuzz";
import {
  closeRawSockets,
  connectClient,
  connectRaw,
  type RawClient,
  startTestServer,
  type TestClient,
  type TestServer,
  tearDown,
  whenSynced,
} from "./harness";
import { syncStep1Message, updateMessage } from "./messages";
import { makeEdit, mutateUpdate } from "./update-mutations";

afterEach(async () => {
  closeRawSockets();
  await tearDown();
});

const DOC = "wp-fuzz";

/** Only Alice may set the settings' owner: makes the server review and correct some updates. */
const ownerGuard: UpdateGuard = {
  concerns: ({ structs }) => structs.some((s) => s instanceof Y.Item && s.parentSub === "owner"),
  review(ydoc, apply, writer) {
    const settings = ydoc.getMap<unknown>("settings");
    const before = settings.get("owner");
    apply();
    if (writer.user.id === "alice" || settings.get("owner") === before) return null;
    if (before === undefined) settings.delete("owner");
    else settings.set("owner", before);
    return "owner is Alice's to set";
  },
};

type Verdict = "integrates" | "held-back" | "throws";

/** What Yjs itself makes of `update` on a fresh copy of `base`. */
function yjsVerdict(base: Y.Doc, update: Uint8Array): Verdict {
  const copy = new Y.Doc();
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(base));
    Y.applyUpdate(copy, update);
    return copy.store.pendingStructs !== null || copy.store.pendingDs !== null
      ? "held-back"
      : "integrates";
  } catch {
    return "throws";
  } finally {
    copy.destroy();
  }
}

/** Everything a document holds, to compare two copies. */
function contentOf(ydoc: Y.Doc): unknown {
  const plain = (value: unknown): unknown =>
    value instanceof Y.AbstractType ? value.toJSON() : value;
  const deleted = Y.createDeleteSetFromStructStore(ydoc.store);
  return {
    notes: ydoc
      .getText("notes")
      .toDelta()
      .map((op: { insert: unknown }) => ({
        ...op,
        insert: plain(op.insert),
      })),
    settings: ydoc.getMap("settings").toJSON(),
    narrative: ydoc.getXmlFragment("default").toString(),
    list: ydoc.getArray("list").toJSON(),
    stateVector: [...Y.decodeStateVector(Y.encodeStateVector(ydoc))].sort(([a], [b]) => a - b),
    deleted: [...deleted.clients].sort(([a], [b]) => a - b),
  };
}

const isAnswer = (bytes: Uint8Array): boolean => bytes[0] === 0 && bytes[1] === 1;

/** The fuzzing writer: a raw socket and the document it edits, kept in step with the server. */
type Writer = { raw: RawClient; author: Y.Doc; absorbed: number };

async function connectWriter(server: TestServer, author: Y.Doc): Promise<Writer> {
  const writer = { raw: await connectRaw(server, DOC, "mallory", "editor"), author, absorbed: 0 };
  await settle(writer);
  return writer;
}

/** Applies what the server sent the writer since last time to its document. */
function absorb(writer: Writer): void {
  for (const bytes of writer.raw.received.slice(writer.absorbed)) {
    const parsed = parseMessage(bytes);
    if (!parsed.ok) continue;
    const { message } = parsed;
    if (message.type === "sync-step-2" || message.type === "update") {
      Y.applyUpdate(writer.author, message.update);
    }
  }
  writer.absorbed = writer.raw.received.length;
}

/**
 * Sends `message` (if any), then a SyncStep1 as a barrier: resolves once the server answered it
 * (it handled the message, stored what it accepted, and sent what the writer lacks) or closed
 * the socket. True if closed.
 */
async function settle(writer: Writer, message?: Uint8Array): Promise<boolean> {
  const { raw } = writer;
  const expected = raw.received.filter(isAnswer).length + 1;
  if (message) raw.send(message);
  raw.send(syncStep1Message(Y.encodeStateVector(writer.author)));
  const isAnswered = await raw.until((received) => received.filter(isAnswer).length >= expected);
  absorb(writer);
  return !isAnswered;
}

/** A real edit by a stock client, waited for until it is stored. */
async function typeAndStore(client: TestClient, log: MemoryUpdateLog, random: Random) {
  const stored = log.updatesOf(DOC).length;
  // with some typing, so the server cannot know all of it already (a deletion it made itself)
  client.doc.transact(() => {
    makeEdit(random, client.doc);
    client.doc.getText("notes").insert(0, `${random.below(10)}`);
  });
  await vi.waitFor(() => expect(log.updatesOf(DOC).length).toBeGreaterThan(stored), {
    interval: 5,
  });
}

/**
 * Where the links of `ydoc`'s lists do not hold: an item whose neighbour does not point back, or
 * sits under another parent. Yjs never repairs such links; later edits next to them throw.
 */
function findBrokenLink(ydoc: Y.Doc): string | null {
  for (const [client, structs] of ydoc.store.clients) {
    for (const item of structs) {
      if (!(item instanceof Y.Item)) continue;
      const at = `${client}:${item.id.clock}`;
      for (const neighbour of [item.left, item.right]) {
        if (neighbour === null) continue;
        if (neighbour.right !== item && neighbour.left !== item) return `${at} is not linked back`;
        if (neighbour.parent !== item.parent || neighbour.parentSub !== item.parentSub) {
          return `${at} is linked to an item of another parent`;
        }
      }
    }
  }
  return null;
}

/**
 * An item whose right neighbour at creation (`rightOrigin`) is not to its right in its list:
 * Yjs' ordering of concurrent inserts then depends on the order replicas received them.
 */
function findMisplaced(ydoc: Y.Doc): string | null {
  for (const [client, structs] of ydoc.store.clients) {
    for (const item of structs) {
      if (!(item instanceof Y.Item) || item.rightOrigin === null) continue;
      const right = Y.getItem(ydoc.store, item.rightOrigin);
      if (!(right instanceof Y.Item)) continue;
      let next = item.right;
      while (next !== null && next !== right) next = next.right;
      if (next === null) return `${client}:${item.id.clock} is not left of its right origin`;
    }
  }
  return null;
}

describe("mutated valid updates from a writer", () => {
  for (const seed of [20_260_611, 7, 1003]) {
    it(`never crash, poison or split the document (seed ${seed})`, async () => {
      const random = createRandom(seed);
      const newDoc = (): Y.Doc => {
        const ydoc = new Y.Doc();
        ydoc.clientID = 1 + random.below(2 ** 31);
        return ydoc;
      };
      const log = createMemoryUpdateLog();
      const limits = { maxUpdatesPerSecond: 0, maxAwarenessPerSecond: 0, compactAfterUpdates: 0 };
      let live: Y.Doc | null = null;
      const server = await startTestServer({
        log,
        limits,
        guard: ownerGuard,
        onDocumentChanged: (_docName, ydoc) => {
          live = ydoc;
        },
      });
      const alice = connectClient(server, DOC, "alice", "editor", newDoc());
      const bob = connectClient(server, DOC, "bob", "editor", newDoc());
      const carol = connectClient(server, DOC, "carol", "viewer", newDoc());
      await Promise.all([whenSynced(alice), whenSynced(bob), whenSynced(carol)]);
      // the server's document as stored: each row applied in order, as the server applied it
      const mirror = new Y.Doc();
      let mirrored = 0;
      const catchUp = (context: string): Uint8Array[] => {
        const rows = log.updatesOf(DOC).slice(mirrored);
        mirrored += rows.length;
        for (const { update } of rows) {
          expect(yjsVerdict(mirror, update), `${context}: a stored row`).toBe("integrates");
          Y.applyUpdate(mirror, update);
        }
        return rows.map(({ update }) => update);
      };
      let writer = await connectWriter(server, newDoc());
      const sent: Uint8Array[] = [];
      const verdicts = new Map<Verdict, number>();
      const refusals = new Map<number, number>();
      let kept = 0;

      for (let step = 0; step < 200; step++) {
        if (step % 15 === 0) await typeAndStore(random.below(2) === 0 ? alice : bob, log, random);
        if (step % 50 === 25) writer.author.clientID = 1 + random.below(2 ** 31);
        catchUp(`seed ${seed}, step ${step}`);
        const valid = makeEdit(random, writer.author);
        const future = (): Uint8Array => {
          const fork = newDoc();
          Y.applyUpdate(fork, Y.encodeStateAsUpdate(writer.author));
          fork.clientID = writer.author.clientID;
          makeEdit(random, fork);
          return makeEdit(random, fork);
        };
        const mutation = mutateUpdate(random, valid, future, sent.length > 0 ? sent : [valid]);
        const verdict = yjsVerdict(mirror, mutation.update);
        verdicts.set(verdict, (verdicts.get(verdict) ?? 0) + 1);
        const context = `seed ${seed}, step ${step}, ${mutation.name}, Yjs: ${verdict}`;

        const isClosed = await settle(writer, updateMessage(mutation.update));
        const stored = catchUp(context);
        // what Yjs holds back or throws on is never stored (a cut copy may be); stock clients'
        // own clean-up edits (Y.Text formatting) may arrive meanwhile; each row integrates
        if (verdict !== "integrates") expect(stored, context).not.toContainEqual(mutation.update);
        const held: Y.Doc = live ?? mirror;
        expect(findBrokenLink(held), context).toBeNull();
        expect(findMisplaced(held), context).toBeNull();
        if (!isClosed) {
          // taken (or known already): the writer's copy may now differ from the server's under
          // its own ids, so it starts afresh from the server's document
          kept++;
          writer.author = newDoc();
          Y.applyUpdate(writer.author, Y.encodeStateAsUpdate(held));
          continue;
        }
        const { code } = await writer.raw.closed;
        refusals.set(code, (refusals.get(code) ?? 0) + 1);
        if (code === CloseEvents.outOfSync.code) expect(verdict, context).toBe("held-back");
        writer = await connectWriter(server, writer.author);
        // refused, so the server is as before: the edit as made is taken
        expect(await settle(writer, updateMessage(valid)), context).toBe(false);
        sent.push(valid);
      }
      catchUp(`seed ${seed}, the end`);

      expect(verdicts.get("held-back")).toBeGreaterThan(10);
      expect(verdicts.get("throws")).toBeGreaterThan(5);
      expect(refusals.get(CloseEvents.outOfSync.code)).toBeGreaterThan(10);
      expect(refusals.get(CloseEvents.invalidUpdate.code)).toBeGreaterThan(10);
      expect(kept).toBeGreaterThan(5);
      expect([...refusals.keys()].sort()).toEqual(
        [CloseEvents.invalidUpdate.code, CloseEvents.outOfSync.code].sort(),
      );
      expect(server.logger.entries.filter(({ level }) => level === "error")).toEqual([]);
      expect([alice, bob, carol].flatMap(({ closes }) => closes)).toEqual([]);

      await typeAndStore(alice, log, random);
      await vi.waitFor(() => {
        // clients' own clean-up edits may still be on their way to the log
        catchUp(`seed ${seed}, the end`);
        for (const [name, client] of Object.entries({ alice, bob, carol })) {
          expect(contentOf(client.doc), `seed ${seed}: ${name}`).toEqual(contentOf(live ?? mirror));
        }
      });
      const restarted = await startTestServer({ log, guard: ownerGuard });
      const dave = connectClient(restarted, DOC, "dave", "viewer");
      await whenSynced(dave);
      expect(contentOf(dave.doc), `seed ${seed}: reloaded`).toEqual(contentOf(live ?? mirror));
      expect(log.quarantinedOf(DOC)).toEqual([]);
    }, 60_000);
  }
});
