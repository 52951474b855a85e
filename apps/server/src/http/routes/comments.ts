import {
  createCommentRequestSchema,
  createThreadRequestSchema,
  threadViewSchema,
  updateCommentRequestSchema,
} from "@junction/domain";
import {
  deleteComment,
  editComment,
  getThread,
  listThreads,
  replyToThread,
  setThreadStatus,
  startThread,
} from "../../services/comments";
import { readFilter } from "../pagination";
import type { RouteRegistry } from "../route";

/** Comment threads and their messages (services/comments.ts). */
export function registerCommentRoutes(api: RouteRegistry): void {
  api.collection(
    {
      path: "/api/workplans/:workplanId/threads",
      summary:
        "The workplan's comment threads, oldest first, with their messages and the tasks made from them (resolved ones included; the threads of suggestions are read with their suggestion)",
      tag: "comments",
      item: threadViewSchema,
      filters: {
        status: "open or resolved; default both",
        activity: "an activity id: the threads on that activity",
      },
      errors: ["not_found"],
    },
    ({ c, deps, caller, params, page }) => {
      const status = readFilter(c, "status", ["open", "resolved"] as const);
      return listThreads(deps, caller, params.workplanId ?? "", page, {
        resolved: status === undefined ? undefined : status === "resolved",
        activity: readFilter(c, "activity"),
      });
    },
  );

  api.user(
    {
      method: "post",
      path: "/api/workplans/:workplanId/threads",
      summary:
        "Comment on a range of text or an activity (commenters, editors, coordinators); starts a thread. Refused (409) on adopted or archived workplans",
      tag: "comments",
      body: createThreadRequestSchema,
      response: threadViewSchema,
      status: 201,
      errors: ["forbidden", "not_found", "conflict"],
    },
    ({ deps, caller, params, body }) => startThread(deps, caller, params.workplanId ?? "", body),
  );

  api.user(
    {
      method: "get",
      path: "/api/threads/:threadId",
      summary: "One comment thread with its messages and the tasks made from it",
      tag: "comments",
      response: threadViewSchema,
      errors: ["not_found"],
    },
    ({ deps, caller, params }) => getThread(deps, caller, params.threadId ?? ""),
  );

  api.user(
    {
      method: "post",
      path: "/api/threads/:threadId/comments",
      summary:
        "Reply in a thread (commenters, editors, coordinators); refused (409) on adopted or archived workplans",
      tag: "comments",
      body: createCommentRequestSchema,
      response: threadViewSchema,
      status: 201,
      errors: ["forbidden", "not_found", "conflict"],
    },
    ({ deps, caller, params, body }) => replyToThread(deps, caller, params.threadId ?? "", body),
  );

  api.user(
    {
      method: "post",
      path: "/api/threads/:threadId/resolve",
      summary:
        "Resolve a thread (coordinators, editors and whoever started it); refused (409) on adopted or archived workplans",
      tag: "comments",
      response: threadViewSchema,
      errors: ["forbidden", "not_found", "conflict"],
    },
    ({ deps, caller, params }) => setThreadStatus(deps, caller, params.threadId ?? "", true),
  );

  api.user(
    {
      method: "post",
      path: "/api/threads/:threadId/reopen",
      summary:
        "Reopen a resolved thread (coordinators, editors and whoever started it); refused (409) on adopted or archived workplans",
      tag: "comments",
      response: threadViewSchema,
      errors: ["forbidden", "not_found", "conflict"],
    },
    ({ deps, caller, params }) => setThreadStatus(deps, caller, params.threadId ?? "", false),
  );

  api.user(
    {
      method: "patch",
      path: "/api/comments/:commentId",
      summary: "Edit one of your own messages; refused (409) on adopted or archived workplans",
      tag: "comments",
      body: updateCommentRequestSchema,
      response: threadViewSchema,
      errors: ["forbidden", "not_found", "conflict"],
    },
    ({ deps, caller, params, body }) => editComment(deps, caller, params.commentId ?? "", body),
  );

  api.user(
    {
      method: "delete",
      path: "/api/comments/:commentId",
      summary:
        'Delete one of your own messages (it shows as "(deleted)"), or, as a coordinator, remove anyone\'s (it shows as "(removed by a coordinator)" and is recorded in the audit log)',
      tag: "comments",
      status: 204,
      errors: ["forbidden", "not_found", "conflict"],
    },
    ({ deps, caller, params }) => deleteComment(deps, caller, params.commentId ?? ""),
  );
}
