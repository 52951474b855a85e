import { findApiToken, findSession, findUserById } from "@junction/store";
import type { Deps } from "../deps";
import type { Credential } from "../live-credentials";
import type { Caller } from "./caller";

/** How often open sockets and streams are checked for sessions that expired meanwhile. */
export const CREDENTIAL_SWEEP_MS = 60_000;

export function credentialOf(caller: Caller): Credential {
  return { userId: caller.user.id, sessionId: caller.sessionId, tokenId: caller.tokenId };
}

/** Whether the session or API token an open socket or stream used still authenticates its user. */
export function isCredentialLive(
  deps: Deps,
  credential: Credential,
  knownUsers: Map<string, boolean> = new Map(),
): boolean {
  let userExists = knownUsers.get(credential.userId);
  if (userExists === undefined) {
    userExists = findUserById(deps.db, credential.userId) !== null;
    knownUsers.set(credential.userId, userExists);
  }
  if (!userExists) return false;
  if (credential.sessionId !== null) {
    const session = findSession(deps.db, credential.sessionId);
    return (
      session !== null && session.userId === credential.userId && session.expiresAt > deps.now()
    );
  }
  if (credential.tokenId !== null) {
    const token = findApiToken(deps.db, credential.tokenId);
    return token !== null && token.userId === credential.userId && token.revokedAt === null;
  }
  return false;
}

/**
 * Closes every open WebSocket (close code 4403) and ends every event stream whose session or
 * token no longer validates: right after a revocation for that user, and every
 * CREDENTIAL_SWEEP_MS for everyone (sessions expire while their sockets stay open).
 */
export function endRevokedCredentials(deps: Deps, userId?: string): number {
  // the other processes re-check their own sockets of this user against the same storage
  if (userId !== undefined) deps.deployment.notify({ type: "credentials", userId });
  return endRevokedHere(deps, userId);
}

/** `endRevokedCredentials` for this process's sockets and streams only. */
export function endRevokedHere(deps: Deps, userId?: string): number {
  const knownUsers = new Map<string, boolean>();
  const ended = deps.credentials.endRevoked(
    (credential) => isCredentialLive(deps, credential, knownUsers),
    userId,
  );
  if (ended > 0)
    deps.log.info("ended connections whose credentials were revoked", { ended, userId });
  return ended;
}
