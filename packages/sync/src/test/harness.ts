import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { isRole } from "@junction/domain";
import { WebSocket, WebSocketServer } from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import type { ScaleOut } from "../document-bus";
import type { SyncLimits } from "../limits";
import type { LogFields, Logger } from "../logger";
import { createSyncServer, type SyncServer } from "../sync-server";
import type { UpdateGuard, UpdateWriter } from "../update-guard";
import type { UpdateLog } from "../update-log";

export type LogEntry = { level: keyof Logger; message: string; fields: LogFields };

export type RecordingLogger = Logger & { readonly entries: LogEntry[] };

export function createRecordingLogger(): RecordingLogger {
  const entries: LogEntry[] = [];
  const record =
    (level: keyof Logger) =>
    (message: string, fields: LogFields = {}): void => {
      entries.push({ level, message, fields });
    };
  return {
    entries,
    debug: record("debug"),
    info: record("info"),
    warn: record("warn"),
    error: record("error"),
  };
}

export type TestServer = {
  readonly url: string;
  readonly sync: SyncServer;
  readonly logger: RecordingLogger;
  /** Upgrades accepted per user id: a reconnect loop shows up here. */
  readonly upgrades: Map<string, number>;
  /** Like apps/server: a removed member's next upgrade is refused with 403. */
  removeMember(docName: string | null, userId: string): void;
  close(): Promise<void>;
};

type ServerOptions = {
  log: UpdateLog;
  limits?: Partial<SyncLimits>;
  onDocumentChanged?: (docName: string, ydoc: Y.Doc) => void;
  onUpdateAccepted?: (docName: string, update: Uint8Array, writer: UpdateWriter | null) => void;
  guard?: UpdateGuard;
  scaleOut?: ScaleOut;
};

const servers = new Set<TestServer>();

/**
 * A plain `ws` server on port 0 handing every socket to sync, with the user and role taken from
 * the query string (`?user=alice&role=editor`): only tests may trust a URL like that.
 */
export async function startTestServer(options: ServerOptions): Promise<TestServer> {
  const logger = createRecordingLogger();
  const sync = createSyncServer({
    log: options.log,
    logger,
    limits: { unloadDelayMs: 0, ...options.limits },
    ...(options.onDocumentChanged ? { onDocumentChanged: options.onDocumentChanged } : {}),
    ...(options.onUpdateAccepted ? { onUpdateAccepted: options.onUpdateAccepted } : {}),
    ...(options.guard ? { guard: options.guard } : {}),
    ...(options.scaleOut ? { scaleOut: options.scaleOut } : {}),
  });
  const removed = new Set<string>();
  const upgrades = new Map<string, number>();
  const http = createServer((_request, response) => response.writeHead(404).end());
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 * 1024 });
  http.on("upgrade", (request, socket, head) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    const docName = decodeURIComponent(url.pathname.slice(1));
    const userId = url.searchParams.get("user") ?? "anonymous";
    const role = url.searchParams.get("role") ?? "editor";
    if (!isRole(role) || removed.has(userId)) {
      socket.end("HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n");
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      upgrades.set(userId, (upgrades.get(userId) ?? 0) + 1);
      sync.handleConnection(ws, {
        docName,
        role,
        user: { id: userId, name: nameOf(userId), organisation: `${nameOf(userId)}'s NGO` },
      });
    });
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const { port } = http.address() as AddressInfo;
  const server: TestServer = {
    url: `ws://127.0.0.1:${port}`,
    sync,
    logger,
    upgrades,
    removeMember(docName, userId) {
      removed.add(userId);
      sync.setRole(docName, userId, null);
    },
    async close() {
      servers.delete(server);
      await sync.close();
      for (const client of wss.clients) client.terminate();
      wss.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
  servers.add(server);
  return server;
}

export function nameOf(userId: string): string {
  return userId.charAt(0).toUpperCase() + userId.slice(1);
}

export type CloseRecord = { code: number; reason: string };

export type TestClient = {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  /** Every close the server sent this client, in order. */
  readonly closes: CloseRecord[];
  text(): string;
  type(text: string, index?: number): void;
  destroy(): void;
};

const clients = new Set<TestClient>();

/** A stock y-websocket client, as a browser tab would run it. */
export function connectClient(
  server: Pick<TestServer, "url">,
  docName: string,
  userId: string,
  role: string,
  doc: Y.Doc = new Y.Doc(),
): TestClient {
  const provider = new WebsocketProvider(server.url, docName, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    // without this, providers in one process sync over a BroadcastChannel and prove nothing
    disableBc: true,
    params: { user: userId, role },
    maxBackoffTime: 200,
  });
  const closes: CloseRecord[] = [];
  provider.on("connection-close", (event) => {
    if (event) closes.push({ code: event.code, reason: event.reason });
  });
  const client: TestClient = {
    doc,
    provider,
    closes,
    text: () => doc.getText("notes").toString(),
    type(text, index) {
      const notes = doc.getText("notes");
      notes.insert(index ?? notes.length, text);
    },
    destroy() {
      clients.delete(client);
      provider.destroy();
      doc.destroy();
    },
  };
  clients.add(client);
  return client;
}

export function whenSynced(client: TestClient): Promise<void> {
  if (client.provider.synced) return Promise.resolve();
  return new Promise((resolve) => {
    const onSync = (isSynced: boolean): void => {
      if (!isSynced) return;
      client.provider.off("sync", onSync);
      resolve();
    };
    client.provider.on("sync", onSync);
  });
}

/** Destroys every client and server a test started; call it from afterEach. */
export async function tearDown(): Promise<void> {
  for (const client of [...clients]) client.destroy();
  for (const server of [...servers]) await server.close();
}

/** A raw socket for sending bytes no stock client would send. */
export type RawClient = {
  readonly socket: WebSocket;
  readonly received: Uint8Array[];
  readonly closed: Promise<CloseRecord>;
  send(bytes: Uint8Array): void;
  /** Resolves true once `predicate` holds for what was received, false if the socket closed first. */
  until(predicate: (received: readonly Uint8Array[]) => boolean): Promise<boolean>;
};

const rawSockets = new Set<WebSocket>();

export async function connectRaw(
  server: Pick<TestServer, "url">,
  docName: string,
  userId: string,
  role = "editor",
): Promise<RawClient> {
  const socket = new WebSocket(`${server.url}/${docName}?user=${userId}&role=${role}`);
  rawSockets.add(socket);
  const received: Uint8Array[] = [];
  const waiters = new Set<() => void>();
  let isClosed = false;
  socket.on("message", (data: Buffer) => {
    received.push(new Uint8Array(data));
    for (const waiter of [...waiters]) waiter();
  });
  const closed = new Promise<CloseRecord>((resolve) => {
    socket.on("close", (code, reason) => {
      isClosed = true;
      rawSockets.delete(socket);
      resolve({ code, reason: reason.toString() });
      for (const waiter of [...waiters]) waiter();
    });
  });
  await new Promise<void>((resolve, reject) => {
    socket.once("open", () => resolve());
    socket.once("error", reject);
  });
  return {
    socket,
    received,
    closed,
    send: (bytes) => socket.send(bytes),
    until: (predicate) =>
      new Promise((resolve) => {
        const check = (): void => {
          if (predicate(received)) resolve(true);
          else if (isClosed) resolve(false);
          else return;
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      }),
  };
}

export function closeRawSockets(): void {
  for (const socket of rawSockets) socket.terminate();
  rawSockets.clear();
}

export function docText(ydoc: Y.Doc): string {
  return ydoc.getText("notes").toString();
}
