export const IATI_SETTINGS = `
-- what a network sets once to publish its activities as IATI XML (checked by the server with
-- @junction/exports' parseIatiSettings before it is stored)
CREATE TABLE network_iati_settings (
  network_id TEXT PRIMARY KEY REFERENCES networks(id) ON DELETE CASCADE,
  prefix TEXT NOT NULL,
  reporting_org_type TEXT NOT NULL,
  reporting_org_name TEXT,
  language TEXT NOT NULL,
  sector TEXT,
  updated_by TEXT REFERENCES users(id),
  updated_at INTEGER NOT NULL
);
`;
