import * as Y from "yjs";
import { awarenessMessage, syncStep1Message, syncStep2Message, updateMessage } from "./messages";

export type Random = {
  next(): number;
  below(n: number): number;
  bytes(length: number): Uint8Array;
  pick<T>(items: readonly T[]): T;
};

/** mulberry32: a seeded generator, so a failing fuzz run can be replayed. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const below = (n: number): number => Math.floor(next() * n);
  return {
    next,
    below,
    bytes: (length) => Uint8Array.from({ length }, () => below(256)),
    pick: (items) => {
      const item = items[below(items.length)];
      if (item === undefined) throw new Error("pick from an empty list");
      return item;
    },
  };
}

/** Valid messages a client could send: the seeds that mutations start from. */
export function createCorpus(random: Random): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array) => updates.push(update));
  const text = doc.getText("notes");
  for (let i = 0; i < 12; i++) text.insert(random.below(text.length + 1), `fuzz${i} `);
  text.delete(0, 3);
  doc.getMap("meta").set("stage", "draft");
  const fragment = doc.getXmlFragment("default");
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText("narrative")]);
  fragment.insert(0, [paragraph]);
  paragraph.setAttribute("id", "activity-1");
  const corpus = [
    syncStep1Message(),
    syncStep1Message(Y.encodeStateVector(doc)),
    syncStep2Message(Y.encodeStateAsUpdate(doc)),
    syncStep2Message(new Uint8Array([0, 0])),
    new Uint8Array([3]),
    awarenessMessage([{ clientID: doc.clientID, clock: 1, state: { cursor: { anchor: 1 } } }]),
    awarenessMessage([{ clientID: doc.clientID, clock: 2, state: null }]),
    ...updates.map(updateMessage),
  ];
  doc.destroy();
  return corpus;
}

/** A random message, a mutation of a valid one, or (rarely) a valid one unchanged. */
export function fuzzMessage(
  random: Random,
  corpus: readonly Uint8Array[],
  maxBytes: number,
): Uint8Array {
  const roll = random.next();
  if (roll < 0.15) return random.bytes(random.below(64));
  if (roll < 0.17) return random.bytes(maxBytes + 1 + random.below(1024));
  const seed = random.pick(corpus);
  if (roll < 0.22) return seed;
  return mutate(random, seed);
}

function mutate(random: Random, seed: Uint8Array): Uint8Array {
  const bytes = Array.from(seed);
  const rounds = 1 + random.below(4);
  for (let round = 0; round < rounds; round++) {
    const at = random.below(bytes.length + 1);
    switch (random.below(6)) {
      case 0:
        bytes[at] = random.below(256);
        break;
      case 1:
        bytes.length = at;
        break;
      case 2:
        bytes.splice(at, 0, ...random.bytes(1 + random.below(8)));
        break;
      case 3:
        bytes.splice(at, 1 + random.below(4));
        break;
      case 4:
        // a length prefix or count claiming far more than follows
        bytes.splice(at, 0, 0xff, 0xff, 0xff, 0x7f);
        break;
      default:
        bytes[at] = (bytes[at] ?? 0) ^ (1 << random.below(8));
    }
  }
  return Uint8Array.from(bytes);
}
