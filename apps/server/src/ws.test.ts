import { connect } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import WebSocket from "ws";
import * as Y from "yjs";
import { createTestNetwork } from "./test/harness";
import {
  connectClient,
  destroyClient,
  type LiveServer,
  startLiveServer,
  whenClosed,
  whenSynced,
} from "./test/live-server";

let server: LiveServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

/** Sends a WebSocket upgrade request byte for byte and answers the status line that comes back. */
function rawUpgrade(
  s: LiveServer,
  target: string,
  headers: Record<string, string> = {},
): Promise<string> {
  const port = Number(new URL(s.url).port);
  const lines = [
    `GET ${target} HTTP/1.1`,
    `Host: 127.0.0.1:${port}`,
    "Connection: Upgrade",
    "Upgrade: websocket",
    "Sec-WebSocket-Version: 13",
    "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
  ];
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    let received = "";
    socket.on("data", (chunk) => {
      received += chunk.toString("latin1");
    });
    socket.on("error", reject);
    socket.on("close", () => resolve(received.split("\r\n", 1)[0] ?? ""));
    socket.end(`${lines.join("\r\n")}\r\n\r\n`);
  });
}

function errorLines(s: LiveServer): string[] {
  return s.logLines().filter((line) => (JSON.parse(line) as { level: string }).level === "error");
}

describe("the sync upgrade answers every bad request with an HTTP status", () => {
  it("answers 400 to a malformed session cookie, and logs no error", async () => {
    server = await startLiveServer();
    const n = createTestNetwork(server);
    const status = await rawUpgrade(server, `/sync/${n.workplanId}`, {
      Cookie: "junction_session=%E0%A4%A",
    });
    expect(status).toBe("HTTP/1.1 400 Bad Request");
    expect(errorLines(server)).toEqual([]);
  });

  it("answers 400 to bad percent-encoding in the path", async () => {
    server = await startLiveServer();
    expect(await rawUpgrade(server, "/sync/%E0%A4%A")).toBe("HTTP/1.1 400 Bad Request");
    expect(await rawUpgrade(server, "/sync/%")).toBe("HTTP/1.1 400 Bad Request");
    expect(errorLines(server)).toEqual([]);
  });

  it("answers every fuzzed upgrade with a status, and keeps serving", async () => {
    server = await startLiveServer();
    const n = createTestNetwork(server);
    const wp = n.workplanId;
    const cases: [string, Record<string, string>][] = [
      [`/sync/${wp}`, { Cookie: "junction_session=%" }],
      [`/sync/${wp}`, { Cookie: "junction_session=%zz%E0" }],
      [`/sync/${wp}`, { Cookie: ";;;=;junction_session" }],
      [`/sync/${wp}`, { Cookie: "junction_session=a.b; junction_session=%E0" }],
      [`/sync/${wp}`, { Cookie: `junction_session=${"x".repeat(4000)}.${"y".repeat(4000)}` }],
      [`/sync/${wp}?token=%E0%A4%A`, {}],
      [`/sync/${wp}?token=jct_${"a".repeat(5000)}`, {}],
      [`/sync/${wp}?token=&token=x`, {}],
      [`/sync/${wp}`, { "X-Padding": "p".repeat(20_000) }],
      ["/sync/%00", {}],
      ["/sync/..%2F..%2Fetc", {}],
      [`/sync/${"%41".repeat(3000)}`, {}],
      ["/sync/", {}],
      ["/sync", {}],
      ["/", {}],
      ["*", {}],
      ["http://[::1/sync/x", {}],
      ["//sync/x", {}],
    ];
    for (const [target, headers] of cases) {
      const status = await rawUpgrade(server, target, headers);
      console.log(target.slice(0, 40), status);
      expect(status, `${target} ${JSON.stringify(headers).slice(0, 60)}`).toMatch(
        /^HTTP\/1\.1 4\d\d /,
      );
    }
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    expect(errorLines(server)).toEqual([]);
  });
});

