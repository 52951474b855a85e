import type { AuditEntry } from "@junction/domain";
import type { Db } from "./db";
import { iso, statement } from "./statements";

export const AUDIT_ACTIONS = [
  "auth.sign-in",
  "auth.sign-in-failed",
  "auth.sign-out",
  "auth.sign-out-others",
  "auth.password-change",
  "auth.password-reset-request",
  "auth.password-reset-issue",
  "auth.password-reset",
  "invitation.create",
  "invitation.revoke",
  "invitation.accept",
  "member.role-change",
  "member.organisation-change",
  "member.remove",
  "token.create",
  "token.revoke",
  "network.create",
  "organisation.create",
  "workplan.create",
  "workplan.rename",
  "workplan.archive",
  "workplan.unarchive",
  "warning.decide",
  "task.create",
  "activity.assign-owners",
  "comment.moderate",
  "workplan.stage",
  "workplan.consultation-deadline",
  "workplan.revision",
  "validation.answer",
  "validation.overrule",
  "version.create",
  "version.restore",
  "export.workplan",
  "export.network",
  "export.report",
  "network.iati-settings",
  "suggestion.accept",
  "suggestion.reject",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditInput = {
  actorId: string | null;
  action: AuditAction;
  networkId?: string | null;
  subject?: string | null;
  detail?: Record<string, unknown>;
  ip?: string | null;
};

/** Appends to the audit log; triggers in the schema refuse any update or delete. */
export function appendAudit(db: Db, entry: AuditInput, now = Date.now()): void {
  statement(
    db,
    "INSERT INTO audit_log (at, actor_id, action, network_id, subject, detail, ip) VALUES (?, ?, ?, ?, ?, ?, ?)",
  ).run(
    now,
    entry.actorId,
    entry.action,
    entry.networkId ?? null,
    entry.subject ?? null,
    JSON.stringify(entry.detail ?? {}),
    entry.ip ?? null,
  );
}

type AuditRow = {
  id: number;
  at: number;
  actor_id: string | null;
  action: string;
  network_id: string | null;
  subject: string | null;
  detail: string;
};

function toEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    at: iso(row.at),
    actorId: row.actor_id,
    action: row.action,
    networkId: row.network_id,
    subject: row.subject,
    detail: JSON.parse(row.detail) as Record<string, unknown>,
  };
}

export function listAudit(
  db: Db,
  filter: { networkId?: string; limit?: number } = {},
): AuditEntry[] {
  const limit = Math.min(Math.max(filter.limit ?? 200, 1), 1000);
  const rows = (
    filter.networkId === undefined
      ? statement(db, "SELECT * FROM audit_log ORDER BY id DESC LIMIT ?").all(limit)
      : statement(db, "SELECT * FROM audit_log WHERE network_id = ? ORDER BY id DESC LIMIT ?").all(
          filter.networkId,
          limit,
        )
  ) as AuditRow[];
  return rows.map(toEntry);
}
