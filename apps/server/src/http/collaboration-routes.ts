import {
  activityStatusRequestSchema,
  createCommentRequestSchema,
  createTaskRequestSchema,
  createThreadRequestSchema,
  markNotificationsReadRequestSchema,
  myWorkSchema,
  notificationViewSchema,
  ownerViewSchema,
  setOwnersRequestSchema,
  taskViewSchema,
  threadViewSchema,
  unreadCountSchema,
  updateCommentRequestSchema,
  updateTaskRequestSchema,
  workplanOwnersSchema,
} from "@junction/domain";
import { z } from "zod";
import {
  deleteComment,
  editComment,
  getThread,
  listThreads,
  replyToThread,
  setThreadStatus,
  startThread,
} from "../services/comments";
import { getMyWork } from "../services/my-work";
import {
  countMyUnread,
  listMyNotifications,
  markMyNotificationsRead,
} from "../services/notifications";
import { listOwners, setActivityOwners, updateActivityStatus } from "../services/owners";
import { changeTask, createTask, getTask, listTasks } from "../services/tasks";
import type { RouteRegistry } from "./route";

/** Comments, owners, tasks, "my work" and notifications; each check sits in the service called. */
export function registerCollaborationRoutes(api: RouteRegistry): void {
  api.user(
    {
      method: "get",
      path: "/api/workplans/:workplanId/threads",
      summary:
        "The workplan's comment threads with their messages and the tasks made from them (resolved ones included)",
      tag: "comments",
      response: z.array(threadViewSchema),
      errors: ["not_found"],
    },
    ({ deps, caller, params }) => listThreads(deps, caller, params.workplanId ?? ""),
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

  api.user(
    {
      method: "get",
      path: "/api/networks/:networkId/tasks",
      summary: "The network's tasks, unfinished first",
      tag: "tasks",
      response: z.array(taskViewSchema),
      errors: ["not_found"],
    },
    ({ deps, caller, params }) => listTasks(deps, caller, params.networkId ?? ""),
  );

  api.user(
    {
      method: "post",
      path: "/api/networks/:networkId/tasks",
      summary: "Create a task, on its own or from a thread or a warning (coordinators)",
      tag: "tasks",
      body: createTaskRequestSchema,
      response: taskViewSchema,
      status: 201,
      errors: ["forbidden", "not_found"],
    },
    ({ deps, caller, params, body }) => createTask(deps, caller, params.networkId ?? "", body),
  );

  api.user(
    {
      method: "get",
      path: "/api/tasks/:taskId",
      summary: "One task",
      tag: "tasks",
      response: taskViewSchema,
      errors: ["not_found"],
    },
    ({ deps, caller, params }) => getTask(deps, caller, params.taskId ?? ""),
  );

  api.user(
    {
      method: "patch",
      path: "/api/tasks/:taskId",
      summary: "Update a task: its assignee may change the status, coordinators anything",
      tag: "tasks",
      body: updateTaskRequestSchema,
      response: taskViewSchema,
      errors: ["forbidden", "not_found"],
    },
    ({ deps, caller, params, body }) => changeTask(deps, caller, params.taskId ?? "", body),
  );

  api.user(
    {
      method: "get",
      path: "/api/me/work",
      summary:
        "My work: activities I own, tasks assigned to me, threads for me, warnings on my organisation's activities",
      tag: "account",
      response: myWorkSchema,
    },
    ({ deps, caller }) => getMyWork(deps, caller),
  );

  api.user(
    {
      method: "get",
      path: "/api/notifications",
      summary: "My latest 100 notifications, newest first",
      tag: "notifications",
      response: z.array(notificationViewSchema),
    },
    ({ deps, caller }) => listMyNotifications(deps, caller),
  );

  api.user(
    {
      method: "get",
      path: "/api/notifications/unread",
      summary: "How many of my notifications are unread",
      tag: "notifications",
      response: unreadCountSchema,
    },
    ({ deps, caller }) => countMyUnread(deps, caller),
  );

  api.user(
    {
      method: "post",
      path: "/api/notifications/read",
      summary: "Mark notifications read (all of them when no ids are given)",
      tag: "notifications",
      body: markNotificationsReadRequestSchema,
      response: unreadCountSchema,
    },
    ({ deps, caller, body }) => markMyNotificationsRead(deps, caller, body.ids),
  );
}
