import {
  loginRequestSchema,
  meSchema,
  sessionViewSchema,
  updateMeRequestSchema,
} from "@junction/domain";
import { z } from "zod";
import { updateMe } from "../../services/account";
import {
  describeMe,
  endSession,
  listSessions,
  login,
  logout,
  logoutOthers,
} from "../../services/login";
import { clearSessionCookie, setSessionCookie } from "../cookies";
import { LIST_ORDERS, pageOfShortList } from "../pagination";
import type { RouteRegistry } from "../route";

/** Signing in and out, the signed-in user and their sessions (services/login.ts). */
export function registerLoginRoutes(api: RouteRegistry): void {
  api.public(
    {
      method: "post",
      path: "/api/auth/login",
      summary: "Sign in with email and password; sets the session cookie",
      tag: "auth",
      body: loginRequestSchema,
      response: meSchema,
      errors: ["invalid_credentials", "rate_limited", "validation_failed"],
    },
    async ({ c, deps, body }) => {
      const result = await login(deps, {
        email: body.email,
        password: body.password,
        ip: c.get("ip"),
        userAgent: c.req.header("user-agent") ?? "",
      });
      setSessionCookie(c, deps, result.token, result.expiresAt);
      return describeMe(deps, result.user);
    },
  );

  api.user(
    {
      method: "post",
      path: "/api/auth/logout",
      summary: "Sign out of this session",
      tag: "auth",
      status: 204,
    },
    ({ c, deps, caller }) => {
      logout(deps, caller);
      clearSessionCookie(c);
    },
  );

  api.user(
    {
      method: "post",
      path: "/api/auth/logout-others",
      summary: "Sign out of every other session",
      tag: "auth",
      response: z.object({ count: z.number().int() }),
    },
    ({ deps, caller }) => ({ count: logoutOthers(deps, caller) }),
  );

  api.user(
    {
      method: "get",
      path: "/api/me",
      summary: "The signed-in user and their memberships",
      tag: "account",
      response: meSchema,
    },
    ({ deps, caller }) => describeMe(deps, caller.user),
  );

  api.user(
    {
      method: "patch",
      path: "/api/me",
      summary:
        "Change the signed-in user's settings: `locale` (a code from GET /api/locales, or null for the browser's language)",
      tag: "account",
      body: updateMeRequestSchema,
      response: meSchema,
      errors: ["validation_failed"],
    },
    ({ c, deps, caller, body }) => {
      const me = updateMe(deps, caller, body);
      // this answer already speaks the new language
      if (me.locale && deps.i18n.isAvailable(me.locale)) c.set("locale", me.locale);
      return me;
    },
  );

  api.collection(
    {
      path: "/api/sessions",
      summary: "The user's active sessions",
      tag: "account",
      item: sessionViewSchema,
    },
    ({ deps, caller, page }) =>
      pageOfShortList(listSessions(deps, caller), LIST_ORDERS.lastSeenFirst, page),
  );

  api.user(
    {
      method: "delete",
      path: "/api/sessions/:sessionId",
      summary: "Sign out one of the user's sessions",
      tag: "account",
      status: 204,
      errors: ["not_found"],
    },
    ({ deps, caller, params }) => endSession(deps, caller, params.sessionId ?? ""),
  );
}
