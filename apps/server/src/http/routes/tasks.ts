import {
  createTaskRequestSchema,
  TASK_STATUSES,
  taskViewSchema,
  updateTaskRequestSchema,
} from "@junction/domain";
import { changeTask, createTask, getTask, listTasks } from "../../services/tasks";
import { readFilter } from "../pagination";
import type { RouteRegistry } from "../route";

/** Tasks (services/tasks.ts). */
export function registerTaskRoutes(api: RouteRegistry): void {
  api.collection(
    {
      path: "/api/networks/:networkId/tasks",
      summary: "The network's tasks, unfinished first, then by due date",
      tag: "tasks",
      item: taskViewSchema,
      filters: {
        status: `${TASK_STATUSES.join(", ")}`,
        assignee: "a user id: the tasks assigned to them",
      },
      errors: ["not_found"],
    },
    ({ c, deps, caller, params, page }) =>
      listTasks(deps, caller, params.networkId ?? "", page, {
        status: readFilter(c, "status", TASK_STATUSES),
        assignee: readFilter(c, "assignee"),
      }),
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
}
