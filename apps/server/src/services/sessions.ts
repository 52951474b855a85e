import {
  deleteSession,
  findSession,
  findUserById,
  insertSession,
  type SessionRecord,
  touchSession,
  type UserRecord,
} from "@junction/store";
import { issueSecret, parseSecret, secretMatches } from "../auth/secrets";
import type { Deps } from "../deps";

const DAY = 24 * 60 * 60 * 1000;
// renew at most once an hour so a busy user does not write on every request
const RENEW_AFTER_MS = 60 * 60 * 1000;

export type ValidSession = { session: SessionRecord; user: UserRecord; renewed: boolean };

export function createSession(
  deps: Deps,
  userId: string,
  userAgent: string,
): { token: string; session: SessionRecord } {
  const now = deps.now();
  const issued = issueSecret();
  const session: SessionRecord = {
    id: issued.id,
    secretHash: issued.secretHash,
    userId,
    createdAt: now,
    expiresAt: now + deps.config.sessionDays * DAY,
    lastSeenAt: now,
    userAgent: userAgent.slice(0, 300),
  };
  insertSession(deps.db, session);
  return { token: issued.token, session };
}

/** Checks a session token; sliding expiry: each use pushes the expiry out again. */
export function validateSessionToken(deps: Deps, token: string): ValidSession | null {
  const parsed = parseSecret(token);
  if (!parsed) return null;
  const session = findSession(deps.db, parsed.id);
  if (!session || !secretMatches(parsed.secret, session.secretHash)) return null;
  const now = deps.now();
  if (session.expiresAt <= now) {
    deleteSession(deps.db, session.id);
    return null;
  }
  const user = findUserById(deps.db, session.userId);
  if (!user) return null;
  let renewed = false;
  if (now - session.lastSeenAt >= RENEW_AFTER_MS) {
    session.lastSeenAt = now;
    session.expiresAt = now + deps.config.sessionDays * DAY;
    touchSession(deps.db, session.id, session.lastSeenAt, session.expiresAt);
    renewed = true;
  }
  return { session, user, renewed };
}
