import { useState } from "react";
import { api } from "../../api/client";
import { describeError } from "../../api/errors";
import { useResource } from "../../api/use-resource";
import { describeUserAgent, formatCount, formatDateTime, formatRelative } from "../../lib/format";
import { ErrorState, LoadingState, Notice } from "../../ui/states";

export function SessionsSection() {
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
      setNotice({ tone: "success", text: "That session was signed out." });
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
        text: `Signed out ${formatCount(count, "other session")}.`,
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
          <h2 id="sessions-title">Sessions</h2>
          <p className="muted small">Browsers and devices signed in to your account.</p>
        </div>
        <button
          type="button"
          className="button button-secondary"
          disabled={busy || others.length === 0}
          onClick={() => void signOutOthers()}
        >
          Sign out everywhere else
        </button>
      </div>
      {notice ? (
        <Notice tone={notice.tone} onDismiss={() => setNotice(null)}>
          {notice.text}
        </Notice>
      ) : null}
      {sessions.status === "loading" ? <LoadingState label="Loading sessions…" /> : null}
      {sessions.status === "error" ? (
        <ErrorState error={sessions.error} onRetry={sessions.reload} />
      ) : null}
      {sessions.status === "ready" ? (
        <ul className="list card">
          {sorted.map((session) => (
            <li key={session.id} className="list-row">
              <div className="list-row-main">
                <span className="list-row-title">
                  {describeUserAgent(session.userAgent)}
                  {session.current ? (
                    <span className="badge badge-current">This device</span>
                  ) : null}
                </span>
                <span className="muted small">
                  Signed in {formatDateTime(session.createdAt)} · last active{" "}
                  {formatRelative(session.lastSeenAt)}
                </span>
              </div>
              <div className="list-row-aside">
                {session.current ? null : (
                  <button
                    type="button"
                    className="button button-ghost button-small button-danger-text"
                    onClick={() => void revoke(session.id)}
                    aria-label={`Sign out ${describeUserAgent(session.userAgent)}, last active ${formatRelative(session.lastSeenAt)}`}
                  >
                    Sign out
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
