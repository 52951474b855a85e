import type { NotificationView } from "@junction/domain";
import { useCallback, useEffect, useState } from "react";
import { api } from "../../api/client";
import { useServerEvent } from "../../app/session";
import { prependNotification } from "./notification-logic";

type NotificationList =
  | { status: "idle" | "loading" }
  | { status: "error"; error: unknown }
  | { status: "ready"; items: NotificationView[] };

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
    api.notifications().then(
      (items) => setList({ status: "ready", items }),
      (error: unknown) => setList({ status: "error", error }),
    );
  }, []);

  useEffect(() => {
    if (wanted && list.status === "idle") load();
  }, [wanted, list.status, load]);

  useServerEvent("notification", (event) => {
    setUnread(event.unread);
    setList((current) =>
      current.status === "ready"
        ? { status: "ready", items: prependNotification(current.items, event.notification) }
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
            status: "ready",
            items: current.items.map((n) =>
              !ids || ids.includes(n.id) ? { ...n, read: true } : n,
            ),
          }
        : current,
    );
    const count = await api.markNotificationsRead(ids);
    setUnread(count.unread);
  }, []);

  return { unread, list, reload: load, markRead };
}
