export const UPDATE_QUARANTINE = `
-- stored Yjs state that did not apply cleanly (it threw, or Yjs held it back), moved out of the
-- document's way by the sync server and kept for inspection; load never reads it
CREATE TABLE workplan_quarantine (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  workplan_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('update', 'snapshot')),
  -- the update's id in workplan_updates, or the last update id the snapshot covered
  source_id INTEGER NOT NULL,
  data BLOB NOT NULL,
  reason TEXT NOT NULL,
  quarantined_at INTEGER NOT NULL
);
CREATE INDEX workplan_quarantine_workplan ON workplan_quarantine(workplan_id, id);
`;
