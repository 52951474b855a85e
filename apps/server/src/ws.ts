import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { ServerType } from "@hono/node-server";
import { documentRole } from "@junction/domain";
import {
  findMembership,
  findOrganisation,
  findWorkplan,
  listMembers,
  listWorkplans,
} from "@junction/store";
import {
  CloseEvents,
  createSyncServer,
  DEFAULT_SYNC_LIMITS,
  type SocketData,
  type SyncServer,
  type SyncSocket,
  type UpdateLog,
} from "@junction/sync";
import { type WebSocket, WebSocketServer } from "ws";
import { withClientAttribution } from "./client-attribution";
import type { Deps, LiveDocuments } from "./deps";
import { SESSION_COOKIE } from "./http/cookies";
import type { ActivityIndexer } from "./indexer";
import type { Credential } from "./live-credentials";
import { redactPath } from "./log-redaction";
import { validateApiToken } from "./services/api-tokens";
import { stateFromLog } from "./services/document-state";
import { validateSessionToken } from "./services/sessions";
import { createStatusGuard } from "./status-guard";

export type SyncAttachment = LiveDocuments & { sync: SyncServer; close(): Promise<void> };

const SYNC_PATH = /^\/sync\/([^/]+)\/?$/;

const STATUS_TEXT: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

const REVOKED_REASON = "Access revoked: your session ended or your API token was revoked";

/** Why an upgrade is refused; answered as an HTTP response, never by dropping the socket. */
class UpgradeRefusal extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

function refuseUpgrade(socket: Duplex, refusal: UpgradeRefusal): void {
  if (socket.destroyed || !socket.writable) return;
  const body = JSON.stringify({ error: { code: refusal.code, message: refusal.message } });
  const retry = refusal.status === 503 ? "Retry-After: 5\r\n" : "";
  socket.end(
    `HTTP/1.1 ${refusal.status} ${STATUS_TEXT[refusal.status] ?? "Error"}\r\n` +
      `Content-Type: application/json\r\n${retry}` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

function decode(value: string, what: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw new UpgradeRefusal(400, "bad_request", `The ${what} is not valid percent-encoding`);
  }
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return decode(value.join("="), "session cookie");
  }
  return undefined;
}

function parseUrl(raw: string | undefined): URL {
  try {
    return new URL(raw ?? "/", "http://localhost");
  } catch {
    throw new UpgradeRefusal(400, "bad_request", "The request URL is malformed");
  }
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

function isStorageBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "SQLITE_BUSY" || code === "SQLITE_LOCKED";
}

/**
 * The socket sync talks to: a `ws` WebSocket that, once its credential is revoked, neither
 * delivers nor sends another message while the close handshake runs.
 */
class RevocableSocket implements SyncSocket {
  readonly #ws: WebSocket;
  #isRevoked = false;

  constructor(ws: WebSocket) {
    this.#ws = ws;
  }

  get readyState(): number {
    return this.#ws.readyState;
  }

  send(data: Uint8Array): void {
    if (!this.#isRevoked) this.#ws.send(data);
  }

  close(code?: number, reason?: string): void {
    this.#ws.close(code, reason);
  }

  ping(): void {
    this.#ws.ping();
  }

  on(event: "message", listener: (data: SocketData, isBinary: boolean) => void): this;
  on(event: "close", listener: () => void): this;
  on(event: "error", listener: (error: Error) => void): this;
  on(event: "pong", listener: () => void): this;
  on(
    event: "message" | "close" | "error" | "pong",
    listener:
      | ((data: SocketData, isBinary: boolean) => void)
      | (() => void)
      | ((error: Error) => void),
  ): this {
    if (event === "message") {
      const deliver = listener as (data: SocketData, isBinary: boolean) => void;
      this.#ws.on("message", (data, isBinary) => {
        if (!this.#isRevoked) deliver(data, isBinary);
      });
    } else {
      this.#ws.on(event, listener as (...args: unknown[]) => void);
    }
    return this;
  }

