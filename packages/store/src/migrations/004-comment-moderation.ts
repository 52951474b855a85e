export const COMMENT_MODERATION = `
-- who deleted a message: its author, or a coordinator moderating the thread
ALTER TABLE comments ADD COLUMN deleted_by TEXT REFERENCES users(id);
UPDATE comments SET deleted_by = author_id WHERE deleted_at IS NOT NULL;

-- a thread lists the tasks made from it
CREATE INDEX tasks_thread ON tasks(from_thread_id);
`;
