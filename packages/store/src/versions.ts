import { createHash, randomUUID } from "node:crypto";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import type { Stage, VersionKind } from "@junction/domain";
import type { Db } from "./db";
import { iso, statement } from "./statements";

export type VersionRecord = {
  id: string;
  workplanId: string;
  name: string;
  kind: VersionKind;
  stage: Stage;
  createdBy: string | null;
  createdByName: string | null;
  createdAt: string;
  restoredFrom: string | null;
  /** Stored (compressed) size of its state in bytes, shared with any version of equal state. */
  bytes: number;
};

type VersionRow = {
  id: string;
  workplan_id: string;
  name: string;
  kind: VersionKind;
  stage: Stage;
  created_by: string | null;
  created_by_name: string | null;
  created_at: number;
  restored_from: string | null;
  bytes: number;
};

const VERSION_SELECT = `
  SELECT v.id, v.workplan_id, v.name, v.kind, v.stage, v.created_by, u.name AS created_by_name,
    v.created_at, v.restored_from, LENGTH(s.state) AS bytes
  FROM workplan_versions v
  JOIN workplan_version_states s ON s.workplan_id = v.workplan_id AND s.hash = v.state_hash
  LEFT JOIN users u ON u.id = v.created_by`;

function toVersion(row: VersionRow): VersionRecord {
  return {
    id: row.id,
    workplanId: row.workplan_id,
    name: row.name,
    kind: row.kind,
    stage: row.stage,
    createdBy: row.created_by,
    createdByName: row.created_by_name,
    createdAt: iso(row.created_at),
    restoredFrom: row.restored_from,
    bytes: row.bytes,
  };
}

/**
 * Saves a version: a name for the document's full encoded state. A state already stored for this
 * workplan (a stage move with no edit since the last version) is not stored twice.
 */
export function insertVersion(
  db: Db,
  input: {
    workplanId: string;
    name: string;
    kind: VersionKind;
    stage: Stage;
    createdBy: string | null;
    state: Uint8Array;
    restoredFrom?: string | null;
  },
  now = Date.now(),
): VersionRecord {
  const id = randomUUID();
  const hash = createHash("sha256").update(input.state).digest("hex");
  const write = db.transaction(() => {
    // Yjs encodes text as it is: deflate stores a version in about a third of the space
    statement(
      db,
      `INSERT OR IGNORE INTO workplan_version_states (workplan_id, hash, compression, state)
       VALUES (?, ?, 'deflate-raw', ?)`,
    ).run(input.workplanId, hash, deflateRawSync(input.state));
    statement(
      db,
      `INSERT INTO workplan_versions (id, workplan_id, name, kind, stage, created_by, created_at, state_hash, restored_from)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      input.workplanId,
      input.name,
      input.kind,
      input.stage,
      input.createdBy,
      now,
      hash,
      input.restoredFrom ?? null,
    );
  });
  write();
  return findVersion(db, id) as VersionRecord;
}

/** A workplan's versions, newest first (ordered by (created_at, seq) for a cursor). */
export function listVersions(db: Db, workplanId: string): VersionRecord[] {
  const rows = statement(
    db,
    `${VERSION_SELECT} WHERE v.workplan_id = ? ORDER BY v.created_at DESC, v.seq DESC`,
  ).all(workplanId) as VersionRow[];
  return rows.map(toVersion);
}

export function findVersion(db: Db, versionId: string): VersionRecord | null {
  const row = statement(db, `${VERSION_SELECT} WHERE v.id = ?`).get(versionId) as
    | VersionRow
    | undefined;
  return row ? toVersion(row) : null;
}

/** The encoded document state a version names, or null for an unknown version. */
export function loadVersionState(db: Db, versionId: string): Uint8Array | null {
  const row = statement(
    db,
    `SELECT s.state, s.compression FROM workplan_versions v
     JOIN workplan_version_states s ON s.workplan_id = v.workplan_id AND s.hash = v.state_hash
     WHERE v.id = ?`,
  ).get(versionId) as { state: Buffer; compression: "none" | "deflate-raw" } | undefined;
  if (!row) return null;
  const state = row.compression === "deflate-raw" ? inflateRawSync(row.state) : row.state;
  return new Uint8Array(state.buffer, state.byteOffset, state.byteLength);
}

/** Bytes of version states stored for a workplan (compressed, each distinct state once). */
export function versionStorageBytes(db: Db, workplanId: string): number {
  return statement(
    db,
    "SELECT COALESCE(SUM(LENGTH(state)), 0) FROM workplan_version_states WHERE workplan_id = ?",
  )
    .pluck()
    .get(workplanId) as number;
}
