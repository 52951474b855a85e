import { afterEach, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { CloseEvents } from "../close-codes";
import { createMemoryUpdateLog } from "../memory-update-log";
import type { UpdateGuard } from "../update-guard";
import { connectClient, startTestServer, type TestClient, tearDown, whenSynced } from "./harness";

afterEach(tearDown);

/** Only Alice may set the "owner" of the document's settings map; anyone may set the rest. */
const ownerGuard: UpdateGuard = {
  concerns: ({ structs }) => {
    return structs.some((struct) => struct instanceof Y.Item && struct.parentSub !== "title");
  },
  review(ydoc, apply, writer) {
    const settings = ydoc.getMap<string>("settings");
    const before = settings.get("owner");
    apply();
    if (writer.user.id === "alice" || settings.get("owner") === before) return null;
    if (before === undefined) settings.delete("owner");
    else settings.set("owner", before);
    return `owner is Alice's to set (${writer.user.id} tried)`;
  },
};

function settingsOf(client: TestClient): Y.Map<string> {
  return client.doc.getMap<string>("settings");
}

/** Every value of "owner" a client ever held at the end of a transaction. */
function ownersSeenBy(client: TestClient): string[] {
  const seen: string[] = [];
  settingsOf(client).observe(() => seen.push(settingsOf(client).get("owner") ?? "(none)"));
  return seen;
}

describe("an update guard on writers' updates", () => {
  it("puts back what a writer may not change: the writer converges and others never see it", async () => {
    const log = createMemoryUpdateLog();
    const server = await startTestServer({ log, guard: ownerGuard });
    const alice = connectClient(server, "wp-1", "alice", "editor");
    const bob = connectClient(server, "wp-1", "bob", "editor");
    const carol = connectClient(server, "wp-1", "carol", "viewer");
    await Promise.all([whenSynced(alice), whenSynced(bob), whenSynced(carol)]);
    settingsOf(alice).set("owner", "alice");
    await vi.waitFor(() => expect(settingsOf(carol).get("owner")).toBe("alice"));
    await vi.waitFor(() => expect(settingsOf(bob).get("owner")).toBe("alice"));
    const seenByCarol = ownersSeenBy(carol);

    bob.doc.transact(() => {
      settingsOf(bob).set("owner", "bob");
      settingsOf(bob).set("title", "Workplan 2026");
    });

    await vi.waitFor(() => expect(settingsOf(carol).get("title")).toBe("Workplan 2026"));
    await vi.waitFor(() => expect(settingsOf(bob).get("owner")).toBe("alice"));
    expect(settingsOf(carol).get("owner")).toBe("alice");
    expect(seenByCarol).not.toContain("bob");
    expect(server.sync.stats().correctedUpdates).toBe(1);
    expect(bob.closes).toEqual([]);
    expect(
      server.logger.entries.some(
        (entry) => entry.message.startsWith("Put back") && entry.fields.userId === "bob",
      ),
    ).toBe(true);

    // Bob's later edits still land: his document did not diverge from the server's
    settingsOf(bob).set("title", "Workplan 2026-2027");
    await vi.waitFor(() => expect(settingsOf(alice).get("title")).toBe("Workplan 2026-2027"));
  });

  it("stores the correction with the update, so a reload shows the document as others saw it", async () => {
    const log = createMemoryUpdateLog();
    const first = await startTestServer({ log, guard: ownerGuard });
    const alice = connectClient(first, "wp-1", "alice", "editor");
    const bob = connectClient(first, "wp-1", "bob", "editor");
    await Promise.all([whenSynced(alice), whenSynced(bob)]);
    settingsOf(alice).set("owner", "alice");
    await vi.waitFor(() => expect(settingsOf(bob).get("owner")).toBe("alice"));
    settingsOf(bob).set("owner", "bob");
    await vi.waitFor(() => expect(first.sync.stats().correctedUpdates).toBe(1));
    alice.destroy();
    bob.destroy();
    await first.close();

    const second = await startTestServer({ log });
    const reader = connectClient(second, "wp-1", "dora", "viewer");
    await whenSynced(reader);
    expect(settingsOf(reader).get("owner")).toBe("alice");
  });

  it("lets the writer the guard allows change it, and skips review of what it does not concern", async () => {
    const reviewed: string[] = [];
    const guard: UpdateGuard = {
      concerns: ownerGuard.concerns,
      review: (ydoc, apply, writer) => {
        reviewed.push(writer.user.id);
        return ownerGuard.review(ydoc, apply, writer);
      },
    };
    const server = await startTestServer({ log: createMemoryUpdateLog(), guard });
    const alice = connectClient(server, "wp-1", "alice", "editor");
    const bob = connectClient(server, "wp-1", "bob", "editor");
    await Promise.all([whenSynced(alice), whenSynced(bob)]);
    settingsOf(bob).set("title", "Draft");
    settingsOf(alice).set("owner", "alice");
    await vi.waitFor(() => expect(settingsOf(bob).get("owner")).toBe("alice"));
    expect(settingsOf(alice).get("title")).toBe("Draft");
    expect(reviewed).toEqual(["alice"]);
    expect(server.sync.stats().correctedUpdates).toBe(0);
  });

  it("drops an update the guard fails on, closes its writer and keeps the room going", async () => {
    const log = createMemoryUpdateLog();
    const guard: UpdateGuard = {
      concerns: () => true,
      review: (_ydoc, apply, writer) => {
        if (writer.user.id === "mallory") throw new Error("guard bug");
        apply();
        return null;
      },
    };
    const server = await startTestServer({ log, guard });
    const alice = connectClient(server, "wp-1", "alice", "editor");
    await whenSynced(alice);
    alice.type("kept");
    await vi.waitFor(() => expect(log.updatesOf("wp-1")).toHaveLength(1));
    const mallory = connectClient(server, "wp-1", "mallory", "editor");
    await whenSynced(mallory);
    mallory.provider.shouldConnect = false;
    mallory.type(" dropped");

    await vi.waitFor(() => expect(mallory.closes).toContainEqual(CloseEvents.internalError));
    alice.type(" and more");
    await vi.waitFor(() => expect(log.updatesOf("wp-1")).toHaveLength(2));
    expect(alice.text()).toBe("kept and more");
    const reader = connectClient(server, "wp-1", "dora", "viewer");
    await vi.waitFor(() => expect(reader.text()).toBe("kept and more"));
  });
});
