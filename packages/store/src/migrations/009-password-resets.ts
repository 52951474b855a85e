export const PASSWORD_RESETS = `
-- single-use password-reset links: only the secret's SHA-256 is kept, never the link
CREATE TABLE password_resets (
  id TEXT PRIMARY KEY,
  secret_hash BLOB NOT NULL,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  -- the instance administrator who issued it; NULL when the user asked by e-mail
  issued_by TEXT REFERENCES users(id),
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at INTEGER,
  -- a newer link, or a password change, replaced it
  revoked_at INTEGER
);
CREATE INDEX password_resets_user ON password_resets(user_id);
`;
