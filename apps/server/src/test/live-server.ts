import { mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Db } from "@junction/store";
import type { SyncServer } from "@junction/sync";
import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { loadConfig } from "../config";
import type { Deps } from "../deps";
import { createLogger } from "../log";
import { startJunction } from "../server";

export type LiveServer = {
  url: string;
  wsUrl: string;
  deps: Deps;
  db: Db;
  sync: SyncServer;
  /** Moves the server's clock forward (sessions expire by it). */
  advance: (ms: number) => void;
  /** Every log line written so far, as written. */
  logLines: () => string[];
  close: () => Promise<void>;
};

/** The real server (startJunction, as `pnpm start` runs it) in this process, on a free port. */
export async function startLiveServer(env: Record<string, string> = {}): Promise<LiveServer> {
  const dir = mkdtempSync(join(tmpdir(), "junction-live-"));
  const config = loadConfig({
    HOST: "127.0.0.1",
    PORT: "0",
    JUNCTION_DATA_DIR: dir,
    JUNCTION_SEED: "none",
    ...env,
  });
  const lines: string[] = [];
  const log = createLogger("info", {}, (line) => {
    lines.push(line);
  });
  let offset = 0;
  const junction = await startJunction(config, log, () => Date.now() + offset);
  const url = `http://127.0.0.1:${junction.port}`;
  return {
    url,
    wsUrl: `ws://127.0.0.1:${junction.port}/sync`,
    deps: junction.deps,
    db: junction.deps.db,
    sync: junction.sync,
    advance: (ms) => {
      offset += ms;
    },
    logLines: () => [...lines],
    close: async () => {
      await junction.close();
      (junction.server as Server).closeAllConnections();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type Client = { ydoc: Y.Doc; provider: WebsocketProvider };

/** A stock y-websocket client, authenticated by an API token or a session cookie. */
export function connectClient(
  server: LiveServer,
  workplanId: string,
  auth: { token: string } | { cookie: string },
): Client {
  const ydoc = new Y.Doc();
  const cookie = "cookie" in auth ? auth.cookie : null;
  class CookieWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, cookie ? { headers: { cookie } } : {});
    }
  }
  const provider = new WebsocketProvider(server.wsUrl, workplanId, ydoc, {
    WebSocketPolyfill: CookieWebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: "token" in auth ? { token: auth.token } : {},
  });
  return { ydoc, provider };
}

export function whenSynced(provider: WebsocketProvider): Promise<void> {
  if (provider.synced) return Promise.resolve();
  return new Promise((resolve) => {
    const onSync = (synced: boolean) => {
      if (!synced) return;
      provider.off("sync", onSync);
      resolve();
    };
    provider.on("sync", onSync);
  });
}

/** The close code the server ends the client's connection with. */
export function whenClosed(provider: WebsocketProvider): Promise<number> {
  return new Promise((resolve) => {
    provider.once("connection-close", (event) => resolve(event?.code ?? 0));
  });
}

export function destroyClient({ ydoc, provider }: Client): void {
  provider.destroy();
  ydoc.destroy();
}
