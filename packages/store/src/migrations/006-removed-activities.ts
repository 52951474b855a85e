export const REMOVED_ACTIVITIES = `
-- the commitments (lead, partners, budget, status) each activity id held when it last left its
-- workplan's document: a block re-created later with that id is the same activity
CREATE TABLE removed_activities (
  workplan_id TEXT NOT NULL REFERENCES workplans(id) ON DELETE CASCADE,
  activity_id TEXT NOT NULL,
  commitments TEXT NOT NULL,
  seen_at INTEGER NOT NULL,
  PRIMARY KEY (workplan_id, activity_id)
);
`;
