import {
  createSuggestionRequestSchema,
  rejectSuggestionRequestSchema,
  SUGGESTION_STATUSES,
  suggestionViewSchema,
} from "@junction/domain";
import {
  acceptSuggestion,
  createSuggestion,
  getSuggestion,
  listSuggestions,
  rejectSuggestion,
  withdrawSuggestion,
} from "../../services/suggestions";
import { readFilter } from "../pagination";
import type { RouteRegistry } from "../route";

/** Suggested changes of wording or of an activity's fields (services/suggestions.ts). */
export function registerSuggestionRoutes(api: RouteRegistry): void {
  api.collection(
    {
      path: "/api/workplans/:workplanId/suggestions",
      summary:
        "The workplan's suggested changes, oldest first, each with whether the text under it changed since (outdated) and whether the caller may decide or withdraw it",
      tag: "suggestions",
      item: suggestionViewSchema,
      filters: {
        status: `one of ${SUGGESTION_STATUSES.join(", ")}; default all`,
        activity: "an activity id: the suggestions on that activity",
      },
      errors: ["not_found"],
    },
    ({ c, deps, caller, params, page }) =>
      listSuggestions(deps, caller, params.workplanId ?? "", page, {
        status: readFilter(c, "status", SUGGESTION_STATUSES),
        activity: readFilter(c, "activity"),
      }),
  );

  api.user(
    {
      method: "post",
      path: "/api/workplans/:workplanId/suggestions",
      summary:
        "Suggest new wording for a range of text, or a new value for an activity's budget, start or end (commenters, editors, coordinators); starts its comment thread with the reason. Refused (409) on adopted, archived or superseded workplans, and when the selected text changed meanwhile",
      tag: "suggestions",
      body: createSuggestionRequestSchema,
      response: suggestionViewSchema,
      status: 201,
      errors: ["forbidden", "not_found", "conflict"],
    },
    ({ deps, caller, params, body }) =>
      createSuggestion(deps, caller, params.workplanId ?? "", body),
  );

  api.user(
    {
      method: "get",
      path: "/api/suggestions/:suggestionId",
      summary: "One suggested change",
      tag: "suggestions",
      response: suggestionViewSchema,
      errors: ["not_found"],
    },
    ({ deps, caller, params }) => getSuggestion(deps, caller, params.suggestionId ?? ""),
  );

  api.user(
    {
      method: "post",
      path: "/api/suggestions/:suggestionId/accept",
      summary:
        "Accept a suggestion: the server applies it to the live document as the caller's edit (coordinators; editors of the activity's lead organisation; in the narrative, editors). Refused (409) when it is no longer open, outdated (nothing applied), or the workplan is adopted, archived or superseded",
      tag: "suggestions",
      response: suggestionViewSchema,
      errors: ["forbidden", "not_found", "conflict", "unavailable"],
    },
    ({ deps, caller, params }) => acceptSuggestion(deps, caller, params.suggestionId ?? ""),
  );

  api.user(
    {
      method: "post",
      path: "/api/suggestions/:suggestionId/reject",
      summary:
        "Reject a suggestion with an optional note; the document is not touched and the suggestion stays on record (same people as accept)",
      tag: "suggestions",
      body: rejectSuggestionRequestSchema,
      response: suggestionViewSchema,
      errors: ["forbidden", "not_found", "conflict"],
    },
    ({ deps, caller, params, body }) =>
      rejectSuggestion(deps, caller, params.suggestionId ?? "", body),
  );

  api.user(
    {
      method: "post",
      path: "/api/suggestions/:suggestionId/withdraw",
      summary: "Withdraw one of your own open suggestions",
      tag: "suggestions",
      response: suggestionViewSchema,
      errors: ["forbidden", "not_found", "conflict"],
    },
    ({ deps, caller, params }) => withdrawSuggestion(deps, caller, params.suggestionId ?? ""),
  );
}
