import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { docxParagraphs, unzipText } from "@junction/exports/testing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  connectClient,
  removeDataDir,
  type ServerProcess,
  startServerProcess,
  stopServerProcess,
  tokenFor,
  whenSynced,
} from "./test/process";

const serverDir = new URL("../", import.meta.url).pathname;
const WORKPLAN = "wp-network-2021-2023";
// inside node_modules: ignored by git, and the bundle finds its native modules from there
const outdir = join(serverDir, "node_modules", ".cache", `compiled-start-${process.pid}`);

beforeAll(() => {
  const build = spawnSync(process.execPath, ["scripts/build.mjs", outdir], {
    cwd: serverDir,
    encoding: "utf8",
  });
  expect(build.stderr).toBe("");
  expect(build.status).toBe(0);
}, 60_000);

afterAll(() => {
  rmSync(outdir, { recursive: true, force: true });
});

describe("the compiled server, as pnpm start runs it", () => {
  it("seeds the demo network, serves /health, keeps edits and stops on SIGTERM with exit code 0", async () => {
    const main = join(outdir, "main.js");
    const server = await startServerProcess({ main });
    let again: ServerProcess | null = null;
    try {
      const health = await fetch(`${server.url}/health`);
      expect(health.headers.get("content-type")).toMatch(/application\/json/);
      expect(await health.json()).toEqual({ status: "ok", version: 1 });

      const token = await tokenFor(server, "eka.lomidze@example.org");
      const editor = connectClient(server, WORKPLAN, token);
      const watcher = connectClient(server, WORKPLAN, token);
      await Promise.all([whenSynced(editor.provider), whenSynced(watcher.provider)]);
      editor.ydoc.getText("notes").insert(0, "kept across a restart");
      // the server stores an update before it passes it on
      await vi.waitFor(() =>
        expect(watcher.ydoc.getText("notes").toString()).toBe("kept across a restart"),
      );
      expect(await stopServerProcess(server, "SIGTERM")).toBe(0);
      for (const client of [editor, watcher]) client.provider.destroy();

      again = await startServerProcess({ main, dataDir: server.dataDir });
      const reader = connectClient(
        again,
        WORKPLAN,
        await tokenFor(again, "eka.lomidze@example.org"),
      );
      await whenSynced(reader.provider);
      expect(reader.ydoc.getText("notes").toString()).toBe("kept across a restart");
      reader.provider.destroy();
      expect(await stopServerProcess(again, "SIGTERM")).toBe(0);
    } finally {
      await stopServerProcess(server, "SIGKILL");
      if (again) await stopServerProcess(again, "SIGKILL");
      removeDataDir(server);
    }
  });

  it("exports in its worker thread: a demo workplan as Word and the network as a spreadsheet", async () => {
    const server = await startServerProcess({ main: join(outdir, "main.js") });
    try {
      const token = await tokenFor(server, "nino.kiknadze@example.org");
      const headers = { authorization: `Bearer ${token}` };
      const docx = await fetch(`${server.url}/api/workplans/${WORKPLAN}/export?format=docx`, {
        headers,
      });
      expect(docx.status).toBe(200);
      expect(docx.headers.get("content-disposition")).toMatch(/^attachment; filename=".+\.docx"/);
      const text = docxParagraphs(new Uint8Array(await docx.arrayBuffer())).join("\n");
      const activities = (await (
        await fetch(`${server.url}/api/workplans/${WORKPLAN}/activities`, { headers })
      ).json()) as { title: string }[];
      expect(activities.length).toBeGreaterThan(0);
      for (const activity of activities) expect(text).toContain(activity.title);

      const networks = (await (await fetch(`${server.url}/api/networks`, { headers })).json()) as {
        id: string;
      }[];
      const xlsx = await fetch(`${server.url}/api/networks/${networks[0]?.id}/export?format=xlsx`, {
        headers,
      });
      expect(xlsx.status).toBe(200);
      const sheet = unzipText(new Uint8Array(await xlsx.arrayBuffer()))["xl/worksheets/sheet1.xml"];
      expect(sheet).toContain(activities[0]?.title);
      expect(await stopServerProcess(server, "SIGTERM")).toBe(0);
    } finally {
      await stopServerProcess(server, "SIGKILL");
      removeDataDir(server);
    }
  }, 60_000);
});
