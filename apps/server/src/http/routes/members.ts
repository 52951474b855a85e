import { memberViewSchema, ROLES, updateMemberRequestSchema } from "@junction/domain";
import { changeMember, listNetworkMembers, removeMember } from "../../services/members";
import { readFilter } from "../pagination";
import type { RouteRegistry } from "../route";

/** A network's members and their roles (services/members.ts). */
export function registerMemberRoutes(api: RouteRegistry): void {
  api.collection(
    {
      path: "/api/networks/:networkId/members",
      summary: "The network's members and their roles, by name",
      tag: "members",
      item: memberViewSchema,
      filters: {
        organisation: "an organisation (id, acronym or name): its members only",
        role: "coordinator, editor, commenter or viewer",
      },
      errors: ["not_found"],
    },
    ({ c, deps, caller, params, page }) =>
      listNetworkMembers(deps, caller, params.networkId ?? "", page, {
        organisation: readFilter(c, "organisation"),
        role: readFilter(c, "role", ROLES),
      }),
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
