import { createdTokenSchema, createTokenRequestSchema, tokenViewSchema } from "@junction/domain";
import { createApiToken, listApiTokens, revokeToken } from "../../services/api-tokens";
import { LIST_ORDERS, pageOfShortList } from "../pagination";
import type { RouteRegistry } from "../route";

/** The user's personal API tokens (services/api-tokens.ts). */
export function registerApiTokenRoutes(api: RouteRegistry): void {
  api.collection(
    {
      path: "/api/tokens",
      summary: "The user's API tokens, without secrets",
      tag: "account",
      item: tokenViewSchema,
    },
    ({ deps, caller, page }) =>
      pageOfShortList(listApiTokens(deps, caller), LIST_ORDERS.newestFirst, page),
  );

  api.user(
    {
      method: "post",
      path: "/api/tokens",
      summary: "Create a personal API token; the secret is answered only this once",
      tag: "account",
      body: createTokenRequestSchema,
      response: createdTokenSchema,
      status: 201,
    },
    ({ deps, caller, body }) => createApiToken(deps, caller, body.name),
  );

  api.user(
    {
      method: "delete",
      path: "/api/tokens/:tokenId",
      summary: "Revoke an API token",
      tag: "account",
      status: 204,
      errors: ["not_found"],
    },
    ({ deps, caller, params }) => revokeToken(deps, caller, params.tokenId ?? ""),
  );
}
