import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { testDatabaseUrl, testDatabaseUrlFor } from "@junction/store/testing";
import pg from "pg";
import { afterEach, describe, expect, it, vi } from "vitest";
import type * as Y from "yjs";
import { postgresBinaries, startPostgres } from "../../../scripts/services.mjs";
import {
  connectClient,
  type ServerProcess,
  startServerProcess,
  stopServerProcess,
  tokenFor,
  whenSynced,
} from "./test/process";

// the server on PostgreSQL as `pnpm start` runs it: these run in the PostgreSQL test run
const server = testDatabaseUrl();
const WORKPLAN = "wp-network-2021-2023";
const EDITOR = "eka.lomidze@example.org";

const started: ServerProcess[] = [];
const dirs: string[] = [];
const cleanups: (() => void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  for (const process of started.splice(0)) await stopServerProcess(process);
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function freshDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "junction-pg-"));
  dirs.push(dir);
  return dir;
}

async function start(dataDir: string): Promise<ServerProcess> {
  const process = await startServerProcess({ dataDir });
  started.push(process);
  return process;
}

/** A plain client on the test server, in the schema a server process on `dataDir` uses. */
async function sql<T>(dataDir: string, text: string, values: unknown[] = []): Promise<T[]> {
  const url = new URL(testDatabaseUrlFor(dataDir) as string);
  const schema = url.searchParams.get("schema") as string;
  url.searchParams.delete("schema");
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(`SET search_path TO "${schema}"`);
    return (await client.query(text.replaceAll("$schema", schema), values)).rows as T[];
  } finally {
    await client.end();
  }
}

function notes(ydoc: Y.Doc): string {
  return ydoc.getText("notes").toString();
}

