import {
  type IssuedPasswordReset,
  PASSWORD_RESET_MINUTES,
  type PasswordResetPreview,
  type PasswordResetRequested,
} from "@junction/domain";
import {
  appendAudit,
  deleteUserSessions,
  findPasswordReset,
  findUserByEmail,
  findUserById,
  insertPasswordReset,
  markPasswordResetUsed,
  type PasswordResetRecord,
  revokePasswordResets,
  setUserPassword,
  type UserRecord,
} from "@junction/store";
import { checkPasswordRules, hashPassword } from "../auth/passwords";
import { issueSecret, parseSecret, secretMatches } from "../auth/secrets";
import type { Deps } from "../deps";
import { AppError } from "../errors";
import { msg } from "../i18n/message";
import { requireAdmin } from "./access";
import type { Caller } from "./caller";
import { endRevokedCredentials } from "./credentials";
import { recordFailedAttempt, requireAttemptAllowed } from "./password-attempts";

const LIFETIME_MS = PASSWORD_RESET_MINUTES * 60 * 1000;
const INVALID = msg("reset.invalid");
const EXPIRED = msg("reset.expired", { minutes: PASSWORD_RESET_MINUTES });
const USED = msg("reset.used");
const REPLACED = msg("reset.replaced");

function resetLink(deps: Deps, origin: string, token: string): string {
  return `${deps.config.publicUrl ?? origin}/password-reset/${token}`;
}

/** A new link for the user; it replaces every earlier link of theirs that was not used. */
function createResetLink(
  deps: Deps,
  user: UserRecord,
  issuedBy: string | null,
): { reset: PasswordResetRecord; token: string } {
  const now = deps.now();
  const issued = issueSecret();
  const reset: PasswordResetRecord = {
    id: issued.id,
    secretHash: issued.secretHash,
    userId: user.id,
    issuedBy,
    createdAt: now,
    expiresAt: now + LIFETIME_MS,
    usedAt: null,
    revokedAt: null,
  };
  deps.db.transaction(() => {
    revokePasswordResets(deps.db, user.id, now);
    insertPasswordReset(deps.db, reset);
  })();
  return { reset, token: issued.token };
}

/**
 * Someone asks for a link by e-mail address. The answer and the work done on the request path
 * are the same whether or not an account uses the address (the mail goes out after answering),
 * and every request counts against the address's and the e-mail's limits.
 */
export function requestPasswordReset(
  deps: Deps,
  input: { email: string; ip: string | null; origin: string; locale: string },
): PasswordResetRequested {
  const email = input.email.toLowerCase();
  const now = deps.now();
  const wait = Math.max(
    deps.limiters.resets.retryAfter(email, now),
    deps.limiters.address.retryAfter(input.ip ?? "unknown", now),
  );
  if (wait > 0) {
    const minutes = Math.max(1, Math.ceil(wait / 60));
    throw new AppError("rate_limited", msg("reset.tooMany", { minutes }), {
      headers: { "Retry-After": String(wait) },
    });
  }
  deps.limiters.resets.fail(email, now);
  recordFailedAttempt(deps, { ip: input.ip });
  const user = findUserByEmail(deps.db, email);
  const sending = deps.mailer.enabled && user !== null;
  let resetId: string | null = null;
  if (sending) {
    const { reset, token } = createResetLink(deps, user, null);
    resetId = reset.id;
    const link = resetLink(deps, input.origin, token);
    // not awaited: an existing account must not answer slower than an unknown address
    // the account's language, else the asker's (most likely the account's owner)
    const locale = user.locale && deps.i18n.isAvailable(user.locale) ? user.locale : input.locale;
    void deps.mailer.send({
      to: user.email,
      subject: deps.i18n.format(locale, msg("reset.mailSubject")),
      text: deps.i18n.format(
        locale,
        msg("reset.mailText", { email: user.email, link, minutes: PASSWORD_RESET_MINUTES }),
      ),
    });
  }
  appendAudit(
    deps.db,
    {
      actorId: user?.id ?? null,
      action: "auth.password-reset-request",
      subject: resetId,
      detail: { email, mailed: sending },
      ip: input.ip,
    },
    now,
  );
  return {
    message: deps.i18n.format(
      input.locale,
      deps.mailer.enabled
        ? msg("reset.sent", { email, minutes: PASSWORD_RESET_MINUTES })
        : msg("reset.noMail"),
    ),
  };
}

