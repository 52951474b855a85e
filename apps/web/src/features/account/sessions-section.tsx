import { useState } from "react";
import { api } from "../../api/client";
import { describeError } from "../../api/errors";
import { useResource } from "../../api/use-resource";
import { useFormat, useT } from "../../i18n";
import { userAgentParts } from "../../lib/format";
import { ErrorState, LoadingState, Notice } from "../../ui/states";

/** "Firefox on Windows" in the reader's language, from a User-Agent string. */
function useDeviceName(): (userAgent: string) => string {
  const t = useT("account");
  const tc = useT("common");
  return (userAgent) => {
    const parts = userAgentParts(userAgent);
    if (!parts) return tc("device.unknown");
    const browser = parts.browser ?? t("sessions.browser");
    return parts.system ? tc("device.browserOnSystem", { browser, system: parts.system }) : browser;
  };
}

export function SessionsSection() {
  const t = useT("account");
  const f = useFormat();
  const deviceName = useDeviceName();
  const sessions = useResource(api.sessions, "sessions");
  const [notice, setNotice] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const others = (sessions.data ?? []).filter((s) => !s.current);
  const sorted = [...(sessions.data ?? [])].sort(
    (a, b) => Number(b.current) - Number(a.current) || b.lastSeenAt.localeCompare(a.lastSeenAt),
  );

  async function revoke(sessionId: string) {
    setNotice(null);
    try {
      await api.revokeSession(sessionId);
      sessions.update((list) => list.filter((s) => s.id !== sessionId));
      setNotice({ tone: "success", text: t("sessions.revoked") });
    } catch (caught) {
      setNotice({ tone: "error", text: describeError(caught) });
    }
  }

  async function signOutOthers() {
    setBusy(true);
    setNotice(null);
    try {
      const { count } = await api.logoutOthers();
      sessions.update((list) => list.filter((s) => s.current));
      setNotice({
        tone: "success",
        text: t("sessions.signedOutOthers", { count }),
      });
    } catch (caught) {
      setNotice({ tone: "error", text: describeError(caught) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="section" aria-labelledby="sessions-title">
      <div className="section-header">
        <div>
          <h2 id="sessions-title">{t("sessions.title")}</h2>
          <p className="muted small">{t("sessions.lead")}</p>
        </div>
        <button
          type="button"
          className="button button-secondary"
          disabled={busy || others.length === 0}
          onClick={() => void signOutOthers()}
        >
          {t("sessions.signOutOthers")}
        </button>
      </div>
      {notice ? (
        <Notice tone={notice.tone} onDismiss={() => setNotice(null)}>
          {notice.text}
        </Notice>
      ) : null}
      {sessions.status === "loading" ? <LoadingState label={t("sessions.loading")} /> : null}
      {sessions.status === "error" ? (
        <ErrorState error={sessions.error} onRetry={sessions.reload} />
      ) : null}
      {sessions.status === "ready" ? (
        <ul className="list card">
          {sorted.map((session) => (
            <li key={session.id} className="list-row">
              <div className="list-row-main">
                <span className="list-row-title">
                  {deviceName(session.userAgent)}
                  {session.current ? (
                    <span className="badge badge-current">{t("sessions.thisDevice")}</span>
                  ) : null}
                </span>
                <span className="muted small">
                  {t("sessions.meta", {
                    signedIn: f.dateTime(session.createdAt),
                    lastActive: f.relative(session.lastSeenAt),
                  })}
                </span>
              </div>
              <div className="list-row-aside">
                {session.current ? null : (
                  <button
                    type="button"
                    className="button button-ghost button-small button-danger-text"
                    onClick={() => void revoke(session.id)}
                    aria-label={t("sessions.signOutLabel", {
                      device: deviceName(session.userAgent),
                      lastActive: f.relative(session.lastSeenAt),
                    })}
                  >
                    {t("sessions.signOut")}
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
