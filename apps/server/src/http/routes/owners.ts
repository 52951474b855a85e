import {
  activityStatusRequestSchema,
  ownerViewSchema,
  setOwnersRequestSchema,
  workplanOwnersSchema,
} from "@junction/domain";
import { z } from "zod";
import { listOwners, setActivityOwners, updateActivityStatus } from "../../services/owners";
import type { RouteRegistry } from "../route";

/** Activities' owners and status (services/owners.ts). */
export function registerOwnerRoutes(api: RouteRegistry): void {
  api.user(
    {
      method: "get",
      path: "/api/workplans/:workplanId/owners",
      summary: "Owners of the workplan's activities: activityId -> owners",
      tag: "owners",
      response: workplanOwnersSchema,
      errors: ["not_found"],
    },
    ({ deps, caller, params }) => listOwners(deps, caller, params.workplanId ?? ""),
  );

  api.user(
    {
      method: "put",
      path: "/api/workplans/:workplanId/activities/:activityId/owners",
      summary:
        "Set the owners of an activity (coordinators); refused (409) on adopted or archived workplans",
      tag: "owners",
      body: setOwnersRequestSchema,
      response: z.array(ownerViewSchema),
      errors: ["forbidden", "not_found", "conflict"],
    },
    ({ deps, caller, params, body }) =>
      setActivityOwners(
        deps,
        caller,
        params.workplanId ?? "",
        params.activityId ?? "",
        body.userIds,
      ),
  );

  api.user(
    {
      method: "post",
      path: "/api/workplans/:workplanId/activities/:activityId/status",
      summary:
        "Set an activity's status in the document (its owners, editors of its lead organisation as the document has it, coordinators); refused (409) on adopted or archived workplans; 503 with Retry-After when it cannot be stored",
      tag: "owners",
      body: activityStatusRequestSchema,
      status: 204,
      errors: ["forbidden", "not_found", "conflict", "unavailable"],
    },
    ({ deps, caller, params, body }) =>
      updateActivityStatus(
        deps,
        caller,
        params.workplanId ?? "",
        params.activityId ?? "",
        body.status,
      ),
  );
}
