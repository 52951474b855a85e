import type { NotificationView } from "@junction/domain";
import { type MouseEvent, Suspense, useEffect, useId, useRef, useState } from "react";
import { describeError } from "../../api/errors";
import { isPlainLeftClick, navigate } from "../../app/router";
import { useFormat, useT } from "../../i18n";
import { LoadMore } from "../../ui/load-more";
import { ErrorState, LoadingState } from "../../ui/states";
import { describeNotification, notificationHref, unreadBadge } from "./notification-logic";
import { useNotifications } from "./use-notifications";

/**
 * The header's bell; render it keyed by the user so another sign-in starts from nothing. Its
 * messages load on their own, so the rest of the header never waits for them.
 */
export function NotificationBell() {
  return (
    <Suspense fallback={<div className="notification-bell" />}>
      <Bell />
    </Suspense>
  );
}

function Bell() {
  const t = useT("notifications");
  const f = useFormat();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { unread, list, reload, loadMore, markRead } = useNotifications(open);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const badge = unreadBadge(unread ?? 0, f.number);

  useEffect(() => {
    if (!open) return;
    function onPointerDown(event: PointerEvent) {
      if (event.target instanceof Node && !rootRef.current?.contains(event.target)) setOpen(false);
    }
    function onKeyDown(event: KeyboardEvent) {
      if (event.key === "Escape") {
        setOpen(false);
        buttonRef.current?.focus();
      }
    }
    document.addEventListener("pointerdown", onPointerDown);
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("pointerdown", onPointerDown);
      document.removeEventListener("keydown", onKeyDown);
    };
  }, [open]);

  function mark(ids?: string[]) {
    setError(null);
    markRead(ids).catch((caught: unknown) => setError(describeError(caught)));
  }

  function follow(notification: NotificationView, event: MouseEvent<HTMLAnchorElement>) {
    if (!notification.read) mark([notification.id]);
    if (!isPlainLeftClick(event)) return;
    event.preventDefault();
    setOpen(false);
    navigate(notificationHref(notification));
  }

  const items = list.status === "ready" ? list.items : [];
  const label = unread ? t("bellUnread", { count: unread }) : t("title");

  return (
    <div className="notification-bell" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="bell-button"
        aria-label={label}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
      >
        <svg className="bell-icon" viewBox="0 0 24 24" aria-hidden="true">
          <path d="M6 16V11a6 6 0 0 1 12 0v5l1.5 2h-15z" />
          <path d="M10 20.5a2.2 2.2 0 0 0 4 0" />
        </svg>
        {badge ? (
          <span className="bell-badge" data-testid="unread-count" aria-hidden="true">
            {badge}
          </span>
        ) : null}
      </button>
      <span className="visually-hidden" aria-live="polite">
        {unread ? t("unreadLive", { count: unread }) : ""}
      </span>
      <section id={panelId} className="notification-panel" aria-label={t("title")} hidden={!open}>
        <div className="notification-panel-header">
          <h2 className="notification-panel-title">{t("title")}</h2>
          <button
            type="button"
            className="link-button"
            disabled={!unread}
            onClick={() => mark(undefined)}
          >
            {t("markAllRead")}
          </button>
        </div>
        {error ? (
          <p className="field-error notification-error" role="alert">
            {error}
          </p>
        ) : null}
        {list.status === "loading" || list.status === "idle" ? (
          <LoadingState label={t("loading")} />
        ) : null}
        {list.status === "error" ? (
          <ErrorState title={t("couldNotLoad")} error={list.error} onRetry={reload} />
        ) : null}
        {list.status === "ready" && items.length === 0 ? (
          <p className="notification-empty muted">{t("empty")}</p>
        ) : null}
        {items.length > 0 ? (
          <ul className="notification-list">
            {items.map((notification) => (
              <li key={notification.id}>
                <a
                  href={notificationHref(notification)}
                  className={`notification-item${notification.read ? "" : " notification-unread"}`}
                  onClick={(event) => follow(notification, event)}
                >
                  {notification.read ? null : (
                    <span className="notification-dot">
                      <span className="visually-hidden">{t("unreadPrefix")} </span>
                    </span>
                  )}
                  <span className="notification-text">
                    <span className="notification-message">
                      {describeNotification(notification, t)}
                    </span>
                    <time
                      className="notification-time"
                      dateTime={notification.createdAt}
                      title={f.dateTime(notification.createdAt)}
                    >
                      {f.relative(notification.createdAt)}
                    </time>
                  </span>
                </a>
              </li>
            ))}
          </ul>
        ) : null}
        {list.status === "ready" ? (
          <LoadMore
            hasMore={list.next !== null}
            isLoading={list.isLoadingMore === true}
            onLoadMore={loadMore}
            label={t("older")}
          />
        ) : null}
      </section>
    </div>
  );
}
