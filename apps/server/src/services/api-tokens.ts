import type { CreatedToken, TokenView } from "@junction/domain";
import {
  type ApiTokenRecord,
  appendAudit,
  findApiToken,
  findUserById,
  insertApiToken,
  listUserApiTokens,
  markApiTokenUsed,
  revokeApiToken,
  type UserRecord,
} from "@junction/store";
import { issueSecret, parseSecret, secretMatches } from "../auth/secrets";
import type { Deps } from "../deps";
import { AppError } from "../errors";
import type { Caller } from "./caller";
import { endRevokedCredentials } from "./credentials";

export const API_TOKEN_PREFIX = "jct_";
// last-used time is written at most once a minute per token
const TOUCH_EVERY_MS = 60 * 1000;

function toView(token: ApiTokenRecord): TokenView {
  return {
    id: token.id,
    name: token.name,
    createdAt: new Date(token.createdAt).toISOString(),
    lastUsedAt: token.lastUsedAt === null ? null : new Date(token.lastUsedAt).toISOString(),
  };
}

export function createApiToken(deps: Deps, caller: Caller, name: string): CreatedToken {
  const issued = issueSecret(API_TOKEN_PREFIX);
  insertApiToken(deps.db, {
    id: issued.id,
    secretHash: issued.secretHash,
    userId: caller.user.id,
    name,
    createdAt: deps.now(),
    lastUsedAt: null,
    revokedAt: null,
  });
  appendAudit(
    deps.db,
    {
      actorId: caller.user.id,
      action: "token.create",
      subject: issued.id,
      detail: { name },
      ip: caller.ip,
    },
    deps.now(),
  );
  return { id: issued.id, name, token: issued.token };
}

export function listApiTokens(deps: Deps, caller: Caller): TokenView[] {
  return listUserApiTokens(deps.db, caller.user.id).map(toView);
}

export function revokeToken(deps: Deps, caller: Caller, tokenId: string): void {
  if (!revokeApiToken(deps.db, caller.user.id, tokenId, deps.now())) {
    throw new AppError("not_found", `Token ${tokenId} not found, or already revoked`);
  }
  appendAudit(
    deps.db,
    { actorId: caller.user.id, action: "token.revoke", subject: tokenId, ip: caller.ip },
    deps.now(),
  );
  endRevokedCredentials(deps, caller.user.id);
}

export function validateApiToken(
  deps: Deps,
  token: string,
): { token: ApiTokenRecord; user: UserRecord } | null {
  const parsed = parseSecret(token, API_TOKEN_PREFIX);
  if (!parsed) return null;
  const record = findApiToken(deps.db, parsed.id);
  if (!record || record.revokedAt !== null || !secretMatches(parsed.secret, record.secretHash)) {
    return null;
  }
  const user = findUserById(deps.db, record.userId);
  if (!user) return null;
  const now = deps.now();
  if (record.lastUsedAt === null || now - record.lastUsedAt >= TOUCH_EVERY_MS) {
    markApiTokenUsed(deps.db, record.id, now);
  }
  return { token: record, user };
}
