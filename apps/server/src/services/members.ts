import type { MemberView, Role } from "@junction/domain";
import {
  appendAudit,
  countCoordinators,
  findMember,
  findOrganisation,
  listMemberPage,
  type MemberDetail,
  removeMembership,
  updateMembership,
} from "@junction/store";
import type { Deps } from "../deps";
import { AppError } from "../errors";
import { msg } from "../i18n/message";
import { requireNetworkAdministration } from "./access";
import type { Caller } from "./caller";
import { organisationFilter } from "./organisation-labels";
import { mapPage, type Page, type PageQuery, pageRequest } from "./pages";

function toView(member: MemberDetail): MemberView {
  return {
    userId: member.userId,
    name: member.name,
    email: member.email,
    organisationId: member.organisationId,
    organisationName: member.organisationName,
    organisationAcronym: member.organisationAcronym,
    role: member.role,
    joinedAt: member.joinedAt,
  };
}

const MEMBER_CURSOR = ["string", "string"] as const;

/** A page of the network's members by name (`organisation`, `role`: only those). */
export function listNetworkMembers(
  deps: Deps,
  caller: Caller,
  networkId: string,
  query: PageQuery,
  filters: { organisation?: string; role?: Role } = {},
): Page<MemberView> {
  requireNetworkAdministration(deps, caller, networkId, "member.read");
  const page = listMemberPage(
    deps.db,
    networkId,
    {
      organisationId: organisationFilter(deps, networkId, filters.organisation),
      role: filters.role,
    },
    pageRequest(query, MEMBER_CURSOR),
  );
  return mapPage(page, (members) => members.map(toView));
}

function requireMember(deps: Deps, networkId: string, userId: string): MemberDetail {
  const member = findMember(deps.db, networkId, userId);
  if (!member) throw new AppError("not_found", msg("member.notFound", { userId }));
  return member;
}

function lastCoordinator(): AppError {
  return new AppError("last_coordinator", msg("member.lastCoordinator"));
}

function announceRole(deps: Deps, networkId: string, userId: string, role: Role | null): void {
  deps.live.setRole(networkId, userId, role);
  deps.events.publish({ type: "role-changed", networkId, data: { networkId, userId, role } });
}

export function changeMember(
  deps: Deps,
  caller: Caller,
  networkId: string,
  userId: string,
  change: { role?: Role; organisationId?: string },
): MemberView {
  requireNetworkAdministration(deps, caller, networkId, "member.change-role");
  const member = requireMember(deps, networkId, userId);
  if (change.organisationId !== undefined) {
    const organisation = findOrganisation(deps.db, change.organisationId);
    if (!organisation || organisation.networkId !== networkId) {
      throw new AppError(
        "validation_failed",
        msg("member.organisationOutside", { organisationId: change.organisationId }),
      );
    }
  }
  const roleChanges = change.role !== undefined && change.role !== member.role;
  const apply = deps.db.transaction(() => {
    if (
      roleChanges &&
      member.role === "coordinator" &&
      countCoordinators(deps.db, networkId) <= 1
    ) {
      throw lastCoordinator();
    }
    updateMembership(deps.db, networkId, userId, change);
    if (roleChanges) {
      appendAudit(
        deps.db,
        {
          actorId: caller.user.id,
          action: "member.role-change",
          networkId,
          subject: userId,
          detail: { from: member.role, to: change.role },
          ip: caller.ip,
        },
        deps.now(),
      );
    }
    if (change.organisationId !== undefined && change.organisationId !== member.organisationId) {
      appendAudit(
        deps.db,
        {
          actorId: caller.user.id,
          action: "member.organisation-change",
          networkId,
          subject: userId,
          detail: { from: member.organisationId, to: change.organisationId },
          ip: caller.ip,
        },
        deps.now(),
      );
    }
  });
  apply.immediate();
  if (roleChanges && change.role) announceRole(deps, networkId, userId, change.role);
  return toView(requireMember(deps, networkId, userId));
}

export function removeMember(deps: Deps, caller: Caller, networkId: string, userId: string): void {
  requireNetworkAdministration(deps, caller, networkId, "member.remove");
  const member = requireMember(deps, networkId, userId);
  const apply = deps.db.transaction(() => {
    if (member.role === "coordinator" && countCoordinators(deps.db, networkId) <= 1)
      throw lastCoordinator();
    removeMembership(deps.db, networkId, userId);
    appendAudit(
      deps.db,
      {
        actorId: caller.user.id,
        action: "member.remove",
        networkId,
        subject: userId,
        detail: { role: member.role },
        ip: caller.ip,
      },
      deps.now(),
    );
  });
  apply.immediate();
  announceRole(deps, networkId, userId, null);
}
