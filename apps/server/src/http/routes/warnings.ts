import {
  warningCountsSchema,
  warningDecisionRequestSchema,
  warningViewSchema,
} from "@junction/domain";
import {
  countWarningsForNetwork,
  decideOnWarning,
  listWarningsForNetwork,
  listWarningsForWorkplan,
  MAX_ACTIVITY_FILTER,
  WARNING_STATUS_FILTERS,
} from "../../services/warnings";
import { readFilter } from "../pagination";
import type { RouteRegistry } from "../route";

const FILTERS = {
  status: `open, dismissed (not a duplicate), coordinate, or decided (both); default every one`,
  organisation:
    "an organisation (id, acronym or name): warnings with an activity it leads on either side",
};

const WORKPLAN_FILTERS = {
  ...FILTERS,
  activity: `an activity id of this workplan, repeatable up to ${MAX_ACTIVITY_FILTER} times: warnings on those activities only`,
};

/** Duplication warnings and decisions on them (services/warnings.ts). */
export function registerWarningRoutes(api: RouteRegistry): void {
  api.collection(
    {
      path: "/api/workplans/:workplanId/warnings",
      summary: "Duplication warnings on the workplan's activities, open first, then the strongest",
      tag: "warnings",
      item: warningViewSchema,
      filters: WORKPLAN_FILTERS,
      errors: ["not_found"],
    },
    ({ c, deps, caller, params, page }) =>
      listWarningsForWorkplan(deps, caller, params.workplanId ?? "", page, {
        status: readFilter(c, "status", WARNING_STATUS_FILTERS),
        organisation: readFilter(c, "organisation"),
        activityIds: c.req.queries("activity"),
      }),
  );

  api.collection(
    {
      path: "/api/networks/:networkId/warnings",
      summary: "Every duplication warning in the network, open first, then the strongest",
      tag: "warnings",
      item: warningViewSchema,
      filters: FILTERS,
      errors: ["not_found"],
    },
    ({ c, deps, caller, params, page }) =>
      listWarningsForNetwork(deps, caller, params.networkId ?? "", page, {
        status: readFilter(c, "status", WARNING_STATUS_FILTERS),
        organisation: readFilter(c, "organisation"),
      }),
  );

  api.user(
    {
      method: "get",
      path: "/api/networks/:networkId/warnings/counts",
      summary:
        "How many of the network's warnings are open, not duplicates, coordinating (?organisation= narrows)",
      tag: "warnings",
      response: warningCountsSchema,
      errors: ["bad_request", "not_found"],
    },
    ({ c, deps, caller, params }) =>
      countWarningsForNetwork(deps, caller, params.networkId ?? "", {
        organisation: readFilter(c, "organisation"),
      }),
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
