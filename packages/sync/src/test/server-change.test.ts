import { afterEach, describe, expect, it, vi } from "vitest";
import { connectClient, startTestServer, tearDown, whenSynced } from "./harness";
import {
  countRows,
  openTestDatabase,
  removeTempDatabases,
  sqliteLog,
  tempDatabasePath,
} from "./sqlite";

afterEach(async () => {
  await tearDown();
  removeTempDatabases();
});

describe("changes the server makes itself", () => {
  it("reach every connected client and are stored before they are sent", async () => {
    const path = tempDatabasePath();
    const db = openTestDatabase(path);
    const server = await startTestServer({ log: sqliteLog(db) });
    const editor = connectClient(server, "wp-1", "alice", "editor");
    const viewer = connectClient(server, "wp-1", "bob", "viewer");
    await Promise.all([whenSynced(editor), whenSynced(viewer)]);
    editor.type("typed by alice. ");
    await vi.waitFor(() => expect(viewer.text()).toBe("typed by alice. "));
    const rowsBefore = countRows(db, "workplan_updates", "wp-1");

    const changed = server.sync.change("wp-1", (ydoc) => {
      const notes = ydoc.getText("notes");
      notes.insert(notes.length, "set by the server.");
    });
    expect(changed).toBe(true);
    expect(countRows(db, "workplan_updates", "wp-1")).toBeGreaterThan(rowsBefore);
    await vi.waitFor(() => expect(editor.text()).toBe("typed by alice. set by the server."));
    await vi.waitFor(() => expect(viewer.text()).toBe("typed by alice. set by the server."));

    await server.close();
    const restarted = await startTestServer({ log: sqliteLog(openTestDatabase(path)) });
    const late = connectClient(restarted, "wp-1", "carol", "viewer");
    await vi.waitFor(() => expect(late.text()).toBe("typed by alice. set by the server."));
  });

  it("stores nothing when the edit changes nothing, and works on a document nobody has open", async () => {
    const path = tempDatabasePath();
    const db = openTestDatabase(path);
    const server = await startTestServer({ log: sqliteLog(db) });
    expect(server.sync.change("wp-2", () => {})).toBe(false);
    expect(countRows(db, "workplan_updates", "wp-2")).toBe(0);
    expect(
      server.sync.change("wp-2", (ydoc) => ydoc.getText("notes").insert(0, "offline edit")),
    ).toBe(true);
    const reader = connectClient(server, "wp-2", "dana", "viewer");
    await vi.waitFor(() => expect(reader.text()).toBe("offline edit"));
  });

  it("stores nothing when the edit changes nothing in a document that holds deletions", async () => {
    const path = tempDatabasePath();
    const db = openTestDatabase(path);
    const server = await startTestServer({ log: sqliteLog(db) });
    expect(server.sync.change("wp-3", (ydoc) => ydoc.getText("notes").insert(0, "abc"))).toBe(true);
    expect(server.sync.change("wp-3", (ydoc) => ydoc.getText("notes").delete(0, 1))).toBe(true);
    const rows = countRows(db, "workplan_updates", "wp-3");

    expect(server.sync.change("wp-3", (ydoc) => ydoc.getText("notes").format(0, 0, {}))).toBe(
      false,
    );
    expect(countRows(db, "workplan_updates", "wp-3")).toBe(rows);
  });
});
