export type LoggedUpdate = { readonly id: number; readonly update: Uint8Array };

export type LoadedDocument = {
  /** State covering every update with an id up to the snapshot's, or null before the first compaction. */
  readonly snapshot: Uint8Array | null;
  /** Updates newer than the snapshot, in id order. */
  readonly updates: readonly LoggedUpdate[];
};

/** The updates one document accepted in one turn of the event loop. */
export type UpdateBatch = { readonly docName: string; readonly updates: readonly Uint8Array[] };

/** Stored state that does not apply cleanly, to move out of the document's way (never deleted). */
export type Quarantine = {
  /** Updates to move aside, each with why. */
  readonly updates: readonly { readonly id: number; readonly reason: string }[];
  /** Why the current snapshot is copied aside too, or null when only `state` replaces it. */
  readonly snapshotReason: string | null;
  /** The document without what is moved aside: its new snapshot, covering every update with id <= `upToId`. */
  readonly state: Uint8Array;
  readonly upToId: number;
};

/**
 * Durable storage of documents' updates. Synchronous on purpose: an update is acknowledged only
 * after `append` returned, and better-sqlite3 is synchronous. Throwing means "nothing stored".
 */
export interface UpdateLog {
  load(docName: string): LoadedDocument;
  /** Stores every batch in one transaction; returns, per batch, the id of each of its updates. */
  append(batches: readonly UpdateBatch[]): number[][];
  /** Replaces the snapshot with `snapshot`, which covers every update with id <= `upToId`, and deletes those updates. */
  compact(docName: string, snapshot: Uint8Array, upToId: number): void;
  /**
   * In one transaction: moves the listed updates (and a copy of the snapshot) where `load` no
   * longer reads them, then stores `state` as the snapshot like `compact`, whatever its id.
   */
  quarantine(docName: string, quarantine: Quarantine): void;
}
