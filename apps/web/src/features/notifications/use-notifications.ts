import type { NotificationView } from "@junction/domain";
import { useCallback, useEffect, useState } from "react";
import { api } from "../../api/client";
import { useServerEvent } from "../../app/session";
import { prependNotification } from "./notification-logic";

type NotificationList =
  | { status: "idle" | "loading" }
  | { status: "error"; error: unknown }
  | { status: "ready"; items: NotificationView[]; next: string | null; isLoadingMore?: boolean };

/** Notifications the panel shows at first; older ones come a page at a time. */
export const NOTIFICATION_PAGE_SIZE = 30;

/**
 * The unread count (live from the first render) and the latest notifications (loaded the first
 * time `wanted` is true, then kept current by the user's `notification` events).
 */
export function useNotifications(wanted: boolean) {
  const [unread, setUnread] = useState<number | null>(null);
  const [list, setList] = useState<NotificationList>({ status: "idle" });

  useEffect(() => {
    let live = true;
    api.unreadNotifications().then(
      (count) => {
        if (live) setUnread(count.unread);
      },
      () => {},
    );
    return () => {
      live = false;
    };
  }, []);

  const load = useCallback(() => {
    setList({ status: "loading" });
    api.notificationPage(NOTIFICATION_PAGE_SIZE).then(
      (page) => setList({ status: "ready", items: page.items, next: page.next }),
      (error: unknown) => setList({ status: "error", error }),
    );
  }, []);

  const loadMore = useCallback(() => {
    setList((current) => {
      if (current.status !== "ready" || current.next === null || current.isLoadingMore)
        return current;
      api.notificationPage(NOTIFICATION_PAGE_SIZE, current.next).then(
        (page) =>
          setList((latest) =>
            latest.status === "ready"
              ? {
                  status: "ready",
                  items: [
                    ...latest.items,
                    ...page.items.filter((n) => !latest.items.some((m) => m.id === n.id)),
                  ],
                  next: page.next,
                }
              : latest,
          ),
        () =>
          setList((latest) =>
            latest.status === "ready" ? { ...latest, isLoadingMore: false } : latest,
          ),
      );
      return { ...current, isLoadingMore: true };
    });
  }, []);

  useEffect(() => {
    if (wanted && list.status === "idle") load();
  }, [wanted, list.status, load]);

  useServerEvent("notification", (event) => {
    setUnread(event.unread);
    setList((current) =>
      current.status === "ready"
        ? { ...current, items: prependNotification(current.items, event.notification) }
        : current,
    );
  });
  useServerEvent("notifications-read", (event) => {
    setUnread(event.unread);
    // another tab read some: which ones is not said, so load again when next opened
    setList((current) => (current.status === "ready" ? { status: "idle" } : current));
  });

  const markRead = useCallback(async (ids?: string[]) => {
    setList((current) =>
      current.status === "ready"
        ? {
            ...current,
            items: current.items.map((n) =>
              !ids || ids.includes(n.id) ? { ...n, read: true } : n,
            ),
          }
        : current,
    );
    const count = await api.markNotificationsRead(ids);
    setUnread(count.unread);
  }, []);

  return { unread, list, reload: load, loadMore, markRead };
}
