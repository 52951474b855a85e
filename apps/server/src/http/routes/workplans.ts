import {
  createWorkplanRequestSchema,
  indexedActivitySchema,
  updateWorkplanRequestSchema,
  workplanViewSchema,
} from "@junction/domain";
import {
  changeWorkplan,
  createWorkplan,
  getWorkplan,
  listActivities,
  listNetworkWorkplans,
} from "../../services/workplans";
import { ACTIVITY_FILTERS, LIST_ORDERS, pageOfShortList, readActivityFilters } from "../pagination";
import type { RouteRegistry } from "../route";

/** Workplans and their activity index (services/workplans.ts). */
export function registerWorkplanRoutes(api: RouteRegistry): void {
  api.collection(
    {
      path: "/api/networks/:networkId/workplans",
      summary: "The network's workplans",
      tag: "workplans",
      item: workplanViewSchema,
      errors: ["not_found"],
    },
    ({ deps, caller, params, page }) =>
      pageOfShortList(
        listNetworkWorkplans(deps, caller, params.networkId ?? ""),
        LIST_ORDERS.workplans,
        page,
      ),
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

  api.collection(
    {
      path: "/api/workplans/:workplanId/activities",
      summary: "The workplan's activity index, read from its document, in document order",
      tag: "workplans",
      item: indexedActivitySchema,
      filters: ACTIVITY_FILTERS,
      errors: ["not_found"],
    },
    ({ c, deps, caller, params, page }) =>
      listActivities(deps, caller, params.workplanId ?? "", page, readActivityFilters(c)),
  );
}