describe.skipIf(server === null)("the server on PostgreSQL", { timeout: 60_000 }, () => {
  it("seeds the demo network once when two processes start together on an empty database", async () => {
    const dataDir = freshDataDir();
    const [a, b] = await Promise.all([start(dataDir), start(dataDir)]);
    const users = await sql<{ n: number }>(dataDir, "SELECT COUNT(*)::int AS n FROM users");
    const networks = await sql<{ n: number }>(dataDir, "SELECT COUNT(*)::int AS n FROM networks");
    expect(networks[0]?.n).toBe(1);
    expect(users[0]?.n).toBe(11);
    // both serve it: the demo editor finds the one network through either
    for (const process of [a, b]) {
      const token = await tokenFor(process, EDITOR);
      const networks = await fetch(`${process.url}/api/networks`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(((await networks.json()) as { id: string }[]).map((n) => n.id)).toEqual([
        "un-network-georgia",
      ]);
    }
  });

  it("loses no edit when PostgreSQL drops the server's connection mid-session", async () => {
    const dataDir = freshDataDir();
    const first = await start(dataDir);
    const token = await tokenFor(first, EDITOR);
    const writer = connectClient(first, WORKPLAN, token);
    cleanups.push(() => writer.provider.destroy());
    await whenSynced(writer.provider);
    writer.ydoc.getText("notes").insert(0, "before the drop. ");
    await vi.waitFor(
      async () => {
        const rows = await sql<{ n: number }>(
          dataDir,
          "SELECT COUNT(*)::int AS n FROM workplan_updates WHERE workplan_id = $1",
          [WORKPLAN],
        );
        expect(rows[0]?.n).toBeGreaterThan(0);
      },
      { timeout: 5000 },
    );
    // what an operator's restart of PostgreSQL, or a failover, does to the server's connection
    const ended = await sql<{ ended: boolean }>(
      dataDir,
      "SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE application_name = $1",
      [`junction:${new URL(testDatabaseUrlFor(dataDir) as string).searchParams.get("schema")}`],
    );
    expect(ended.filter((row) => row.ended)).not.toHaveLength(0);
    writer.ydoc.getText("notes").insert(0, "after the drop. ");
    // the server is still up and answers on a new connection
    await vi.waitFor(async () => {
      expect(
        (await fetch(`${first.url}/api/me`, { headers: { authorization: `Bearer ${token}` } }))
          .status,
      ).toBe(200);
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    writer.provider.destroy();
    await stopServerProcess(first);
    started.splice(started.indexOf(first), 1);

    // a restart reads both edits back from PostgreSQL
    const second = await start(dataDir);
    const reader = connectClient(second, WORKPLAN, await tokenFor(second, EDITOR));
    cleanups.push(() => reader.provider.destroy());
    await whenSynced(reader.provider);
    await vi.waitFor(() => {
      expect(notes(reader.ydoc)).toContain("before the drop.");
      expect(notes(reader.ydoc)).toContain("after the drop.");
    });
  });
});

// a PostgreSQL server of the test's own, which it can stop and start again
const binaries = server === null ? null : postgresBinaries();

describe.skipIf(binaries === null)(
  "the server while PostgreSQL is down for a while",
  { timeout: 90_000 },
  () => {
    it("keeps serving, refuses what it cannot store, and stores it once PostgreSQL is back", async () => {
      const postgres = await startPostgres(binaries as string);
      cleanups.push(() => postgres.stop());
      const dataDir = freshDataDir();
      const start = () => startServerProcess({ dataDir, env: { DATABASE_URL: postgres.url } });
      const first = await start();
      started.push(first);
      const token = await tokenFor(first, EDITOR);
      const writer = connectClient(first, WORKPLAN, token);
      cleanups.push(() => writer.provider.destroy());
      await whenSynced(writer.provider);
      writer.ydoc.getText("notes").insert(0, "before the outage. ");
      await new Promise((resolve) => setTimeout(resolve, 500));

      postgres.pause();
      writer.ydoc.getText("notes").insert(0, "during the outage. ");
      // the server stays up: it answers, saying the storage is unavailable, instead of crashing
      await vi.waitFor(
        async () => {
          const response = await fetch(`${first.url}/api/me`, {
            headers: { authorization: `Bearer ${token}` },
          });
          expect(response.status).toBe(503);
        },
        { timeout: 15_000 },
      );
      expect(first.child.exitCode).toBeNull();

      postgres.resume();
      // the writer's client reconnects and resends what was refused; then a restart reads it all
      await vi.waitFor(
        async () => {
          const response = await fetch(`${first.url}/api/me`, {
            headers: { authorization: `Bearer ${token}` },
          });
          expect(response.status).toBe(200);
        },
        { timeout: 15_000 },
      );
      await new Promise((resolve) => setTimeout(resolve, 4000));
      writer.provider.destroy();
      await stopServerProcess(first);
      started.splice(started.indexOf(first), 1);
      const second = await start();
      started.push(second);
      const reader = connectClient(second, WORKPLAN, await tokenFor(second, EDITOR));
      cleanups.push(() => reader.provider.destroy());
      await whenSynced(reader.provider);
      await vi.waitFor(() => {
        expect(notes(reader.ydoc)).toContain("before the outage.");
        expect(notes(reader.ydoc)).toContain("during the outage.");
      });
    });
  },
);

describe("a start with DATABASE_URL", () => {
  it("stops at once with exit 1 and a message naming the server when PostgreSQL does not answer", async () => {
    await expect(
      startServerProcess({
        dataDir: freshDataDir(),
        env: { DATABASE_URL: "postgres://junction:secret@127.0.0.1:1/junction" },
      }),
    ).rejects.toThrow(/Cannot open the PostgreSQL database at 127\.0\.0\.1:1\/junction/);
  });

  it("refuses a DATABASE_URL that is not PostgreSQL's, naming the variable", async () => {
    await expect(
      startServerProcess({ dataDir: freshDataDir(), env: { DATABASE_URL: "mysql://db/junction" } }),
    ).rejects.toThrow(/DATABASE_URL/);
  });
});
