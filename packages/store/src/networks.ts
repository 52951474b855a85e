import { randomUUID } from "node:crypto";
import type { Network, Organisation, Role } from "@junction/domain";
import type { Db } from "./db";
import { statement } from "./statements";

type NetworkRow = { id: string; name: string; country: string; description: string };
type OrganisationRow = {
  id: string;
  network_id: string;
  name: string;
  acronym: string;
  type: string;
};

function toOrganisation(row: OrganisationRow): Organisation {
  return {
    id: row.id,
    networkId: row.network_id,
    name: row.name,
    acronym: row.acronym,
    type: row.type,
  };
}

export function createNetwork(
  db: Db,
  input: { id?: string; name: string; country: string; description: string },
  now = Date.now(),
): Network {
  const id = input.id ?? randomUUID();
  statement(
    db,
    "INSERT INTO networks (id, name, country, description, created_at) VALUES (?, ?, ?, ?, ?)",
  ).run(id, input.name, input.country, input.description, now);
  return { id, name: input.name, country: input.country, description: input.description };
}

export function findNetwork(db: Db, id: string): Network | null {
  const row = statement(db, "SELECT id, name, country, description FROM networks WHERE id = ?").get(
    id,
  ) as NetworkRow | undefined;
  return row ?? null;
}

export type NetworkWithCounts = Network & {
  organisationCount: number;
  memberCount: number;
  workplanCount: number;
};

const NETWORK_WITH_COUNTS = `
  SELECT n.id, n.name, n.country, n.description,
    (SELECT COUNT(*) FROM organisations o WHERE o.network_id = n.id) AS organisationCount,
    (SELECT COUNT(*) FROM memberships m WHERE m.network_id = n.id) AS memberCount,
    (SELECT COUNT(*) FROM workplans w WHERE w.network_id = n.id AND w.archived = 0) AS workplanCount
  FROM networks n`;

export function listNetworks(db: Db): NetworkWithCounts[] {
  return statement(db, `${NETWORK_WITH_COUNTS} ORDER BY n.name`).all() as NetworkWithCounts[];
}

export function listUserNetworks(db: Db, userId: string): (NetworkWithCounts & { role: Role })[] {
  return statement(
    db,
    `SELECT * FROM (${NETWORK_WITH_COUNTS}) x JOIN memberships m ON m.network_id = x.id
     WHERE m.user_id = ? ORDER BY x.name`,
  ).all(userId) as (NetworkWithCounts & { role: Role })[];
}

export function createOrganisation(
  db: Db,
  input: { id?: string; networkId: string; name: string; acronym: string; type: string },
  now = Date.now(),
): Organisation {
  const id = input.id ?? randomUUID();
  statement(
    db,
    "INSERT INTO organisations (id, network_id, name, acronym, type, created_at) VALUES (?, ?, ?, ?, ?, ?)",
  ).run(id, input.networkId, input.name, input.acronym, input.type, now);
  return {
    id,
    networkId: input.networkId,
    name: input.name,
    acronym: input.acronym,
    type: input.type,
  };
}

export function findOrganisation(db: Db, id: string): Organisation | null {
  const row = statement(db, "SELECT * FROM organisations WHERE id = ?").get(id) as
    | OrganisationRow
    | undefined;
  return row ? toOrganisation(row) : null;
}

/**
 * The network's organisations among `ids` (any other id is left out): what one page names, read
 * by key however many organisations the network has.
 */
export function listOrganisationsById(
  db: Db,
  networkId: string,
  ids: readonly string[],
): Organisation[] {
  if (ids.length === 0) return [];
  const rows = statement(
    db,
    "SELECT * FROM organisations WHERE id IN (SELECT value FROM json_each(?)) AND network_id = ?",
  ).all(JSON.stringify(ids), networkId) as OrganisationRow[];
  return rows.map(toOrganisation);
}

export function listOrganisations(
  db: Db,
  networkId: string,
): (Organisation & { memberCount: number })[] {
  const rows = statement(
    db,
    `SELECT o.*, (SELECT COUNT(*) FROM memberships m WHERE m.organisation_id = o.id) AS member_count
     FROM organisations o WHERE o.network_id = ? ORDER BY o.name`,
  ).all(networkId) as (OrganisationRow & { member_count: number })[];
  return rows.map((row) => ({ ...toOrganisation(row), memberCount: row.member_count }));
}
