import { randomUUID } from "node:crypto";
import type { DocumentBus } from "@junction/sync";
import { createClient } from "redis";
import { z } from "zod";
import type { EventListener, ServerEvent } from "../events";
import type { Logger } from "../log";
import type { Deployment, Notice } from "./deployment";

/** How long a process holds the claim to compact a document (it compacts in one turn). */
const COMPACTION_CLAIM_MS = 10_000;
/** Attempts to reach Redis at start before the start fails. */
const START_ATTEMPTS = 5;

const CHANNELS = {
  documents: "junction:documents",
  events: "junction:events",
  notices: "junction:notices",
} as const;

const envelope = z.object({ origin: z.string(), payload: z.unknown() });

const noticeSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("role"), networkId: z.string(), userId: z.string() }),
  z.object({ type: z.literal("workplan"), workplanId: z.string() }),
  z.object({ type: z.literal("credentials"), userId: z.string() }),
]);

export class RedisUnreachableError extends Error {
  override name = "RedisUnreachableError";
}

/**
 * Joins every process that shares `url` into one deployment over Redis pub/sub: one connection
 * publishes, one subscribes. Both reconnect with a growing pause (at most 2 s) for ever once
 * started; meanwhile publishing fails fast (nothing queues up) and local clients are served.
 * Rejects with RedisUnreachableError when Redis cannot be reached at start.
 */
export async function createRedisDeployment(url: string, log: Logger): Promise<Deployment> {
  const processId = randomUUID();
  let isStarted = false;
  const reconnectStrategy = (retries: number, cause: Error): number | Error => {
    if (!isStarted && retries >= START_ATTEMPTS) {
      return new RedisUnreachableError(`Redis at REDIS_URL is unreachable: ${cause.message}`);
    }
    return Math.min(100 * 2 ** retries, 2000) + Math.floor(Math.random() * 100);
  };
  const publisher = createClient({ url, disableOfflineQueue: true, socket: { reconnectStrategy } });
  const subscriber = publisher.duplicate();
  let lastErrorAt = 0;
  for (const [name, client] of [
    ["publisher", publisher],
    ["subscriber", subscriber],
  ] as const) {
    // an unhandled "error" event would end the process; one line per 10 s is enough
    client.on("error", (error: unknown) => {
      // at start the start itself fails with the reason
      if (!isStarted || Date.now() - lastErrorAt < 10_000) return;
      lastErrorAt = Date.now();
      log.warn("Redis connection failed; serving local clients and reconnecting", {
        connection: name,
        error: String(error),
      });
    });
  }

  const eventListeners = new Set<EventListener>();
  let noticeHandler: (notice: Notice) => void = () => {};
  const documentSubscribers = new Set<{
    receive: (message: Uint8Array) => void;
    resubscribed: () => void;
  }>();

  const publish = (channel: string, message: string | Buffer): void => {
    publisher.publish(channel, message).catch((error: unknown) => {
      if (Date.now() - lastErrorAt < 10_000) return;
      lastErrorAt = Date.now();
      // the other processes catch documents up from the log; events and notices are lost
      log.warn("Could not publish to Redis", { channel, error: String(error) });
    });
  };
  const publishJson = (channel: string, payload: unknown): void =>
    publish(channel, JSON.stringify({ origin: processId, payload }));
  const readJson = (message: string): unknown | null => {
    try {
      const parsed = envelope.safeParse(JSON.parse(message));
      if (!parsed.success || parsed.data.origin === processId) return null;
      return parsed.data.payload;
    } catch {
      return null;
    }
  };
  const deliver = (event: ServerEvent): void => {
    for (const listener of eventListeners) {
      try {
        listener(event);
      } catch (error) {
        log.error("an event listener threw", { type: event.type, error });
      }
    }
  };

  try {
    await Promise.all([publisher.connect(), subscriber.connect()]);
    await subscriber.subscribe(
      CHANNELS.documents,
      (message: Buffer) => {
        const bytes = new Uint8Array(message.buffer, message.byteOffset, message.byteLength);
        for (const { receive } of documentSubscribers) receive(bytes);
      },
      true,
    );
    await subscriber.subscribe(CHANNELS.events, (message: string) => {
      // events are already checked where they were made; each stream filters what it may see
      const payload = readJson(message) as ServerEvent | null;
      if (payload !== null) deliver(payload);
    });
    await subscriber.subscribe(CHANNELS.notices, (message: string) => {
      const parsed = noticeSchema.safeParse(readJson(message));
      if (!parsed.success) return;
      try {
        noticeHandler(parsed.data);
      } catch (error) {
        log.warn("could not apply another process's notice", { notice: parsed.data, error });
      }
    });
  } catch (error) {
    for (const client of [publisher, subscriber]) {
      try {
        client.destroy();
      } catch {
        // closed already: its reconnect strategy gave up
      }
    }
    if (error instanceof RedisUnreachableError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new RedisUnreachableError(
      reason.startsWith("Redis at REDIS_URL")
        ? reason
        : `Redis at REDIS_URL is unreachable: ${reason}`,
      { cause: error },
    );
  }
  isStarted = true;
  // after a reconnect the client has subscribed again before "ready": what was published
  // meanwhile is lost, so documents catch up from the log
  subscriber.on("ready", () => {
    log.info("Redis subscription is back; catching documents up from the storage");
    for (const { resubscribed } of documentSubscribers) resubscribed();
  });

  const documents: DocumentBus = {
    publish(message) {
      publish(CHANNELS.documents, Buffer.from(message.buffer, message.byteOffset, message.length));
    },
    subscribe(receive, resubscribed) {
      const subscription = { receive, resubscribed };
      documentSubscribers.add(subscription);
      return () => documentSubscribers.delete(subscription);
    },
    async claimCompaction(docName) {
      const answer = await publisher.set(`junction:compacting:${docName}`, processId, {
        condition: "NX",
        expiration: { type: "PX", value: COMPACTION_CLAIM_MS },
      });
      return answer === "OK";
    },
  };

  return {
    processId,
    events: {
      publish(event) {
        deliver(event);
        publishJson(CHANNELS.events, event);
      },
      subscribe(listener) {
        eventListeners.add(listener);
        return () => eventListeners.delete(listener);
      },
    },
    documents,
    notify(notice) {
      publishJson(CHANNELS.notices, notice);
    },
    onNotice(handler) {
      noticeHandler = handler;
    },
    async close() {
      await Promise.allSettled([publisher.close(), subscriber.close()]);
    },
  };
}
