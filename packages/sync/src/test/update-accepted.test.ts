import { afterEach, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { CloseEvents } from "../close-codes";
import { createMemoryUpdateLog, type MemoryUpdateLog } from "../memory-update-log";
import type { UpdateGuard, UpdateWriter } from "../update-guard";
import type { UpdateLog } from "../update-log";
import { connectClient, startTestServer, tearDown, whenSynced } from "./harness";

afterEach(tearDown);

type Accepted = {
  readonly docName: string;
  /** Who the server said wrote it: a user id, or "server". */
  readonly by: string;
  readonly role: string | null;
  /** The Yjs client ids whose structs the update carries. */
  readonly clients: readonly number[];
  readonly isStored: boolean;
};

/** Records every call of `onUpdateAccepted`, with whether `log` held the update at that moment. */
function recordAccepted(log: MemoryUpdateLog): {
  readonly accepted: Accepted[];
  onUpdateAccepted(docName: string, update: Uint8Array, writer: UpdateWriter | null): void;
} {
  const accepted: Accepted[] = [];
  return {
    accepted,
    onUpdateAccepted(docName, update, writer) {
      const clients = new Set(Y.decodeUpdate(update).structs.map(({ id }) => id.client));
      accepted.push({
        docName,
        by: writer?.user.id ?? "server",
        role: writer?.role ?? null,
        clients: [...clients],
        isStored: log.updatesOf(docName).some((logged) => sameBytes(logged.update, update)),
      });
    },
  };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/** Only Alice may set "owner" in the settings map. */
const ownerGuard: UpdateGuard = {
  concerns: () => true,
  review(ydoc, apply, writer) {
    const settings = ydoc.getMap<string>("settings");
    const before = settings.get("owner");
    apply();
    if (writer.user.id === "alice" || settings.get("owner") === before) return null;
    if (before === undefined) settings.delete("owner");
    else settings.set("owner", before);
    return "owner is Alice's to set";
  },
};

describe("onUpdateAccepted", () => {
  it("tells who wrote each update, with the Yjs client ids they write with, once it is stored", async () => {
    const log = createMemoryUpdateLog();
    const { accepted, onUpdateAccepted } = recordAccepted(log);
    const server = await startTestServer({ log, onUpdateAccepted });
    const alice = connectClient(server, "wp-1", "alice", "editor");
    const bob = connectClient(server, "wp-1", "bob", "coordinator");
    const carol = connectClient(server, "wp-1", "carol", "commenter");
    await Promise.all([whenSynced(alice), whenSynced(bob), whenSynced(carol)]);

    alice.type("from alice. ");
    await vi.waitFor(() => expect(bob.text()).toBe("from alice. "));
    carol.type("refused. ");
    bob.type("from bob.");
    await vi.waitFor(() => expect(alice.text()).toBe("from alice. from bob."));

    expect(accepted).toEqual([
      {
        docName: "wp-1",
        by: "alice",
        role: "editor",
        clients: [alice.doc.clientID],
        isStored: true,
      },
      {
        docName: "wp-1",
        by: "bob",
        role: "coordinator",
        clients: [bob.doc.clientID],
        isStored: true,
      },
    ]);
  });

  it("tells the guard's correction and the server's own changes apart from the writer's update", async () => {
    const log = createMemoryUpdateLog();
    const { accepted, onUpdateAccepted } = recordAccepted(log);
    const server = await startTestServer({ log, onUpdateAccepted, guard: ownerGuard });
    const bob = connectClient(server, "wp-1", "bob", "editor");
    await whenSynced(bob);

    bob.doc.getMap<string>("settings").set("owner", "bob");
    await vi.waitFor(() => expect(server.sync.stats().correctedUpdates).toBe(1));
    server.sync.change("wp-1", (ydoc) => ydoc.getText("notes").insert(0, "by the server"));

    await vi.waitFor(() => expect(bob.text()).toBe("by the server"));
    expect(accepted.map(({ by, isStored }) => ({ by, isStored }))).toEqual([
      { by: "bob", isStored: true },
      { by: "server", isStored: true },
      { by: "server", isStored: true },
    ]);
    expect(accepted[0]?.clients).toEqual([bob.doc.clientID]);
    expect(accepted[1]?.clients).not.toContain(bob.doc.clientID);
  });

  it("says nothing of updates the log could not store, and reports them once they are", async () => {
    const memory = createMemoryUpdateLog();
    let isFull = false;
    const log: UpdateLog = {
      ...memory,
      append(batches) {
        if (isFull) throw new Error("disk full");
        return memory.append(batches);
      },
    };
    const { accepted, onUpdateAccepted } = recordAccepted(memory);
    const server = await startTestServer({ log, onUpdateAccepted });
    const alice = connectClient(server, "wp-1", "alice", "editor");
    await whenSynced(alice);

    isFull = true;
    alice.type("kept by the client");
    await vi.waitFor(() => expect(alice.closes[0]).toEqual(CloseEvents.storageUnavailable));
    expect(accepted).toEqual([]);

    isFull = false;
    await vi.waitFor(() => expect(accepted.map(({ by }) => by)).toEqual(["alice"]));
    expect(accepted[0]?.isStored).toBe(true);
  });

  it("logs a hook that throws, and the document carries on", async () => {
    const server = await startTestServer({
      log: createMemoryUpdateLog(),
      onUpdateAccepted: () => {
        throw new Error("attribution store is down");
      },
    });
    const alice = connectClient(server, "wp-1", "alice", "editor");
    const bob = connectClient(server, "wp-1", "bob", "viewer");
    await Promise.all([whenSynced(alice), whenSynced(bob)]);

    alice.type("first. ");
    alice.type("second.");

    await vi.waitFor(() => expect(bob.text()).toBe("first. second."));
    expect(alice.closes).toEqual([]);
    expect(
      server.logger.entries.some(
        (entry) => entry.level === "error" && entry.message === "onUpdateAccepted threw",
      ),
    ).toBe(true);
  });
});
