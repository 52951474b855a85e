import type { Role } from "@junction/domain";
import type { Db } from "./db";
import { type OrderKey, type Page, type PageRequest, selectPage } from "./pages";
import { iso, statement } from "./statements";

export type MembershipRecord = {
  networkId: string;
  userId: string;
  organisationId: string;
  role: Role;
};

export type MemberDetail = MembershipRecord & {
  name: string;
  email: string;
  organisationName: string;
  organisationAcronym: string;
  joinedAt: string;
};

export type UserMembership = MembershipRecord & {
  networkName: string;
  organisationName: string;
  organisationAcronym: string;
};

type MemberRow = {
  network_id: string;
  user_id: string;
  organisation_id: string;
  role: Role;
  created_at: number;
  name: string;
  email: string;
  organisation_name: string;
  organisation_acronym: string;
};

function toMember(row: MemberRow): MemberDetail {
  return {
    networkId: row.network_id,
    userId: row.user_id,
    organisationId: row.organisation_id,
    role: row.role,
    name: row.name,
    email: row.email,
    organisationName: row.organisation_name,
    organisationAcronym: row.organisation_acronym,
    joinedAt: iso(row.created_at),
  };
}

const MEMBER_SELECT = `
  SELECT m.network_id, m.user_id, m.organisation_id, m.role, m.created_at, u.name, u.email,
    o.name AS organisation_name, o.acronym AS organisation_acronym
  FROM memberships m JOIN users u ON u.id = m.user_id JOIN organisations o ON o.id = m.organisation_id`;

export function addMembership(db: Db, membership: MembershipRecord, now = Date.now()): void {
  statement(
    db,
    `INSERT INTO memberships (network_id, user_id, organisation_id, role, created_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (network_id, user_id) DO UPDATE SET organisation_id = excluded.organisation_id, role = excluded.role`,
  ).run(membership.networkId, membership.userId, membership.organisationId, membership.role, now);
}

export function findMembership(db: Db, networkId: string, userId: string): MembershipRecord | null {
  const row = statement(
    db,
    "SELECT network_id, user_id, organisation_id, role FROM memberships WHERE network_id = ? AND user_id = ?",
  ).get(networkId, userId) as
    | { network_id: string; user_id: string; organisation_id: string; role: Role }
    | undefined;
  return row
    ? {
        networkId: row.network_id,
        userId: row.user_id,
        organisationId: row.organisation_id,
        role: row.role,
      }
    : null;
}

export function findMember(db: Db, networkId: string, userId: string): MemberDetail | null {
  const row = statement(db, `${MEMBER_SELECT} WHERE m.network_id = ? AND m.user_id = ?`).get(
    networkId,
    userId,
  ) as MemberRow | undefined;
  return row ? toMember(row) : null;
}

export function listMembers(db: Db, networkId: string): MemberDetail[] {
  const rows = statement(db, `${MEMBER_SELECT} WHERE m.network_id = ? ORDER BY u.name`).all(
    networkId,
  ) as MemberRow[];
  return rows.map(toMember);
}

export function listUserMemberships(db: Db, userId: string): UserMembership[] {
  const rows = statement(
    db,
    `SELECT m.network_id, m.user_id, m.organisation_id, m.role, n.name AS network_name,
       o.name AS organisation_name, o.acronym AS organisation_acronym
     FROM memberships m JOIN networks n ON n.id = m.network_id JOIN organisations o ON o.id = m.organisation_id
     WHERE m.user_id = ? ORDER BY n.name`,
  ).all(userId) as {
    network_id: string;
    user_id: string;
    organisation_id: string;
    role: Role;
    network_name: string;
    organisation_name: string;
    organisation_acronym: string;
  }[];
  return rows.map((row) => ({
    networkId: row.network_id,
    userId: row.user_id,
    organisationId: row.organisation_id,
    role: row.role,
    networkName: row.network_name,
    organisationName: row.organisation_name,
    organisationAcronym: row.organisation_acronym,
  }));
}

export function updateMembership(
  db: Db,
  networkId: string,
  userId: string,
  change: { role?: Role; organisationId?: string },
): void {
  if (change.role !== undefined) {
    statement(db, "UPDATE memberships SET role = ? WHERE network_id = ? AND user_id = ?").run(
      change.role,
      networkId,
      userId,
    );
  }
  if (change.organisationId !== undefined) {
    statement(
      db,
      "UPDATE memberships SET organisation_id = ? WHERE network_id = ? AND user_id = ?",
    ).run(change.organisationId, networkId, userId);
  }
}

export function removeMembership(db: Db, networkId: string, userId: string): void {
  statement(db, "DELETE FROM memberships WHERE network_id = ? AND user_id = ?").run(
    networkId,
    userId,
  );
}

export function countCoordinators(db: Db, networkId: string): number {
  return (
    statement(
      db,
      "SELECT COUNT(*) AS n FROM memberships WHERE network_id = ? AND role = 'coordinator'",
    ).get(networkId) as { n: number }
  ).n;
}

const MEMBER_ORDER: readonly OrderKey[] = [{ sql: "u.name" }, { sql: "m.user_id" }];

export type MemberFilter = { organisationId?: string; role?: Role };

/** A page of the network's members by name. */
export function listMemberPage(
  db: Db,
  networkId: string,
  filter: MemberFilter,
  page: PageRequest,
): Page<MemberDetail> {
  const where = ["m.network_id = ?"];
  const params: unknown[] = [networkId];
  if (filter.organisationId !== undefined) {
    where.push("m.organisation_id = ?");
    params.push(filter.organisationId);
  }
  if (filter.role !== undefined) {
    where.push("m.role = ?");
    params.push(filter.role);
  }
  const rows = selectPage<MemberRow>(
    db,
    { select: MEMBER_SELECT, where, params },
    MEMBER_ORDER,
    page,
  );
  return { items: rows.items.map(toMember), next: rows.next };
}
