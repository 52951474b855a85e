import type { Deps } from "../deps";
import { AppError } from "../errors";
import { msg } from "../i18n/message";
import { validateApiToken } from "./api-tokens";
import type { Caller } from "./caller";
import { validateSessionToken } from "./sessions";

/**
 * Who is calling, decided in one place for HTTP routes, `/api/events` and the WebSocket upgrade:
 * the transports read the credentials off the request, this file judges them.
 */
export type PresentedCredentials = {
  /** An API token (`Authorization: Bearer` on HTTP, `?token=` on the WebSocket); null when none. */
  token: string | null;
  /** The session cookie's value; null when none was sent. */
  sessionCookie: string | null;
  /** The Origin header; null when none was sent. */
  origin: string | null;
  /** The origins the request reached this server at (its URL, its Host header). */
  ownOrigins: readonly string[];
  ip: string | null;
};

export type Authenticated = {
  caller: Caller | null;
  /** The session slid: the transport sends its cookie again with the new expiry. */
  renewedSession: { token: string; expiresAt: number } | null;
};

function isOwnOrigin(deps: Pick<Deps, "config">, request: PresentedCredentials): boolean {
  if (request.origin === null) return false;
  if (request.ownOrigins.includes(request.origin)) return true;
  return deps.config.publicUrl !== null && new URL(deps.config.publicUrl).origin === request.origin;
}

function callerFromToken(deps: Deps, token: string, ip: string | null): Caller {
  const valid = validateApiToken(deps, token);
  if (!valid) throw new AppError("unauthenticated", msg("auth.invalidToken"));
  return { user: valid.user, via: "token", sessionId: null, tokenId: valid.token.id, ip };
}

/**
 * An HTTP request: a bearer token must be valid (401), a session cookie may be missing or stale
 * (anonymous). A request that changes something and carries a cookie must come from our own
 * pages, and one that names a foreign Origin is refused whatever it carries (403, CSRF).
 */
export function authenticateRequest(
  deps: Deps,
  request: PresentedCredentials & { changesState: boolean },
): Authenticated {
  if (request.token !== null) {
    const caller = callerFromToken(deps, request.token, request.ip);
    if (request.changesState && request.origin !== null && !isOwnOrigin(deps, request)) {
      throw new AppError("csrf", msg("auth.foreignOrigin"));
    }
    return { caller, renewedSession: null };
  }
  const cookie = request.sessionCookie;
  if (
    request.changesState &&
    (cookie !== null || request.origin !== null) &&
    !isOwnOrigin(deps, request)
  ) {
    // cookies ride along on cross-site requests; only our own pages may use them to change things
    throw new AppError("csrf", msg("auth.foreignOrigin"));
  }
  if (cookie === null) return { caller: null, renewedSession: null };
  const valid = validateSessionToken(deps, cookie);
  if (!valid) return { caller: null, renewedSession: null };
  return {
    caller: {
      user: valid.user,
      via: "session",
      sessionId: valid.session.id,
      tokenId: null,
      ip: request.ip,
    },
    renewedSession: valid.renewed ? { token: cookie, expiresAt: valid.session.expiresAt } : null,
  };
}

/**
 * A WebSocket upgrade: an API token, or a session cookie sent from our own pages (a browser always
 * names the page's Origin on a WebSocket; other clients send none). Anonymous is refused (401).
 */
export function authenticateUpgrade(deps: Deps, request: PresentedCredentials): Caller {
  if (request.token !== null) return callerFromToken(deps, request.token, request.ip);
  const cookie = request.sessionCookie;
  if (cookie !== null && request.origin !== null && !isOwnOrigin(deps, request)) {
    throw csrf("WebSocket connections with a session cookie must come from Junction's own pages");
  }
  const valid = cookie === null ? null : validateSessionToken(deps, cookie);
  if (!valid) {
    throw new AppError("unauthenticated", msg("auth.signInOrTokenParameter"));
  }
  return {
    user: valid.user,
    via: "session",
    sessionId: valid.session.id,
    tokenId: null,
    ip: request.ip,
  };
}

function csrf(message: string): AppError {
  return new AppError("csrf", message);
}
