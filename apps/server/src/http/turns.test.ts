import { describe, expect, it } from "vitest";
import { HandlerTurns } from "./turns";

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
});
