import * as Y from "yjs";
import type { Random } from "./fuzz";
import { decodeParts, encodeParts, type UpdateParts } from "./update-surgery";

/** A real edit on `author` (text, formatting, deletions, maps, narrative blocks); its update. */
export function makeEdit(random: Random, author: Y.Doc): Uint8Array {
  const before = Y.encodeStateVector(author);
  author.transact(() => {
    const notes = author.getText("notes");
    const settings = author.getMap<unknown>("settings");
    const narrative = author.getXmlFragment("default");
    const list = author.getArray<unknown>("list");
    switch (random.below(8)) {
      case 0:
      case 1:
        notes.insert(random.below(notes.length + 1), `w${random.below(1000)} `);
        return;
      case 2: {
        if (notes.length < 2) return notes.insert(0, "seed text ");
        const at = random.below(notes.length - 1);
        notes.delete(at, 1 + random.below(Math.min(5, notes.length - at)));
        return;
      }
      case 3: {
        if (notes.length < 2) return notes.insert(0, "more text ");
        const at = random.below(notes.length - 1);
        notes.format(at, 1 + random.below(notes.length - at), { bold: random.below(2) === 0 });
        return;
      }
      case 4:
        if (random.below(3) === 0) settings.delete(random.pick(["owner", "title", "stage"]));
        else settings.set(random.pick(["owner", "title", "stage"]), `v${random.below(100)}`);
        return;
      case 5: {
        const paragraph = new Y.XmlElement("paragraph");
        paragraph.insert(0, [new Y.XmlText(`para ${random.below(100)}`)]);
        narrative.insert(random.below(narrative.length + 1), [paragraph]);
        return;
      }
      case 6: {
        const element = narrative.get(random.below(Math.max(1, narrative.length)));
        if (element instanceof Y.XmlElement) {
          if (random.below(4) === 0) narrative.delete(random.below(narrative.length), 1);
          else element.setAttribute(random.pick(["id", "status", "lead"]), `a${random.below(9)}`);
        } else {
          narrative.insert(0, [new Y.XmlElement("heading")]);
        }
        return;
      }
      default:
        if (list.length > 0 && random.below(3) === 0) list.delete(random.below(list.length), 1);
        else
          list.insert(random.below(list.length + 1), [random.below(100), { n: random.below(9) }]);
    }
  });
  return Y.encodeStateAsUpdate(author, before);
}

export type Mutation = { readonly name: string; readonly update: Uint8Array };

type StructMutation = (random: Random, parts: UpdateParts) => string | null;

/**
 * A mutation of the valid `update`: bytes flipped, cut or inserted; clocks moved ahead (gaps),
 * back (overlaps) or past 2^53; contents grown, shrunk or swapped; structs duplicated, dropped or
 * split into a second run; references and deletions pointed elsewhere; client ids changed; or
 * merged with an update the server has, or one it lacks (`future`, from the author's future).
 */
export function mutateUpdate(
  random: Random,
  update: Uint8Array,
  future: () => Uint8Array,
  known: readonly Uint8Array[],
): Mutation {
  const roll = random.below(10);
  if (roll === 0) return { name: "bytes", update: mutateBytes(random, update) };
  if (roll === 1) return { name: "future", update: future() };
  if (roll === 2) {
    const other = random.below(2) === 0 ? future() : random.pick(known);
    return { name: "merged", update: Y.mergeUpdates([update, other]) };
  }
  const parts = decodeParts(update);
  const names: string[] = [];
  const rounds = 1 + random.below(2);
  for (let round = 0; round < rounds; round++) {
    const name = random.pick(STRUCT_MUTATIONS)(random, parts);
    if (name !== null) names.push(name);
  }
  return { name: names.join("+") || "unchanged", update: encodeParts(parts) };
}

function mutateBytes(random: Random, update: Uint8Array): Uint8Array {
  const bytes = Array.from(update);
  const at = random.below(bytes.length);
  switch (random.below(4)) {
    case 0:
      bytes[at] = (bytes[at] ?? 0) ^ (1 << random.below(8));
      break;
    case 1:
      bytes.length = at;
      break;
    case 2:
      bytes.splice(at, 0, random.below(256));
      break;
    default:
      bytes.splice(at, 1);
  }
  return Uint8Array.from(bytes);
}

