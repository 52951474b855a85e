import type { Db } from "./db";
import { statement } from "./statements";

type SnapshotRow = { state: Uint8Array; last_update_id: number };

/** What a process that may have missed a document's updates reads to catch up. */
export type UpdatesSince = {
  /** The snapshot, when it covers updates after the caller's id (another process compacted them). */
  snapshot: { state: Uint8Array; upToId: number } | null;
  /** Every stored update of the document with an id above the caller's, in id order. */
  updates: { id: number; update: Uint8Array }[];
};

/** The same, ids only: the cheap check whether anything was missed. */
export type UpdateIdsSince = { snapshotUpToId: number; ids: number[] };

/**
 * A document's snapshot (when it covers more than `afterId`) and its updates after `afterId`, read
 * in one transaction so a compaction between the two reads cannot hide an update.
 */
export function readUpdatesSince(db: Db, workplanId: string, afterId: number): UpdatesSince {
  return db.transaction((): UpdatesSince => {
    const snapshot = statement(
      db,
      "SELECT state, last_update_id FROM workplan_snapshots WHERE workplan_id = ? AND last_update_id > ?",
    ).get(workplanId, afterId) as SnapshotRow | undefined;
    const rows = statement(
      db,
      "SELECT id, update_data FROM workplan_updates WHERE workplan_id = ? AND id > ? ORDER BY id",
    ).all(workplanId, afterId) as { id: number; update_data: Uint8Array }[];
    return {
      snapshot: snapshot ? { state: snapshot.state, upToId: snapshot.last_update_id } : null,
      updates: rows.map((row) => ({ id: row.id, update: row.update_data })),
    };
  })();
}

/**
 * The ids `readUpdatesSince` would answer, without the bytes: the check every loaded room makes
 * every few seconds, so it is one statement (one consistent read, one round trip on PostgreSQL,
 * no writer lock) rather than a transaction of two.
 */
export function listUpdateIdsSince(db: Db, workplanId: string, afterId: number): UpdateIdsSince {
  const row = statement(
    db,
    `SELECT
       COALESCE((SELECT last_update_id FROM workplan_snapshots WHERE workplan_id = ?), 0) AS snapshot_up_to,
       (SELECT json_group_array(id) FROM (
          SELECT id FROM workplan_updates WHERE workplan_id = ? AND id > ? ORDER BY id
        ) newer) AS ids`,
  ).get(workplanId, workplanId, afterId) as { snapshot_up_to: number; ids: string };
  const ids = (JSON.parse(row.ids) as number[]).sort((a, b) => a - b);
  return { snapshotUpToId: row.snapshot_up_to, ids };
}

/** Provides @junction/sync's `UpdateCatchUp` by shape. */
export function createUpdateCatchUp(db: Db): {
  readSince(docName: string, afterId: number): UpdatesSince;
  idsSince(docName: string, afterId: number): UpdateIdsSince;
} {
  return {
    readSince: (docName, afterId) => readUpdatesSince(db, docName, afterId),
    idsSince: (docName, afterId) => listUpdateIdsSince(db, docName, afterId),
  };
}
