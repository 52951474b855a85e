import * as encoding from "lib0/encoding";
import * as Y from "yjs";
import { describeError } from "./protocol";
import type { DecodedUpdate } from "./update-check";

type Id = { readonly client: number; readonly clock: number };

/** How far `isRightOf` walks a list: far beyond what concurrent edits put between two items. */
const MAX_WALK = 20_000;

/** The last item a client's judged updates placed: typing continues right after it. */
export type PlacedEnd = { readonly clock: number; readonly rightOrigin: Id | null };

export type PlacementContext = {
  /** The room's document; updates queued this turn are not in it yet. */
  readonly ydoc: Y.Doc;
  /** The next clock of `client` once the queued updates are applied. */
  clockOf(client: number): number;
  /** The last item each client's queued updates placed. */
  readonly queuedEnds: ReadonlyMap<number, PlacedEnd>;
  /** A copy of the document (without the queued updates); the caller destroys it. */
  makeScratch(): Y.Doc;
};

export type Placement =
  | {
      readonly status: "ok";
      readonly update: Uint8Array;
      readonly decoded: DecodedUpdate;
      /** The last item of each client this update places, for the updates after it. */
      readonly ends: ReadonlyMap<number, PlacedEnd>;
    }
  | { readonly status: "misplaced"; readonly reason: string }
  /** It places an item next to a queued one in a way only the applied document can tell. */
  | { readonly status: "after-queued" };

/**
 * Judges where an update (one that integrates completely) puts its items. Yjs orders concurrent
 * inserts by the two neighbours an item had when it was made (`origin`, `rightOrigin`), which
 * assumes the right one follows the left one in one list. An item naming neighbours that do not
 * (no client makes one, an attacker can) is placed differently by each replica depending on what
 * it already holds, so copies and reloads drift apart for good: such an update is refused.
 * Answers the update to store: the one given, or a copy cut where the room's clocks are.
 */
export function checkPlacement(
  update: Uint8Array,
  decoded: DecodedUpdate,
  context: PlacementContext,
): Placement {
  const { ydoc } = context;
  const cut = cutToKnown(update, decoded, context.clockOf);
  const placed = cut === update ? decoded : Y.decodeUpdate(cut);
  const isLive = ({ client, clock }: Id): boolean => clock < Y.getState(ydoc.store, client);
  const ends = new Map<number, PlacedEnd>();
  const endOf = (client: number): PlacedEnd | undefined =>
    ends.get(client) ?? context.queuedEnds.get(client);
  const inCopy: Y.Item[] = [];
  let isAfterQueued = false;
  for (const struct of placed.structs) {
    if (!(struct instanceof Y.Item)) continue;
    const { id, origin, rightOrigin } = struct;
    if (id.clock + struct.length <= context.clockOf(id.client)) continue;
    if (origin !== null && rightOrigin !== null) {
      const end = endOf(origin.client);
      if (end?.clock === origin.clock && sameId(end.rightOrigin, rightOrigin)) {
        // typing on: right after the last item placed, before that item's right neighbour
      } else if (isLive(origin) && isLive(rightOrigin)) {
        if (!isRightOf(ydoc.store, origin, rightOrigin)) return misplaced(struct);
      } else if (isInQueue(origin, context) || isInQueue(rightOrigin, context)) {
        isAfterQueued = true;
      } else {
        // a neighbour made earlier in this very update: judged once the update is in a copy
        inCopy.push(struct);
      }
    }
    ends.set(id.client, { clock: id.clock + struct.length - 1, rightOrigin });
  }
  const hasQueued = (client: number): boolean =>
    context.clockOf(client) > Y.getState(ydoc.store, client);
  // the copy lacks the queued updates: one that continues them must wait until they are in
  if (inCopy.length > 0 && placed.structs.some(({ id }) => hasQueued(id.client))) {
    isAfterQueued = true;
  }
  if (isAfterQueued) return { status: "after-queued" };
  if (inCopy.length > 0) {
    const reason = checkInCopy(cut, inCopy, context);
    if (reason !== null) return { status: "misplaced", reason };
  }
  return { status: "ok", update: cut, decoded: placed, ends };
}

function isInQueue({ client, clock }: Id, context: PlacementContext): boolean {
  return clock >= Y.getState(context.ydoc.store, client) && clock < context.clockOf(client);
}

function checkInCopy(
  update: Uint8Array,
  items: readonly Y.Item[],
  context: PlacementContext,
): string | null {
  const scratch = context.makeScratch();
  try {
    Y.applyUpdate(scratch, update);
    for (const item of items) {
      const last = { client: item.id.client, clock: item.id.clock + item.length - 1 };
      if (item.rightOrigin && !isRightOf(scratch.store, last, item.rightOrigin)) {
        return misplacedReason(item);
      }
    }
    return null;
  } catch (error) {
    return `does not apply: ${describeError(error)}`;
  } finally {
    scratch.destroy();
  }
}

function sameId(a: Id | null, b: Id | null): boolean {
  return a === b || (a !== null && b !== null && a.client === b.client && a.clock === b.clock);
}

function misplaced(item: Y.Item): Placement {
  return { status: "misplaced", reason: misplacedReason(item) };
}

function misplacedReason({ id, origin, rightOrigin }: Y.Item): string {
  const text = (ref: Id | null): string => (ref === null ? "-" : `${ref.client}:${ref.clock}`);
  return `${text(id)} goes between ${text(origin)} and ${text(rightOrigin)}, which are not in that order in one list`;
}

/**
 * Whether `right` follows `left` in the list (or map entry) `left` belongs to. Garbage
 * collected neighbours count as in order: Yjs turns an item next to one into garbage as well.
 */
function isRightOf(store: Y.Doc["store"], left: Id, right: Id): boolean {
  const from = Y.getItem(store, left as Y.ID);
  const to = Y.getItem(store, right as Y.ID);
  if (!(from instanceof Y.Item) || !(to instanceof Y.Item)) return true;
  if (from === to) return right.clock > left.clock;
  let next = from.right;
  for (let steps = 0; next !== null && steps < MAX_WALK; steps++) {
    if (next === to) return true;
    next = next.right;
  }
  return false;
}

/**
 * `update`, or a copy whose structs start where `clockOf` says each client is. Yjs integrates a
 * struct that starts below its client's clock from the middle, next to what the room holds at
 * that clock, yet under the parent the struct names: if that is another parent (no client sends
 * such a struct, an attacker can), the document's lists link across types and later edits throw.
 * A struct cut at the clock (Yjs' `diffUpdate`) names the room's item as its origin instead.
 */
export function cutToKnown(
  update: Uint8Array,
  decoded: DecodedUpdate,
  clockOf: (client: number) => number,
): Uint8Array {
  const cuts = new Map<number, number>();
  let client = -1;
  let isJudged = false;
  for (const struct of decoded.structs) {
    if (struct.id.client !== client) {
      client = struct.id.client;
      isJudged = false;
    }
    if (isJudged || struct instanceof Y.Skip) continue;
    const known = clockOf(client);
    if (struct.id.clock + struct.length <= known) continue;
    // only a client's first new struct can start below its clock: the rest follow it
    isJudged = true;
    if (struct.id.clock < known) cuts.set(client, known);
  }
  if (cuts.size === 0) return update;
  const stateVector = encoding.createEncoder();
  encoding.writeVarUint(stateVector, cuts.size);
  for (const [cutClient, clock] of cuts) {
    encoding.writeVarUint(stateVector, cutClient);
    encoding.writeVarUint(stateVector, clock);
  }
  return Y.diffUpdate(update, encoding.toUint8Array(stateVector));
}
