import type { Db } from "./db";
import { statement } from "./statements";
import { type DocumentRow, splitDocumentRows } from "./update-log";

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
 * in one statement (one consistent read, no writer lock on PostgreSQL) so that a compaction
 * between the two reads cannot hide an update.
 */
export function readUpdatesSince(db: Db, workplanId: string, afterId: number): UpdatesSince {
  const rows = statement(
    db,
    `SELECT 0 AS part, last_update_id AS id, state AS data
       FROM workplan_snapshots WHERE workplan_id = @workplanId AND last_update_id > @afterId
     UNION ALL
     SELECT 1 AS part, id, update_data AS data
       FROM workplan_updates WHERE workplan_id = @workplanId AND id > @afterId
     ORDER BY part, id`,
  ).all({ workplanId, afterId }) as DocumentRow[];
  const { snapshot, updates } = splitDocumentRows(rows);
  return { snapshot: snapshot ? { state: snapshot.data, upToId: snapshot.id } : null, updates };
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
