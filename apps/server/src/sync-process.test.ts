import { join } from "node:path";
import { findActivityElement, readActivities } from "@junction/domain/doc";
import { openDatabase } from "@junction/store";
import { afterEach, describe, expect, it, vi } from "vitest";
import WebSocket from "ws";
import * as Y from "yjs";
import {
  connectClient,
  removeDataDir,
  type ServerProcess,
  startServerProcess,
  stopServerProcess,
  tokenFor,
  updateMessage,
  upgradeStatus,
  whenSynced,
  withFirstClock,
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

const ADMIN = { email: "root@example.test", password: "an outsider's long passphrase" };

async function start(dataDir?: string, port?: number): Promise<ServerProcess> {
  const env = { JUNCTION_ADMIN_EMAIL: ADMIN.email, JUNCTION_ADMIN_PASSWORD: ADMIN.password };
  const server = await startServerProcess({ dataDir, port, env });
  servers.push(server);
  return server;
}

function client(server: ServerProcess, token: string) {
  const connection = connectClient(server, WORKPLAN, token);
  cleanups.push(() => {
    connection.provider.destroy();
    connection.ydoc.destroy();
  });
  return connection;
}

function notes(ydoc: Y.Doc): string {
  return ydoc.getText("notes").toString();
}

describe("the sync endpoint of the real server", { timeout: 30_000 }, () => {
  it("refuses the upgrade without credentials, for unknown workplans, strangers and revoked tokens", async () => {
    const server = await start();
    const base = `${server.url}/sync`;
    expect(await upgradeStatus(`${base}/${WORKPLAN}`)).toBe(401);
    expect(await upgradeStatus(`${base}/${WORKPLAN}?token=jct_nope.nope`)).toBe(401);
    const token = await tokenFor(server, "eka.lomidze@example.org");
    expect(await upgradeStatus(`${base}/no-such-workplan?token=${token}`)).toBe(404);
    expect(await upgradeStatus(`${base}/${WORKPLAN}?token=${token}`)).toBe(101);
    const outsider = await tokenFor(server, ADMIN.email, ADMIN.password);
    // a stranger learns no more than of a workplan that does not exist
    expect(await upgradeStatus(`${base}/${WORKPLAN}?token=${outsider}`)).toBe(404);
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: server.url },
      body: JSON.stringify({ email: "eka.lomidze@example.org", password: "junction-demo" }),
    });
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    expect(
      await upgradeStatus(`${base}/${WORKPLAN}`, { cookie, origin: "https://evil.example" }),
    ).toBe(403);
    const tokens = (await (
      await fetch(`${server.url}/api/tokens`, { headers: { cookie } })
    ).json()) as { id: string }[];
    for (const { id } of tokens) {
      await fetch(`${server.url}/api/tokens/${id}`, {
        method: "DELETE",
        headers: { cookie, origin: server.url },
      });
    }
    expect(await upgradeStatus(`${base}/${WORKPLAN}?token=${token}`)).toBe(401);
  });

  it("keeps every edit a client saw when the server is killed with SIGKILL", async () => {
    const server = await start();
    const writer = client(server, await tokenFor(server, "eka.lomidze@example.org"));
    const reader = client(server, await tokenFor(server, "levan.gelashvili@example.org"));
    await Promise.all([whenSynced(writer.provider), whenSynced(reader.provider)]);
    const text = writer.ydoc.getText("notes");
    for (let i = 0; i < 50; i++) text.insert(text.length, `edit ${i};`);
    await vi.waitFor(() => expect(notes(reader.ydoc)).toContain("edit 49;"), { timeout: 10_000 });
    const seen = notes(reader.ydoc);
    server.child.kill("SIGKILL");
    await new Promise((resolve) => server.child.once("exit", resolve));
    writer.provider.destroy();
    reader.provider.destroy();

    const restarted = await start(server.dataDir, server.port);
    const late = client(restarted, await tokenFor(restarted, "nana.abuladze@example.org"));
    await whenSynced(late.provider);
    await vi.waitFor(() => expect(notes(late.ydoc)).toBe(seen));
  });

  it("never stores or passes on a commenter's edit, and applies a demotion to a live connection", async () => {
    const server = await start();
    const editor = client(server, await tokenFor(server, "eka.lomidze@example.org"));
    const commenter = client(server, await tokenFor(server, "mariam.chikovani@example.org"));
    await Promise.all([whenSynced(editor.provider), whenSynced(commenter.provider)]);
    commenter.ydoc.getText("notes").insert(0, "commenter wrote this;");
    editor.ydoc.getText("notes").insert(0, "editor wrote this;");
    await vi.waitFor(() => expect(notes(commenter.ydoc)).toContain("editor wrote this;"));
    expect(notes(editor.ydoc)).not.toContain("commenter");

    // a coordinator demotes the editor to viewer while connected
    const coordinator = await tokenFor(server, "tamar.kapanadze@example.org");
    const me = (await (
      await fetch(`${server.url}/api/me`, {
        headers: { authorization: `Bearer ${await tokenFor(server, "eka.lomidze@example.org")}` },
      })
    ).json()) as { id: string };
    const demoted = await fetch(`${server.url}/api/networks/un-network-georgia/members/${me.id}`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${coordinator}`, "content-type": "application/json" },
      body: JSON.stringify({ role: "viewer" }),
    });
    expect(demoted.status).toBe(200);
    const observer = client(server, await tokenFor(server, "levan.gelashvili@example.org"));
    await whenSynced(observer.provider);
    await vi.waitFor(() => expect(notes(observer.ydoc)).toContain("editor wrote this;"));
    editor.ydoc.getText("notes").insert(0, "after demotion;");
    observer.ydoc.getText("notes").insert(0, "observer;");
    await vi.waitFor(() => expect(notes(editor.ydoc)).toContain("observer;"));
    expect(notes(observer.ydoc)).not.toContain("after demotion");

    const fresh = client(server, await tokenFor(server, "irakli.janelidze@example.org"));
    await whenSynced(fresh.provider);
    await vi.waitFor(() => expect(notes(fresh.ydoc)).toContain("observer;"));
    expect(notes(fresh.ydoc)).not.toContain("commenter");
    expect(notes(fresh.ydoc)).not.toContain("after demotion");
  });

  it("sends a status set through the HTTP API to every open editor, and keeps it", async () => {
    const server = await start();
    const viewer = client(server, await tokenFor(server, "nino.kiknadze@example.org"));
    await whenSynced(viewer.provider);
    const statusOf = (ydoc: Y.Doc) => readActivities(ydoc).find((a) => a.id === "A02")?.status;
    expect(statusOf(viewer.ydoc)).not.toBe("cancelled");
    const coordinator = await tokenFor(server, "tamar.kapanadze@example.org");
    const response = await fetch(`${server.url}/api/workplans/${WORKPLAN}/activities/A02/status`, {
      method: "POST",
      headers: { authorization: `Bearer ${coordinator}`, "content-type": "application/json" },
      body: JSON.stringify({ status: "cancelled" }),
    });
    expect(response.status).toBe(204);
    await vi.waitFor(() => expect(statusOf(viewer.ydoc)).toBe("cancelled"));
    const late = client(server, await tokenFor(server, "levan.gelashvili@example.org"));
    await whenSynced(late.provider);
    await vi.waitFor(() => expect(statusOf(late.ydoc)).toBe("cancelled"));
  });

  it("puts back a status an editor may not change, and keeps the ones they may", async () => {
    const server = await start();
    // Eka is an editor at UNICEF: A19 is led by UNICEF, A10 by UNDP (owned by Levan)
    const eka = client(server, await tokenFor(server, "eka.lomidze@example.org"));
    const viewer = client(server, await tokenFor(server, "nino.kiknadze@example.org"));
    await Promise.all([whenSynced(eka.provider), whenSynced(viewer.provider)]);
    const statusOf = (ydoc: Y.Doc, id: string) =>
      readActivities(ydoc).find((a) => a.id === id)?.status;
    const seenByViewer: string[] = [];
    viewer.ydoc.on("afterTransaction", () => {
      seenByViewer.push(statusOf(viewer.ydoc, "A10") ?? "(gone)");
    });
    const setStatus = (ydoc: Y.Doc, id: string, status: string) => {
      const element = findActivityElement(ydoc, id);
      if (!element) throw new Error(`no ${id}`);
      element.setAttribute("status", status);
    };

    eka.ydoc.transact(() => {
      setStatus(eka.ydoc, "A10", "completed");
      setStatus(eka.ydoc, "A19", "ongoing");
    });

    await vi.waitFor(() => expect(statusOf(viewer.ydoc, "A19")).toBe("ongoing"));
    await vi.waitFor(() => expect(statusOf(eka.ydoc, "A10")).toBe("planned"));
    expect(statusOf(viewer.ydoc, "A10")).toBe("planned");
    expect(seenByViewer).not.toContain("completed");

    // Levan owns A10, so his change stands
    const levan = client(server, await tokenFor(server, "levan.gelashvili@example.org"));
    await whenSynced(levan.provider);
    setStatus(levan.ydoc, "A10", "ongoing");
    await vi.waitFor(() => expect(statusOf(viewer.ydoc, "A10")).toBe("ongoing"));
    const late = client(server, await tokenFor(server, "irakli.janelidze@example.org"));
    await whenSynced(late.provider);
    await vi.waitFor(() => {
      expect(statusOf(late.ydoc, "A10")).toBe("ongoing");
      expect(statusOf(late.ydoc, "A19")).toBe("ongoing");
    });
  });

  it("refuses an update with a gap in its clocks, stays up, and loads the workplan after SIGKILL", async () => {
    const server = await start();
    const token = await tokenFor(server, "eka.lomidze@example.org");
    const reader = client(server, await tokenFor(server, "levan.gelashvili@example.org"));
    const editor = client(server, token);
    await Promise.all([whenSynced(reader.provider), whenSynced(editor.provider)]);
    const raw = new WebSocket(`${server.wsUrl}/${WORKPLAN}?token=${token}`);
    cleanups.push(() => raw.terminate());
    const closed = new Promise<number>((resolve) => raw.once("close", (code) => resolve(code)));
    // answered (or closed) once the server has handled everything sent before it
    const barrier = (): Promise<unknown> => {
      raw.send(Uint8Array.from([0, 0, 1, 0]));
      return Promise.race([
        closed,
        new Promise((resolve) =>
          raw.on("message", (data: Buffer) => data[0] === 0 && data[1] === 1 && resolve(data)),
        ),
      ]);
    };
    await new Promise((resolve) => raw.once("open", resolve));
    // a paragraph from a fresh client id (clocks 0-9), then the same bytes from clock 77 on
    const author = new Y.Doc();
    author.clientID = 424_242;
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText("gap test")]);
    author.getXmlFragment("default").insert(0, [paragraph]);
    const update = Y.encodeStateAsUpdate(author);
    const narrative = (ydoc: Y.Doc) => ydoc.getXmlFragment("default").toString();

    raw.send(updateMessage(update));
    await vi.waitFor(() => expect(narrative(reader.ydoc)).toContain("gap test"));
    raw.send(updateMessage(withFirstClock(update, 77)));
    await barrier();
    editor.ydoc.getText("notes").insert(0, "an ordinary edit;");

    await vi.waitFor(() => expect(notes(reader.ydoc)).toContain("an ordinary edit;"));
    expect(await closed).toBe(4524);
    expect(server.child.exitCode).toBeNull();
    expect((await fetch(`${server.url}/health`)).ok).toBe(true);
    server.child.kill("SIGKILL");
    await new Promise((resolve) => server.child.once("exit", resolve));
    reader.provider.destroy();
    editor.provider.destroy();

    const restarted = await start(server.dataDir, server.port);
    const later = client(restarted, await tokenFor(restarted, "eka.lomidze@example.org"));
    const watcher = client(restarted, await tokenFor(restarted, "nana.abuladze@example.org"));
    await Promise.all([whenSynced(later.provider), whenSynced(watcher.provider)]);
    expect(narrative(later.ydoc)).toContain("gap test");
    expect(notes(later.ydoc)).toContain("an ordinary edit;");
    later.ydoc.getText("notes").insert(0, "after the restart;");
    await vi.waitFor(() => expect(notes(watcher.ydoc)).toContain("after the restart;"));
    expect(restarted.output()).not.toContain("Unexpected case");
  });

  it("starts and indexes a workplan whose stored log holds a row that does not apply", async () => {
    const server = await start();
    await stopServerProcess(server);
    const db = openDatabase(join(server.dataDir, "junction.db"));
    db.prepare(
      "INSERT INTO workplan_updates (workplan_id, update_data, created_at) VALUES (?, ?, ?)",
    ).run(WORKPLAN, Buffer.from([0xff, 0x13, 0x37, 0x00, 0x42]), Date.now());
    db.close();

    const restarted = await start(server.dataDir, server.port);
    expect((await fetch(`${restarted.url}/health`)).ok).toBe(true);
    const token = await tokenFor(restarted, "eka.lomidze@example.org");
    const response = await fetch(`${restarted.url}/api/workplans/${WORKPLAN}/activities`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as unknown[]).length).toBeGreaterThan(0);
    const editor = client(restarted, token);
    await whenSynced(editor.provider);
    expect(readActivities(editor.ydoc).length).toBeGreaterThan(0);
  });

  it("stops cleanly on SIGTERM with exit code 0", async () => {
    const server = await start();
    const editor = client(server, await tokenFor(server, "eka.lomidze@example.org"));
    await whenSynced(editor.provider);
    editor.ydoc.getText("notes").insert(0, "before shutdown;");
    const code = await stopServerProcess(server, "SIGTERM");
    expect(code).toBe(0);
  });
});
