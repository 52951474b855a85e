export type LoggedUpdate = { readonly id: number; readonly update: Uint8Array };

export type LoadedDocument = {
  /** State covering every update with an id up to the snapshot's, or null before the first compaction. */
  readonly snapshot: Uint8Array | null;
  /** Updates newer than the snapshot, in id order. */
  readonly updates: readonly LoggedUpdate[];
};

/**
 * Durable storage of one document's updates. Synchronous on purpose: an update is acknowledged
 * only after `append` returned, and better-sqlite3 is synchronous. Throwing means "not stored".
 */
export interface UpdateLog {
  load(docName: string): LoadedDocument;
  /** Stores `updates` in one transaction and returns the id of the last one. */
  append(docName: string, updates: readonly Uint8Array[]): number;
  /** Replaces the snapshot with `snapshot`, which covers every update with id <= `upToId`, and deletes those updates. */
  compact(docName: string, snapshot: Uint8Array, upToId: number): void;
}
