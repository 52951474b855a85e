import * as decoding from "lib0/decoding";
import * as Y from "yjs";
import { describeError, type UntrustedUpdate } from "./protocol";

type DeleteSet = ReturnType<typeof Y.createDeleteSetFromStructStore>;
type DeleteItem = { readonly clock: number; readonly len: number };
type Struct = DecodedUpdate["structs"][number];
type Id = { readonly client: number; readonly clock: number };

/** What the room holds, plus the updates queued before this one: what the update will meet. */
export type KnownState = {
  /** The next clock expected from `client` (Yjs' state vector entry), queued updates included. */
  clockOf(client: number): number;
  /** Every deletion the document has seen, ranges sorted and merged per client. */
  deleteSet(): DeleteSet;
};

export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

export type UpdateCheck =
  /** Adds something and integrates completely; `clocks` is each client's next clock after it. */
  | {
      readonly status: "new";
      readonly decoded: DecodedUpdate;
      readonly clocks: ReadonlyMap<number, number>;
    }
  /** Repeats known state (every client resends it on connect, as SyncStep2). */
  | { readonly status: "known"; readonly decoded: DecodedUpdate }
  /** Builds on changes the room does not have: Yjs would hold it back, in part or whole. */
  | { readonly status: "out-of-sync"; readonly decoded: DecodedUpdate; readonly reason: string }
  /** Does not decode, or no Yjs client could have made it. */
  | { readonly status: "invalid"; readonly reason: string };

/**
 * Decodes an untrusted update fully and judges it before anything stores it: one that fails to
 * decode, is malformed, or would not integrate completely into the room's document (Yjs would
 * keep structs or deletions pending for ever, and they poison every later copy) is refused.
 */
export function checkUpdate(update: UntrustedUpdate, known: KnownState): UpdateCheck {
  const decoded = decodeUpdate(update);
  if (typeof decoded === "string") return { status: "invalid", reason: decoded };
  const malformed = findMalformed(update, decoded);
  if (malformed !== null) return { status: "invalid", reason: malformed };
  if (isKnown(decoded, known)) return { status: "known", decoded };
  const integrated = integrate(decoded, known.clockOf);
  if (typeof integrated === "string") return { status: "out-of-sync", decoded, reason: integrated };
  return { status: "new", decoded, clocks: integrated };
}

/** Decodes a stored update; a string says why no Yjs client could have made it. */
export function decodeStored(update: Uint8Array): DecodedUpdate | string {
  const decoded = decodeUpdate(update);
  if (typeof decoded === "string") return decoded;
  return findMalformed(update, decoded) ?? decoded;
}

/** Whether everything `update` holds is part of `ydoc` (nothing of it is held back). */
export function isFullyApplied(update: Uint8Array, ydoc: Y.Doc): boolean {
  const decoded = decodeUpdate(update);
  if (typeof decoded === "string") return false;
  const clockOf = (client: number): number => Y.getState(ydoc.store, client);
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Skip) continue;
    if (struct.id.clock + struct.length > clockOf(struct.id.client)) return false;
  }
  for (const [client, deletions] of decoded.ds.clients) {
    for (const { clock, len } of deletions) if (clock + len > clockOf(client)) return false;
  }
  return true;
}

/** Whether Yjs holds structs or deletions of `ydoc` back, waiting for changes it lacks. */
export function hasHeldBack(ydoc: Y.Doc): boolean {
  return ydoc.store.pendingStructs !== null || ydoc.store.pendingDs !== null;
}

/** Forgets what Yjs holds back: it never becomes part of the document, and stops blocking copies. */
export function dropHeldBack(ydoc: Y.Doc): void {
  ydoc.store.pendingStructs = null;
  ydoc.store.pendingDs = null;
}

/** Applies `update` to `ydoc` (a copy) and throws if Yjs held any of it back. */
export function applyCompletely(ydoc: Y.Doc, update: Uint8Array, origin?: unknown): void {
  Y.applyUpdate(ydoc, update, origin);
  if (hasHeldBack(ydoc)) throw new Error("Yjs held part of the update back");
}

function decodeUpdate(update: Uint8Array): DecodedUpdate | string {
  try {
    return Y.decodeUpdate(update);
  } catch (error) {
    return `update does not decode: ${describeError(error)}`;
  }
}

/**
 * What Yjs' encoder never writes and its reader would mishandle: a client's structs in two runs
 * (Yjs integrates only the last, so what was checked is not what is applied), empty structs or
 * deletions, clocks past 2^53, and an item referring to one its own client made later (Yjs
 * throws while integrating it).
 */
function findMalformed(update: Uint8Array, { structs, ds }: DecodedUpdate): string | null {
  const seen = new Set<number>();
  let client = -1;
  let next = 0;
  for (const struct of structs) {
    const { id } = struct;
    if (id.client !== client || id.clock !== next) {
      if (seen.has(id.client)) return `client ${id.client}'s structs come in two runs`;
      seen.add(id.client);
      client = id.client;
    }
    next = id.clock + struct.length;
    if (!Number.isSafeInteger(id.clock + struct.length)) return `${idText(id)} runs past 2^53`;
    if (struct instanceof Y.Skip) continue;
    if (struct.length <= 0) return `the struct at ${idText(id)} is empty`;
    if (!(struct instanceof Y.Item)) continue;
    const reference = findLaterOwnReference(struct);
    if (reference !== null) return `${idText(id)} refers to ${idText(reference)}, made after it`;
  }
  // two runs of one client can also follow each other seamlessly: count them as written
  if (decoding.readVarUint(decoding.createDecoder(update)) !== seen.size) {
    return "a client's structs come in two runs, or a run is empty";
  }
  for (const [deleter, deletions] of ds.clients) {
    for (const { clock, len } of deletions) {
      if (len <= 0) return `a deletion of nothing at ${deleter}:${clock}`;
      if (!Number.isSafeInteger(clock + len))
        return `a deletion at ${deleter}:${clock} runs past 2^53`;
    }
  }
  return null;
}

