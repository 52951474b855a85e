import {
  acceptInvitationRequestSchema,
  createdInvitationSchema,
  createdTokenSchema,
  createInvitationRequestSchema,
  createNetworkRequestSchema,
  createOrganisationRequestSchema,
  createTokenRequestSchema,
  createWorkplanRequestSchema,
  indexedActivitySchema,
  invitationPreviewSchema,
  invitationViewSchema,
  loginRequestSchema,
  memberViewSchema,
  meSchema,
  networkSummarySchema,
  organisationViewSchema,
  sessionViewSchema,
  tokenViewSchema,
  updateMemberRequestSchema,
  updateWorkplanRequestSchema,
  warningDecisionRequestSchema,
  warningViewSchema,
  workplanViewSchema,
} from "@junction/domain";
import { z } from "zod";
import { createApiToken, listApiTokens, revokeToken } from "../services/api-tokens";
import {
  acceptInvitation,
  inviteMember,
  listNetworkInvitations,
  previewInvitation,
  revokeNetworkInvitation,
} from "../services/invitations";
import {
  describeMe,
  endSession,
  listSessions,
  login,
  logout,
  logoutOthers,
} from "../services/login";
import { changeMember, listNetworkMembers, removeMember } from "../services/members";
import {
  addOrganisation,
  createNetwork,
  getNetwork,
  listNetworkOrganisations,
  listNetworksFor,
} from "../services/networks";
import { createSession } from "../services/sessions";
import {
  decideOnWarning,
  listWarningsForNetwork,
  listWarningsForWorkplan,
} from "../services/warnings";
import {
  changeWorkplan,
  createWorkplan,
  getWorkplan,
  listActivities,
  listNetworkWorkplans,
} from "../services/workplans";
import { clearSessionCookie, setSessionCookie } from "./cookies";
import type { RouteRegistry } from "./route";

function requestOrigin(url: string): string {
  return new URL(url).origin;
}

