import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { ServerType } from "@hono/node-server";
import type { Role } from "@junction/domain";
import { findMembership, findOrganisation, findWorkplan, listWorkplans } from "@junction/store";
import {
  createSyncServer,
  DEFAULT_SYNC_LIMITS,
  type SyncServer,
  type UpdateLog,
} from "@junction/sync";
import { WebSocketServer } from "ws";
import type { Deps, LiveDocuments } from "./deps";
import { SESSION_COOKIE } from "./http/cookies";
import type { ActivityIndexer } from "./indexer";
import { validateApiToken } from "./services/api-tokens";
import { validateSessionToken } from "./services/sessions";
import { createStatusGuard } from "./status-guard";

export type SyncAttachment = LiveDocuments & { sync: SyncServer; close(): Promise<void> };

const SYNC_PATH = /^\/sync\/([^/]+)\/?$/;

const STATUS_TEXT: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
};

function refuseUpgrade(socket: Duplex, status: number, code: string, message: string): void {
  const body = JSON.stringify({ error: { code, message } });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? "Error"}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return decodeURIComponent(value.join("="));
  }
  return undefined;
}

function originAllowed(req: IncomingMessage, deps: Deps): boolean {
  const origin = req.headers.origin;
  // non-browser clients send no Origin; browsers always do, and may send cookies cross-site
  if (origin === undefined) return true;
  const host = req.headers.host;
  const allowed = new Set<string>();
  if (host) {
    allowed.add(`http://${host}`);
    allowed.add(`https://${host}`);
  }
  if (deps.config.publicUrl) allowed.add(new URL(deps.config.publicUrl).origin);
  return allowed.has(origin);
}

/** The role that applies to the document: adopted or archived workplans are read-only for all. */
function documentRole(role: Role, workplan: { stage: string; archived: boolean }): Role {
  return workplan.stage === "adopted" || workplan.archived ? "viewer" : role;
}

/** Authenticates and authorises `/sync/:workplanId` before the upgrade, then hands the socket to sync. */
export function attachSync(
  server: ServerType,
  deps: Deps,
  indexer: ActivityIndexer,
  updateLog: UpdateLog,
): SyncAttachment {
  const sync = createSyncServer({
    log: updateLog,
    logger: deps.log.child({ component: "sync" }),
    limits: Object.fromEntries(
      Object.entries(deps.config.syncLimits).filter(([, v]) => v !== undefined),
    ),
    onDocumentChanged: (workplanId, ydoc) => indexer.schedule(workplanId, ydoc),
    guard: createStatusGuard(deps),
  });
  const wss = new WebSocketServer({
    noServer: true,
    // above the sync limit, so an oversized message gets sync's named close code, not ws' own
    maxPayload:
      (deps.config.syncLimits.maxMessageBytes ?? DEFAULT_SYNC_LIMITS.maxMessageBytes) + 1024,
  });

  server.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on("error", () => socket.destroy());
    try {
      const url = new URL(req.url ?? "/", "http://localhost");
      const match = SYNC_PATH.exec(url.pathname);
      if (!match?.[1])
        return refuseUpgrade(
          socket,
          404,
          "not_found",
          "No WebSocket endpoint here; use /sync/:workplanId",
        );
      const workplanId = decodeURIComponent(match[1]);
      const token = url.searchParams.get("token");
      let user = null;
      if (token) {
        user = validateApiToken(deps, token)?.user ?? null;
        if (!user)
          return refuseUpgrade(
            socket,
            401,
            "unauthenticated",
            "The API token is not valid, or it was revoked",
          );
      } else {
        const cookie = readCookie(req.headers.cookie, SESSION_COOKIE);
        if (cookie && !originAllowed(req, deps)) {
          return refuseUpgrade(
            socket,
            403,
            "csrf",
            "WebSocket connections with a session cookie must come from Junction's own pages",
          );
        }
        user = cookie ? (validateSessionToken(deps, cookie)?.user ?? null) : null;
        if (!user)
          return refuseUpgrade(
            socket,
            401,
            "unauthenticated",
            "Sign in first, or pass ?token= with an API token",
          );
      }
      const workplan = findWorkplan(deps.db, workplanId);
      if (!workplan)
        return refuseUpgrade(socket, 404, "not_found", `Workplan ${workplanId} not found`);
      const membership = findMembership(deps.db, workplan.networkId, user.id);
      if (!membership)
        return refuseUpgrade(
          socket,
          403,
          "forbidden",
          "You are not a member of this workplan's network",
        );
      const organisation = findOrganisation(deps.db, membership.organisationId);
      const identity = {
        id: user.id,
        name: user.name,
        organisation: organisation ? organisation.acronym || organisation.name : "",
      };
      const role = documentRole(membership.role, workplan);
      wss.handleUpgrade(req, socket, head, (ws) => {
        sync.handleConnection(ws, { docName: workplanId, user: identity, role });
      });
    } catch (error) {
      deps.log.error("WebSocket upgrade failed", { error });
      socket.destroy();
    }
  });

  return {
    sync,
    setRole(networkId, userId, role) {
      for (const workplan of listWorkplans(deps.db, networkId)) {
        sync.setRole(workplan.id, userId, role === null ? null : documentRole(role, workplan));
      }
    },
    change: (workplanId, edit) => sync.change(workplanId, edit),
    async close() {
      await sync.close();
      wss.close();
      indexer.flush();
    },
  };
}
