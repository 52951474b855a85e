// A sync server in its own process, so its CPU and memory are measured apart from the clients.
// Usage (forked by run.ts): server.ts junction|reference
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { commitmentRights } from "@junction/domain";
import { applyKeepingCommitments, mayChangeCommitments } from "@junction/domain/doc";
import { createSqliteUpdateLog, openDatabase } from "@junction/store";
import { createSyncServer, type UpdateGuard } from "@junction/sync";
import { docs, setupWSConnection } from "@y/websocket-server/utils";
import { WebSocketServer } from "ws";

export type ServerKind = "junction" | "reference";
export type ToServer = { type: "usage" } | { type: "stop" };
export type FromServer =
  | { type: "ready"; port: number }
  | { type: "usage"; cpuMicros: number; rss: number; appended: number }
  | { type: "stopped" };

const kind: ServerKind = process.argv[2] === "reference" ? "reference" : "junction";
const dataDir = mkdtempSync(join(tmpdir(), "junction-bench-sync-"));
const db = kind === "junction" ? openDatabase(join(dataDir, "bench.db")) : null;
// as in production, every editor's update passes the commitment guard (here a writer who leads
// nothing and owns nothing, who may only claim activities without a lead)
const guard: UpdateGuard = {
  concerns: (decoded, ydoc) => mayChangeCommitments(ydoc, decoded),
  review(ydoc, apply) {
    const { restored } = applyKeepingCommitments(ydoc, apply, {
      recall: () => undefined,
      rightsFor: (activity) =>
        commitmentRights({ role: "editor", organisationId: "bench", isOwner: false }, activity),
    });
    return restored.length > 0 ? restored.map((r) => r.id).join(", ") : null;
  },
};
const sync = db
  ? createSyncServer({
      log: createSqliteUpdateLog(db),
      limits: { maxConnectionsPerRoom: 500 },
      guard,
    })
  : null;

const http = createServer((_request, response) => response.writeHead(404).end());
const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 * 1024 });
http.on("upgrade", (request, socket, head) => {
  const url = new URL(request.url ?? "/", "http://localhost");
  const docName = url.pathname.slice(1);
  const user = url.searchParams.get("user") ?? "bench";
  wss.handleUpgrade(request, socket, head, (ws) => {
    if (sync) {
      sync.handleConnection(ws, {
        docName,
        role: "editor",
        user: { id: user, name: user, organisation: "Bench" },
      });
    } else {
      setupWSConnection(ws, request, { docName, gc: true });
    }
  });
});

const send = (message: FromServer): void => {
  process.send?.(message);
};

http.listen(0, "127.0.0.1", () => {
  send({ type: "ready", port: (http.address() as AddressInfo).port });
});

process.on("message", async (message: ToServer) => {
  if (message.type === "usage") {
    const cpu = process.cpuUsage();
    send({
      type: "usage",
      cpuMicros: cpu.user + cpu.system,
      rss: process.memoryUsage().rss,
      appended: sync?.stats().appendedUpdates ?? 0,
    });
    return;
  }
  for (const client of wss.clients) client.terminate();
  await sync?.close();
  for (const doc of docs.values()) doc.destroy();
  docs.clear();
  db?.close();
  wss.close();
  http.closeAllConnections();
  http.close();
  rmSync(dataDir, { recursive: true, force: true });
  send({ type: "stopped" });
  process.disconnect();
});
