import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type * as Y from "yjs";
import {
  connectClient,
  type ServerProcess,
  startServerProcess,
  stopServerProcess,
  tokenFor,
  whenSynced,
} from "./test/process";
import { redisUnavailable, startTestRedis, type TestRedis } from "./test/redis";

const env = process.env;
const missing = redisUnavailable(env);
if (missing !== null && env.CI === "true") {
  throw new Error(`The scale-out tests need Redis under CI: ${missing}`);
}

const WORKPLAN = "wp-network-2021-2023";
const COORDINATOR = "tamar.kapanadze@example.org";
const EDITOR = "eka.lomidze@example.org";
const OTHER_EDITOR = "levan.gelashvili@example.org";

function notes(ydoc: Y.Doc): string {
  return ydoc.getText("notes").toString();
}

describe.skipIf(missing !== null)(
  `two server processes joined by Redis${missing ? ` (skipped: ${missing})` : ""}`,
  { timeout: 60_000 },
  () => {
    let redis: TestRedis;
    let dataDir: string;
    let a: ServerProcess;
    let b: ServerProcess;
    const cleanups: (() => void)[] = [];

    const startProcess = () =>
      startServerProcess({ dataDir, env: { REDIS_URL: redis.url, JUNCTION_LOG_LEVEL: "warn" } });

    function client(server: ServerProcess, token: string, workplanId = WORKPLAN) {
      const connection = connectClient(server, workplanId, token);
      const closes: number[] = [];
      connection.provider.on("connection-close", (event) => {
        if (event) closes.push(event.code);
      });
      cleanups.push(() => {
        connection.provider.destroy();
        connection.ydoc.destroy();
      });
      return { ...connection, closes };
    }

    beforeAll(async () => {
      redis = await startTestRedis(env);
      dataDir = mkdtempSync(join(tmpdir(), "junction-scale-out-"));
      // one after the other: the first seeds the shared database
      a = await startProcess();
      b = await startProcess();
    }, 60_000);

    afterAll(async () => {
      for (const cleanup of cleanups.splice(0)) cleanup();
      for (const server of [a, b]) if (server) await stopServerProcess(server);
      await redis?.stop();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    });

    it("shows each process's clients the other's edits and presence", async () => {
      const alice = client(a, await tokenFor(a, EDITOR));
      const bob = client(b, await tokenFor(b, OTHER_EDITOR));
      await Promise.all([whenSynced(alice.provider), whenSynced(bob.provider)]);
      const sentAt = Date.now();
      alice.ydoc.getText("notes").insert(0, "typed on A. ");
      await vi.waitFor(() => expect(notes(bob.ydoc)).toContain("typed on A."), { timeout: 5000 });
      const latencyMs = Date.now() - sentAt;
      bob.ydoc.getText("notes").insert(0, "typed on B. ");
      await vi.waitFor(() => expect(notes(alice.ydoc)).toContain("typed on B."), { timeout: 5000 });
      alice.provider.awareness.setLocalStateField("cursor", { at: 1 });
      // bob's own state carries no server stamp; alice's arrives stamped by A
      const othersBobSees = () =>
        [...bob.provider.awareness.getStates().entries()]
          .filter(([clientId]) => clientId !== bob.ydoc.clientID)
          .map(([, state]) => state as { user?: { name?: string }; cursor?: unknown });
      await vi.waitFor(
        () =>
          expect(othersBobSees()).toContainEqual(
            expect.objectContaining({ cursor: { at: 1 }, user: expect.anything() }),
          ),
        { timeout: 5000 },
      );
      alice.provider.disconnect();
      await vi.waitFor(() => expect(othersBobSees()).toHaveLength(0), { timeout: 5000 });
      process.stdout.write(`cross-process edit seen after ${latencyMs} ms\n`);
    });

    it("streams an event made through one process to a stream held by the other, and applies a role change and a revocation there within a second", async () => {
      const coordinator = await tokenFor(a, COORDINATOR);
      const editorToken = await tokenFor(b, EDITOR);
      const me = (await (
        await fetch(`${a.url}/api/me`, { headers: { authorization: `Bearer ${editorToken}` } })
      ).json()) as { id: string; memberships: { networkId: string; role: string }[] };
      const networkId = me.memberships[0]?.networkId ?? "";
      // an event stream on B for the editor
      const controller = new AbortController();
      cleanups.push(() => controller.abort());
      const stream = await fetch(`${b.url}/api/events`, {
        headers: { authorization: `Bearer ${editorToken}` },
        signal: controller.signal,
      });
      let streamed = "";
      const reader = stream.body?.getReader();
      void (async () => {
        const decoder = new TextDecoder();
        for (;;) {
          const chunk = await reader?.read().catch(() => undefined);
          if (!chunk || chunk.done) return;
          streamed += decoder.decode(chunk.value);
        }
      })();
      await vi.waitFor(() => expect(streamed).toContain("event: ready"), { timeout: 5000 });
      const editor = client(b, editorToken);
      await whenSynced(editor.provider);

      // the role change made through A reaches B's stream and B's socket
      const changedAt = Date.now();
      const changed = await fetch(`${a.url}/api/networks/${networkId}/members/${me.id}`, {
        method: "PATCH",
        headers: { authorization: `Bearer ${coordinator}`, "content-type": "application/json" },
        body: JSON.stringify({ role: "viewer" }),
      });
      expect(changed.status).toBe(200);
      await vi.waitFor(() => expect(streamed).toContain("event: role-changed"), {
        timeout: 1000,
      });
      process.stdout.write(`cross-process event seen after ${Date.now() - changedAt} ms\n`);
      // as a viewer on B the editor's typing is refused: a fresh reader on A never sees it,
      // while what the coordinator types on A still reaches the viewer
      const watcher = client(a, coordinator);
      await whenSynced(watcher.provider);
      editor.ydoc.getText("notes").insert(0, "refused edit ");
      watcher.ydoc.getText("notes").insert(0, "accepted edit ");
      await vi.waitFor(() => expect(notes(editor.ydoc)).toContain("accepted edit"), {
        timeout: 5000,
      });
      const late = client(b, coordinator);
      await whenSynced(late.provider);
      expect(notes(late.ydoc)).toContain("accepted edit");
      expect(notes(late.ydoc)).not.toContain("refused edit");

      // revoking the token through A closes the socket held by B within a second
      const tokens = (await (
        await fetch(`${a.url}/api/tokens`, { headers: { authorization: `Bearer ${editorToken}` } })
      ).json()) as { id: string }[];
      const revokedAt = Date.now();
      for (const token of tokens) {
        await fetch(`${a.url}/api/tokens/${token.id}`, {
          method: "DELETE",
          headers: { authorization: `Bearer ${editorToken}` },
        });
      }
      await vi.waitFor(() => expect(editor.closes).toContain(4403), { timeout: 1000 });
      process.stdout.write(`cross-process revocation took ${Date.now() - revokedAt} ms\n`);
      editor.provider.disconnect();
    });

    it("converges edits made on both processes while Redis was down", async () => {
      const alice = client(a, await tokenFor(a, COORDINATOR));
      const bob = client(b, await tokenFor(b, OTHER_EDITOR));
      await Promise.all([whenSynced(alice.provider), whenSynced(bob.provider)]);
      await redis.stop();
      alice.ydoc.getText("notes").insert(0, "during the outage on A. ");
      bob.ydoc.getText("notes").insert(0, "during the outage on B. ");
      // each side's own server has stored it; the other does not know yet
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(notes(alice.ydoc)).not.toContain("outage on B.");
      await redis.start();
      await vi.waitFor(
        () => {
          expect(notes(alice.ydoc)).toContain("during the outage on B.");
          expect(notes(bob.ydoc)).toContain("during the outage on A.");
        },
        { timeout: 15_000 },
      );
      expect(notes(alice.ydoc)).toBe(notes(bob.ydoc));
    });

    it("loses nothing when a process is killed right after a write", async () => {
      const token = await tokenFor(b, OTHER_EDITOR);
      const alice = client(a, await tokenFor(a, COORDINATOR));
      const bob = client(b, token);
      await Promise.all([whenSynced(alice.provider), whenSynced(bob.provider)]);
      alice.ydoc.getText("notes").insert(0, "written just before the crash. ");
      await vi.waitFor(() => expect(notes(bob.ydoc)).toContain("just before the crash"), {
        timeout: 5000,
      });
      await stopServerProcess(a, "SIGKILL");
      // what B's clients saw is in the shared log: a fresh client of B reads it
      const fresh = client(b, token);
      await whenSynced(fresh.provider);
      expect(notes(fresh.ydoc)).toContain("written just before the crash.");
      // and A comes back to the same document
      a = await startProcess();
      const back = client(a, await tokenFor(a, COORDINATOR));
      await whenSynced(back.provider);
      expect(notes(back.ydoc)).toContain("written just before the crash.");
    });
  },
);

describe("a server told to join a Redis it cannot reach", { timeout: 30_000 }, () => {
  it("stops at start with a clear error and a non-zero exit", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "junction-no-redis-"));
    try {
      const started = startServerProcess({
        dataDir,
        env: { REDIS_URL: "redis://127.0.0.1:1", JUNCTION_SEED: "none" },
      });
      await expect(started).rejects.toThrow(/exited early[\s\S]*REDIS_URL is unreachable/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
