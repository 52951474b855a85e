import type { Me, SessionView } from "@junction/domain";
import {
  appendAudit,
  deleteOtherSessions,
  deleteSession,
  deleteUserSessionById,
  listUserMemberships,
  listUserSessions,
  type UserRecord,
} from "@junction/store";
import type { Deps } from "../deps";
import { AppError } from "../errors";
import { msg } from "../i18n/message";
import type { Caller } from "./caller";
import { endRevokedCredentials } from "./credentials";
import { verifyAccountPassword } from "./password-attempts";
import { createSession } from "./sessions";

/** Password sign-in; wrong password and unknown email answer alike, and both count against limits. */
export async function login(
  deps: Deps,
  input: { email: string; password: string; ip: string | null; userAgent: string },
): Promise<{ user: UserRecord; token: string; expiresAt: number }> {
  const user = await verifyAccountPassword(deps, { ...input, via: "sign-in" });
  if (!user) throw new AppError("invalid_credentials", msg("auth.invalidCredentials"));
  const { token, session } = createSession(deps, user.id, input.userAgent);
  appendAudit(
    deps.db,
    { actorId: user.id, action: "auth.sign-in", subject: session.id, ip: input.ip },
    deps.now(),
  );
  return { user, token, expiresAt: session.expiresAt };
}

export function logout(deps: Deps, caller: Caller): void {
  if (caller.sessionId) deleteSession(deps.db, caller.sessionId);
  appendAudit(
    deps.db,
    { actorId: caller.user.id, action: "auth.sign-out", ip: caller.ip },
    deps.now(),
  );
  endRevokedCredentials(deps, caller.user.id);
}

/** Ends every other session of the caller (API tokens stay), with their sockets and streams. */
export function logoutOthers(deps: Deps, caller: Caller): number {
  const count = deleteOtherSessions(deps.db, caller.user.id, caller.sessionId ?? "");
  appendAudit(
    deps.db,
    { actorId: caller.user.id, action: "auth.sign-out-others", detail: { count }, ip: caller.ip },
    deps.now(),
  );
  endRevokedCredentials(deps, caller.user.id);
  return count;
}

export function listSessions(deps: Deps, caller: Caller): SessionView[] {
  return listUserSessions(deps.db, caller.user.id, deps.now()).map((session) => ({
    id: session.id,
    createdAt: new Date(session.createdAt).toISOString(),
    expiresAt: new Date(session.expiresAt).toISOString(),
    lastSeenAt: new Date(session.lastSeenAt).toISOString(),
    userAgent: session.userAgent,
    current: session.id === caller.sessionId,
  }));
}

/** Ends one of the caller's own sessions, with its sockets and streams. */
export function endSession(deps: Deps, caller: Caller, sessionId: string): void {
  if (!deleteUserSessionById(deps.db, caller.user.id, sessionId)) {
    throw new AppError("not_found", msg("auth.sessionNotFound"));
  }
  appendAudit(
    deps.db,
    { actorId: caller.user.id, action: "auth.sign-out", subject: sessionId, ip: caller.ip },
    deps.now(),
  );
  endRevokedCredentials(deps, caller.user.id);
}

export function describeMe(deps: Deps, user: UserRecord): Me {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    isAdmin: user.isAdmin,
    locale: user.locale,
    memberships: listUserMemberships(deps.db, user.id).map((m) => ({
      networkId: m.networkId,
      networkName: m.networkName,
      organisationId: m.organisationId,
      organisationName: m.organisationName,
      organisationAcronym: m.organisationAcronym,
      role: m.role,
    })),
  };
}
