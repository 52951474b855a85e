import type { DocumentBus } from "../document-bus";

export type MemoryBusHub = {
  /** One process's connection to the hub. */
  connect(): DocumentBus;
  /** While down, every message published is lost, as Redis pub/sub loses them. */
  setDown(isDown: boolean): void;
  /** Tells every subscriber it was subscribed again (what a Redis reconnect does). */
  resubscribeAll(): void;
  published(): number;
};

/** An in-memory pub/sub shared by several sync servers in one test process: delivery is async. */
export function createMemoryBusHub(): MemoryBusHub {
  const subscribers = new Set<{ receive: (m: Uint8Array) => void; resubscribed: () => void }>();
  const claims = new Map<string, number>();
  let isDown = false;
  let count = 0;
  return {
    connect() {
      return {
        publish(message) {
          count++;
          if (isDown) return;
          const copy = message.slice();
          for (const subscriber of subscribers) setImmediate(() => subscriber.receive(copy));
        },
        subscribe(receive, resubscribed) {
          const subscriber = { receive, resubscribed };
          subscribers.add(subscriber);
          return () => subscribers.delete(subscriber);
        },
        async claimCompaction(docName) {
          const until = claims.get(docName) ?? 0;
          if (until > Date.now()) return false;
          claims.set(docName, Date.now() + 10_000);
          return true;
        },
      };
    },
    setDown(down) {
      isDown = down;
    },
    resubscribeAll() {
      for (const subscriber of subscribers) subscriber.resubscribed();
    },
    published: () => count,
  };
}
