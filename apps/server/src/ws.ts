import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { ServerType } from "@hono/node-server";
import {
  CloseEvents,
  DEFAULT_SYNC_LIMITS,
  type SocketData,
  type SyncServer,
  type SyncSocket,
} from "@junction/sync";
import { WebSocket, WebSocketServer } from "ws";
import type { Deps } from "./deps";
import { AppError } from "./errors";
import { SESSION_COOKIE } from "./http/cookies";
import type { Credential } from "./live-credentials";
import { redactPath } from "./log-redaction";
import { type DocumentAccess, requireDocumentAccess } from "./services/access";
import { authenticateUpgrade } from "./services/authentication";
import { credentialOf } from "./services/credentials";
import { isDatabaseBusy } from "./services/storage";

export type SyncUpgrade = { close(): void };

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

/** Answers a refused upgrade as HTTP, never by dropping the socket. */
function refuseUpgrade(socket: Duplex, refusal: AppError): void {
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
    throw new AppError("bad_request", `The ${what} is not valid percent-encoding`);
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
    throw new AppError("bad_request", "The request URL is malformed");
  }
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

type Admission = Pick<DocumentAccess, "identity" | "role"> & {
  workplanId: string;
  credential: Credential;
};

/** Reads the upgrade request, then asks the services who is calling and what they may do. */
function admit(req: IncomingMessage, deps: Deps): Admission {
  const url = parseUrl(req.url);
  const match = SYNC_PATH.exec(url.pathname);
  if (!match?.[1]) {
    throw new AppError("not_found", "No WebSocket endpoint here; use /sync/:workplanId");
  }
  const workplanId = decode(match[1], "workplan id in the path");
  const token = url.searchParams.get("token") || null;
  const host = req.headers.host;
  const caller = authenticateUpgrade(deps, {
    token,
    sessionCookie: token === null ? readCookie(req.headers.cookie, SESSION_COOKIE) || null : null,
    origin: req.headers.origin ?? null,
    ownOrigins: host ? [`http://${host}`, `https://${host}`] : [],
    ip: req.socket.remoteAddress ?? null,
  });
  const { identity, role } = requireDocumentAccess(deps, caller, workplanId);
  return { workplanId, identity, role, credential: credentialOf(caller) };
}

/** Why an upgrade failed, as the services said it (status and code kept), or as the database did. */
function refusalOf(error: unknown, deps: Deps, path: string): AppError {
  if (error instanceof AppError) return error;
  if (isDatabaseBusy(error)) {
    deps.log.warn("storage unavailable", { path });
    return new AppError("unavailable", "The database is busy; try again in a moment");
  }
  deps.log.error("WebSocket upgrade failed", { path, error });
  return new AppError("internal", "Something went wrong on our side");
}

/**
 * ws closes a connection itself, with a bare code, on a frame that breaks the protocol (1002),
 * text that is not UTF-8 (1007) or a message above `maxPayload` (1009). Those closes get the names
 * sync gives any other bad or oversized message, so a client reads why, whichever caught it.
 */
const NAMED_PROTOCOL_CLOSES = new Map<number, { code: number; reason: string }>([
  [1002, CloseEvents.badMessage],
  [1007, CloseEvents.badMessage],
  [1009, CloseEvents.messageTooLarge],
]);

class NamedCloseSocket extends WebSocket {
  override close(code?: number, data?: string | Buffer): void {
    const named =
      data === undefined && code !== undefined ? NAMED_PROTOCOL_CLOSES.get(code) : undefined;
    if (named) super.close(named.code, named.reason);
    else super.close(code, data);
  }
}

/**
 * Authenticates and authorises `/sync/:workplanId` before the upgrade (every refusal an HTTP
 * answer), then hands the socket to sync and holds its credential while it stays open.
 */
export function attachSyncUpgrade(server: ServerType, deps: Deps, sync: SyncServer): SyncUpgrade {
  const wss = new WebSocketServer({
    noServer: true,
    // above the sync limit: a message up to it reaches sync, which names the close; ws buffers
    // no more than this of one message, and NamedCloseSocket names its own close beyond it
    maxPayload:
      (deps.config.syncLimits.maxMessageBytes ?? DEFAULT_SYNC_LIMITS.maxMessageBytes) + 1024,
    WebSocket: NamedCloseSocket,
  });

  server.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on("error", () => socket.destroy());
    let admission: Admission;
    try {
      admission = admit(req, deps);
    } catch (error) {
      const path = redactPath(req.url ?? "");
      const refusal = refusalOf(error, deps, path);
      if (refusal.status < 500) {
        deps.log.info("refused a WebSocket upgrade", { path, status: refusal.status });
      }
      return refuseUpgrade(socket, refusal);
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

  return { close: () => wss.close() };
}
