import { warningDecisionRequestSchema, warningViewSchema } from "@junction/domain";
import { z } from "zod";
import {
  decideOnWarning,
  listWarningsForNetwork,
  listWarningsForWorkplan,
} from "../../services/warnings";
import type { RouteRegistry } from "../route";

/** Duplication warnings and decisions on them (services/warnings.ts). */
export function registerWarningRoutes(api: RouteRegistry): void {
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
