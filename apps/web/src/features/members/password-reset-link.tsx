import type { IssuedPasswordReset, MemberView } from "@junction/domain";
import { useState } from "react";
import { api } from "../../api/client";
import { describeError } from "../../api/errors";
import { formatDateTime } from "../../lib/format";
import { SecretValue } from "../../ui/copy-button";
import { Notice } from "../../ui/states";

/** An instance administrator issues a member a password-reset link (when no e-mail goes out). */
export function PasswordResetButton({
  member,
  onIssued,
}: {
  member: MemberView;
  onIssued: (issued: IssuedPasswordReset | { error: string }) => void;
}) {
  const [busy, setBusy] = useState(false);

  async function issue() {
    setBusy(true);
    try {
      onIssued(await api.issuePasswordReset(member.userId));
    } catch (caught) {
      onIssued({ error: describeError(caught) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <button
      type="button"
      className="button button-ghost button-small"
      disabled={busy}
      onClick={() => void issue()}
      aria-label={`Password-reset link for ${member.name}`}
    >
      Reset link
    </button>
  );
}

/** The link just issued, shown once, to hand over by a channel the administrator trusts. */
export function IssuedResetLink({
  issued,
  onDone,
}: {
  issued: IssuedPasswordReset | { error: string };
  onDone: () => void;
}) {
  if ("error" in issued) {
    return (
      <Notice tone="error" onDismiss={onDone}>
        {issued.error}
      </Notice>
    );
  }
  return (
    <div className="card card-highlight invitation-created" role="status">
      <h2>Password-reset link for {issued.email}</h2>
      <p>
        Give this link to {issued.email} yourself. It is shown only once, works once, expires on{" "}
        <strong>{formatDateTime(issued.expiresAt)}</strong>, and replaces any earlier link. Setting
        a new password signs them out everywhere.
      </p>
      <SecretValue value={issued.link} label="Password-reset link" />
      <div className="row-end">
        <button type="button" className="button button-ghost" onClick={onDone}>
          Done
        </button>
      </div>
    </div>
  );
}
