export const INITIAL = `
CREATE TABLE users (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name TEXT NOT NULL,
  password_hash TEXT,
  is_admin INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
);

CREATE TABLE sessions (
  id TEXT PRIMARY KEY,
  secret_hash BLOB NOT NULL,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL,
  user_agent TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE api_tokens (
  id TEXT PRIMARY KEY,
  secret_hash BLOB NOT NULL,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  last_used_at INTEGER,
  revoked_at INTEGER
);
CREATE INDEX api_tokens_user ON api_tokens(user_id);

CREATE TABLE networks (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  country TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL
);

CREATE TABLE organisations (
  id TEXT PRIMARY KEY,
  network_id TEXT NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  acronym TEXT NOT NULL DEFAULT '',
  type TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX organisations_network ON organisations(network_id);

CREATE TABLE memberships (
  network_id TEXT NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  organisation_id TEXT NOT NULL REFERENCES organisations(id),
  role TEXT NOT NULL CHECK (role IN ('coordinator', 'editor', 'commenter', 'viewer')),
  created_at INTEGER NOT NULL,
  PRIMARY KEY (network_id, user_id)
);
CREATE INDEX memberships_user ON memberships(user_id);

CREATE TABLE invitations (
  id TEXT PRIMARY KEY,
  secret_hash BLOB NOT NULL,
  network_id TEXT NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
  email TEXT NOT NULL COLLATE NOCASE,
  organisation_id TEXT NOT NULL REFERENCES organisations(id),
  role TEXT NOT NULL CHECK (role IN ('coordinator', 'editor', 'commenter', 'viewer')),
  invited_by TEXT NOT NULL REFERENCES users(id),
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  accepted_at INTEGER,
  revoked_at INTEGER
);
CREATE INDEX invitations_network ON invitations(network_id);

CREATE TABLE workplans (
  id TEXT PRIMARY KEY,
  network_id TEXT NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  stage TEXT NOT NULL CHECK (stage IN ('draft', 'consultation', 'validation', 'adopted')),
  archived INTEGER NOT NULL DEFAULT 0,
  created_by TEXT REFERENCES users(id),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX workplans_network ON workplans(network_id);

CREATE TABLE workplan_updates (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  workplan_id TEXT NOT NULL,
  update_data BLOB NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX workplan_updates_workplan ON workplan_updates(workplan_id, id);

CREATE TABLE workplan_snapshots (
  workplan_id TEXT PRIMARY KEY,
  state BLOB NOT NULL,
  last_update_id INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE activities (
  workplan_id TEXT NOT NULL REFERENCES workplans(id) ON DELETE CASCADE,
  activity_id TEXT NOT NULL,
  network_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  data TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (workplan_id, activity_id)
);
CREATE INDEX activities_network ON activities(network_id);

CREATE TABLE comment_threads (
  id TEXT PRIMARY KEY,
  workplan_id TEXT NOT NULL REFERENCES workplans(id) ON DELETE CASCADE,
  activity_id TEXT,
  anchor TEXT,
  quote TEXT NOT NULL DEFAULT '',
  resolved_at INTEGER,
  resolved_by TEXT REFERENCES users(id),
  created_by TEXT NOT NULL REFERENCES users(id),
  created_at INTEGER NOT NULL
);
CREATE INDEX comment_threads_workplan ON comment_threads(workplan_id);

CREATE TABLE comments (
  id TEXT PRIMARY KEY,
  thread_id TEXT NOT NULL REFERENCES comment_threads(id) ON DELETE CASCADE,
  author_id TEXT NOT NULL REFERENCES users(id),
  body TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  edited_at INTEGER,
  deleted_at INTEGER
);
CREATE INDEX comments_thread ON comments(thread_id);

CREATE TABLE tasks (
  id TEXT PRIMARY KEY,
  network_id TEXT NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  activity_ids TEXT NOT NULL DEFAULT '[]',
  assignee_id TEXT REFERENCES users(id),
  created_by TEXT NOT NULL REFERENCES users(id),
  due TEXT,
  status TEXT NOT NULL DEFAULT 'open',
  from_thread_id TEXT REFERENCES comment_threads(id),
  created_at INTEGER NOT NULL
);
CREATE INDEX tasks_network ON tasks(network_id);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at INTEGER NOT NULL,
  actor_id TEXT,
  action TEXT NOT NULL,
  network_id TEXT,
  subject TEXT,
  detail TEXT NOT NULL DEFAULT '{}',
  ip TEXT
);
CREATE INDEX audit_log_network ON audit_log(network_id, id);

-- append-only: the audit log is never rewritten
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
`;
