import type { ChangePasswordResult } from "@junction/domain";
import {
  appendAudit,
  deleteOtherSessions,
  revokePasswordResets,
  setUserPassword,
} from "@junction/store";
import { checkPasswordRules, hashPassword } from "../auth/passwords";
import type { Deps } from "../deps";
import { AppError } from "../errors";
import { msg } from "../i18n/message";
import type { Caller } from "./caller";
import { endRevokedCredentials } from "./credentials";
import { verifyAccountPassword } from "./password-attempts";

/**
 * Changes the caller's password: the current one proves it is them (under the sign-in limits),
 * the new one passes the sign-up rules. Every other session ends with its sockets and streams;
 * this one stays, and so do API tokens (revoked one by one on the tokens page).
 */
export async function changePassword(
  deps: Deps,
  caller: Caller,
  input: { currentPassword: string; newPassword: string },
): Promise<ChangePasswordResult> {
  if (caller.sessionId === null) {
    throw new AppError("forbidden", msg("password.notWithToken"));
  }
  const user = await verifyAccountPassword(deps, {
    email: caller.user.email,
    password: input.currentPassword,
    ip: caller.ip,
    via: "password-change",
  });
  if (!user || user.id !== caller.user.id) {
    throw new AppError("wrong_password", msg("password.wrongCurrent"));
  }
  const problem = checkPasswordRules(input.newPassword, { email: user.email, name: user.name });
  if (problem) throw new AppError("weak_password", problem);
  const passwordHash = await hashPassword(input.newPassword);
  const sessionId = caller.sessionId;
  const now = deps.now();
  const change = deps.db.transaction(() => {
    setUserPassword(deps.db, user.id, passwordHash);
    revokePasswordResets(deps.db, user.id, now);
    const endedSessions = deleteOtherSessions(deps.db, user.id, sessionId);
    appendAudit(
      deps.db,
      {
        actorId: user.id,
        action: "auth.password-change",
        subject: user.id,
        detail: { endedSessions },
        ip: caller.ip,
      },
      now,
    );
    return endedSessions;
  });
  const endedSessions = change.immediate();
  endRevokedCredentials(deps, user.id);
  return { endedSessions };
}
