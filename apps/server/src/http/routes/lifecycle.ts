import {
  consultationRequestSchema,
  lifecycleViewSchema,
  overruleRequestSchema,
  revisionResultSchema,
  stageMoveRequestSchema,
  stageMoveResultSchema,
  stageMoveViewSchema,
  validationAnswerRequestSchema,
  validationViewSchema,
} from "@junction/domain";
import { getLifecycle, setConsultation } from "../../services/lifecycle";
import { openRevision } from "../../services/revisions";
import { listWorkplanStages, moveStage } from "../../services/stages";
import { answerValidation, overruleObjection } from "../../services/validation";
import { LIST_ORDERS, pageOfShortList } from "../pagination";
import type { RouteRegistry } from "../route";

/** Stages, consultation, validation and revisions of a workplan; each check sits in its service. */
export function registerLifecycleRoutes(api: RouteRegistry): void {
  api.user(
    {
      method: "post",
      path: "/api/workplans/:workplanId/stage",
      summary:
        "Move the workplan to another stage (coordinators): forward one step (draft, consultation, validation, adopted), back only with a reason (400 without). Saves a version; adopting freezes the document for everyone and is refused (409) while an objection stands; an archived or adopted workplan does not move (409)",
      tag: "lifecycle",
      body: stageMoveRequestSchema,
      response: stageMoveResultSchema,
      errors: ["bad_request", "forbidden", "not_found", "conflict", "unavailable"],
    },
    ({ deps, caller, params, body }) => moveStage(deps, caller, params.workplanId ?? "", body),
  );

  api.collection(
    {
      path: "/api/workplans/:workplanId/stages",
      summary: "Every stage move of the workplan, oldest first: from, to, by, at, reason",
      tag: "lifecycle",
      item: stageMoveViewSchema,
      errors: ["not_found"],
    },
    ({ deps, caller, params, page }) =>
      pageOfShortList(
        listWorkplanStages(deps, caller, params.workplanId ?? ""),
        LIST_ORDERS.oldestMoveFirst,
        page,
      ),
  );

  api.user(
    {
      method: "get",
      path: "/api/workplans/:workplanId/lifecycle",
      summary:
        "The workplan's stage and what goes with it: where it may move, the consultation deadline, the validation round (who approved, objected, has not answered), the adoption date, and revision links",
      tag: "lifecycle",
      response: lifecycleViewSchema,
      errors: ["not_found"],
    },
    ({ deps, caller, params }) => getLifecycle(deps, caller, params.workplanId ?? ""),
  );

  api.user(
    {
      method: "put",
      path: "/api/workplans/:workplanId/consultation",
      summary:
        "Set or clear the day comments are invited until (coordinators), in draft or consultation; refused (409) later on",
      tag: "lifecycle",
      body: consultationRequestSchema,
      response: lifecycleViewSchema,
      errors: ["bad_request", "forbidden", "not_found", "conflict"],
    },
    ({ deps, caller, params, body }) =>
      setConsultation(deps, caller, params.workplanId ?? "", body.deadline),
  );

  api.user(
    {
      method: "post",
      path: "/api/workplans/:workplanId/validation",
      summary:
        "Approve the workplan, or object with a comment, for your own organisation (its editors and coordinators), when it leads an activity; only while the workplan is in validation (409 otherwise)",
      tag: "lifecycle",
      body: validationAnswerRequestSchema,
      response: validationViewSchema,
      errors: ["forbidden", "not_found", "conflict"],
    },
    ({ deps, caller, params, body }) =>
      answerValidation(deps, caller, params.workplanId ?? "", body),
  );

  api.user(
    {
      method: "post",
      path: "/api/workplans/:workplanId/validation/overrule",
      summary:
        "Overrule an organisation's standing objection with a reason (coordinators), so the workplan may be adopted; recorded in the audit log",
      tag: "lifecycle",
      body: overruleRequestSchema,
      response: validationViewSchema,
      errors: ["forbidden", "not_found", "conflict"],
    },
    ({ deps, caller, params, body }) =>
      overruleObjection(deps, caller, params.workplanId ?? "", body),
  );

  api.user(
    {
      method: "post",
      path: "/api/workplans/:workplanId/revisions",
      summary:
        "Open a revision of an adopted workplan (coordinators): a new draft holding the adopted content, linked to it; the adopted one stays readable. Refused (409) unless adopted, or while another revision is open",
      tag: "lifecycle",
      response: revisionResultSchema,
      status: 201,
      errors: ["forbidden", "not_found", "conflict", "unavailable"],
    },
    ({ deps, caller, params }) => openRevision(deps, caller, params.workplanId ?? ""),
  );
}
