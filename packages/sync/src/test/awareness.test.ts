import { colorForUser } from "@junction/domain";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createMemoryUpdateLog } from "../memory-update-log";
import {
  closeRawSockets,
  connectClient,
  connectRaw,
  nameOf,
  startTestServer,
  tearDown,
  whenSynced,
} from "./harness";
import { awarenessMessage } from "./messages";

afterEach(async () => {
  closeRawSockets();
  await tearDown();
});

describe("presence", () => {
  it("shows every user under the identity the server authenticated, whatever they claim", async () => {
    const server = await startTestServer({ log: createMemoryUpdateLog() });
    const alice = connectClient(server, "wp-1", "alice", "editor");
    const mallory = connectClient(server, "wp-1", "mallory", "commenter");
    await Promise.all([whenSynced(alice), whenSynced(mallory)]);

    mallory.provider.awareness.setLocalState({
      user: { id: "alice", name: "Alice", organisation: "UNHCR", color: "#000000" },
      cursor: 7,
    });

    await vi.waitFor(() => {
      expect(alice.provider.awareness.getStates().get(mallory.doc.clientID)).toEqual({
        user: {
          id: "mallory",
          name: nameOf("mallory"),
          organisation: "Mallory's NGO",
          color: colorForUser("mallory"),
        },
        cursor: 7,
      });
    });
  });

  it("gives a user the same colour on every connection", async () => {
    const server = await startTestServer({ log: createMemoryUpdateLog() });
    const observer = connectClient(server, "wp-1", "olga", "viewer");
    const tabs = [
      connectClient(server, "wp-1", "alice", "editor"),
      connectClient(server, "wp-1", "alice", "editor"),
    ];
    await Promise.all([observer, ...tabs].map(whenSynced));
    for (const tab of tabs) tab.provider.awareness.setLocalStateField("cursor", 1);

    await vi.waitFor(() => {
      const colors = tabs.map(
        (tab) =>
          (
            observer.provider.awareness.getStates().get(tab.doc.clientID) as {
              user: { color: string };
            }
          )?.user.color,
      );
      expect(colors).toEqual([colorForUser("alice"), colorForUser("alice")]);
    });
  });

  it("ignores presence a client sends for someone else's client id", async () => {
    const server = await startTestServer({ log: createMemoryUpdateLog() });
    const alice = connectClient(server, "wp-1", "alice", "editor");
    const bob = connectClient(server, "wp-1", "bob", "editor");
    await Promise.all([whenSynced(alice), whenSynced(bob)]);
    alice.provider.awareness.setLocalStateField("cursor", "alice's own");
    await vi.waitFor(() =>
      expect(bob.provider.awareness.getStates().get(alice.doc.clientID)).toMatchObject({
        cursor: "alice's own",
      }),
    );

    const mallory = await connectRaw(server, "wp-1", "mallory");
    mallory.send(
      awarenessMessage([
        { clientID: 4242, clock: 1, state: { cursor: "mallory's own" } },
        { clientID: alice.doc.clientID, clock: 999, state: { cursor: "forged" } },
      ]),
    );
    // a second fresh id is still allowed (two per connection), a third is not
    mallory.send(awarenessMessage([{ clientID: 4343, clock: 1, state: { cursor: "second" } }]));
    mallory.send(awarenessMessage([{ clientID: 4444, clock: 1, state: { cursor: "third" } }]));
    mallory.send(awarenessMessage([{ clientID: 4242, clock: 2, state: { cursor: "done" } }]));

    await vi.waitFor(() => {
      const states = bob.provider.awareness.getStates();
      expect(states.get(4242)).toMatchObject({ cursor: "done", user: { id: "mallory" } });
      expect(states.get(4343)).toMatchObject({ cursor: "second" });
    });
    const states = bob.provider.awareness.getStates();
    expect(states.get(alice.doc.clientID)).toMatchObject({
      cursor: "alice's own",
      user: { id: "alice" },
    });
    expect(states.has(4444)).toBe(false);
  });

  it("slows down a client that floods presence and still shows its latest state", async () => {
    const server = await startTestServer({
      log: createMemoryUpdateLog(),
      limits: { maxAwarenessPerSecond: 5 },
    });
    const observer = connectClient(server, "wp-1", "olga", "viewer");
    await whenSynced(observer);
    let changes = 0;
    observer.provider.awareness.on("change", () => changes++);

    const flooder = await connectRaw(server, "wp-1", "fred");
    for (let clock = 1; clock <= 200; clock++) {
      flooder.send(awarenessMessage([{ clientID: 777, clock, state: { cursor: clock } }]));
    }

    await vi.waitFor(
      () => expect(observer.provider.awareness.getStates().get(777)).toMatchObject({ cursor: 200 }),
      { timeout: 5000 },
    );
    expect(changes).toBeLessThan(100);
  });

  it("removes a user's presence when they leave", async () => {
    const server = await startTestServer({ log: createMemoryUpdateLog() });
    const alice = connectClient(server, "wp-1", "alice", "editor");
    const bob = connectClient(server, "wp-1", "bob", "editor");
    await Promise.all([whenSynced(alice), whenSynced(bob)]);
    bob.provider.awareness.setLocalStateField("cursor", 1);
    await vi.waitFor(() =>
      expect(alice.provider.awareness.getStates().has(bob.doc.clientID)).toBe(true),
    );

    bob.destroy();

    await vi.waitFor(() =>
      expect(alice.provider.awareness.getStates().has(bob.doc.clientID)).toBe(false),
    );
  });
});
