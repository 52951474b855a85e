import type { Db } from "./db";

/**
 * A document read in one statement: its snapshot (part 0, id: the last update it covers) and then
 * its updates (part 1), ordered by part and id.
 */
export type DocumentRow = { part: 0 | 1; id: number; data: Uint8Array };

/** The snapshot row, if any, and the updates of rows read as `DocumentRow`s. */
export function splitDocumentRows(rows: readonly DocumentRow[]): {
  snapshot: DocumentRow | undefined;
  updates: { id: number; update: Uint8Array }[];
} {
  return {
    snapshot: rows[0]?.part === 0 ? rows[0] : undefined,
    updates: rows.filter((row) => row.part === 1).map((row) => ({ id: row.id, update: row.data })),
  };
}

/** Stored state that does not apply cleanly, to move aside (see `SqliteUpdateLog.quarantine`). */
export type UpdateQuarantine = {
  readonly updates: readonly { readonly id: number; readonly reason: string }[];
  /** Why the current snapshot is copied aside too, or null when `state` just replaces it. */
  readonly snapshotReason: string | null;
  /** The document without what is moved aside, covering every update with id <= `upToId`. */
  readonly state: Uint8Array;
  readonly upToId: number;
};

export type QuarantinedRow = {
  kind: "update" | "snapshot";
  /** The update's id, or the last update id the snapshot covered. */
  sourceId: number;
  data: Uint8Array;
  reason: string;
  quarantinedAt: number;
};

/** Provides @junction/sync's `UpdateLog` by shape; store does not import sync. */
export type SqliteUpdateLog = {
  load(docName: string): {
    snapshot: Uint8Array | null;
    updates: { id: number; update: Uint8Array }[];
  };
  /**
   * One transaction for all batches; answers, per batch, the id of each update. Throws
   * (SQLITE_BUSY, SQLITE_FULL...) when nothing was stored.
   */
  append(batches: readonly { docName: string; updates: readonly Uint8Array[] }[]): number[][];
  compact(docName: string, snapshot: Uint8Array, upToId: number): void;
  /**
   * In one transaction: moves the updates (and a copy of the snapshot) into `workplan_quarantine`,
   * where `load` never looks, then makes `state` the snapshot, whatever the current one covers.
   */
  quarantine(docName: string, quarantine: UpdateQuarantine): void;
  /** What was moved aside for `docName`, oldest first: for operators and tests. */
  quarantined(docName: string): QuarantinedRow[];
};

/** The durable Yjs update log of every workplan, in `workplan_updates` and `workplan_snapshots`. */
export function createSqliteUpdateLog(db: Db, now: () => number = Date.now): SqliteUpdateLog {
  // one statement, so one consistent read: a compaction (in any process) between reading the
  // snapshot and reading the updates cannot hide one, and PostgreSQL needs no writer lock for it
  const selectDocument = db.prepare<[{ docName: string }], DocumentRow>(
    `SELECT 0 AS part, last_update_id AS id, state AS data
       FROM workplan_snapshots WHERE workplan_id = @docName
     UNION ALL
     SELECT 1 AS part, id, update_data AS data
       FROM workplan_updates
      WHERE workplan_id = @docName
        AND id > COALESCE(
          (SELECT last_update_id FROM workplan_snapshots WHERE workplan_id = @docName), 0)
     ORDER BY part, id`,
  );
  const insertUpdate = db
    .prepare<[string, Uint8Array, number], number>(
      "INSERT INTO workplan_updates (workplan_id, update_data, created_at) VALUES (?, ?, ?) RETURNING id",
    )
    .pluck();
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
  type Moved = { docName: string; id: number; reason: string; at: number };
  const quarantineUpdate = db.prepare<[Moved]>(
    `INSERT INTO workplan_quarantine (workplan_id, kind, source_id, data, reason, quarantined_at)
     SELECT workplan_id, 'update', id, update_data, @reason, @at FROM workplan_updates
     WHERE workplan_id = @docName AND id = @id`,
  );
  const deleteUpdate = db.prepare<[string, number]>(
    "DELETE FROM workplan_updates WHERE workplan_id = ? AND id = ?",
  );
  const quarantineSnapshot = db.prepare<[Omit<Moved, "id">]>(
    `INSERT INTO workplan_quarantine (workplan_id, kind, source_id, data, reason, quarantined_at)
     SELECT workplan_id, 'snapshot', last_update_id, state, @reason, @at FROM workplan_snapshots
     WHERE workplan_id = @docName`,
  );
  // unlike compaction, the new snapshot wins whatever the old one covered: the old one is broken
  const replaceSnapshot = db.prepare<[string, Uint8Array, number, number]>(
    `INSERT INTO workplan_snapshots (workplan_id, state, last_update_id, updated_at)
     VALUES (?, ?, ?, ?)
     ON CONFLICT (workplan_id) DO UPDATE SET
       state = excluded.state,
       last_update_id = MAX(excluded.last_update_id, workplan_snapshots.last_update_id),
       updated_at = excluded.updated_at`,
  );
  const selectQuarantined = db.prepare<
    [string],
    {
      kind: "update" | "snapshot";
      source_id: number;
      data: Uint8Array;
      reason: string;
      quarantined_at: number;
    }
  >(
    `SELECT kind, source_id, data, reason, quarantined_at FROM workplan_quarantine
     WHERE workplan_id = ? ORDER BY id`,
  );

  const load = (docName: string) => {
    const { snapshot, updates } = splitDocumentRows(selectDocument.all({ docName }));
    return { snapshot: snapshot ? snapshot.data : null, updates };
  };
  const append = db.transaction(
    (batches: readonly { docName: string; updates: readonly Uint8Array[] }[]) => {
      const createdAt = now();
      return batches.map(({ docName, updates }) =>
        updates.map((update) => Number(insertUpdate.get(docName, update, createdAt))),
      );
    },
  );
  const compact = db.transaction((docName: string, snapshot: Uint8Array, upToId: number) => {
    upsertSnapshot.run(docName, snapshot, upToId, now());
    deleteUpdates.run(docName, upToId);
  });

  const quarantine = db.transaction(
    (docName: string, { updates, snapshotReason, state, upToId }: UpdateQuarantine) => {
      const at = now();
      if (snapshotReason !== null) quarantineSnapshot.run({ docName, reason: snapshotReason, at });
      for (const { id, reason } of updates) {
        quarantineUpdate.run({ docName, id, reason, at });
        deleteUpdate.run(docName, id);
      }
      replaceSnapshot.run(docName, state, upToId, at);
      deleteUpdates.run(docName, upToId);
    },
  );

  return {
    load: (docName) => load(docName),
    append(batches) {
      // immediate: take the write lock up front, so a busy database fails here and not halfway
      return append.immediate(batches);
    },
    compact: (docName, snapshot, upToId) => compact.immediate(docName, snapshot, upToId),
    quarantine: (docName, request) => quarantine.immediate(docName, request),
    quarantined: (docName) =>
      selectQuarantined.all(docName).map((row) => ({
        kind: row.kind,
        sourceId: row.source_id,
        data: row.data,
        reason: row.reason,
        quarantinedAt: row.quarantined_at,
      })),
  };
}
