import { can, type TaskStatus, type TaskView } from "@junction/domain";
import {
  appendAudit,
  findMembership,
  findTask,
  findThread,
  findWarning,
  insertTask,
  listNetworkActivities,
  listNetworkTaskPage,
  listThreadComments,
  type TaskRecord,
  updateTask,
} from "@junction/store";
import type { Deps } from "../deps";
import { AppError } from "../errors";
import { msg } from "../i18n/message";
import { requireNetworkPermission } from "./access";
import type { Caller } from "./caller";
import { notify } from "./notifications";
import { mapPage, type Page, type PageQuery, pageRequest } from "./pages";

const MAX_TITLE = 300;
const FINISHED: readonly TaskStatus[] = ["done", "cancelled"];

/** Today as YYYY-MM-DD in UTC, the calendar due dates are compared in. */
export function today(deps: Deps): string {
  return new Date(deps.now()).toISOString().slice(0, 10);
}

export function toTaskView(task: TaskRecord, day: string): TaskView {
  return {
    id: task.id,
    networkId: task.networkId,
    title: task.title,
    activityIds: task.activityIds,
    assigneeId: task.assigneeId,
    assigneeName: task.assigneeName,
    createdBy: task.createdBy,
    due: task.due,
    status: task.status,
    overdue: task.due !== null && task.due < day && !FINISHED.includes(task.status),
    fromThreadId: task.fromThreadId,
    fromWarningId: task.fromWarningId,
    createdAt: new Date(task.createdAt).toISOString(),
    updatedAt: new Date(task.updatedAt).toISOString(),
  };
}

export function taskViewsFor(deps: Deps, tasks: readonly TaskRecord[]): TaskView[] {
  const day = today(deps);
  return tasks.map((task) => toTaskView(task, day));
}

function viewOf(deps: Deps, taskId: string): TaskView {
  const task = findTask(deps.db, taskId);
  if (!task) throw new AppError("not_found", msg("task.notFound", { taskId }));
  return toTaskView(task, today(deps));
}

/** The assignee must be a member who may update the task: not a viewer. */
function requireAssignee(deps: Deps, networkId: string, userId: string): void {
  const membership = findMembership(deps.db, networkId, userId);
  if (!membership) {
    throw new AppError("validation_failed", msg("task.assigneeOutside", { userId }));
  }
  if (!can(membership.role, "task.update-assigned")) {
    throw new AppError("validation_failed", msg("task.viewerAssignee"));
  }
}

function shorten(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length <= MAX_TITLE ? line : `${line.slice(0, MAX_TITLE - 1)}…`;
}

function announce(deps: Deps, task: Pick<TaskRecord, "id" | "networkId" | "fromThreadId">): void {
  deps.events.publish({
    type: "tasks-changed",
    networkId: task.networkId,
    data: { networkId: task.networkId, taskId: task.id },
  });
  // the thread it was made from lists it: everyone reading that thread sees it appear and move
  const thread = task.fromThreadId === null ? null : findThread(deps.db, task.fromThreadId);
  if (thread) {
    deps.events.publish({
      type: "comments-changed",
      networkId: thread.networkId,
      data: { networkId: thread.networkId, workplanId: thread.workplanId, threadId: thread.id },
    });
  }
}

function notifyAssigned(deps: Deps, caller: Caller, task: TaskRecord): void {
  if (!task.assigneeId) return;
  notify(deps, {
    userId: task.assigneeId,
    networkId: task.networkId,
    kind: "task-assigned",
    actorId: caller.user.id,
    message: task.due
      ? msg("notification.taskAssignedDue", {
          actor: caller.user.name,
          task: task.title,
          due: task.due,
        })
      : msg("notification.taskAssigned", { actor: caller.user.name, task: task.title }),
    subject: { taskId: task.id },
  });
}

const TASK_CURSOR = ["number", "number", "string", "number", "number"] as const;

/** A page of the network's tasks, unfinished first, then by due date. */
export function listTasks(
  deps: Deps,
  caller: Caller,
  networkId: string,
  query: PageQuery,
  filters: { status?: TaskStatus; assignee?: string } = {},
): Page<TaskView> {
  requireNetworkPermission(deps, caller, networkId, "workplan.read");
  const page = listNetworkTaskPage(
    deps.db,
    networkId,
    { status: filters.status, assigneeId: filters.assignee },
    pageRequest(query, TASK_CURSOR),
  );
  return mapPage(page, (tasks) => taskViewsFor(deps, tasks));
}

function requireTask(deps: Deps, caller: Caller, taskId: string): TaskRecord {
  const task = findTask(deps.db, taskId);
  if (!task) {
    throw new AppError("not_found", msg("task.notFoundForYou", { taskId }));
  }
  requireNetworkPermission(deps, caller, task.networkId, "workplan.read");
  return task;
}

export function getTask(deps: Deps, caller: Caller, taskId: string): TaskView {
  return toTaskView(requireTask(deps, caller, taskId), today(deps));
}

