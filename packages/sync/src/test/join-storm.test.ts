import { afterEach, describe, expect, it, vi } from "vitest";
import { createMemoryUpdateLog } from "../memory-update-log";
import { connectClient, startTestServer, tearDown, whenSynced } from "./harness";

afterEach(tearDown);

// every stock client adds a process "exit" listener
process.setMaxListeners(100);

describe("join storms", () => {
  it("fifty people opening the same workplan at once share one encoding of the document", async () => {
    const server = await startTestServer({ log: createMemoryUpdateLog() });
    const author = connectClient(server, "wp-1", "alice", "editor");
    await whenSynced(author);
    for (let batch = 0; batch < 20; batch++) {
      author.doc.transact(() => {
        for (let i = 0; i < 10; i++)
          author.type(`paragraph ${batch}.${i} of the workplan narrative. `);
      });
    }
    await vi.waitFor(() => expect(server.sync.stats().appendedUpdates).toBe(20));
    const encodesBefore = server.sync.stats().stateEncodes;

    const joiners = Array.from({ length: 50 }, (_, i) =>
      connectClient(server, "wp-1", `user-${i}`, i % 2 === 0 ? "editor" : "viewer"),
    );
    await Promise.all(joiners.map(whenSynced));

    for (const joiner of joiners) expect(joiner.text()).toBe(author.text());
    expect(server.sync.stats().stateEncodes - encodesBefore).toBe(1);
  });
});
