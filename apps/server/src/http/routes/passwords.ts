import {
  changePasswordRequestSchema,
  changePasswordResultSchema,
  issuedPasswordResetSchema,
  passwordResetPreviewSchema,
  passwordResetRequestedSchema,
  passwordResetRequestSchema,
  resetPasswordRequestSchema,
} from "@junction/domain";
import { changePassword } from "../../services/password-change";
import {
  issuePasswordReset,
  previewPasswordReset,
  requestPasswordReset,
  resetPassword,
} from "../../services/password-reset";
import type { RouteRegistry } from "../route";

/** Changing a password, and resetting it by a single-use link (services/password-*.ts). */
export function registerPasswordRoutes(api: RouteRegistry): void {
  api.user(
    {
      method: "post",
      path: "/api/me/password",
      summary: "Change the password (the current one required); signs out every other session",
      tag: "account",
      body: changePasswordRequestSchema,
      response: changePasswordResultSchema,
      errors: ["wrong_password", "weak_password", "forbidden", "rate_limited"],
    },
    ({ deps, caller, body }) => changePassword(deps, caller, body),
  );

  api.public(
    {
      method: "post",
      path: "/api/auth/password-reset",
      summary: "Ask for a password-reset link by e-mail; the same 202 whether the account exists",
      tag: "auth",
      body: passwordResetRequestSchema,
      response: passwordResetRequestedSchema,
      status: 202,
      errors: ["rate_limited", "validation_failed"],
    },
    ({ c, deps, body }) =>
      requestPasswordReset(deps, {
        email: body.email,
        ip: c.get("ip"),
        origin: new URL(c.req.url).origin,
        locale: c.get("locale"),
      }),
  );

  api.public(
    {
      method: "get",
      path: "/api/auth/password-reset/:token",
      summary: "Which account a password-reset link is for, while it still works",
      tag: "auth",
      response: passwordResetPreviewSchema,
      errors: ["reset_link_invalid", "reset_link_used", "reset_link_expired", "rate_limited"],
    },
    ({ c, deps, params }) => previewPasswordReset(deps, params.token ?? "", c.get("ip")),
  );

  api.public(
    {
      method: "post",
      path: "/api/auth/password-reset/:token",
      summary: "Set a new password from a reset link (once); signs out every session",
      tag: "auth",
      body: resetPasswordRequestSchema,
      status: 204,
      errors: [
        "reset_link_invalid",
        "reset_link_used",
        "reset_link_expired",
        "weak_password",
        "rate_limited",
      ],
    },
    ({ c, deps, params, body }) =>
      resetPassword(deps, params.token ?? "", { password: body.password, ip: c.get("ip") }),
  );

  api.user(
    {
      method: "post",
      path: "/api/users/:userId/password-reset",
      summary: "Issue a password-reset link to hand to the user (instance administrators)",
      tag: "account",
      response: issuedPasswordResetSchema,
      status: 201,
      errors: ["forbidden", "not_found"],
    },
    ({ c, deps, caller, params }) =>
      issuePasswordReset(deps, caller, params.userId ?? "", new URL(c.req.url).origin),
  );
}
