import type { NotificationView, TaskStatus } from "@junction/domain";
import { formatCalendarDate, type MessageKey, type Translate } from "../../i18n";

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
export function unreadBadge(
  unread: number,
  number: (value: number) => string = String,
): string | null {
  if (unread <= 0) return null;
  return unread > 99 ? `${number(99)}+` : number(unread);
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

/**
 * A sentence the server wrote in English with its days as `YYYY-MM-DD`, the days written in the
 * reader's language ("due 16 Dec 2026"): for a notification of a kind this page does not know.
 */
export function readableMessage(message: string, locale: string): string {
  return message.replace(ISO_DAY, (whole, word: string, day: string) => {
    const formatted = formatCalendarDate(day, locale);
    return formatted === "—" ? whole : `${word} ${formatted}`;
  });
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "16 December 2026" (how the server writes a consultation deadline) as `2026-12-16`. */
function isoDay(written: string): string | null {
  const match = /^(\d{1,2}) ([A-Za-z]+) (\d{4})$/.exec(written);
  const month = match ? MONTHS.indexOf(match[2] ?? "") + 1 : 0;
  if (!match || month === 0) return null;
  return `${match[3]}-${String(month).padStart(2, "0")}-${(match[1] ?? "").padStart(2, "0")}`;
}

const RTL_LANGUAGES = new Set(["ar", "fa", "he", "ur"]);

/** Each value between Unicode first-strong and pop directional isolates (invisible). */
function isolated(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [name, `\u2068${value}\u2069`]),
  );
}

const TASK_STATUS_KEYS: Record<TaskStatus, MessageKey<"notifications">> = {
  open: "task.status.open",
  "in-progress": "task.status.in-progress",
  done: "task.status.done",
  cancelled: "task.status.cancelled",
};

function isTaskStatus(value: string): value is TaskStatus {
  return value in TASK_STATUS_KEYS;
}

/**
 * A notification's sentence in the reader's language. The server stores one English sentence per
 * notification; its parts (who, which workplan, task or activity, which day) are read back from
 * the sentence of its kind and put into that kind's message. A sentence of another shape (an
 * older server, a new kind) is shown as it came, with its days in the reader's language.
 */
export function describeNotification(
  notification: Pick<NotificationView, "kind" | "message">,
  translate: Translate<"notifications">,
): string {
  const { kind, message } = notification;
  // in a right-to-left language the names and titles people typed are bidi-isolated, so an
  // English title keeps its order inside an Arabic sentence
  const rtl = RTL_LANGUAGES.has(translate.locale.split("-")[0] ?? "");
  const t = Object.assign(
    (key: MessageKey<"notifications">, values?: Record<string, string>) =>
      translate(key, values && rtl ? isolated(values) : values),
    { locale: translate.locale },
  );
  const day = (iso: string | null | undefined) => (iso ? formatCalendarDate(iso, t.locale) : null);
  let m: RegExpExecArray | null = null;
  switch (kind) {
    case "mention":
      m = /^(.+?) mentioned you in a comment on (.+)$/.exec(message);
      if (m) return t("mention", { actor: m[1] ?? "", workplan: m[2] ?? "" });
      break;
    case "reply":
      m = /^(.+?) replied in a thread you took part in on (.+)$/.exec(message);
      if (m) return t("reply", { actor: m[1] ?? "", workplan: m[2] ?? "" });
      break;
    case "comment-removed":
      m = /^(.+?) removed a message of yours from a thread in (.+)$/.exec(message);
      if (m) return t("commentRemoved", { actor: m[1] ?? "", workplan: m[2] ?? "" });
      break;
    case "owner-assigned":
      m = /^(.+?) made you an owner of "(.*)" in (.+)$/.exec(message);
      if (m) {
        return t("ownerAssigned", {
          actor: m[1] ?? "",
          activity: m[2] ?? "",
          workplan: m[3] ?? "",
        });
      }
      break;
    case "task-assigned": {
      m = /^(.+?) assigned you a task: (.*?)(?: \(due (\d{4}-\d{2}-\d{2})\))?$/.exec(message);
      if (!m) break;
      const due = day(m[3]);
      const values = { actor: m[1] ?? "", task: m[2] ?? "" };
      return due ? t("taskAssignedDue", { ...values, due }) : t("taskAssigned", values);
    }
    case "task-updated": {
      m = /^(.+?) marked "(.*)" ([a-z-]+)$/.exec(message);
      const status = m?.[3] ?? "";
      if (m && isTaskStatus(status)) {
        return t("taskMarked", {
          actor: m[1] ?? "",
          task: m[2] ?? "",
          status: t(TASK_STATUS_KEYS[status]),
        });
      }
      m = /^(.+?) updated the task "(.*)"$/.exec(message);
      if (m) return t("taskUpdated", { actor: m[1] ?? "", task: m[2] ?? "" });
      break;
    }
    case "warning": {
      m = /^"(.*)" may duplicate "(.*)"(?: \((.+)\))?$/.exec(message);
      if (!m) break;
      const values = { activity: m[1] ?? "", other: m[2] ?? "" };
      return m[3] ? t("warningIn", { ...values, workplan: m[3] }) : t("warning", values);
    }
    case "consultation": {
      m = /^(.+?) invites you to comment on "(.*)"(?: until (\d{1,2} [A-Za-z]+ \d{4}))?$/.exec(
        message,
      );
      if (!m) break;
      const values = { actor: m[1] ?? "", workplan: m[2] ?? "" };
      const until = day(isoDay(m[3] ?? ""));
      return until ? t("consultationUntil", { ...values, until }) : t("consultation", values);
    }
    case "validation-requested":
      m = /^"(.*)" is in validation: (.+) is asked to approve it or object$/.exec(message);
      if (m) {
        return m[2] === "your organisation"
          ? t("validationRequestedYours", { workplan: m[1] ?? "" })
          : t("validationRequested", { workplan: m[1] ?? "", organisation: m[2] ?? "" });
      }
      break;
    case "validation-objection":
      m = /^(.+?) overruled (.+)'s objection to "(.*)": ([\s\S]*)$/.exec(message);
      if (m) {
        return t("objectionOverruled", {
          actor: m[1] ?? "",
          objector: m[2] ?? "",
          workplan: m[3] ?? "",
          reason: m[4] ?? "",
        });
      }
      m = /^(.+?) objects to "(.*)": ([\s\S]*)$/.exec(message);
      if (m) {
        return t("objection", { objector: m[1] ?? "", workplan: m[2] ?? "", comment: m[3] ?? "" });
      }
      break;
  }
  return readableMessage(message, t.locale);
}