/** Opens a raw sync socket as a signed-in member, and answers how the server closes it. */
async function openSocket(s: LiveServer, workplanId: string, cookie: string) {
  const ws = new WebSocket(`${s.wsUrl}/${workplanId}`, { headers: { cookie, origin: s.url } });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on("close", (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  ws.on("error", () => undefined);
  await new Promise<void>((resolve, reject) => {
    ws.once("open", () => resolve());
    ws.once("unexpected-response", (_request, response) =>
      reject(new Error(`upgrade refused: ${response.statusCode}`)),
    );
  });
  return { ws, closed };
}

describe("a sync connection that breaks the WebSocket protocol", () => {
  it("is closed with a named code and reason, however far over the size limit, and only it", async () => {
    server = await startLiveServer({ JUNCTION_SYNC_MAX_MESSAGE_BYTES: String(64 * 1024) });
    const n = createTestNetwork(server);
    const bystander = await openSocket(server, n.workplanId, n.cookies.viewer);

    // just over the limit: sync itself sees it; far over: ws stops reading it
    for (const size of [64 * 1024 + 10, 4 * 1024 * 1024]) {
      const sender = await openSocket(server, n.workplanId, n.cookies.editor);
      sender.ws.send(Buffer.alloc(size, 1));
      expect(await sender.closed, `${size} bytes`).toEqual({
        code: 4413,
        reason: "Message too large",
      });
    }

    // a text frame that is not UTF-8
    const garbled = await openSocket(server, n.workplanId, n.cookies.editor);
    garbled.ws.send(Buffer.from([0xc3, 0x28]), { binary: false });
    expect((await garbled.closed).code).toBe(4400);

    expect(bystander.ws.readyState).toBe(WebSocket.OPEN);
    bystander.ws.close();
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    expect(errorLines(server)).toEqual([]);
  });
});

describe("a document nested thousands deep", () => {
  it("is refused before it is stored, and the workplan stays readable, exportable and editable", async () => {
    server = await startLiveServer();
    const n = createTestNetwork(server);
    const editor = connectClient(server, n.workplanId, { cookie: n.cookies.editor });
    await whenSynced(editor.provider);
    const closed = whenClosed(editor.provider);
    editor.ydoc.transact(() => {
      let current: Y.XmlFragment | Y.XmlElement = editor.ydoc.getXmlFragment("default");
      for (let i = 0; i < 20_000; i++) {
        const quote = new Y.XmlElement("blockquote");
        current.insert(0, [quote]);
        current = quote;
      }
    });
    expect(await closed).toBe(4415);
    destroyClient(editor);

    const coordinator = connectClient(server, n.workplanId, { cookie: n.cookies.coordinator });
    await whenSynced(coordinator.provider);
    expect(coordinator.ydoc.getXmlFragment("default").length).toBe(0);
    const paragraph = new Y.XmlElement("paragraph");
    coordinator.ydoc.getXmlFragment("default").insert(0, [paragraph]);
    paragraph.insert(0, [new Y.XmlText("Still editable.")]);
    const s = server;
    await vi.waitFor(
      async () => {
        const exported = await fetch(`${s.url}/api/workplans/${n.workplanId}/export?format=md`, {
          headers: { cookie: n.cookies.viewer },
        });
        expect(exported.status).toBe(200);
        expect(await exported.text()).toContain("Still editable.");
        // the first export starts its worker thread: seconds on a busy machine
      },
      { timeout: 10_000, interval: 100 },
    );
    destroyClient(coordinator);
    expect(errorLines(server)).toEqual([]);
  });
});

describe("content the editor never writes", () => {
  it("is removed before anyone receives it, the writer included, and the workplan reads as before", async () => {
    server = await startLiveServer();
    const n = createTestNetwork(server);
    const editor = connectClient(server, n.workplanId, { cookie: n.cookies.editor });
    await whenSynced(editor.provider);
    const fragment = editor.ydoc.getXmlFragment("default");
    const paragraph = new Y.XmlElement("paragraph");
    const text = new Y.XmlText("Kept.");
    fragment.insert(0, [paragraph]);
    paragraph.insert(0, [text]);
    editor.ydoc.transact(() => {
      // a Y type as an attribute, an embed in a text
      paragraph.setAttribute("x", new Y.Map() as unknown as string);
      text.insertEmbed(2, { image: "https://example.org/x.png" });
    });
    // bare values, characters and binary among the blocks, as a raw update would put them
    const raw = new Y.Doc();
    raw.getArray("default").insert(0, [null, "stray", new Uint8Array([1, 2])]);
    Y.applyUpdate(editor.ydoc, Y.encodeStateAsUpdate(raw));

    const viewer = connectClient(server, n.workplanId, { cookie: n.cookies.viewer });
    await whenSynced(viewer.provider);
    for (const { ydoc } of [viewer, editor]) {
      await vi.waitFor(
        () => {
          const children = ydoc.getXmlFragment("default").toArray();
          expect(children).toHaveLength(1);
          const kept = children[0] as Y.XmlElement;
          expect(kept.getAttributes()).toEqual({});
          expect((kept.toArray()[0] as Y.XmlText).toDelta()).toEqual([{ insert: "Kept." }]);
        },
        { timeout: 5000 },
      );
    }
    const exported = await fetch(`${server.url}/api/workplans/${n.workplanId}/export?format=md`, {
      headers: { cookie: n.cookies.viewer },
    });
    expect(await exported.text()).toContain("Kept.");
    destroyClient(editor);
    destroyClient(viewer);
    expect(errorLines(server)).toEqual([]);
  });
});
