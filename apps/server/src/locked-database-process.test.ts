import { join } from "node:path";
import { findActivityElement } from "@junction/domain/doc";
import { type Db, openDatabase } from "@junction/store";
import { testDatabaseUrl } from "@junction/store/testing";
import { afterEach, describe, expect, it, vi } from "vitest";
import type * as Y from "yjs";
import {
  connectClient,
  removeDataDir,
  type ServerProcess,
  startServerProcess,
  stopServerProcess,
  tokenFor,
  whenSynced,
} from "./test/process";

const WORKPLAN = "wp-network-2021-2023";
const servers: ServerProcess[] = [];
const cleanups: (() => void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  for (const server of servers.splice(0)) {
    await stopServerProcess(server);
    removeDataDir(server);
  }
});

async function start(): Promise<ServerProcess> {
  const server = await startServerProcess();
  servers.push(server);
  return server;
}

async function client(server: ServerProcess, token: string) {
  const connection = connectClient(server, WORKPLAN, token);
  cleanups.push(() => {
    connection.provider.destroy();
    connection.ydoc.destroy();
  });
  await whenSynced(connection.provider);
  return connection;
}

/** A second SQLite connection to the server's file, as a backup tool or a script would open it. */
function secondConnection(server: ServerProcess): Db {
  const db = openDatabase(join(server.dataDir, "junction.db"));
  cleanups.push(() => {
    if (db.inTransaction) db.exec("ROLLBACK");
    db.close();
  });
  return db;
}

function notes(ydoc: Y.Doc): string {
  return ydoc.getText("notes").toString();
}

function api(server: ServerProcess, token: string, path: string, init: RequestInit = {}) {
  return fetch(`${server.url}${path}`, {
    ...init,
    headers: {
      authorization: `Bearer ${token}`,
      "content-type": "application/json",
      ...init.headers,
    },
  });
}

// another process holding SQLite's file lock; PostgreSQL's lock waits are tested in packages/store
describe.skipIf(testDatabaseUrl() !== null)(
  "the real server while another process holds the database's write lock",
  {
    timeout: 60_000,
  },
  () => {
    it("stays responsive, refuses a comment with 503 and loses no edit", async () => {
      const server = await start();
      const eka = await tokenFor(server, "eka.lomidze@example.org");
      const editor = await client(server, eka);
      const reader = await client(server, await tokenFor(server, "nino.kiknadze@example.org"));
      const other = secondConnection(server);

      other.exec("BEGIN IMMEDIATE");
      // the editor types while the database is locked: refused, then resent on reconnect
      editor.ydoc.getText("notes").insert(0, "typed during the lock;");
      expect((await fetch(`${server.url}/health`)).status).toBe(200);
      const comment = await api(server, eka, `/api/workplans/${WORKPLAN}/threads`, {
        method: "POST",
        body: JSON.stringify({ activityId: "A19", body: "Posted during the lock" }),
      });
      expect(comment.status).toBe(503);
      expect(comment.headers.get("retry-after")).toBe("5");
      expect(((await comment.json()) as { error: { message: string } }).error.message).toMatch(
        /nothing was saved/,
      );
      expect((await fetch(`${server.url}/health`)).status).toBe(200);
      other.exec("ROLLBACK");

      await vi.waitFor(() => expect(notes(reader.ydoc)).toContain("typed during the lock;"), {
        timeout: 15_000,
      });
      const threads = (await (
        await api(server, eka, `/api/workplans/${WORKPLAN}/threads`)
      ).json()) as { comments: { body: string }[] }[];
      const bodies = threads.flatMap((thread) => thread.comments.map((c) => c.body));
      expect(bodies).not.toContain("Posted during the lock");
      const late = await client(server, await tokenFor(server, "levan.gelashvili@example.org"));
      expect(notes(late.ydoc)).toContain("typed during the lock;");
    });

    it("brings the activity index up to date once the lock is released, without another edit", async () => {
      const server = await start();
      const eka = await tokenFor(server, "eka.lomidze@example.org");
      const editor = await client(server, eka);
      const reader = await client(server, await tokenFor(server, "nino.kiknadze@example.org"));
      const other = secondConnection(server);
      const titleOf = (ydoc: Y.Doc) =>
        (findActivityElement(ydoc, "A19")?.get(0) as Y.XmlElement | undefined)?.toString() ?? "";

      // lock the moment the edit is stored and passed on, before the index refreshes (debounced)
      reader.ydoc.on("afterTransaction", () => {
        if (titleOf(reader.ydoc).includes("Renamed:") && !other.inTransaction) {
          other.exec("BEGIN IMMEDIATE");
        }
      });
      const title = findActivityElement(editor.ydoc, "A19")?.get(0) as Y.XmlElement;
      (title.get(0) as Y.XmlText).insert(0, "Renamed: ");
      await vi.waitFor(() => expect(other.inTransaction).toBe(true));
      // the server tried to refresh the index and met the lock
      await vi.waitFor(() => expect(server.output()).toMatch(/refresh the activity index/), {
        timeout: 15_000,
      });
      other.exec("ROLLBACK");

      await vi.waitFor(
        async () => {
          const activities = (await (
            await api(server, eka, `/api/workplans/${WORKPLAN}/activities`)
          ).json()) as { id: string; title: string }[];
          expect(activities.find((a) => a.id === "A19")?.title).toMatch(/^Renamed: /);
        },
        { timeout: 15_000 },
      );
    });
  },
);