  revoke(): void {
    if (this.#isRevoked) return;
    this.#isRevoked = true;
    this.#ws.close(CloseEvents.accessRevoked.code, REVOKED_REASON);
  }
}

type Admission = {
  workplanId: string;
  identity: { id: string; name: string; organisation: string };
  role: ReturnType<typeof documentRole>;
  credential: Credential;
};

/** Authenticates and authorises an upgrade request, or throws the refusal to answer. */
function admit(req: IncomingMessage, deps: Deps): Admission {
  const url = parseUrl(req.url);
  const match = SYNC_PATH.exec(url.pathname);
  if (!match?.[1]) {
    throw new UpgradeRefusal(404, "not_found", "No WebSocket endpoint here; use /sync/:workplanId");
  }
  const workplanId = decode(match[1], "workplan id in the path");
  const token = url.searchParams.get("token");
  let user = null;
  let credential: Omit<Credential, "userId"> | null = null;
  if (token) {
    const valid = validateApiToken(deps, token);
    if (!valid) {
      throw new UpgradeRefusal(
        401,
        "unauthenticated",
        "The API token is not valid, or it was revoked",
      );
    }
    user = valid.user;
    credential = { sessionId: null, tokenId: valid.token.id };
  } else {
    const cookie = readCookie(req.headers.cookie, SESSION_COOKIE);
    if (cookie && !originAllowed(req, deps)) {
      throw new UpgradeRefusal(
        403,
        "csrf",
        "WebSocket connections with a session cookie must come from Junction's own pages",
      );
    }
    const valid = cookie ? validateSessionToken(deps, cookie) : null;
    if (!valid) {
      throw new UpgradeRefusal(
        401,
        "unauthenticated",
        "Sign in first, or pass ?token= with an API token",
      );
    }
    user = valid.user;
    credential = { sessionId: valid.session.id, tokenId: null };
  }
  const workplan = findWorkplan(deps.db, workplanId);
  if (!workplan) throw new UpgradeRefusal(404, "not_found", `Workplan ${workplanId} not found`);
  const membership = findMembership(deps.db, workplan.networkId, user.id);
  if (!membership) {
    throw new UpgradeRefusal(403, "forbidden", "You are not a member of this workplan's network");
  }
  const organisation = findOrganisation(deps.db, membership.organisationId);
  return {
    workplanId,
    identity: {
      id: user.id,
      name: user.name,
      organisation: organisation ? organisation.acronym || organisation.name : "",
    },
    role: documentRole(membership.role, workplan),
    credential: { userId: user.id, ...credential },
  };
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
    guard: withClientAttribution(deps, createStatusGuard(deps)),
  });
  const wss = new WebSocketServer({
    noServer: true,
    // above the sync limit, so an oversized message gets sync's named close code, not ws' own
    maxPayload:
      (deps.config.syncLimits.maxMessageBytes ?? DEFAULT_SYNC_LIMITS.maxMessageBytes) + 1024,
  });

  server.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on("error", () => socket.destroy());
    let admission: Admission;
    try {
      admission = admit(req, deps);
    } catch (error) {
      const path = redactPath(req.url ?? "");
      if (error instanceof UpgradeRefusal) {
        deps.log.info("refused a WebSocket upgrade", { path, status: error.status });
        return refuseUpgrade(socket, error);
      }
      if (isStorageBusy(error)) {
        deps.log.warn("storage unavailable", { path });
        return refuseUpgrade(
          socket,
          new UpgradeRefusal(503, "unavailable", "The database is busy; try again in a moment"),
        );
      }
      deps.log.error("WebSocket upgrade failed", { path, error });
      return refuseUpgrade(
        socket,
        new UpgradeRefusal(500, "internal", "Something went wrong on our side"),
      );
    }
    const { workplanId, identity, role, credential } = admission;
    wss.handleUpgrade(req, socket, head, (ws) => {
      const revocable = new RevocableSocket(ws);
      sync.handleConnection(revocable, { docName: workplanId, user: identity, role });
      const release = deps.credentials.hold({
        ...credential,
        kind: "socket",
        end: () => revocable.revoke(),
      });
      ws.once("close", release);
    });
  });

  return {
    sync,
    setRole(networkId, userId, role) {
      for (const workplan of listWorkplans(deps.db, networkId)) {
        sync.setRole(workplan.id, userId, role === null ? null : documentRole(role, workplan));
      }
    },
    refreshWorkplan(workplanId) {
      const workplan = findWorkplan(deps.db, workplanId);
      if (!workplan) return;
      for (const member of listMembers(deps.db, workplan.networkId)) {
        sync.setRole(workplanId, member.userId, documentRole(member.role, workplan));
      }
    },
    change: (workplanId, edit) => sync.change(workplanId, edit),
    readState(workplanId) {
      // store what clients sent this turn first: the log then holds everything anyone has seen
      sync.flush();
      return stateFromLog(updateLog.load(workplanId));
    },
    async close() {
      await sync.close();
      wss.close();
      indexer.flush();
    },
  };
}
