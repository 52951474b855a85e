import {
  acceptInvitationRequestSchema,
  createdInvitationSchema,
  createInvitationRequestSchema,
  invitationPreviewSchema,
  invitationViewSchema,
  meSchema,
} from "@junction/domain";
import {
  acceptInvitation,
  inviteMember,
  listNetworkInvitations,
  previewInvitation,
  revokeNetworkInvitation,
} from "../../services/invitations";
import { describeMe } from "../../services/login";
import { createSession } from "../../services/sessions";
import { setSessionCookie } from "../cookies";
import { LIST_ORDERS, pageOfShortList } from "../pagination";
import type { RouteRegistry } from "../route";

function requestOrigin(url: string): string {
  return new URL(url).origin;
}

/** Invitations: issuing, revoking, previewing and accepting them (services/invitations.ts). */
export function registerInvitationRoutes(api: RouteRegistry): void {
  api.collection(
    {
      path: "/api/networks/:networkId/invitations",
      summary: "Invitations of the network (coordinators)",
      tag: "members",
      item: invitationViewSchema,
      errors: ["forbidden", "not_found"],
    },
    ({ deps, caller, params, page }) =>
      pageOfShortList(
        listNetworkInvitations(deps, caller, params.networkId ?? ""),
        LIST_ORDERS.newestFirst,
        page,
      ),
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
      inviteMember(
        deps,
        caller,
        params.networkId ?? "",
        body,
        requestOrigin(c.req.url),
        c.get("locale"),
      ),
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
}
