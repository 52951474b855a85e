import { memberViewSchema, updateMemberRequestSchema } from "@junction/domain";
import { z } from "zod";
import { changeMember, listNetworkMembers, removeMember } from "../../services/members";
import type { RouteRegistry } from "../route";

/** A network's members and their roles (services/members.ts). */
export function registerMemberRoutes(api: RouteRegistry): void {
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
}
