import {
  markNotificationsReadRequestSchema,
  notificationViewSchema,
  unreadCountSchema,
} from "@junction/domain";
import {
  countMyUnread,
  listMyNotifications,
  markMyNotificationsRead,
} from "../../services/notifications";
import { readFilter } from "../pagination";
import type { RouteRegistry } from "../route";

/** Notifications (services/notifications.ts). */
export function registerNotificationRoutes(api: RouteRegistry): void {
  api.collection(
    {
      path: "/api/notifications",
      summary: "My notifications, newest first",
      tag: "notifications",
      item: notificationViewSchema,
      filters: { status: "unread or read; default both" },
    },
    ({ c, deps, caller, page }) => {
      const status = readFilter(c, "status", ["unread", "read"] as const);
      return listMyNotifications(deps, caller, page, {
        unread: status === undefined ? undefined : status === "unread",
      });
    },
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
