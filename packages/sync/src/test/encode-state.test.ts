import { afterEach, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { createMemoryUpdateLog } from "../memory-update-log";
import { connectClient, docText, startTestServer, tearDown, whenSynced } from "./harness";

afterEach(tearDown);

function textOf(state: Uint8Array | null): string | null {
  if (state === null) return null;
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, state);
  const text = docText(ydoc);
  ydoc.destroy();
  return text;
}

describe("encodeState", () => {
  it("reads the live document of a loaded room, and never loads one", async () => {
    const log = createMemoryUpdateLog();
    const server = await startTestServer({ log });
    const alice = connectClient(server, "wp-1", "alice", "editor");
    await whenSynced(alice);
    alice.type("live text");
    await vi.waitFor(() => expect(textOf(server.sync.encodeState("wp-1"))).toBe("live text"));

    expect(server.sync.encodeState("wp-2")).toBeNull();
    expect(server.sync.roomCount()).toBe(1);

    alice.destroy();
    await vi.waitFor(() => expect(server.sync.roomCount()).toBe(0));
    expect(server.sync.encodeState("wp-1")).toBeNull();
  });

  it("already holds an update when onUpdateAccepted hears of it", async () => {
    const seen: (string | null)[] = [];
    const server = await startTestServer({
      log: createMemoryUpdateLog(),
      onUpdateAccepted: (docName) => seen.push(textOf(server.sync.encodeState(docName))),
    });
    const alice = connectClient(server, "wp-1", "alice", "editor");
    await whenSynced(alice);

    alice.type("one");
    await vi.waitFor(() => expect(seen).toEqual(["one"]));
    alice.type(" two");
    await vi.waitFor(() => expect(seen).toEqual(["one", "one two"]));
  });

  it("hands out a copy: changing it changes nothing a joining client receives", async () => {
    const server = await startTestServer({ log: createMemoryUpdateLog() });
    const alice = connectClient(server, "wp-1", "alice", "editor");
    await whenSynced(alice);
    alice.type("keep me");
    await vi.waitFor(() => expect(textOf(server.sync.encodeState("wp-1"))).toBe("keep me"));

    server.sync.encodeState("wp-1")?.fill(0);

    const bob = connectClient(server, "wp-1", "bob", "viewer");
    await vi.waitFor(() => expect(bob.text()).toBe("keep me"));
    expect(textOf(server.sync.encodeState("wp-1"))).toBe("keep me");
  });
});