/** An instance administrator makes a link to hand over (when no mail goes out, or it got lost). */
export function issuePasswordReset(
  deps: Deps,
  caller: Caller,
  userId: string,
  origin: string,
): IssuedPasswordReset {
  requireAdmin(caller);
  const user = findUserById(deps.db, userId);
  if (!user) throw new AppError("not_found", msg("reset.userNotFound", { userId }));
  const { reset, token } = createResetLink(deps, user, caller.user.id);
  appendAudit(
    deps.db,
    {
      actorId: caller.user.id,
      action: "auth.password-reset-issue",
      subject: reset.id,
      detail: { userId: user.id, email: user.email },
      ip: caller.ip,
    },
    deps.now(),
  );
  return {
    userId: user.id,
    email: user.email,
    link: resetLink(deps, origin, token),
    expiresAt: new Date(reset.expiresAt).toISOString(),
  };
}

/**
 * The link a token names, while it may still be used. A wrong secret counts as a failed attempt
 * from the caller's address, as a wrong password does; a right secret learns why the link no
 * longer works (used, replaced, expired).
 */
function usableReset(deps: Deps, token: string, ip: string | null): PasswordResetRecord {
  requireAttemptAllowed(deps, { ip });
  const parsed = parseSecret(token);
  const reset = parsed ? findPasswordReset(deps.db, parsed.id) : null;
  if (!parsed || !reset || !secretMatches(parsed.secret, reset.secretHash)) {
    recordFailedAttempt(deps, { ip });
    throw new AppError("reset_link_invalid", INVALID);
  }
  if (reset.usedAt !== null) throw new AppError("reset_link_used", USED);
  if (reset.revokedAt !== null) throw new AppError("reset_link_used", REPLACED);
  if (reset.expiresAt <= deps.now()) throw new AppError("reset_link_expired", EXPIRED);
  return reset;
}

function resetUser(deps: Deps, reset: PasswordResetRecord): UserRecord {
  const user = findUserById(deps.db, reset.userId);
  if (!user) throw new AppError("reset_link_invalid", INVALID);
  return user;
}

export function previewPasswordReset(
  deps: Deps,
  token: string,
  ip: string | null,
): PasswordResetPreview {
  const reset = usableReset(deps, token, ip);
  return {
    email: resetUser(deps, reset).email,
    expiresAt: new Date(reset.expiresAt).toISOString(),
  };
}

/** Sets the new password from a link (once), and ends every session of the user. */
export async function resetPassword(
  deps: Deps,
  token: string,
  input: { password: string; ip: string | null },
): Promise<void> {
  const reset = usableReset(deps, token, input.ip);
  const user = resetUser(deps, reset);
  const problem = checkPasswordRules(input.password, { email: user.email, name: user.name });
  if (problem) throw new AppError("weak_password", problem);
  const passwordHash = await hashPassword(input.password);
  const now = deps.now();
  const apply = deps.db.transaction(() => {
    // checked again inside the transaction: two tabs submitting the same link set one password
    if (!markPasswordResetUsed(deps.db, reset.id, now)) throw new AppError("reset_link_used", USED);
    setUserPassword(deps.db, user.id, passwordHash);
    revokePasswordResets(deps.db, user.id, now);
    const endedSessions = deleteUserSessions(deps.db, user.id);
    appendAudit(
      deps.db,
      {
        actorId: user.id,
        action: "auth.password-reset",
        subject: reset.id,
        detail: { endedSessions, issuedBy: reset.issuedBy },
        ip: input.ip,
      },
      now,
    );
  });
  apply.immediate();
  deps.limiters.account.reset(user.email);
  endRevokedCredentials(deps, user.id);
}
