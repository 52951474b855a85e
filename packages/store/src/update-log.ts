import type { Db } from "./db";

type UpdateRow = { id: number; update_data: Uint8Array };
type SnapshotRow = { state: Uint8Array; last_update_id: number };

/** Provides @junction/sync's `UpdateLog` by shape; store does not import sync. */
export type SqliteUpdateLog = {
  load(docName: string): {
    snapshot: Uint8Array | null;
    updates: { id: number; update: Uint8Array }[];
  };
  /** One transaction for all batches; throws (SQLITE_BUSY, SQLITE_FULL...) when nothing was stored. */
  append(batches: readonly { docName: string; updates: readonly Uint8Array[] }[]): number[];
  compact(docName: string, snapshot: Uint8Array, upToId: number): void;
};

/** The durable Yjs update log of every workplan, in `workplan_updates` and `workplan_snapshots`. */
export function createSqliteUpdateLog(db: Db, now: () => number = Date.now): SqliteUpdateLog {
  const selectSnapshot = db.prepare<[string], SnapshotRow>(
    "SELECT state, last_update_id FROM workplan_snapshots WHERE workplan_id = ?",
  );
  const selectUpdates = db.prepare<[string, number], UpdateRow>(
    "SELECT id, update_data FROM workplan_updates WHERE workplan_id = ? AND id > ? ORDER BY id",
  );
  const insertUpdate = db.prepare<[string, Uint8Array, number]>(
    "INSERT INTO workplan_updates (workplan_id, update_data, created_at) VALUES (?, ?, ?)",
  );
  // a snapshot never replaces a newer one: two compactions may race across processes
  const upsertSnapshot = db.prepare<[string, Uint8Array, number, number]>(
    `INSERT INTO workplan_snapshots (workplan_id, state, last_update_id, updated_at)
     VALUES (?, ?, ?, ?)
     ON CONFLICT (workplan_id) DO UPDATE SET
       state = excluded.state,
       last_update_id = excluded.last_update_id,
       updated_at = excluded.updated_at
     WHERE excluded.last_update_id >= workplan_snapshots.last_update_id`,
  );
  const deleteUpdates = db.prepare<[string, number]>(
    "DELETE FROM workplan_updates WHERE workplan_id = ? AND id <= ?",
  );

  const load = db.transaction((docName: string) => {
    const snapshot = selectSnapshot.get(docName);
    const updates = selectUpdates.all(docName, snapshot?.last_update_id ?? 0);
    return {
      snapshot: snapshot ? snapshot.state : null,
      updates: updates.map((row) => ({ id: row.id, update: row.update_data })),
    };
  });
  const append = db.transaction(
    (batches: readonly { docName: string; updates: readonly Uint8Array[] }[]) => {
      const createdAt = now();
      return batches.map(({ docName, updates }) => {
        let lastId = 0;
        for (const update of updates) {
          lastId = Number(insertUpdate.run(docName, update, createdAt).lastInsertRowid);
        }
        return lastId;
      });
    },
  );
  const compact = db.transaction((docName: string, snapshot: Uint8Array, upToId: number) => {
    upsertSnapshot.run(docName, snapshot, upToId, now());
    deleteUpdates.run(docName, upToId);
  });

  return {
    load: (docName) => load(docName),
    append(batches) {
      // immediate: take the write lock up front, so a busy database fails here and not halfway
      return append.immediate(batches);
    },
    compact: (docName, snapshot, upToId) => compact.immediate(docName, snapshot, upToId),
  };
}
