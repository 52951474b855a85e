import type { NotificationKind, NotificationView, UnreadCount } from "@junction/domain";
import {
  countUnreadNotifications,
  findUserById,
  findWorkplan,
  insertNotification,
  isStorageUnavailable,
  listMembers,
  listNetworkActivities,
  listNotificationPage,
  markNotificationsRead,
  type NotificationRecord,
  type NotificationSubject,
  type WarningRecord,
} from "@junction/store";
import type { BaseDeps, Deps } from "../deps";
import { type Message, msg } from "../i18n/message";
import type { Caller } from "./caller";
import { mapPage, type Page, type PageQuery, pageRequest } from "./pages";

export type NotificationInput = {
  userId: string;
  networkId: string | null;
  kind: NotificationKind;
  actorId: string | null;
  /** One sentence: "Nino mentioned you in a comment on Joint workplan", in the recipient's language. */
  message: string | Message;
  subject: NotificationSubject;
};

function toView(record: NotificationRecord): NotificationView {
  return {
    id: record.id,
    kind: record.kind,
    networkId: record.networkId,
    actorId: record.actorId,
    message: record.message,
    workplanId: record.subject.workplanId ?? null,
    activityId: record.subject.activityId ?? null,
    threadId: record.subject.threadId ?? null,
    taskId: record.subject.taskId ?? null,
    warningId: record.subject.warningId ?? null,
    createdAt: new Date(record.createdAt).toISOString(),
    read: record.readAt !== null,
  };
}

function linkFor(deps: BaseDeps, subject: NotificationSubject): string | null {
  if (!deps.config.publicUrl) return null;
  if (subject.workplanId) return `${deps.config.publicUrl}/workplans/${subject.workplanId}`;
  return `${deps.config.publicUrl}/`;
}

/** The language a user reads in away from the browser (e-mail, stored notifications). */
function readingLocale(deps: BaseDeps, user: { locale: string | null } | null): string {
  return user?.locale && deps.i18n.isAvailable(user.locale) ? user.locale : "en";
}

function sendMail(deps: BaseDeps, record: NotificationRecord, locale: string): void {
  const user = findUserById(deps.db, record.userId);
  if (!user) return;
  const link = linkFor(deps, record.subject);
  const message = record.message;
  // fire and forget: a slow or failing mail server never holds up or fails the request
  deps.mailer
    .send({
      to: user.email,
      subject: deps.i18n.format(locale, msg("notification.mailSubject", { message })),
      text: link
        ? deps.i18n.format(locale, msg("notification.mailText", { message, link }))
        : message,
    })
    .catch((error: unknown) => deps.log.warn("notification mail not sent", { error }));
}

let deferred = 0;

/**
 * Stores one in-app notification, pushes it live to that user only, and mails it when mail is
 * configured. Call it after the change it reports has been committed: when the database is
 * busy just then, it is stored later (the change stands, and the request must not say otherwise).
 */
export function notify(deps: BaseDeps, input: NotificationInput): void {
  if (input.actorId !== null && input.actorId === input.userId) return;
  const createdAt = deps.now();
  const deliver = (): void => {
    // stored in the words the recipient reads at the time it is sent
    const locale = readingLocale(deps, findUserById(deps.db, input.userId));
    const message = deps.i18n.format(locale, input.message);
    const record = insertNotification(deps.db, { ...input, message }, createdAt);
    deps.events.publish({
      type: "notification",
      userId: input.userId,
      data: {
        notification: toView(record),
        unread: countUnreadNotifications(deps.db, input.userId),
      },
    });
    if (deps.mailer.enabled) sendMail(deps, record, locale);
  };
  try {
    deliver();
  } catch (error) {
    // inside a transaction the caller's change fails with it, so it must see the error
    if (!isStorageUnavailable(error) || deps.db.inTransaction) throw error;
    deps.background.schedule(`notification:${++deferred}`, deliver);
  }
}

const NOTIFICATION_CURSOR = ["number", "number"] as const;

/** A page of the caller's notifications, newest first (`unread`: only unread, or only read). */
export function listMyNotifications(
  deps: Deps,
  caller: Caller,
  query: PageQuery,
  filters: { unread?: boolean } = {},
): Page<NotificationView> {
  const page = listNotificationPage(
    deps.db,
    caller.user.id,
    filters,
    pageRequest(query, NOTIFICATION_CURSOR),
  );
  return mapPage(page, (notifications) => notifications.map(toView));
}

export function countMyUnread(deps: Deps, caller: Caller): UnreadCount {
  return { unread: countUnreadNotifications(deps.db, caller.user.id) };
}

/** Marks the caller's notifications read (the listed ones, else all); answers the unread count. */
export function markMyNotificationsRead(
  deps: Deps,
  caller: Caller,
  ids: readonly string[] | undefined,
): UnreadCount {
  const changed = markNotificationsRead(deps.db, caller.user.id, ids ?? null, deps.now());
  const unread = countUnreadNotifications(deps.db, caller.user.id);
  if (changed > 0) {
    deps.events.publish({ type: "notifications-read", userId: caller.user.id, data: { unread } });
  }
  return { unread };
}

/**
 * Tells the members of both lead organisations that a duplication warning was raised (or raised
 * again) on their activities. For the warning engine to call on a new open warning.
 */
export function notifyWarning(
  deps: BaseDeps,
  warning: Pick<WarningRecord, "id" | "networkId" | "a" | "b" | "status">,
): void {
  if (warning.status !== "open") return;
  const activities = new Map(
    listNetworkActivities(deps.db, warning.networkId).map((a) => [`${a.workplanId}/${a.id}`, a]),
  );
  const a = activities.get(`${warning.a.workplanId}/${warning.a.activityId}`);
  const b = activities.get(`${warning.b.workplanId}/${warning.b.activityId}`);
  if (!a || !b) return;
  for (const member of listMembers(deps.db, warning.networkId)) {
    const own = member.organisationId === a.lead ? a : member.organisationId === b.lead ? b : null;
    if (!own) continue;
    const other = own === a ? b : a;
    const workplan = findWorkplan(deps.db, own.workplanId);
    notify(deps, {
      userId: member.userId,
      networkId: warning.networkId,
      kind: "warning",
      actorId: null,
      message: workplan
        ? msg("notification.duplicate", {
            activity: own.title || own.id,
            other: other.title || other.id,
            workplan: workplan.title,
          })
        : `"${own.title || own.id}" may duplicate "${other.title || other.id}"`,
      subject: { workplanId: own.workplanId, activityId: own.id, warningId: warning.id },
    });
  }
}
