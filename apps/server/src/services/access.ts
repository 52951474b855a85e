import {
  can,
  documentRole,
  type Permission,
  type Role,
  type Stage,
  workplanFreeze,
} from "@junction/domain";
import {
  findMembership,
  findNetwork,
  findOrganisation,
  findWorkplan,
  listMembers,
  listWorkplans,
  type MembershipRecord,
  type WorkplanRecord,
} from "@junction/store";
import type { Deps } from "../deps";
import { AppError } from "../errors";
import type { ServerEvent } from "../events";
import { type Message, msg } from "../i18n/message";
import type { Caller } from "./caller";

/**
 * The one permission check: the caller's membership in the network must allow the permission.
 * Strangers get 404 so network ids do not leak; members without the right get 403.
 */
export function requireNetworkPermission(
  deps: Deps,
  caller: Caller,
  networkId: string,
  permission: Permission,
): MembershipRecord {
  const membership = findMembership(deps.db, networkId, caller.user.id);
  if (!membership || !findNetwork(deps.db, networkId)) {
    throw new AppError("not_found", msg("access.networkNotFound", { networkId }));
  }
  if (!can(membership.role, permission)) {
    throw new AppError(
      "forbidden",
      msg("access.roleCannot", { role: membership.role, permission }),
    );
  }
  return membership;
}

// instance administrators look after any network's people, not its content
const ADMINISTRATION: ReadonlySet<Permission> = new Set<Permission>([
  "member.read",
  "member.invite",
  "member.change-role",
  "member.remove",
  "organisation.manage",
]);

/**
 * Like requireNetworkPermission, but an instance administrator who is not a member may also
 * manage the network's organisations and members (so a new network gets its first coordinator).
 * Answers null for such an administrator.
 */
export function requireNetworkAdministration(
  deps: Deps,
  caller: Caller,
  networkId: string,
  permission: Permission,
): MembershipRecord | null {
  if (
    caller.user.isAdmin &&
    ADMINISTRATION.has(permission) &&
    findNetwork(deps.db, networkId) &&
    !findMembership(deps.db, networkId, caller.user.id)
  ) {
    return null;
  }
  return requireNetworkPermission(deps, caller, networkId, permission);
}

export function requireWorkplanPermission(
  deps: Deps,
  caller: Caller,
  workplanId: string,
  permission: Permission,
): { workplan: WorkplanRecord; membership: MembershipRecord } {
  const workplan = findWorkplan(deps.db, workplanId);
  const membership = workplan ? findMembership(deps.db, workplan.networkId, caller.user.id) : null;
  if (!workplan || !membership) {
    throw new AppError("not_found", msg("access.workplanNotFound", { workplanId }));
  }
  return {
    workplan,
    membership: requireNetworkPermission(deps, caller, workplan.networkId, permission),
  };
}

/**
 * The one guard for writes to a workplan: adopted and archived workplans (isWorkplanFrozen)
 * refuse every change to their document, activities and comments with 409, saying why.
 */
export function requireWritableWorkplan(
  workplan: { stage: Stage; archived: boolean },
  refused: Message = msg("access.frozen.text"),
): void {
  const freeze = workplanFreeze(workplan);
  if (freeze === null) return;
  throw new AppError("conflict", msg("access.frozen", { state: freeze, refused }));
}

/** requireWorkplanPermission for a change: also refuses (409) on a frozen workplan. */
export function requireWritableWorkplanPermission(
  deps: Deps,
  caller: Caller,
  workplanId: string,
  permission: Permission,
): { workplan: WorkplanRecord; membership: MembershipRecord } {
  const access = requireWorkplanPermission(deps, caller, workplanId, permission);
  requireWritableWorkplan(access.workplan);
  return access;
}

export function requireAdmin(caller: Caller): void {
  if (!caller.user.isAdmin) {
    throw new AppError("forbidden", msg("access.adminOnly"));
  }
}

/** A member's way into a workplan's document: their role on it and who they appear as. */
export type DocumentAccess = {
  workplan: WorkplanRecord;
  /** `documentRole`: everyone reads a frozen workplan, nobody writes it. */
  role: Role;
  identity: { id: string; name: string; organisation: string };
};

/**
 * The check before a WebSocket joins a workplan's document: 404 for a workplan that does not
 * exist and for one of a network the caller is not a member of, alike, as the API answers, so
 * the socket does not tell a stranger which workplans exist.
 */
export function requireDocumentAccess(
  deps: Pick<Deps, "db">,
  caller: Caller,
  workplanId: string,
): DocumentAccess {
  const workplan = findWorkplan(deps.db, workplanId);
  const membership = workplan ? findMembership(deps.db, workplan.networkId, caller.user.id) : null;
  if (!workplan || !membership) {
    throw new AppError("not_found", msg("access.workplanNotFound", { workplanId }));
  }
  const organisation = findOrganisation(deps.db, membership.organisationId);
  return {
    workplan,
    role: documentRole(membership.role, workplan),
    identity: {
      id: caller.user.id,
      name: caller.user.name,
      organisation: organisation ? organisation.acronym || organisation.name : "",
    },
  };
}

/** A member's role on every document of the network once their role there is `role` (null: gone). */
export function documentRolesInNetwork(
  deps: Pick<Deps, "db">,
  networkId: string,
  role: Role | null,
): { workplanId: string; role: Role | null }[] {
  return listWorkplans(deps.db, networkId).map((workplan) => ({
    workplanId: workplan.id,
    role: role === null ? null : documentRole(role, workplan),
  }));
}

/** The same for the role the member holds in storage now (another process may have changed it). */
export function storedDocumentRolesInNetwork(
  deps: Pick<Deps, "db">,
  networkId: string,
  userId: string,
): { workplanId: string; role: Role | null }[] {
  const role = findMembership(deps.db, networkId, userId)?.role ?? null;
  return documentRolesInNetwork(deps, networkId, role);
}

/** Every member's role on the workplan's document as the workplan is now (adopted, archived...). */
export function documentRolesOfWorkplan(
  deps: Pick<Deps, "db">,
  workplanId: string,
): { userId: string; role: Role }[] {
  const workplan = findWorkplan(deps.db, workplanId);
  if (!workplan) return [];
  return listMembers(deps.db, workplan.networkId).map((member) => ({
    userId: member.userId,
    role: documentRole(member.role, workplan),
  }));
}

/**
 * Whether a user's event stream carries an event: their own, or their network's while they are a
 * member (a removed member still hears of their own removal, then nothing more from it).
 */
export function maySeeEvent(deps: Pick<Deps, "db">, userId: string, event: ServerEvent): boolean {
  if ("userId" in event) return event.userId === userId;
  if (event.type === "role-changed" && event.data.userId === userId) return true;
  return findMembership(deps.db, event.networkId, userId) !== null;
}
