import { afterEach, describe, expect, it, vi } from "vitest";
import { CloseEvents } from "../close-codes";
import { createMemoryUpdateLog } from "../memory-update-log";
import { connectClient, startTestServer, tearDown, whenSynced } from "./harness";

afterEach(tearDown);

describe("roles on live connections", () => {
  it("refuses a commenter's update and stores nothing, without closing its socket", async () => {
    const log = createMemoryUpdateLog();
    const server = await startTestServer({ log });
    const editor = connectClient(server, "wp-1", "alice", "editor");
    const commenter = connectClient(server, "wp-1", "carl", "commenter");
    await Promise.all([whenSynced(editor), whenSynced(commenter)]);

    commenter.type("sneaky edit");
    await vi.waitFor(() => expect(server.sync.stats().refusedUpdates).toBe(1));
    editor.type("real edit");

    await vi.waitFor(() => expect(commenter.text()).toContain("real edit"));
    expect(editor.text()).toBe("real edit");
    expect(log.updatesOf("wp-1")).toHaveLength(1);
    expect(commenter.closes).toEqual([]);
    expect(server.upgrades.get("carl")).toBe(1);
    expect(server.sync.connectionCount("wp-1")).toBe(2);
  });

  it("lets viewers receive the document and everyone's presence", async () => {
    const server = await startTestServer({ log: createMemoryUpdateLog() });
    const editor = connectClient(server, "wp-1", "alice", "coordinator");
    await whenSynced(editor);
    editor.type("agenda");
    editor.provider.awareness.setLocalStateField("cursor", { index: 3 });

    const viewer = connectClient(server, "wp-1", "vera", "viewer");
    await whenSynced(viewer);
    await vi.waitFor(() => {
      expect(viewer.text()).toBe("agenda");
      const state = viewer.provider.awareness.getStates().get(editor.doc.clientID);
      expect(state).toMatchObject({ cursor: { index: 3 }, user: { id: "alice" } });
    });
  });

  it("keeps a viewer connected through the sync every client sends when it reconnects", async () => {
    const server = await startTestServer({ log: createMemoryUpdateLog() });
    const editor = connectClient(server, "wp-1", "alice", "editor");
    await whenSynced(editor);
    editor.type("hello");
    editor.doc.getText("notes").delete(0, 1);
    const viewer = connectClient(server, "wp-1", "vera", "viewer");
    await vi.waitFor(() => expect(viewer.text()).toBe("ello"));

    viewer.provider.disconnect();
    viewer.provider.connect();
    await whenSynced(viewer);
    editor.type("!");

    await vi.waitFor(() => expect(viewer.text()).toBe("ello!"));
    expect(server.sync.stats().refusedUpdates).toBe(0);
    expect(viewer.closes).toEqual([]);
  });

  it("stops an editor demoted to viewer from writing, without a reconnect", async () => {
    const log = createMemoryUpdateLog();
    const server = await startTestServer({ log });
    const alice = connectClient(server, "wp-1", "alice", "editor");
    const bob = connectClient(server, "wp-1", "bob", "editor");
    await Promise.all([whenSynced(alice), whenSynced(bob)]);
    bob.type("before ");
    await vi.waitFor(() => expect(alice.text()).toBe("before "));

    server.sync.setRole("wp-1", "bob", "viewer");
    bob.type("after");

    await vi.waitFor(() => expect(server.sync.stats().refusedUpdates).toBe(1));
    alice.type("ok");
    await vi.waitFor(() => expect(bob.text()).toContain("ok"));
    expect(alice.text()).toBe("before ok");
    expect(log.updatesOf("wp-1")).toHaveLength(2);
    expect(bob.closes).toEqual([]);
    expect(server.upgrades.get("bob")).toBe(1);
  });

  it("lets a viewer promoted to editor write at once", async () => {
    const server = await startTestServer({ log: createMemoryUpdateLog() });
    const alice = connectClient(server, "wp-1", "alice", "editor");
    const vera = connectClient(server, "wp-1", "vera", "viewer");
    await Promise.all([whenSynced(alice), whenSynced(vera)]);

    server.sync.setRole(null, "vera", "editor");
    vera.type("promoted");

    await vi.waitFor(() => expect(alice.text()).toBe("promoted"));
    expect(vera.closes).toEqual([]);
  });

  it("disconnects a removed member with 'access revoked' and the client does not come back", async () => {
    const server = await startTestServer({ log: createMemoryUpdateLog() });
    const alice = connectClient(server, "wp-1", "alice", "coordinator");
    const bob = connectClient(server, "wp-1", "bob", "editor");
    await Promise.all([whenSynced(alice), whenSynced(bob)]);
    const gaveUp = new Promise<{ code: number }>((resolve) =>
      bob.provider.on("closed", (event) => resolve(event)),
    );

    server.removeMember("wp-1", "bob");

    expect(await gaveUp).toMatchObject({ code: CloseEvents.accessRevoked.code });
    expect(bob.closes).toEqual([CloseEvents.accessRevoked]);
    expect(bob.provider.shouldConnect).toBe(false);
    expect(server.upgrades.get("bob")).toBe(1);
    expect(server.sync.connectionCount("wp-1")).toBe(1);
    alice.type("still here");
    await vi.waitFor(() => expect(server.sync.stats().appendedUpdates).toBe(1));
  });
});
