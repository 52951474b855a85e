export const COLLABORATION = `
CREATE INDEX comments_author ON comments(author_id);

CREATE TABLE comment_mentions (
  comment_id TEXT NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  PRIMARY KEY (comment_id, user_id)
);
CREATE INDEX comment_mentions_user ON comment_mentions(user_id);

CREATE TABLE activity_owners (
  workplan_id TEXT NOT NULL REFERENCES workplans(id) ON DELETE CASCADE,
  activity_id TEXT NOT NULL,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  assigned_by TEXT REFERENCES users(id),
  assigned_at INTEGER NOT NULL,
  PRIMARY KEY (workplan_id, activity_id, user_id)
);
CREATE INDEX activity_owners_user ON activity_owners(user_id);

ALTER TABLE tasks ADD COLUMN from_warning_id TEXT REFERENCES warnings(id);
ALTER TABLE tasks ADD COLUMN updated_at INTEGER;
UPDATE tasks SET updated_at = created_at;
CREATE INDEX tasks_assignee ON tasks(assignee_id);

CREATE TABLE notifications (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  network_id TEXT REFERENCES networks(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  actor_id TEXT REFERENCES users(id),
  message TEXT NOT NULL,
  subject TEXT NOT NULL DEFAULT '{}',
  created_at INTEGER NOT NULL,
  read_at INTEGER
);
CREATE INDEX notifications_user ON notifications(user_id, created_at);
`;
