import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { testDatabaseUrlFor } from "@junction/store/testing";
import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { serverCommand } from "./command";

const serverDir = new URL("../../", import.meta.url).pathname;

export type ServerProcess = {
  url: string;
  wsUrl: string;
  port: number;
  dataDir: string;
  child: ChildProcess;
  output: () => string;
};

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

function databaseUrlOf(dataDir: string): { DATABASE_URL?: string } {
  const url = testDatabaseUrlFor(dataDir);
  return url ? { DATABASE_URL: url } : {};
}

/**
 * Runs the real server as its own process: compiled when its build is fresh, else src/main.ts
 * through tsx (`serverCommand`), or `main`, a compiled main.js of the test's own.
 */
export async function startServerProcess(
  options: { dataDir?: string; port?: number; env?: Record<string, string>; main?: string } = {},
): Promise<ServerProcess> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), "junction-proc-"));
  const port = options.port ?? (await freePort());
  let output = "";
  const args = options.main ? [options.main] : serverCommand();
  const child = spawn(process.execPath, args, {
    cwd: serverDir,
    env: {
      ...process.env,
      HOST: "127.0.0.1",
      PORT: String(port),
      JUNCTION_DATA_DIR: dataDir,
      JUNCTION_LOG_LEVEL: "warn",
      // a test run on PostgreSQL gives each data directory a schema of its own
      ...databaseUrlOf(dataDir),
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) throw new Error(`the server exited early:\n${output}`);
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (attempt > 300) throw new Error(`the server did not answer /health:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url, wsUrl: `ws://127.0.0.1:${port}/sync`, port, dataDir, child, output: () => output };
}

export async function stopServerProcess(
  server: ServerProcess,
  signal: NodeJS.Signals = "SIGTERM",
): Promise<number | null> {
  if (server.child.exitCode !== null || server.child.signalCode !== null)
    return server.child.exitCode;
  const exited = new Promise<number | null>((resolve) =>
    server.child.once("exit", (code) => resolve(code)),
  );
  server.child.kill(signal);
  return exited;
}

export function removeDataDir(server: ServerProcess): void {
  rmSync(server.dataDir, { recursive: true, force: true });
}

/** Signs a demo user in and makes an API token for them. */
export async function tokenFor(
  server: ServerProcess,
  email: string,
  password = "junction-demo",
): Promise<string> {
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: server.url },
    body: JSON.stringify({ email, password }),
  });
  if (!login.ok) throw new Error(`sign-in failed for ${email}: ${login.status}`);
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const created = await fetch(`${server.url}/api/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: server.url, cookie },
    body: JSON.stringify({ name: "test" }),
  });
  return ((await created.json()) as { token: string }).token;
}

export function connectClient(
  server: ServerProcess,
  workplanId: string,
  token: string,
): { ydoc: Y.Doc; provider: WebsocketProvider } {
  const ydoc = new Y.Doc();
  const provider = new WebsocketProvider(server.wsUrl, workplanId, ydoc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: { token },
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

/** Attempts a WebSocket upgrade and answers the HTTP status the server gave (101 when accepted). */
export function upgradeStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, {
      headers: {
        connection: "Upgrade",
        upgrade: "websocket",
        "sec-websocket-version": "13",
        "sec-websocket-key": "dGhlIHNhbXBsZSBub25jZQ==",
        ...headers,
      },
    });
    req.on("upgrade", (_response, socket) => {
      socket.destroy();
      resolve(101);
    });
    req.on("response", (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    req.on("error", reject);
    req.end();
  });
}

function writeVarUint(bytes: number[], value: number): void {
  let rest = value;
  while (rest > 0x7f) {
    bytes.push(0x80 | (rest & 0x7f));
    rest = Math.floor(rest / 128);
  }
  bytes.push(rest);
}

function readVarUint(bytes: Uint8Array, at: { pos: number }): number {
  let value = 0;
  let multiplier = 1;
  for (;;) {
    const byte = bytes[at.pos++] ?? 0;
    value += (byte & 0x7f) * multiplier;
    if (byte < 0x80) return value;
    multiplier *= 128;
  }
}

/** A y-websocket sync "update" message carrying `update`, as a raw socket sends it. */
export function updateMessage(update: Uint8Array): Uint8Array {
  const bytes: number[] = [0, 2];
  writeVarUint(bytes, update.length);
  return Uint8Array.from([...bytes, ...update]);
}

/** The same update bytes (V1 encoding) with the first client's first clock replaced. */
export function withFirstClock(update: Uint8Array, clock: number): Uint8Array {
  const at = { pos: 0 };
  const header = [readVarUint(update, at), readVarUint(update, at), readVarUint(update, at)];
  readVarUint(update, at);
  const bytes: number[] = [];
  for (const value of [...header, clock]) writeVarUint(bytes, value);
  return Uint8Array.from([...bytes, ...update.subarray(at.pos)]);
}
