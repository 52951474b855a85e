import { afterEach, describe, expect, it } from "vitest";
import { activity, storeDocument } from "../../test/documents";
import { createHarness, createTestNetwork, type Harness, ORIGIN } from "../../test/harness";

let harness: Harness | null = null;
afterEach(() => {
  harness?.close();
  harness = null;
});

/** Reads server-sent events until one of the wanted type arrives. */
async function nextEvent(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  type: string,
): Promise<unknown> {
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`stream ended before a ${type} event`);
    buffer += decoder.decode(value, { stream: true });
    for (const block of buffer.split("\n\n")) {
      const event = /^event: (.+)$/m.exec(block)?.[1];
      const data = /^data: (.+)$/m.exec(block)?.[1];
      if (event === type && data) return JSON.parse(data);
    }
  }
}

/** The types of the events read until one of `type` arrives (that one included). */
async function eventsUntil(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  type: string,
): Promise<string[]> {
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`stream ended before a ${type} event`);
    buffer += decoder.decode(value, { stream: true });
    const types = buffer.split("\n\n").flatMap((block) => /^event: (.+)$/m.exec(block)?.[1] ?? []);
    if (types.includes(type)) return types;
  }
}

describe("the live event stream", () => {
  it("tells members of a network when a role changes there, and nobody else", async () => {
    const h = createHarness();
    harness = h;
    const n = createTestNetwork(h);
    const member = await h.request("/api/events", { headers: { cookie: n.cookies.viewer } });
    const stranger = await h.request("/api/events", { headers: { cookie: n.cookies.stranger } });
    expect(member.headers.get("content-type")).toMatch(/text\/event-stream/);
    const memberReader = member.body?.getReader();
    const strangerReader = stranger.body?.getReader();
    if (!memberReader || !strangerReader) throw new Error("no event stream");
    await nextEvent(memberReader, "ready");
    await nextEvent(strangerReader, "ready");

    const change = await h.request(`/api/networks/${n.networkId}/members/${n.users.commenter.id}`, {
      method: "PATCH",
      headers: { cookie: n.cookies.coordinator, origin: ORIGIN },
      json: { role: "editor" },
    });
    expect(change.status).toBe(200);
    expect(await nextEvent(memberReader, "role-changed")).toEqual({
      networkId: n.networkId,
      userId: n.users.commenter.id,
      role: "editor",
    });
    const strangerHeard = await Promise.race([
      nextEvent(strangerReader, "role-changed").then(() => true),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 300)),
    ]);
    expect(strangerHeard).toBe(false);
    await memberReader.cancel();
    await strangerReader.cancel();
  });

  it("tells members of a network of a new suggestion, and not a stranger", async () => {
    const h = createHarness();
    harness = h;
    const n = createTestNetwork(h);
    storeDocument(h, { id: n.workplanId, networkId: n.networkId }, [
      { kind: "activity", activity: activity("X1", n.orgB, { start: "2026-01" }) },
    ]);
    const member = await h.request("/api/events", { headers: { cookie: n.cookies.viewer } });
    const stranger = await h.request("/api/events", { headers: { cookie: n.cookies.stranger } });
    const memberReader = member.body?.getReader();
    const strangerReader = stranger.body?.getReader();
    if (!memberReader || !strangerReader) throw new Error("no event stream");
    await nextEvent(memberReader, "ready");
    await nextEvent(strangerReader, "ready");

    const created = await h.request(`/api/workplans/${n.workplanId}/suggestions`, {
      method: "POST",
      headers: { cookie: n.cookies.commenter, origin: ORIGIN },
      json: { kind: "field", activityId: "X1", field: "start", value: "2026-02" },
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    expect(await nextEvent(memberReader, "suggestions-changed")).toEqual({
      networkId: n.networkId,
      workplanId: n.workplanId,
      suggestionId: id,
    });
    // a marker for the stranger alone: everything meant for them arrived before it
    h.deps.events.publish({
      type: "notifications-read",
      userId: n.users.stranger.id,
      data: { unread: 0 },
    });
    expect(await eventsUntil(strangerReader, "notifications-read")).not.toContain(
      "suggestions-changed",
    );
    await memberReader.cancel();
    await strangerReader.cancel();
  });

  it("refuses anonymous callers", async () => {
    const h = createHarness();
    harness = h;
    expect((await h.request("/api/events")).status).toBe(401);
  });
});