export type CreateTaskInput = {
  title?: string;
  assigneeId: string;
  due: string | null;
  status: TaskStatus;
  activityIds?: string[];
  fromThreadId?: string;
  fromWarningId?: string;
};

/** A coordinator turns a thread, a warning ("coordinate") or nothing at all into assigned work. */
export function createTask(
  deps: Deps,
  caller: Caller,
  networkId: string,
  input: CreateTaskInput,
): TaskView {
  requireNetworkPermission(deps, caller, networkId, "task.create");
  requireAssignee(deps, networkId, input.assigneeId);
  let title = input.title;
  let activityIds = input.activityIds;
  if (input.fromThreadId !== undefined) {
    const thread = findThread(deps.db, input.fromThreadId);
    if (!thread || thread.networkId !== networkId) {
      throw new AppError(
        "validation_failed",
        msg("task.threadOutside", { threadId: input.fromThreadId }),
      );
    }
    const first = listThreadComments(deps.db, thread.id).find((c) => c.deletedAt === null);
    title ??= shorten(first?.body || thread.quote || "Follow up on a comment");
    activityIds ??= thread.activityId ? [thread.activityId] : [];
  }
  if (input.fromWarningId !== undefined) {
    const warning = findWarning(deps.db, input.fromWarningId);
    if (!warning || warning.networkId !== networkId || warning.status === "gone") {
      throw new AppError(
        "validation_failed",
        msg("task.warningOutside", { warningId: input.fromWarningId }),
      );
    }
    const titles = new Map(
      listNetworkActivities(deps.db, networkId).map((a) => [`${a.workplanId}/${a.id}`, a.title]),
    );
    const name = (ref: { workplanId: string; activityId: string }) =>
      titles.get(`${ref.workplanId}/${ref.activityId}`) || ref.activityId;
    title ??= shorten(`Coordinate "${name(warning.a)}" and "${name(warning.b)}"`);
    activityIds ??= [...new Set([warning.a.activityId, warning.b.activityId])];
  }
  if (title === undefined) {
    throw new AppError("validation_failed", msg("task.needsTitle"));
  }
  const now = deps.now();
  const create = deps.db.transaction(() => {
    const task = insertTask(
      deps.db,
      {
        networkId,
        title,
        activityIds: activityIds ?? [],
        assigneeId: input.assigneeId,
        createdBy: caller.user.id,
        due: input.due,
        status: input.status,
        fromThreadId: input.fromThreadId ?? null,
        fromWarningId: input.fromWarningId ?? null,
      },
      now,
    );
    appendAudit(
      deps.db,
      {
        actorId: caller.user.id,
        action: "task.create",
        networkId,
        subject: task.id,
        detail: {
          title,
          assigneeId: input.assigneeId,
          due: input.due,
          fromThreadId: input.fromThreadId ?? null,
          fromWarningId: input.fromWarningId ?? null,
        },
        ip: caller.ip,
      },
      now,
    );
    return task;
  });
  const task = create.immediate();
  announce(deps, task);
  notifyAssigned(deps, caller, task);
  return toTaskView(task, today(deps));
}

export type TaskChange = {
  status?: TaskStatus;
  title?: string;
  assigneeId?: string;
  due?: string | null;
  activityIds?: string[];
};

/** The assignee moves the status along; coordinators may change anything. */
export function changeTask(
  deps: Deps,
  caller: Caller,
  taskId: string,
  change: TaskChange,
): TaskView {
  const task = requireTask(deps, caller, taskId);
  const { status, ...rest } = change;
  const onlyStatus = Object.values(rest).every((value) => value === undefined);
  const isAssignee = task.assigneeId === caller.user.id;
  requireNetworkPermission(
    deps,
    caller,
    task.networkId,
    onlyStatus && isAssignee ? "task.update-assigned" : "task.create",
  );
  if (change.assigneeId !== undefined && change.assigneeId !== task.assigneeId) {
    requireAssignee(deps, task.networkId, change.assigneeId);
  }
  updateTask(deps.db, taskId, change, deps.now());
  const updated = findTask(deps.db, taskId);
  if (!updated) throw new AppError("not_found", msg("task.notFound", { taskId }));
  announce(deps, updated);
  if (updated.assigneeId !== task.assigneeId) {
    notifyAssigned(deps, caller, updated);
  } else {
    const what =
      status !== undefined && status !== task.status
        ? msg("notification.taskStatus", {
            actor: caller.user.name,
            task: updated.title,
            // ICU selectors are identifiers: "in-progress" is not one
            status: status === "in-progress" ? "inProgress" : status,
          })
        : msg("notification.taskUpdated", { actor: caller.user.name, task: updated.title });
    for (const userId of new Set([updated.assigneeId, updated.createdBy])) {
      if (userId === null || !findMembership(deps.db, updated.networkId, userId)) continue;
      notify(deps, {
        userId,
        networkId: updated.networkId,
        kind: "task-updated",
        actorId: caller.user.id,
        message: what,
        subject: { taskId },
      });
    }
  }
  return viewOf(deps, taskId);
}
