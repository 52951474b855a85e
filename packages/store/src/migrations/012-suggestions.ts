export const SUGGESTIONS = `
-- suggested changes (#22): kept outside the document, applied by the server on accept; each owns
-- a comment thread for its reason and replies
CREATE TABLE suggestions (
  id TEXT PRIMARY KEY,
  workplan_id TEXT NOT NULL REFERENCES workplans(id) ON DELETE CASCADE,
  thread_id TEXT NOT NULL REFERENCES comment_threads(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('text', 'field')),
  activity_id TEXT,
  anchor_start TEXT,
  anchor_end TEXT,
  field TEXT,
  quote TEXT NOT NULL DEFAULT '',
  text TEXT NOT NULL DEFAULT '',
  -- field suggestions: the proposed value and the value the field held when it was made (JSON)
  value TEXT,
  before_value TEXT,
  reason TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'open'
    CHECK (status IN ('open', 'accepted', 'rejected', 'withdrawn')),
  author_id TEXT NOT NULL REFERENCES users(id),
  created_at INTEGER NOT NULL,
  decided_by TEXT REFERENCES users(id),
  decided_at INTEGER,
  decision_note TEXT
);
CREATE INDEX suggestions_workplan_order ON suggestions(workplan_id, created_at, id);
CREATE INDEX suggestions_workplan_status ON suggestions(workplan_id, status);
CREATE INDEX suggestions_thread ON suggestions(thread_id);
`;