/** Every route of the HTTP API; each one's permission check sits in the service it calls. */
export function registerRoutes(api: RouteRegistry): void {
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
      method: "get",
      path: "/api/sessions",
      summary: "The user's active sessions",
      tag: "account",
      response: z.array(sessionViewSchema),
    },
    ({ deps, caller }) => listSessions(deps, caller),
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

  api.user(
    {
      method: "get",
      path: "/api/tokens",
      summary: "The user's API tokens, without secrets",
      tag: "account",
      response: z.array(tokenViewSchema),
    },
    ({ deps, caller }) => listApiTokens(deps, caller),
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

  api.user(
    {
      method: "get",
      path: "/api/networks",
      summary: "Networks the user belongs to",
      tag: "networks",
      response: z.array(networkSummarySchema),
    },
    ({ deps, caller }) => listNetworksFor(deps, caller),
  );

  api.user(
    {
      method: "post",
      path: "/api/networks",
      summary: "Create a network (instance administrators)",
      tag: "networks",
      body: createNetworkRequestSchema,
      response: networkSummarySchema,
      status: 201,
      errors: ["forbidden"],
    },
    ({ deps, caller, body }) => createNetwork(deps, caller, body),
  );

  api.user(
    {
      method: "get",
      path: "/api/networks/:networkId",
      summary: "One network",
      tag: "networks",
      response: networkSummarySchema,
      errors: ["not_found"],
    },
    ({ deps, caller, params }) => getNetwork(deps, caller, params.networkId ?? ""),
  );

  api.user(
    {
      method: "get",
      path: "/api/networks/:networkId/organisations",
      summary: "The network's organisations",
      tag: "networks",
      response: z.array(organisationViewSchema),
      errors: ["not_found"],
    },
    ({ deps, caller, params }) => listNetworkOrganisations(deps, caller, params.networkId ?? ""),
  );

  api.user(
    {
      method: "post",
      path: "/api/networks/:networkId/organisations",
      summary: "Add an organisation to the network (coordinators)",
      tag: "networks",
      body: createOrganisationRequestSchema,
      response: organisationViewSchema,
      status: 201,
      errors: ["forbidden", "not_found", "conflict"],
    },
    ({ deps, caller, params, body }) => addOrganisation(deps, caller, params.networkId ?? "", body),
  );

  api.user(
    {
      method: "get",
      path: "/api/networks/:networkId/members",
      summary: "The network's members and their roles",
      tag: "members",
      response: z.array(memberViewSchema),
      errors: ["not_found"],
    },
    ({ deps, caller, params }) => listNetworkMembers(deps, caller, params.networkId ?? ""),
  );

  api.user(
    {
      method: "patch",
      path: "/api/networks/:networkId/members/:userId",
      summary: "Change a member's role or organisation (coordinators)",
      tag: "members",
      body: updateMemberRequestSchema,
      response: memberViewSchema,
      errors: ["forbidden", "not_found", "last_coordinator"],
    },
    ({ deps, caller, params, body }) =>
      changeMember(deps, caller, params.networkId ?? "", params.userId ?? "", body),
  );

  api.user(
    {
      method: "delete",
      path: "/api/networks/:networkId/members/:userId",
      summary: "Remove a member from the network (coordinators)",
      tag: "members",
      status: 204,
      errors: ["forbidden", "not_found", "last_coordinator"],
    },
    ({ deps, caller, params }) =>
      removeMember(deps, caller, params.networkId ?? "", params.userId ?? ""),
  );

  api.user(
    {
      method: "get",
      path: "/api/networks/:networkId/invitations",
      summary: "Invitations of the network (coordinators)",
      tag: "members",
      response: z.array(invitationViewSchema),
      errors: ["forbidden", "not_found"],
    },
    ({ deps, caller, params }) => listNetworkInvitations(deps, caller, params.networkId ?? ""),
  );

  api.user(
    {
      method: "post",
      path: "/api/networks/:networkId/invitations",
      summary: "Invite someone by email with an organisation and a role (coordinators)",
      tag: "members",
      body: createInvitationRequestSchema,
      response: createdInvitationSchema,
      status: 201,
      errors: ["forbidden", "not_found", "conflict"],
    },
    ({ c, deps, caller, params, body }) =>
      inviteMember(deps, caller, params.networkId ?? "", body, requestOrigin(c.req.url)),
  );

  api.user(
    {
      method: "delete",
      path: "/api/invitations/:invitationId",
      summary: "Revoke a pending invitation (coordinators)",
      tag: "members",
      status: 204,
      errors: ["forbidden", "not_found", "conflict"],
    },
    ({ deps, caller, params }) => revokeNetworkInvitation(deps, caller, params.invitationId ?? ""),
  );

  api.public(
    {
      method: "get",
      path: "/api/invitations/accept/:token",
      summary: "What an invitation link offers, before accepting it",
      tag: "members",
      response: invitationPreviewSchema,
      errors: ["invitation_invalid", "rate_limited"],
    },
    ({ c, deps, params }) => previewInvitation(deps, params.token ?? "", c.get("ip")),
  );

  api.public(
    {
      method: "post",
      path: "/api/invitations/accept/:token",
      summary: "Accept an invitation: creates the account or adds the membership, and signs in",
      tag: "members",
      body: acceptInvitationRequestSchema,
      response: meSchema,
      errors: [
        "invitation_invalid",
        "weak_password",
        "invalid_credentials",
        "forbidden",
        "rate_limited",
      ],
    },
    async ({ c, deps, params, body, caller }) => {
      const user = await acceptInvitation(
        deps,
        params.token ?? "",
        { ...body, ip: c.get("ip") },
        caller,
      );
      if (!caller) {
        const { token, session } = createSession(deps, user.id, c.req.header("user-agent") ?? "");
        setSessionCookie(c, deps, token, session.expiresAt);
      }
      return describeMe(deps, user);
    },
  );

  api.user(
    {
      method: "get",
      path: "/api/networks/:networkId/workplans",
      summary: "The network's workplans",
      tag: "workplans",
      response: z.array(workplanViewSchema),
      errors: ["not_found"],
    },
    ({ deps, caller, params }) => listNetworkWorkplans(deps, caller, params.networkId ?? ""),
  );

  api.user(
    {
      method: "post",
      path: "/api/networks/:networkId/workplans",
      summary: "Create a workplan (coordinators and editors)",
      tag: "workplans",
      body: createWorkplanRequestSchema,
      response: workplanViewSchema,
      status: 201,
      errors: ["forbidden", "not_found"],
    },
    ({ deps, caller, params, body }) =>
      createWorkplan(deps, caller, params.networkId ?? "", body.title),
  );

  api.user(
    {
      method: "get",
      path: "/api/workplans/:workplanId",
      summary: "One workplan",
      tag: "workplans",
      response: workplanViewSchema,
      errors: ["not_found"],
    },
    ({ deps, caller, params }) => getWorkplan(deps, caller, params.workplanId ?? ""),
  );

  api.user(
    {
      method: "patch",
      path: "/api/workplans/:workplanId",
      summary:
        "Rename, archive or restore a workplan (coordinators); adopted workplans, and archived ones not restored in the same request, are not renamed (409)",
      tag: "workplans",
      body: updateWorkplanRequestSchema,
      response: workplanViewSchema,
      errors: ["forbidden", "not_found", "conflict"],
    },
    ({ deps, caller, params, body }) => changeWorkplan(deps, caller, params.workplanId ?? "", body),
  );

  api.user(
    {
      method: "get",
      path: "/api/workplans/:workplanId/activities",
      summary: "The workplan's activity index, read from its document",
      tag: "workplans",
      response: z.array(indexedActivitySchema),
      errors: ["not_found"],
    },
    ({ deps, caller, params }) => listActivities(deps, caller, params.workplanId ?? ""),
  );

  api.user(
    {
      method: "get",
      path: "/api/workplans/:workplanId/warnings",
      summary: "Duplication warnings on the workplan's activities (open and decided)",
      tag: "warnings",
      response: z.array(warningViewSchema),
      errors: ["not_found"],
    },
    ({ deps, caller, params }) => listWarningsForWorkplan(deps, caller, params.workplanId ?? ""),
  );

  api.user(
    {
      method: "get",
      path: "/api/networks/:networkId/warnings",
      summary: "Every duplication warning in the network, open first",
      tag: "warnings",
      response: z.array(warningViewSchema),
      errors: ["not_found"],
    },
    ({ deps, caller, params }) => listWarningsForNetwork(deps, caller, params.networkId ?? ""),
  );

  api.user(
    {
      method: "post",
      path: "/api/warnings/:warningId/decision",
      summary: "Decide on a warning: not-duplicate, coordinate, or reopen (coordinators)",
      tag: "warnings",
      body: warningDecisionRequestSchema,
      response: warningViewSchema,
      errors: ["forbidden", "not_found"],
    },
    ({ deps, caller, params, body }) =>
      decideOnWarning(deps, caller, params.warningId ?? "", body.decision),
  );
}
