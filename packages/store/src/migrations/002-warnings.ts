export const WARNINGS = `
CREATE TABLE warnings (
  id TEXT PRIMARY KEY,
  network_id TEXT NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
  workplan_a TEXT NOT NULL,
  activity_a TEXT NOT NULL,
  workplan_b TEXT NOT NULL,
  activity_b TEXT NOT NULL,
  score REAL NOT NULL,
  reasons TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'dismissed', 'coordinate', 'gone')),
  decided_by TEXT REFERENCES users(id),
  decided_at INTEGER,
  decision_basis TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (network_id, workplan_a, activity_a, workplan_b, activity_b)
);
CREATE INDEX warnings_a ON warnings(workplan_a, activity_a);
CREATE INDEX warnings_b ON warnings(workplan_b, activity_b);
CREATE INDEX warnings_network ON warnings(network_id, status);
`;
