import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { silentLogger } from "./logger";
import { createMemoryUpdateLog } from "./memory-update-log";
import { loadDocument } from "./restore";

/** An update deleting nothing beyond what the document has: Yjs throws on it, stored or not. */
function deletionOfNothing(): Uint8Array {
  const author = new Y.Doc();
  author.getText("notes").insert(0, "x");
  const before = Y.encodeStateVector(author);
  author.getText("notes").delete(0, 1);
  const deletion = Y.encodeStateAsUpdate(author, before).slice();
  deletion[deletion.length - 1] = 0;
  return deletion;
}

describe("loadDocument", () => {
  it("loads what applies, quarantines what throws, where a plain replay would throw", () => {
    const log = createMemoryUpdateLog();
    const author = new Y.Doc();
    author.getText("notes").insert(0, "kept");
    log.append([
      { docName: "wp-1", updates: [Y.encodeStateAsUpdate(author), deletionOfNothing()] },
    ]);
    const replay = new Y.Doc();
    expect(() => {
      for (const { update } of log.load("wp-1").updates) Y.applyUpdate(replay, update);
    }).toThrow();

    const ydoc = loadDocument(log, "wp-1", silentLogger);

    expect(ydoc.getText("notes").toString()).toBe("kept");
    expect(log.quarantinedOf("wp-1")).toMatchObject([
      { kind: "update", reason: expect.stringContaining("deletion of nothing") },
    ]);
    expect(log.load("wp-1").updates).toEqual([]);
    expect(loadDocument(log, "wp-1", silentLogger).getText("notes").toString()).toBe("kept");
  });
});
