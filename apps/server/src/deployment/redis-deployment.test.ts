import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { ServerEvent } from "../events";
import { createLogger } from "../log";
import { redisUnavailable, startTestRedis, type TestRedis } from "../test/redis";
import type { Deployment, Notice } from "./deployment";
import { createRedisDeployment, RedisUnreachableError } from "./redis-deployment";

const env = process.env;
const missing = redisUnavailable(env);
if (missing !== null && env.CI === "true") {
  throw new Error(`The Redis bus tests need Redis under CI: ${missing}`);
}

const log = createLogger("silent");
const event: ServerEvent = {
  type: "notification",
  userId: "u1",
  data: { id: "n1" } as unknown as Extract<ServerEvent, { type: "notification" }>["data"],
};

describe.skipIf(missing !== null)(
  `the Redis deployment${missing ? ` (skipped: ${missing})` : ""}`,
  { timeout: 30_000 },
  () => {
    let redis: TestRedis;
    const joined: Deployment[] = [];
    const join = async (): Promise<Deployment> => {
      const deployment = await createRedisDeployment(redis.url, log);
      joined.push(deployment);
      return deployment;
    };

    beforeAll(async () => {
      redis = await startTestRedis(env);
    });
    afterEach(async () => {
      for (const deployment of joined.splice(0)) await deployment.close();
    });
    afterAll(async () => {
      await redis?.stop();
    });

    it("delivers an event once to this process's subscribers and once to every other's", async () => {
      const [a, b] = [await join(), await join()];
      const seenA: ServerEvent[] = [];
      const seenB: ServerEvent[] = [];
      a.events.subscribe((e) => seenA.push(e));
      b.events.subscribe((e) => seenB.push(e));
      a.events.publish(event);
      await vi.waitFor(() => expect(seenB).toEqual([event]));
      // a marker behind it: once B has it, anything A would echo to itself has arrived too
      b.events.publish({ ...event, userId: "marker" });
      await vi.waitFor(() => expect(seenA).toHaveLength(2));
      expect(seenA[0]).toEqual(event);
      expect(seenB).toHaveLength(2);
    });

    it("tells the other processes a notice, not the one that sent it", async () => {
      const [a, b] = [await join(), await join()];
      const heardA: Notice[] = [];
      const heardB: Notice[] = [];
      a.onNotice((n) => heardA.push(n));
      b.onNotice((n) => heardB.push(n));
      a.notify({ type: "credentials", userId: "u1" });
      b.notify({ type: "workplan", workplanId: "w1" });
      await vi.waitFor(() => expect(heardB).toEqual([{ type: "credentials", userId: "u1" }]));
      await vi.waitFor(() => expect(heardA).toEqual([{ type: "workplan", workplanId: "w1" }]));
    });

    it("gives the claim to compact a document to one process at a time", async () => {
      const [a, b] = [await join(), await join()];
      const claims = await Promise.all([
        a.documents?.claimCompaction("doc-1"),
        b.documents?.claimCompaction("doc-1"),
      ]);
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await a.documents?.claimCompaction("doc-2")).toBe(true);
    });

    it("carries document messages and says when it subscribed again after Redis restarted", async () => {
      const [a, b] = [await join(), await join()];
      const received: Uint8Array[] = [];
      let resubscribed = 0;
      b.documents?.subscribe(
        (message) => received.push(message),
        () => resubscribed++,
      );
      a.documents?.publish(Uint8Array.of(1, 2, 3));
      await vi.waitFor(() => expect(received).toEqual([Uint8Array.of(1, 2, 3)]));
      await redis.stop();
      // publishing while Redis is down neither throws nor queues
      a.documents?.publish(Uint8Array.of(9));
      await redis.start();
      await vi.waitFor(() => expect(resubscribed).toBeGreaterThan(0), { timeout: 10_000 });
      // the publisher reconnects on its own schedule, and drops what it cannot send meanwhile
      await vi.waitFor(
        () => {
          a.documents?.publish(Uint8Array.of(4));
          expect(received).toContainEqual(Uint8Array.of(4));
        },
        { timeout: 10_000, interval: 200 },
      );
      expect(received).not.toContainEqual(Uint8Array.of(9));
    });
  },
);

describe("joining a deployment at start", () => {
  it("fails with a clear error when Redis cannot be reached", async () => {
    await expect(createRedisDeployment("redis://127.0.0.1:1", log)).rejects.toThrow(
      RedisUnreachableError,
    );
  });
});
