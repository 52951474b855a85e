import type { Role } from "@junction/domain";
import type { Db } from "./db";
import { statement } from "./statements";

export type InvitationRecord = {
  id: string;
  secretHash: Uint8Array;
  networkId: string;
  email: string;
  organisationId: string;
  role: Role;
  invitedBy: string;
  createdAt: number;
  expiresAt: number;
  acceptedAt: number | null;
  revokedAt: number | null;
};

type InvitationRow = {
  id: string;
  secret_hash: Buffer;
  network_id: string;
  email: string;
  organisation_id: string;
  role: Role;
  invited_by: string;
  created_at: number;
  expires_at: number;
  accepted_at: number | null;
  revoked_at: number | null;
};

function toInvitation(row: InvitationRow): InvitationRecord {
  return {
    id: row.id,
    secretHash: new Uint8Array(row.secret_hash),
    networkId: row.network_id,
    email: row.email,
    organisationId: row.organisation_id,
    role: row.role,
    invitedBy: row.invited_by,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    acceptedAt: row.accepted_at,
    revokedAt: row.revoked_at,
  };
}

export function insertInvitation(db: Db, invitation: InvitationRecord): void {
  statement(
    db,
    `INSERT INTO invitations (id, secret_hash, network_id, email, organisation_id, role, invited_by,
       created_at, expires_at, accepted_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    invitation.id,
    Buffer.from(invitation.secretHash),
    invitation.networkId,
    invitation.email,
    invitation.organisationId,
    invitation.role,
    invitation.invitedBy,
    invitation.createdAt,
    invitation.expiresAt,
    invitation.acceptedAt,
    invitation.revokedAt,
  );
}

export function findInvitation(db: Db, id: string): InvitationRecord | null {
  const row = statement(db, "SELECT * FROM invitations WHERE id = ?").get(id) as
    | InvitationRow
    | undefined;
  return row ? toInvitation(row) : null;
}

export function listInvitations(db: Db, networkId: string): InvitationRecord[] {
  const rows = statement(
    db,
    "SELECT * FROM invitations WHERE network_id = ? ORDER BY created_at DESC",
  ).all(networkId) as InvitationRow[];
  return rows.map(toInvitation);
}

/** Marks the invitation used; false when someone else used or revoked it first. */
export function markInvitationAccepted(db: Db, id: string, at: number): boolean {
  return (
    statement(
      db,
      "UPDATE invitations SET accepted_at = ? WHERE id = ? AND accepted_at IS NULL AND revoked_at IS NULL",
    ).run(at, id).changes > 0
  );
}

export function revokeInvitation(db: Db, id: string, at: number): boolean {
  return (
    statement(
      db,
      "UPDATE invitations SET revoked_at = ? WHERE id = ? AND accepted_at IS NULL AND revoked_at IS NULL",
    ).run(at, id).changes > 0
  );
}