function pickItem(random: Random, parts: UpdateParts): Y.Item | null {
  const items = parts.runs.flatMap((run) => run.structs.filter((s) => s instanceof Y.Item));
  return items.length === 0 ? null : random.pick(items);
}

function shifted(random: Random, value: number): number {
  const delta = random.pick([1, 2, 5, 77, 1000]);
  return random.below(2) === 0 ? value + delta : Math.max(0, value - delta);
}

const STRUCT_MUTATIONS: readonly StructMutation[] = [
  // clock changes: a gap ahead, an overlap behind, far past any clock
  (random, { runs }) => {
    const run = runs.length > 0 ? random.pick(runs) : undefined;
    if (run === undefined) return null;
    run.clock = random.below(8) === 0 ? 2 ** 53 - 2 : shifted(random, run.clock);
    return "clock";
  },
  // a fresh client id, or the author's as another run
  (random, { runs }) => {
    const run = runs.length > 0 ? random.pick(runs) : undefined;
    if (run === undefined) return null;
    run.client = random.below(4) === 0 ? 0 : 1 + random.below(2 ** 31);
    return "client";
  },
  // contents grown, shrunk, emptied or swapped for another kind
  (random, parts) => {
    const item = pickItem(random, parts);
    if (item === null) return null;
    const { content } = item;
    const length = content.getLength();
    switch (random.below(4)) {
      case 0:
        item.content = new Y.ContentString("x".repeat(random.below(length + 3)));
        break;
      case 1:
        item.content = new Y.ContentDeleted(random.below(length + 4));
        break;
      case 2:
        item.content = new Y.ContentAny(Array.from({ length: random.below(3) }, (_, i) => i));
        break;
      default:
        item.content = new Y.ContentFormat("bold", true);
    }
    return "content";
  },
  // structs duplicated, dropped, or one split off into a second run of the same client
  (random, { runs }) => {
    const run = runs.length > 0 ? random.pick(runs) : undefined;
    if (run === undefined || run.structs.length === 0) return null;
    const at = random.below(run.structs.length);
    const struct = run.structs[at];
    if (struct === undefined) return null;
    switch (random.below(3)) {
      case 0:
        run.structs.splice(at, 0, struct);
        return "duplicate";
      case 1:
        run.structs.splice(at, 1);
        return "drop";
      default:
        runs.push({ client: run.client, clock: run.clock, structs: [struct] });
        return "second-run";
    }
  },
  // references moved to other clocks, other clients, nothing, or another root type
  (random, parts) => {
    const item = pickItem(random, parts);
    if (item === null) return null;
    const move = (id: Y.ID | null): Y.ID | null => {
      if (random.below(5) === 0) return null;
      const client = id === null || random.below(4) === 0 ? 1 + random.below(2 ** 31) : id.client;
      return Y.createID(client, shifted(random, id?.clock ?? 0));
    };
    switch (random.below(3)) {
      case 0:
        item.origin = move(item.origin);
        break;
      case 1:
        item.rightOrigin = move(item.rightOrigin);
        break;
      default:
        if (item.origin === null && item.rightOrigin === null) {
          item.parent = random.below(2) === 0 ? move(item.id) : ("elsewhere" as never);
        } else {
          item.origin = null;
          item.rightOrigin = null;
          item.parent = move(item.id);
        }
    }
    // Yjs writes the parent only when both neighbours are gone; it must then have one
    if (item.origin === null && item.rightOrigin === null && item.parent === null) {
      item.parent = "notes" as never;
    }
    return "reference";
  },
  // deletions moved, grown, emptied, or of a client nobody knows
  (random, { deletions, runs }) => {
    const target = deletions.length > 0 ? random.pick(deletions) : undefined;
    const range = target && target.ranges.length > 0 ? random.pick(target.ranges) : undefined;
    if (target === undefined || range === undefined || random.below(4) === 0) {
      const client = runs[0]?.client ?? 1 + random.below(2 ** 31);
      deletions.push({ client, ranges: [{ clock: random.below(200), len: random.below(4) }] });
      return "deletion-added";
    }
    if (random.below(2) === 0) range.clock = shifted(random, range.clock);
    else range.len = random.below(3) === 0 ? 0 : shifted(random, range.len);
    return "deletion";
  },
];
