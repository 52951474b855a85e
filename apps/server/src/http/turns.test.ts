import { afterEach, describe, expect, it } from "vitest";
import { createHarness, createTestNetwork, type Harness, ORIGIN } from "../test/harness";
import { HandlerTurns } from "./turns";

let harness: Harness | null = null;
afterEach(() => {
  harness?.close();
  harness = null;
});

describe("handler turns", () => {
  it("lets other work of the event loop run between two queued handlers", async () => {
    const turns = new HandlerTurns();
    const order: string[] = [];
    const handlers = [0, 1, 2].map((i) => turns.wait().then(() => order.push(`handler ${i}`)));
    // what a /health request or a WebSocket frame would do while the handlers queue
    setImmediate(() => order.push("other work"));
    await Promise.all(handlers);
    expect(order).toEqual(["handler 0", "other work", "handler 1", "handler 2"]);
  });

  it("judges a queued request by its credentials as they are at its turn, not on arrival", async () => {
    const h = createHarness();
    harness = h;
    const n = createTestNetwork(h);
    const cookie = n.cookies.editor;
    // both arrive together: the sign-out's turn comes first, and ends the session
    const signOut = h.request("/api/auth/logout", {
      method: "POST",
      headers: { cookie, origin: ORIGIN },
    });
    const me = h.request("/api/me", { headers: { cookie } });
    expect((await signOut).status).toBe(204);
    const answer = await me;
    expect(answer.status).toBe(401);
    expect(JSON.stringify(await answer.json())).not.toContain(n.users.editor.email);
  });
});
