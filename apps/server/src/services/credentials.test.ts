import { CloseEvents } from "@junction/sync";
import { afterEach, describe, expect, it } from "vitest";
import { createTestNetwork, type TestNetwork } from "../test/harness";
import {
  type Client,
  connectClient,
  destroyClient,
  type LiveServer,
  startLiveServer,
  whenClosed,
  whenSynced,
} from "../test/live-server";
import { endRevokedCredentials } from "./credentials";
import { createSession } from "./sessions";

let server: LiveServer | null = null;
const clients: Client[] = [];
const streams: ReadableStreamDefaultReader<Uint8Array>[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) destroyClient(client);
  for (const reader of streams.splice(0)) await reader.cancel().catch(() => {});
  await server?.close();
  server = null;
});

async function setUp(): Promise<{ s: LiveServer; n: TestNetwork }> {
  server = await startLiveServer();
  return { s: server, n: createTestNetwork(server) };
}

async function call(
  s: LiveServer,
  path: string,
  init: { method?: string; cookie?: string; bearer?: string; json?: unknown } = {},
): Promise<Response> {
  const headers: Record<string, string> = { origin: s.url };
  if (init.cookie) headers.cookie = init.cookie;
  if (init.bearer) headers.authorization = `Bearer ${init.bearer}`;
  if (init.json !== undefined) headers["content-type"] = "application/json";
  return fetch(`${s.url}${path}`, {
    method: init.method ?? "GET",
    headers,
    body: init.json === undefined ? undefined : JSON.stringify(init.json),
  });
}

async function createToken(s: LiveServer, cookie: string): Promise<{ id: string; token: string }> {
  const response = await call(s, "/api/tokens", { method: "POST", cookie, json: { name: "ci" } });
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string; token: string };
}

async function open(
  s: LiveServer,
  workplanId: string,
  auth: { token: string } | { cookie: string },
): Promise<Client> {
  const client = connectClient(s, workplanId, auth);
  clients.push(client);
  await whenSynced(client.provider);
  return client;
}

/** Opens /api/events and answers a promise that settles when the server ends the stream. */
async function openEvents(
  s: LiveServer,
  auth: { cookie?: string; bearer?: string },
): Promise<{ ended: Promise<void> }> {
  const response = await call(s, "/api/events", auth);
  expect(response.status).toBe(200);
  const reader = response.body?.getReader();
  if (!reader) throw new Error("no event stream");
  streams.push(reader);
  const decoder = new TextDecoder();
  let text = "";
  while (!text.includes("event: ready")) {
    const { value, done } = await reader.read();
    if (done) throw new Error("the stream ended before it was ready");
    text += decoder.decode(value, { stream: true });
  }
  const ended = (async () => {
    for (;;) {
      const { done } = await reader.read();
      if (done) return;
    }
  })();
  return { ended };
}

describe("revoking a credential ends what was opened with it", () => {
  it("closes a WebSocket with 4403 when its API token is revoked; other sockets carry on", async () => {
    const { s, n } = await setUp();
    const revoked = await createToken(s, n.cookies.editor);
    const kept = await createToken(s, n.cookies.editor);
    const a = await open(s, n.workplanId, { token: revoked.token });
    const b = await open(s, n.workplanId, { token: kept.token });
    const closed = whenClosed(a.provider);

    const response = await call(s, `/api/tokens/${revoked.id}`, {
      method: "DELETE",
      cookie: n.cookies.editor,
    });
    expect(response.status).toBe(204);
    expect(await closed).toBe(CloseEvents.accessRevoked.code);

    // the other token's socket still edits, and nothing of the revoked one arrives
    a.ydoc.getText("probe").insert(0, "after revocation");
    b.ydoc.getText("probe").insert(0, "still here");
    const c = await open(s, n.workplanId, { token: kept.token });
    await expect.poll(() => c.ydoc.getText("probe").toString()).toBe("still here");
    expect(b.provider.wsconnected).toBe(true);
  });

  it("closes the sockets and ends the event stream of a session that signs out", async () => {
    const { s, n } = await setUp();
    const socket = await open(s, n.workplanId, { cookie: n.cookies.editor });
    const other = await open(s, n.workplanId, { cookie: n.cookies.coordinator });
    const events = await openEvents(s, { cookie: n.cookies.editor });
    const closed = whenClosed(socket.provider);

    const out = await call(s, "/api/auth/logout", { method: "POST", cookie: n.cookies.editor });
    expect(out.status).toBe(204);
    expect(await closed).toBe(CloseEvents.accessRevoked.code);
    await events.ended;
    expect(other.provider.wsconnected).toBe(true);
  });

  it("ends an event stream opened with an API token once the token is revoked", async () => {
    const { s, n } = await setUp();
    const token = await createToken(s, n.cookies.viewer);
    const events = await openEvents(s, { bearer: token.token });
    const response = await call(s, `/api/tokens/${token.id}`, {
      method: "DELETE",
      cookie: n.cookies.viewer,
    });
    expect(response.status).toBe(204);
    await events.ended;
  });

  it("closes the other sessions' sockets on 'sign out other sessions', and keeps this one's", async () => {
    const { s, n } = await setUp();
    const here = n.cookies.editor;
    const elsewhere = `junction_session=${createSession(s.deps, n.users.editor.id, "other").token}`;
    const mine = await open(s, n.workplanId, { cookie: here });
    const theirs = await open(s, n.workplanId, { cookie: elsewhere });
    const closed = whenClosed(theirs.provider);

    const response = await call(s, "/api/auth/logout-others", { method: "POST", cookie: here });
    expect(await response.json()).toEqual({ count: 1 });
    expect(await closed).toBe(CloseEvents.accessRevoked.code);
    expect(mine.provider.wsconnected).toBe(true);
  });

  it("closes the socket of a session signed out from the sessions list", async () => {
    const { s, n } = await setUp();
    const other = createSession(s.deps, n.users.editor.id, "other");
    const theirs = await open(s, n.workplanId, {
      cookie: `junction_session=${other.token}`,
    });
    const closed = whenClosed(theirs.provider);
    const response = await call(s, `/api/sessions/${other.session.id}`, {
      method: "DELETE",
      cookie: n.cookies.editor,
    });
    expect(response.status).toBe(204);
    expect(await closed).toBe(CloseEvents.accessRevoked.code);
  });

  it("closes a socket and ends a stream whose session expired while they were open", async () => {
    const { s, n } = await setUp();
    const socket = await open(s, n.workplanId, { cookie: n.cookies.editor });
    const events = await openEvents(s, { cookie: n.cookies.editor });
    const closed = whenClosed(socket.provider);
    expect(endRevokedCredentials(s.deps)).toBe(0);

    s.advance((s.deps.config.sessionDays + 1) * 24 * 60 * 60 * 1000);
    // what the server's once-a-minute sweep runs
    expect(endRevokedCredentials(s.deps)).toBe(2);
    expect(await closed).toBe(CloseEvents.accessRevoked.code);
    await events.ended;
  });
});
