export const LIFECYCLE = `
-- a revision is a new draft holding an adopted workplan's text; the adopted one stays as it is
ALTER TABLE workplans ADD COLUMN revision_of TEXT REFERENCES workplans(id);
ALTER TABLE workplans ADD COLUMN consultation_deadline TEXT;
CREATE INDEX workplans_revision_of ON workplans(revision_of);

-- every stage move, who made it and why; seq orders moves made in the same millisecond
CREATE TABLE workplan_stage_moves (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  workplan_id TEXT NOT NULL REFERENCES workplans(id) ON DELETE CASCADE,
  from_stage TEXT NOT NULL,
  to_stage TEXT NOT NULL,
  moved_by TEXT REFERENCES users(id),
  moved_at INTEGER NOT NULL,
  reason TEXT,
  version_id TEXT
);
CREATE INDEX workplan_stage_moves_workplan ON workplan_stage_moves(workplan_id, moved_at, seq);

-- each entry into validation opens a round; the organisations asked are fixed when it opens
CREATE TABLE validation_rounds (
  id TEXT PRIMARY KEY,
  workplan_id TEXT NOT NULL REFERENCES workplans(id) ON DELETE CASCADE,
  started_by TEXT REFERENCES users(id),
  started_at INTEGER NOT NULL,
  ended_at INTEGER
);
CREATE INDEX validation_rounds_workplan ON validation_rounds(workplan_id, started_at);

CREATE TABLE validation_organisations (
  round_id TEXT NOT NULL REFERENCES validation_rounds(id) ON DELETE CASCADE,
  organisation_id TEXT NOT NULL REFERENCES organisations(id),
  PRIMARY KEY (round_id, organisation_id)
);

-- an organisation's latest answer in a round; every answer and overrule is also in the audit log
CREATE TABLE validation_answers (
  round_id TEXT NOT NULL REFERENCES validation_rounds(id) ON DELETE CASCADE,
  organisation_id TEXT NOT NULL REFERENCES organisations(id),
  answer TEXT NOT NULL CHECK (answer IN ('approved', 'objected')),
  comment TEXT NOT NULL DEFAULT '',
  answered_by TEXT NOT NULL REFERENCES users(id),
  answered_at INTEGER NOT NULL,
  overruled_by TEXT REFERENCES users(id),
  overrule_reason TEXT,
  overruled_at INTEGER,
  PRIMARY KEY (round_id, organisation_id)
);

-- a version names a full encoded document state (gc'd, compressed); equal states are stored
-- once per workplan (hash of the uncompressed state)
CREATE TABLE workplan_version_states (
  workplan_id TEXT NOT NULL REFERENCES workplans(id) ON DELETE CASCADE,
  hash TEXT NOT NULL,
  compression TEXT NOT NULL CHECK (compression IN ('none', 'deflate-raw')),
  state BLOB NOT NULL,
  PRIMARY KEY (workplan_id, hash)
);

CREATE TABLE workplan_versions (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  workplan_id TEXT NOT NULL REFERENCES workplans(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('named', 'stage', 'restore', 'revision')),
  stage TEXT NOT NULL,
  created_by TEXT REFERENCES users(id),
  created_at INTEGER NOT NULL,
  state_hash TEXT NOT NULL,
  restored_from TEXT,
  FOREIGN KEY (workplan_id, state_hash) REFERENCES workplan_version_states(workplan_id, hash)
);
CREATE INDEX workplan_versions_workplan ON workplan_versions(workplan_id, created_at, seq);

-- which user wrote with which Yjs client id in a document: the diff names who changed what
CREATE TABLE workplan_clients (
  workplan_id TEXT NOT NULL REFERENCES workplans(id) ON DELETE CASCADE,
  client_id INTEGER NOT NULL,
  user_id TEXT NOT NULL REFERENCES users(id),
  organisation_id TEXT,
  first_seen_at INTEGER NOT NULL,
  PRIMARY KEY (workplan_id, client_id)
);
`;
