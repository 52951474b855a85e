import {
  createVersionRequestSchema,
  indexedActivitySchema,
  restoreResultSchema,
  versionViewSchema,
  workplanDiffSchema,
} from "@junction/domain";
import { diffWorkplan } from "../../services/diff";
import { restoreVersion } from "../../services/restore";
import {
  getWorkplanVersion,
  listVersionActivities,
  listWorkplanVersions,
  saveNamedVersion,
} from "../../services/versions";
import { ACTIVITY_FILTERS, LIST_ORDERS, pageOfShortList, readActivityFilters } from "../pagination";
import type { RouteRegistry } from "../route";

/** Saved versions of a workplan: list, save, read, compare, restore. */
export function registerVersionRoutes(api: RouteRegistry): void {
  api.collection(
    {
      path: "/api/workplans/:workplanId/versions",
      summary:
        "The workplan's saved versions, newest first: named ones, one per stage move, restores and a revision's starting point",
      tag: "versions",
      item: versionViewSchema,
      errors: ["not_found"],
    },
    ({ deps, caller, params, page }) =>
      pageOfShortList(
        listWorkplanVersions(deps, caller, params.workplanId ?? ""),
        LIST_ORDERS.newestFirst,
        page,
      ),
  );

  api.user(
    {
      method: "post",
      path: "/api/workplans/:workplanId/versions",
      summary:
        "Save the document as it is now under a name (editors and coordinators); refused (409) on adopted or archived workplans",
      tag: "versions",
      body: createVersionRequestSchema,
      response: versionViewSchema,
      status: 201,
      errors: ["forbidden", "not_found", "conflict", "unavailable"],
    },
    ({ deps, caller, params, body }) =>
      saveNamedVersion(deps, caller, params.workplanId ?? "", body.name),
  );

  api.user(
    {
      method: "get",
      path: "/api/workplans/:workplanId/versions/:versionId",
      summary: "One saved version",
      tag: "versions",
      response: versionViewSchema,
      errors: ["bad_request", "not_found"],
    },
    ({ deps, caller, params }) =>
      getWorkplanVersion(deps, caller, params.workplanId ?? "", params.versionId ?? ""),
  );

  api.collection(
    {
      path: "/api/workplans/:workplanId/versions/:versionId/activities",
      summary: "The activity index as it was in a saved version, in its document order",
      tag: "versions",
      item: indexedActivitySchema,
      filters: ACTIVITY_FILTERS,
      errors: ["not_found"],
    },
    ({ c, deps, caller, params, page }) =>
      listVersionActivities(
        deps,
        caller,
        params.workplanId ?? "",
        params.versionId ?? "",
        page,
        readActivityFilters(c),
      ),
  );

  api.user(
    {
      method: "get",
      path: "/api/workplans/:workplanId/diff",
      summary:
        "What changed from one version to another (?from=:versionId&to=:versionId, or to=current for the live document): narrative passages added and removed, activities added, removed and changed field by field, and who made each change where the document knows it. Versions of another workplan are refused (400)",
      tag: "versions",
      response: workplanDiffSchema,
      errors: ["bad_request", "not_found", "unavailable"],
    },
    ({ c, deps, caller, params }) =>
      diffWorkplan(deps, caller, params.workplanId ?? "", {
        from: c.req.query("from"),
        to: c.req.query("to"),
      }),
  );

  api.user(
    {
      method: "post",
      path: "/api/workplans/:workplanId/versions/:versionId/restore",
      summary:
        "Make the live document equal a saved version as a new change on top of it (coordinators); open editors converge and nothing is lost; saves a version naming the restored one. Refused (409) on adopted or archived workplans",
      tag: "versions",
      response: restoreResultSchema,
      errors: ["bad_request", "forbidden", "not_found", "conflict", "unavailable"],
    },
    ({ deps, caller, params }) =>
      restoreVersion(deps, caller, params.workplanId ?? "", params.versionId ?? ""),
  );
}
