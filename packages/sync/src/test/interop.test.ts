import { afterEach, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { createMemoryUpdateLog } from "../memory-update-log";
import { connectClient, startTestServer, tearDown, whenSynced } from "./harness";

afterEach(tearDown);

describe("stock y-websocket clients", () => {
  it("three editors typing at the same time end up with the same text", async () => {
    const server = await startTestServer({ log: createMemoryUpdateLog() });
    const editors = ["alice", "bob", "carol"].map((user) =>
      connectClient(server, "wp-1", user, "editor"),
    );
    await Promise.all(editors.map(whenSynced));

    for (let round = 0; round < 20; round++) {
      editors.forEach((editor, i) => {
        editor.type(String.fromCharCode(97 + i), round % 2 === 0 ? 0 : undefined);
      });
    }

    await vi.waitFor(() => {
      for (const editor of editors) expect(editor.text()).toHaveLength(60);
    });
    const [first, ...others] = editors.map((editor) => editor.text());
    for (const text of others) expect(text).toBe(first);
  });

  it("a late joiner gets the whole document, narrative included", async () => {
    const server = await startTestServer({ log: createMemoryUpdateLog() });
    const alice = connectClient(server, "wp-1", "alice", "editor");
    await whenSynced(alice);
    const narrative = alice.doc.getXmlFragment("default");
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText("Return and reintegration")]);
    narrative.insert(0, [paragraph]);
    alice.type("minutes of the kick-off");

    const late = connectClient(server, "wp-1", "dave", "viewer");
    await whenSynced(late);
    await vi.waitFor(() => {
      expect(late.text()).toBe("minutes of the kick-off");
      expect(late.doc.getXmlFragment("default").toString()).toBe(narrative.toString());
    });
  });

  it("merges what an editor typed while disconnected when it reconnects", async () => {
    const server = await startTestServer({ log: createMemoryUpdateLog() });
    const alice = connectClient(server, "wp-1", "alice", "editor");
    const bob = connectClient(server, "wp-1", "bob", "editor");
    await Promise.all([whenSynced(alice), whenSynced(bob)]);
    alice.type("shared ");
    await vi.waitFor(() => expect(bob.text()).toBe("shared "));

    alice.provider.disconnect();
    alice.type("offline-alice ");
    bob.type("online-bob ");
    await vi.waitFor(() => expect(server.sync.connectionCount("wp-1")).toBe(1));
    alice.provider.connect();

    await vi.waitFor(() => {
      expect(alice.text()).toContain("offline-alice");
      expect(alice.text()).toContain("online-bob");
      expect(bob.text()).toBe(alice.text());
    });
  });
});
