export const COLLECTION_INDEXES = `
-- collections are read a page at a time in a fixed order (cursor = the last row's sort key), and
-- counted, from these indexes rather than by loading everything (notifications: the existing
-- notifications_user, whose rowid tail breaks ties)
ALTER TABLE activities ADD COLUMN lead TEXT GENERATED ALWAYS AS (json_extract(data, '$.lead')) VIRTUAL;
CREATE INDEX activities_lead ON activities(network_id, lead);
CREATE INDEX activities_workplan_position ON activities(workplan_id, position, activity_id);
CREATE INDEX warnings_network_order ON warnings(network_id, status, score DESC, id);
CREATE INDEX tasks_network_created ON tasks(network_id, created_at);
CREATE INDEX tasks_assignee_created ON tasks(assignee_id, created_at);
CREATE INDEX memberships_network ON memberships(network_id, user_id);
CREATE INDEX comment_threads_workplan_order ON comment_threads(workplan_id, created_at, id);
`;
