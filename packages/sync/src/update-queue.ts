import * as Y from "yjs";
import type { Connection } from "./connection";
import { isWriter } from "./identity";
import type { PlacedEnd } from "./placement";
import type { KnownState } from "./update-check";

export type PendingUpdate = {
  readonly connection: Connection;
  readonly update: Uint8Array;
  /** The guard asked to review it before it is stored. */
  readonly needsReview: boolean;
  /** The server's correction of the update before it (sent to everyone, its writer included). */
  readonly isCorrection: boolean;
};

/**
 * The updates a room accepted this turn of the event loop, waiting for the turn's one append,
 * and what they add to the document: each later update is judged against the room plus them.
 */
export class UpdateQueue {
  /** What the room holds plus the queued updates, as `checkUpdate` sees it. */
  readonly known: KnownState;
  private pending: PendingUpdate[] = [];
  private pendingBytes = 0;
  /** Each client's next clock once the queued updates are applied. */
  private readonly clocks = new Map<number, number>();
  /** The last item each client's queued updates placed. */
  private readonly placedEnds = new Map<number, PlacedEnd>();

  constructor(ydoc: Y.Doc, deleteSet: KnownState["deleteSet"]) {
    const { store } = ydoc;
    this.known = {
      clockOf: (client) => Math.max(Y.getState(store, client), this.clocks.get(client) ?? 0),
      deleteSet,
    };
  }

  get bytes(): number {
    return this.pendingBytes;
  }

  get ends(): ReadonlyMap<number, PlacedEnd> {
    return this.placedEnds;
  }

  /**
   * Queues an update judged new; `clocks` and `ends` are what it adds for the next one, `bytes`
   * its size as received.
   */
  push(
    pending: PendingUpdate,
    clocks: ReadonlyMap<number, number>,
    ends: ReadonlyMap<number, PlacedEnd>,
    bytes: number,
  ): void {
    this.pending.push(pending);
    for (const [client, clock] of clocks) {
      if (clock > (this.clocks.get(client) ?? 0)) this.clocks.set(client, clock);
    }
    for (const [client, end] of ends) this.placedEnds.set(client, end);
    this.pendingBytes += bytes;
  }

  /** Empties the queue, answering the updates that may still be stored (roles can change meanwhile). */
  take(): PendingUpdate[] {
    if (this.pending.length === 0) return [];
    const batch = this.pending.filter(({ connection }) => isWriter(connection.role));
    this.clear();
    return batch;
  }

  clear(): void {
    this.pending = [];
    this.pendingBytes = 0;
    this.clocks.clear();
    this.placedEnds.clear();
  }
}
