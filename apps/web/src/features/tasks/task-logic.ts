import type { TaskStatus, TaskView } from "@junction/domain";
import { formatCalendarDate, type MessageKey, type Translate } from "../../i18n";

export const TASK_STATUS_KEYS: Record<TaskStatus, MessageKey<"tasks">> = {
  open: "status.open",
  "in-progress": "status.in-progress",
  done: "status.done",
  cancelled: "status.cancelled",
};

const FINISHED: readonly TaskStatus[] = ["done", "cancelled"];

export function isFinished(status: TaskStatus): boolean {
  return FINISHED.includes(status);
}

/** A local calendar day as YYYY-MM-DD, the form due dates are written in. */
export function toDay(date: Date): string {
  const month = String(date.getMonth() + 1).padStart(2, "0");
  const day = String(date.getDate()).padStart(2, "0");
  return `${date.getFullYear()}-${month}-${day}`;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export type DueTone = "overdue" | "soon" | "later" | "none";

/**
 * How a task's due date reads next to it: "Overdue by 3 days", "Due today", "Due 4 Dec 2026".
 * `overdue` is the server's verdict (it compares in UTC); the wording counts from `today`.
 */
export function describeDue(
  task: Pick<TaskView, "due" | "status" | "overdue">,
  today: string,
  t: Translate<"tasks">,
): { text: string; tone: DueTone } {
  if (!task.due) return { text: t("due.none"), tone: "none" };
  const days = daysBetween(today, task.due);
  const date = formatCalendarDate(task.due, t.locale);
  if (task.overdue) return { text: lateness(Math.max(1, -days), t), tone: "overdue" };
  if (isFinished(task.status)) return { text: t("due.on", { date }), tone: "later" };
  if (days <= 0) return { text: t("due.today"), tone: "soon" };
  if (days === 1) return { text: t("due.tomorrow"), tone: "soon" };
  if (days <= 7) return { text: t("due.inDays", { count: days }), tone: "soon" };
  return { text: t("due.on", { date }), tone: "later" };
}

/** "Overdue by 3 days / 5 weeks / 7 months / more than 4 years": precise while it matters. */
function lateness(days: number, t: Translate<"tasks">): string {
  if (days < 28) return t("overdue.days", { count: days });
  if (days < 92) return t("overdue.weeks", { count: Math.floor(days / 7) });
  if (days < 730) return t("overdue.months", { count: Math.floor(days / 30.44) });
  return t("overdue.years", { count: Math.floor(days / 365.25) });
}

/** Unfinished first; among them overdue, then the earliest due date; undated last. */
export function sortTasks(tasks: readonly TaskView[]): TaskView[] {
  const rank = (task: TaskView) => (isFinished(task.status) ? 2 : task.overdue ? 0 : 1);
  return [...tasks].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.due ?? "9999-99-99").localeCompare(b.due ?? "9999-99-99") ||
      a.createdAt.localeCompare(b.createdAt),
  );
}

export type TaskStatusFilter = "unfinished" | "all" | TaskStatus;
export type TaskFilter = { status: TaskStatusFilter; assigneeId: string };
export const NO_TASK_FILTER: TaskFilter = { status: "unfinished", assigneeId: "" };

export function filterTasks(tasks: readonly TaskView[], filter: TaskFilter): TaskView[] {
  return tasks.filter((task) => {
    if (filter.assigneeId && task.assigneeId !== filter.assigneeId) return false;
    if (filter.status === "all") return true;
    if (filter.status === "unfinished") return !isFinished(task.status);
    return task.status === filter.status;
  });
}

/** The people tasks are assigned to, by name, for the assignee filter. */
export function assigneesOf(tasks: readonly TaskView[]): { id: string; name: string }[] {
  const people = new Map<string, string>();
  for (const task of tasks) {
    if (task.assigneeId) people.set(task.assigneeId, task.assigneeName ?? task.assigneeId);
  }
  return [...people]
    .map(([id, name]) => ({ id, name }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function countUnfinished(tasks: readonly TaskView[]): number {
  return tasks.filter((task) => !isFinished(task.status)).length;
}
