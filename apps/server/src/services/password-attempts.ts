import { appendAudit, findUserByEmail, type UserRecord } from "@junction/store";
import { verifyAgainstDummy, verifyPassword } from "../auth/passwords";
import type { Deps } from "../deps";
import { AppError } from "../errors";
import { msg } from "../i18n/message";

/** Where a password was tried; kept in the audit log. */
export type PasswordAttemptVia = "sign-in" | "invitation" | "password-change";

function addressKey(ip: string | null): string {
  return ip ?? "unknown";
}

function tooManyAttempts(retryAfter: number): AppError {
  const minutes = Math.max(1, Math.ceil(retryAfter / 60));
  return new AppError("rate_limited", msg("auth.tooManyAttempts", { minutes }), {
    headers: { "Retry-After": String(retryAfter) },
  });
}

/**
 * Refuses with 429 and Retry-After while the account (by e-mail) or the address is locked out
 * by failed attempts. Call it before checking anything, so a locked-out caller learns nothing.
 */
export function requireAttemptAllowed(
  deps: Deps,
  attempt: { email?: string; ip: string | null },
): void {
  const now = deps.now();
  const wait = Math.max(
    attempt.email === undefined
      ? 0
      : deps.limiters.account.retryAfter(attempt.email.toLowerCase(), now),
    deps.limiters.address.retryAfter(addressKey(attempt.ip), now),
  );
  if (wait > 0) throw tooManyAttempts(wait);
}

/** Counts a failed attempt against the address (and the account, when one was named). */
export function recordFailedAttempt(
  deps: Deps,
  attempt: { email?: string; ip: string | null },
): void {
  const now = deps.now();
  if (attempt.email !== undefined) deps.limiters.account.fail(attempt.email.toLowerCase(), now);
  deps.limiters.address.fail(addressKey(attempt.ip), now);
}

/**
 * The one place a password is checked (sign-in, accepting an invitation, changing the
 * password): throws 429 while the account or the address is locked out, else answers the account
 * when the password is right and null when it is wrong or no account has that e-mail; both
 * take the same time and count against the same per-account and per-address limits.
 */
export async function verifyAccountPassword(
  deps: Deps,
  attempt: { email: string; password: string; ip: string | null; via: PasswordAttemptVia },
): Promise<UserRecord | null> {
  requireAttemptAllowed(deps, attempt);
  const email = attempt.email.toLowerCase();
  const user = findUserByEmail(deps.db, email);
  let isRight = false;
  if (user?.passwordHash) isRight = await verifyPassword(user.passwordHash, attempt.password);
  else await verifyAgainstDummy(attempt.password);
  if (user && isRight) {
    deps.limiters.account.reset(email);
    return user;
  }
  recordFailedAttempt(deps, attempt);
  appendAudit(
    deps.db,
    {
      actorId: user?.id ?? null,
      action: "auth.sign-in-failed",
      detail: { email, via: attempt.via },
      ip: attempt.ip,
    },
    deps.now(),
  );
  return null;
}
