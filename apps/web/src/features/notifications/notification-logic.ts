import type { NotificationView } from "@junction/domain";
import { formatDate } from "../../lib/format";

type Subject = Pick<
  NotificationView,
  "kind" | "networkId" | "workplanId" | "activityId" | "taskId" | "warningId"
>;

/** Where a notification takes you: the activity, the workplan, the task or the warning it is about. */
export function notificationHref(notification: Subject): string {
  const { kind, networkId, workplanId, activityId, taskId, warningId } = notification;
  const network = networkId ? `/networks/${encodeURIComponent(networkId)}` : null;
  if (taskId) {
    if (kind === "task-assigned" || !network) return `/my-work#task-${encodeURIComponent(taskId)}`;
    return `${network}/tasks#task-${encodeURIComponent(taskId)}`;
  }
  if (warningId && network) return `${network}/warnings`;
  if (workplanId) {
    const path = `/workplans/${encodeURIComponent(workplanId)}`;
    if (kind === "validation-requested" || kind === "validation-objection") {
      return `${path}#validation`;
    }
    return activityId ? `${path}#activity-${encodeURIComponent(activityId)}` : path;
  }
  return network ?? "/my-work";
}

/** The badge on the bell: the count, capped so it stays one short word. */
export function unreadBadge(unread: number): string | null {
  if (unread <= 0) return null;
  return unread > 99 ? "99+" : String(unread);
}

/** Adds a pushed notification to the top of a list, once. */
export function prependNotification(
  list: readonly NotificationView[],
  notification: NotificationView,
  max = 100,
): NotificationView[] {
  return [notification, ...list.filter((n) => n.id !== notification.id)].slice(0, max);
}

const ISO_DAY = /\b(due|by|on) (\d{4}-\d{2}-\d{2})\b/g;

/** A notification's sentence with its days written as task lists write them ("due 16 Dec 2026"). */
export function readableMessage(message: string): string {
  return message.replace(ISO_DAY, (whole, word: string, day: string) => {
    const formatted = formatDate(day);
    return formatted === "—" ? whole : `${word} ${formatted}`;
  });
}
