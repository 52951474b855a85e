import type { Db } from "./db";
import { iso, statement } from "./statements";

/** A network's IATI settings as stored; the server checks them before they get here. */
export type IatiSettingsRecord = {
  prefix: string;
  reportingOrgType: string;
  reportingOrgName: string | null;
  language: string;
  sector: string | null;
  updatedBy: string | null;
  updatedAt: string;
};

type IatiSettingsRow = {
  prefix: string;
  reporting_org_type: string;
  reporting_org_name: string | null;
  language: string;
  sector: string | null;
  updated_by: string | null;
  updated_at: number;
};

export function findIatiSettings(db: Db, networkId: string): IatiSettingsRecord | null {
  const row = statement(db, "SELECT * FROM network_iati_settings WHERE network_id = ?").get(
    networkId,
  ) as IatiSettingsRow | undefined;
  if (!row) return null;
  return {
    prefix: row.prefix,
    reportingOrgType: row.reporting_org_type,
    reportingOrgName: row.reporting_org_name,
    language: row.language,
    sector: row.sector,
    updatedBy: row.updated_by,
    updatedAt: iso(row.updated_at),
  };
}

export function saveIatiSettings(
  db: Db,
  networkId: string,
  settings: Omit<IatiSettingsRecord, "updatedAt">,
  now = Date.now(),
): IatiSettingsRecord {
  statement(
    db,
    `INSERT INTO network_iati_settings
       (network_id, prefix, reporting_org_type, reporting_org_name, language, sector, updated_by, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (network_id) DO UPDATE SET prefix = excluded.prefix,
       reporting_org_type = excluded.reporting_org_type,
       reporting_org_name = excluded.reporting_org_name, language = excluded.language,
       sector = excluded.sector, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
  ).run(
    networkId,
    settings.prefix,
    settings.reportingOrgType,
    settings.reportingOrgName,
    settings.language,
    settings.sector,
    settings.updatedBy,
    now,
  );
  return { ...settings, updatedAt: iso(now) };
}