function findLaterOwnReference({ id, origin, rightOrigin, parent }: Y.Item): Id | null {
  if (origin !== null && origin.client === id.client && origin.clock >= id.clock) return origin;
  if (rightOrigin !== null && rightOrigin.client === id.client && rightOrigin.clock >= id.clock) {
    return rightOrigin;
  }
  if (parent instanceof Y.ID && parent.client === id.client && parent.clock >= id.clock) {
    return parent;
  }
  return null;
}

function isKnown({ structs, ds }: DecodedUpdate, known: KnownState): boolean {
  for (const struct of structs) {
    if (struct instanceof Y.Skip) continue;
    if (struct.id.clock + struct.length > known.clockOf(struct.id.client)) return false;
  }
  if (ds.clients.size === 0) return true;
  const docDeletions = known.deleteSet();
  for (const [client, deletions] of ds.clients) {
    const docRanges = docDeletions.clients.get(client) ?? [];
    for (const deletion of deletions) if (!isCovered(docRanges, deletion)) return false;
  }
  return true;
}

type Run = { readonly structs: Struct[]; next: number };

/**
 * Replays Yjs' integration (`integrateStructs`, then the delete set) on clocks alone: each struct
 * needs its client's earlier clocks and the items it refers to, found in the room or earlier in
 * this update. Answers each touched client's next clock afterwards, or why something would wait.
 */
function integrate(
  { structs, ds }: DecodedUpdate,
  clockOf: (client: number) => number,
): Map<number, number> | string {
  const runs = new Map<number, Run>();
  for (const struct of structs) {
    const run = runs.get(struct.id.client);
    if (run === undefined) runs.set(struct.id.client, { structs: [struct], next: 0 });
    else run.structs.push(struct);
  }
  const clocks = new Map<number, number>();
  const stateOf = (client: number): number => {
    let clock = clocks.get(client);
    if (clock === undefined) {
      clock = clockOf(client);
      clocks.set(client, clock);
    }
    return clock;
  };
  // as in Yjs: a struct waiting for another client's struct is stacked until that one is in
  const stack: Struct[] = [];
  for (const run of runs.values()) {
    let head = takeNext(run);
    while (head !== undefined) {
      if (!(head instanceof Y.Skip)) {
        const { client, clock } = head.id;
        const next = stateOf(client);
        if (clock > next) {
          return `${idText(head.id)} leaves a gap: the server has client ${client} up to clock ${next}`;
        }
        const missing = head instanceof Y.Item ? findMissing(head, stateOf) : null;
        if (missing !== null) {
          const provider = runs.get(missing.client);
          const provided = provider === undefined ? undefined : takeNext(provider);
          if (provided === undefined) {
            return `${idText(head.id)} builds on ${idText(missing)}, which the server does not have`;
          }
          stack.push(head);
          head = provided;
          continue;
        }
        if (clock + head.length > next) clocks.set(client, clock + head.length);
      }
      head = stack.pop() ?? takeNext(run);
    }
  }
  for (const [client, deletions] of ds.clients) {
    const next = stateOf(client);
    for (const { clock, len } of deletions) {
      if (clock + len > next) {
        return `it deletes ${client}:${clock}-${clock + len - 1}, which the server does not have`;
      }
    }
  }
  return clocks;
}

function takeNext(run: Run): Struct | undefined {
  return run.next < run.structs.length ? run.structs[run.next++] : undefined;
}

/** The first item another client made that `item` refers to and the room lacks (Yjs' `getMissing`). */
function findMissing(item: Y.Item, stateOf: (client: number) => number): Id | null {
  const { origin, rightOrigin, parent } = item;
  const own = item.id.client;
  if (origin !== null && origin.client !== own && origin.clock >= stateOf(origin.client)) {
    return origin;
  }
  if (
    rightOrigin !== null &&
    rightOrigin.client !== own &&
    rightOrigin.clock >= stateOf(rightOrigin.client)
  ) {
    return rightOrigin;
  }
  if (parent instanceof Y.ID && parent.client !== own && parent.clock >= stateOf(parent.client)) {
    return parent;
  }
  return null;
}

function idText({ client, clock }: Id): string {
  return `${client}:${clock}`;
}

function isCovered(ranges: readonly DeleteItem[], deletion: DeleteItem): boolean {
  if (deletion.len <= 0) return true;
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const range = ranges[middle];
    if (range === undefined) return false;
    if (deletion.clock < range.clock) high = middle - 1;
    else if (deletion.clock >= range.clock + range.len) low = middle + 1;
    else return deletion.clock + deletion.len <= range.clock + range.len;
  }
  return false;
}
