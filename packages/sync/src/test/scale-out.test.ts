import { createSqliteUpdateLog, createUpdateCatchUp } from "@junction/store";
import { afterEach, describe, expect, it, vi } from "vitest";
import { silentLogger } from "../logger";
import { loadDocument } from "../restore";
import { connectClient, startTestServer, tearDown, whenSynced } from "./harness";
import { createMemoryBusHub, type MemoryBusHub } from "./memory-bus";
import { openTestDatabase, removeTempDatabases, tempDatabasePath } from "./sqlite";

afterEach(async () => {
  await tearDown();
  removeTempDatabases();
});

/** Two sync servers as two processes would run them: one database file, one bus. */
async function twoProcesses(
  options: { checkIntervalMs?: number; compactAfterUpdates?: number } = {},
): Promise<{
  hub: MemoryBusHub;
  path: string;
  a: Awaited<ReturnType<typeof startTestServer>>;
  b: Awaited<ReturnType<typeof startTestServer>>;
}> {
  const hub = createMemoryBusHub();
  const path = tempDatabasePath();
  const start = (processId: string) => {
    const db = openTestDatabase(path);
    return startTestServer({
      log: createSqliteUpdateLog(db),
      limits: { compactAfterUpdates: options.compactAfterUpdates ?? 500 },
      scaleOut: {
        bus: hub.connect(),
        catchUp: createUpdateCatchUp(db),
        processId,
        checkIntervalMs: options.checkIntervalMs ?? 0,
      },
    });
  };
  return { hub, path, a: await start("a"), b: await start("b") };
}

describe("sync servers joined by a bus", () => {
  it("shows an edit made through one process to the clients of the other", async () => {
    const { a, b } = await twoProcesses();
    const alice = connectClient(a, "plan", "alice", "editor");
    const bob = connectClient(b, "plan", "bob", "editor");
    await Promise.all([whenSynced(alice), whenSynced(bob)]);
    alice.type("from a ");
    await vi.waitFor(() => expect(bob.text()).toBe("from a "));
    bob.type("from b");
    await vi.waitFor(() => expect(alice.text()).toBe("from a from b"));
  });

  it("shows the presence of the other process's clients and removes it when they leave", async () => {
    const { a, b } = await twoProcesses();
    const alice = connectClient(a, "plan", "alice", "editor");
    await whenSynced(alice);
    alice.provider.awareness.setLocalStateField("cursor", 3);
    const bob = connectClient(b, "plan", "bob", "editor");
    await whenSynced(bob);
    const namesBobSees = () =>
      [...bob.provider.awareness.getStates().values()].map(
        (state) => (state as { user?: { name?: string } }).user?.name,
      );
    await vi.waitFor(() => expect(namesBobSees()).toContain("Alice"));
    alice.destroy();
    await vi.waitFor(() => expect(namesBobSees()).not.toContain("Alice"));
  });

  it("brings edits made while the bus was down to both sides once it is back", async () => {
    const { hub, a, b } = await twoProcesses();
    const alice = connectClient(a, "plan", "alice", "editor");
    const bob = connectClient(b, "plan", "bob", "editor");
    await Promise.all([whenSynced(alice), whenSynced(bob)]);
    hub.setDown(true);
    alice.type("A");
    bob.type("B");
    await vi.waitFor(() => expect(a.sync.stats().appendedUpdates).toBe(1));
    await vi.waitFor(() => expect(b.sync.stats().appendedUpdates).toBe(1));
    expect(alice.text()).toBe("A");
    hub.setDown(false);
    hub.resubscribeAll();
    await vi.waitFor(() => expect(alice.text()).toHaveLength(2));
    await vi.waitFor(() => expect(bob.text()).toBe(alice.text()));
  });

  it("finds a lost message in the log on its periodic check", async () => {
    const { hub, a, b } = await twoProcesses({ checkIntervalMs: 50 });
    const alice = connectClient(a, "plan", "alice", "editor");
    const bob = connectClient(b, "plan", "bob", "editor");
    await Promise.all([whenSynced(alice), whenSynced(bob)]);
    hub.setDown(true);
    alice.type("lost on the bus");
    await vi.waitFor(() => expect(a.sync.stats().appendedUpdates).toBe(1));
    hub.setDown(false);
    await vi.waitFor(() => expect(bob.text()).toBe("lost on the bus"));
    expect(b.sync.stats().caughtUpUpdates).toBe(1);
  });

  it("never compacts away an update another process stored that it had not received", async () => {
    const { hub, path, a, b } = await twoProcesses({ compactAfterUpdates: 3 });
    const alice = connectClient(a, "plan", "alice", "editor");
    const bob = connectClient(b, "plan", "bob", "editor");
    await Promise.all([whenSynced(alice), whenSynced(bob)]);
    hub.setDown(true);
    bob.type("bob's");
    await vi.waitFor(() => expect(b.sync.stats().appendedUpdates).toBe(1));
    for (const letter of ["x", "y", "z"]) {
      alice.type(letter);
      await vi.waitFor(() => expect(a.sync.stats().appendedUpdates).toBeGreaterThan(0));
    }
    await vi.waitFor(() => expect(a.sync.stats().compactions).toBeGreaterThan(0));
    const stored = loadDocument(
      createSqliteUpdateLog(openTestDatabase(path)),
      "plan",
      silentLogger,
    );
    expect(stored.getText("notes").toString()).toContain("bob's");
    // and alice's client got bob's edit from the log on the way
    await vi.waitFor(() => expect(alice.text()).toContain("bob's"));
  });

  it("compacts a document in one process at a time", async () => {
    const { a, b } = await twoProcesses({ compactAfterUpdates: 4 });
    const alice = connectClient(a, "plan", "alice", "editor");
    const bob = connectClient(b, "plan", "bob", "editor");
    await Promise.all([whenSynced(alice), whenSynced(bob)]);
    for (let i = 0; i < 4; i++) {
      alice.type("a");
      bob.type("b");
      await vi.waitFor(() => expect(bob.text()).toBe(alice.text()));
    }
    await vi.waitFor(() =>
      expect(a.sync.stats().compactions + b.sync.stats().compactions).toBeGreaterThan(0),
    );
    expect(a.sync.stats().compactions * b.sync.stats().compactions).toBe(0);
  });
});
