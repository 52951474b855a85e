import * as Y from "yjs";
import { describeError, type UntrustedUpdate } from "./protocol";

type DeleteSet = ReturnType<typeof Y.createDeleteSetFromStructStore>;
type DeleteItem = { readonly clock: number; readonly len: number };

/** What the room already holds, to tell a new update from one that repeats known state. */
export type KnownState = {
  /** The next clock expected from `client` (Yjs' state vector entry). */
  clockOf(client: number): number;
  /** Every deletion the document has seen, ranges sorted and merged per client. */
  deleteSet(): DeleteSet;
};

export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

export type UpdateCheck =
  | { readonly ok: true; readonly isNoop: boolean; readonly decoded: DecodedUpdate }
  | { readonly ok: false; readonly reason: string };

/**
 * Decodes an untrusted update fully (so one that fails to decode is never stored) and says
 * whether it adds anything: every client resends known state on connect (SyncStep2).
 */
export function checkUpdate(update: UntrustedUpdate, known: KnownState): UpdateCheck {
  let decoded: DecodedUpdate;
  try {
    decoded = Y.decodeUpdate(update);
  } catch (error) {
    return { ok: false, reason: `update does not decode: ${describeError(error)}` };
  }
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Skip) continue;
    if (struct.id.clock + struct.length > known.clockOf(struct.id.client)) {
      return { ok: true, isNoop: false, decoded };
    }
  }
  if (decoded.ds.clients.size === 0) return { ok: true, isNoop: true, decoded };
  const docDeletions = known.deleteSet();
  for (const [client, deletions] of decoded.ds.clients) {
    const docRanges = docDeletions.clients.get(client) ?? [];
    for (const deletion of deletions) {
      if (!isCovered(docRanges, deletion)) return { ok: true, isNoop: false, decoded };
    }
  }
  return { ok: true, isNoop: true, decoded };
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
