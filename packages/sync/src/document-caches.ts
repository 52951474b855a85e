import * as Y from "yjs";
import { encodeSyncMessage, SYNC_STEP_1, SYNC_STEP_2, syncPayloadOffset } from "./protocol";
import type { SyncCounters } from "./stats";
import { applyCompletely } from "./update-check";

type DeleteSet = ReturnType<typeof Y.createDeleteSetFromStructStore>;

/**
 * What a room derives from its document, computed once per change however often it is asked
 * for: the encoded state (for joiners, copies and compaction), the state vector, the delete set,
 * and an upper bound of the encoded size.
 */
export class DocumentCaches {
  private state: Uint8Array | null = null;
  private stateVector: Uint8Array | null = null;
  private deletions: DeleteSet | null = null;
  /** Upper bound of the encoded document size, made exact whenever it nears the limit. */
  private boundBytes = 0;

  constructor(
    private readonly ydoc: Y.Doc,
    private readonly counters: SyncCounters,
  ) {}

  /** SyncStep2 carrying the full state: what a fresh client needs. */
  stateMessage(): Uint8Array {
    if (this.state === null) {
      this.counters.stateEncodes++;
      this.state = encodeSyncMessage(SYNC_STEP_2, Y.encodeStateAsUpdate(this.ydoc));
    }
    return this.state;
  }

  /** The full document state; a view into the cache, so never hand it out to be kept. */
  encodedState(): Uint8Array {
    const message = this.stateMessage();
    return message.subarray(syncPayloadOffset(message));
  }

  stateVectorMessage(): Uint8Array {
    this.stateVector ??= encodeSyncMessage(SYNC_STEP_1, Y.encodeStateVector(this.ydoc));
    return this.stateVector;
  }

  /** Every deletion the document has seen, ranges sorted and merged per client. */
  deleteSet(): DeleteSet {
    this.deletions ??= Y.createDeleteSetFromStructStore(this.ydoc.store);
    return this.deletions;
  }

  /** The document changed: everything derived from it is stale. */
  invalidate(): void {
    this.state = null;
    this.stateVector = null;
    this.deletions = null;
  }

  /**
   * A copy of the document as it is plus `then`, for the caller to destroy. Throws if any of
   * `then` does not apply completely: the room itself never holds anything back.
   */
  scratchCopy(then: readonly Uint8Array[] = []): Y.Doc {
    const scratch = new Y.Doc();
    try {
      Y.applyUpdate(scratch, this.encodedState());
      for (const update of then) applyCompletely(scratch, update);
    } catch (error) {
      scratch.destroy();
      throw error;
    }
    return scratch;
  }

  /** Sets the size bound (the bytes loaded, or the exact size just encoded). */
  setSizeBound(bytes: number): void {
    this.boundBytes = bytes;
  }

  /** Makes the size bound exact: the encoded state plus what is queued. */
  measureSize(queuedBytes: number): void {
    this.boundBytes = this.encodedState().length + queuedBytes;
  }

  /** Whether `bytes` more would grow the document past `maxBytes` (0: no limit). */
  wouldExceed(bytes: number, maxBytes: number, queuedBytes: number): boolean {
    if (maxBytes <= 0 || this.boundBytes + bytes <= maxBytes) return false;
    this.measureSize(queuedBytes);
    return this.boundBytes + bytes > maxBytes;
  }

  /** Counts `bytes` queued for the document. */
  growSizeBound(bytes: number): void {
    this.boundBytes += bytes;
  }

  free(): void {
    this.invalidate();
  }
}
